// The JSON types the Go structs accept for each known field of an ImageSignature request.
// A mismatch fails decoding with a 400; null always decodes to the zero value.

type FieldType =
  'string' | 'integer' | 'object' | 'objectArray' | 'array' | 'stringMap' | 'stringArray';

const SIGNATURE_FIELDS: Readonly<Record<string, FieldType>> = {
  metadata: 'object',
  type: 'string',
  content: 'string',
  conditions: 'array',
  imageIdentity: 'string',
  signedClaims: 'stringMap',
  created: 'string',
  issuedBy: 'object',
  issuedTo: 'object',
};

const METADATA_FIELDS: Readonly<Record<string, FieldType>> = {
  name: 'string',
  generateName: 'string',
  namespace: 'string',
  selfLink: 'string',
  uid: 'string',
  resourceVersion: 'string',
  generation: 'integer',
  creationTimestamp: 'string',
  deletionTimestamp: 'string',
  deletionGracePeriodSeconds: 'integer',
  labels: 'stringMap',
  annotations: 'stringMap',
  ownerReferences: 'objectArray',
  initializers: 'object',
  finalizers: 'stringArray',
  clusterName: 'string',
};

const GO_TYPES: Readonly<Record<FieldType, string>> = {
  string: 'string',
  integer: 'int64',
  object: 'struct',
  array: 'slice',
  objectArray: '[]OwnerReference',
  stringMap: 'map[string]string',
  stringArray: '[]string',
};

/** Go's unmarshal error for the first field of the wrong JSON type, if any. */
export function fieldTypeProblem(signature: Record<string, unknown>): string | undefined {
  const top = firstMismatch(signature, SIGNATURE_FIELDS, 'ImageSignature');
  if (top !== undefined) return top;

  const metadata = signature['metadata'];
  if (metadata === null || metadata === undefined) return undefined;
  return firstMismatch(metadata as Record<string, unknown>, METADATA_FIELDS, 'ObjectMeta');
}

function firstMismatch(
  record: Record<string, unknown>,
  fields: Readonly<Record<string, FieldType>>,
  structName: string,
): string | undefined {
  for (const [field, expected] of Object.entries(fields)) {
    const value = record[field];
    if (value === null || value === undefined || fits(value, expected)) continue;
    const got = jsonKind(value);
    return `json: cannot unmarshal ${got} into Go struct field ${structName}.${field} of type ${GO_TYPES[expected]}`;
  }
  return undefined;
}

function fits(value: unknown, expected: FieldType): boolean {
  switch (expected) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return Number.isInteger(value);
    case 'object':
      return isRecord(value);
    case 'array':
      return Array.isArray(value);
    case 'objectArray':
      return Array.isArray(value) && value.every(isRecord);
    case 'stringMap':
      return isRecord(value) && Object.values(value).every((item) => typeof item === 'string');
    case 'stringArray':
      return Array.isArray(value) && value.every((item) => typeof item === 'string');
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The JSON kind Go names in unmarshal errors. */
export function jsonKind(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  if (typeof value === 'boolean') return 'bool';
  return typeof value;
}
