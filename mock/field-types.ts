// The type check Go's encoding/json makes while it decodes an ImageSignature body, driven
// by the component schemas of spec/schemas.ts (the source of spec/openapi.yaml) and
// compiled once. Types only: required, enum and additionalProperties are not checked at
// decode, and unknown fields are skipped, as Go does. Like Go 1.10's decoder, a wrong JSON
// type (or bad base64) is remembered and decoding goes on, while a metav1.Time that fails
// to parse stops it at once; that error wins over a remembered one.
import { schemas, type JsonSchema } from '../spec/schemas';
import { decodeGoBase64 } from './go-base64';
import { goRfc3339Problem } from './go-time';
import type { JsonPath } from './json-number-literal';

interface StructType {
  kind: 'struct';
  name: string;
  struct: string;
  fields: ReadonlyMap<string, GoType>;
}

type GoType =
  | { kind: 'string'; name: string; format: 'text' | 'time' | 'bytes' }
  | { kind: 'int'; name: 'int64' | 'int32' }
  | { kind: 'bool'; name: 'bool' }
  | StructType
  | { kind: 'slice'; name: string; items: GoType }
  | { kind: 'map'; name: string; values: GoType };

// reflect's names for the named string types; every struct is `v1.<schema name>`.
const NAMED_STRINGS: Readonly<Record<string, string>> = {
  'SignatureCondition.type': 'v1.SignatureConditionType',
  'SignatureCondition.status': 'v1.ConditionStatus',
  'ObjectMeta.uid': 'types.UID',
  'OwnerReference.uid': 'types.UID',
  'StatusDetails.uid': 'types.UID',
  'Status.reason': 'v1.StatusReason',
  'StatusCause.reason': 'v1.CauseType',
};

const INT_RANGES = {
  int64: [-(2n ** 63n), 2n ** 63n - 1n],
  int32: [-(2n ** 31n), 2n ** 31n - 1n],
} as const;

const compiled = new Map<string, StructType>();

function structType(name: string): StructType {
  const known = compiled.get(name);
  if (known !== undefined) return known;

  const schema = schemas[name];
  if (schema === undefined) throw new TypeError(`spec/schemas.ts has no ${name}`);
  const fields = new Map<string, GoType>();
  const type: StructType = { kind: 'struct', name: `v1.${name}`, struct: name, fields };
  compiled.set(name, type);
  const properties = (schema['properties'] ?? {}) as Record<string, JsonSchema>;
  for (const [field, property] of Object.entries(properties)) {
    fields.set(field, compile(property, `${name}.${field}`));
  }
  return type;
}

function compile(schema: JsonSchema, where: string): GoType {
  const ref = schema['$ref'];
  if (typeof ref === 'string') return structType(ref.slice(ref.lastIndexOf('/') + 1));

  const types = ([] as unknown[]).concat(schema['type']);
  const jsonType = types.find((type) => type !== 'null');
  switch (jsonType) {
    case 'string':
      if (schema['format'] === 'date-time')
        return { kind: 'string', name: 'string', format: 'time' };
      if (schema['format'] === 'byte') return { kind: 'string', name: '[]uint8', format: 'bytes' };
      return { kind: 'string', name: NAMED_STRINGS[where] ?? 'string', format: 'text' };
    case 'integer':
      return { kind: 'int', name: schema['format'] === 'int32' ? 'int32' : 'int64' };
    case 'boolean':
      return { kind: 'bool', name: 'bool' };
    case 'array': {
      const items = compile(schema['items'] as JsonSchema, where);
      return { kind: 'slice', name: `[]${items.name}`, items };
    }
    case 'object': {
      const values = compile(schema['additionalProperties'] as JsonSchema, where);
      return { kind: 'map', name: `map[string]${values.name}`, values };
    }
    default:
      throw new TypeError(`spec/schemas.ts: no Go type for ${where}`);
  }
}

const IMAGE_SIGNATURE = structType('ImageSignature');

/** Reads the literal text of the number at a path of the body, when the body is JSON. */
export type NumberText = (path: JsonPath) => string | undefined;

export interface TypeCheckOptions {
  numberText?: NumberText;
}

interface Decoding {
  path: (string | number)[];
  /** The first remembered error, as Go's d.savedError. */
  saved: string | undefined;
  numberText: NumberText;
}

/** Where Go's UnmarshalTypeError says the value was: the innermost struct and its field. */
interface Context {
  struct: string;
  field: string;
}

/** Go's decode error for the body, or undefined when every known field has its Go type. */
export function fieldTypeProblem(
  signature: Record<string, unknown>,
  options: TypeCheckOptions = {},
): string | undefined {
  const decoding: Decoding = {
    path: [],
    saved: undefined,
    numberText: options.numberText ?? (() => undefined),
  };
  const fatal = checkFields(signature, IMAGE_SIGNATURE, decoding);
  return fatal ?? decoding.saved;
}

function checkFields(
  record: Record<string, unknown>,
  type: StructType,
  decoding: Decoding,
): string | undefined {
  for (const [field, value] of Object.entries(record)) {
    const fieldType = type.fields.get(field);
    if (fieldType === undefined) continue;

    decoding.path.push(field);
    const fatal = check(value, fieldType, { struct: type.struct, field }, decoding);
    decoding.path.pop();
    if (fatal !== undefined) return fatal;
  }
  return undefined;
}

/** Checks one value; returns an error that stops decoding, remembers one that does not. */
function check(value: unknown, type: GoType, at: Context, decoding: Decoding): string | undefined {
  // null decodes to the zero value (or leaves a pointer nil) whatever the type.
  if (value === null) return undefined;

  const mismatch = (what = jsonKind(value)): undefined => {
    decoding.saved ??= `json: cannot unmarshal ${what} into Go struct field ${at.struct}.${at.field} of type ${type.name}`;
    return undefined;
  };
  switch (type.kind) {
    case 'string':
      return checkString(value, type.format, mismatch, decoding);
    case 'int':
      if (typeof value !== 'number') return mismatch();
      if (fitsInt(value, type.name, decoding)) return undefined;
      return mismatch(`number ${decoding.numberText(decoding.path) ?? String(value)}`);
    case 'bool':
      return typeof value === 'boolean' ? undefined : mismatch();
    case 'struct':
      return isRecord(value) ? checkFields(value, type, decoding) : mismatch();
    case 'slice':
      return Array.isArray(value)
        ? checkItems(value.entries(), type.items, at, decoding)
        : mismatch();
    case 'map':
      return isRecord(value)
        ? checkItems(Object.entries(value), type.values, at, decoding)
        : mismatch();
  }
}

function checkString(
  value: unknown,
  format: 'text' | 'time' | 'bytes',
  mismatch: () => undefined,
  decoding: Decoding,
): string | undefined {
  // metav1.Time's UnmarshalJSON unmarshals into a bare string, then parses it.
  if (format === 'time') {
    if (typeof value !== 'string') {
      return `json: cannot unmarshal ${jsonKind(value)} into Go value of type string`;
    }
    return goRfc3339Problem(value);
  }
  if (typeof value !== 'string') return mismatch();
  if (format === 'bytes') {
    const decoded = decodeGoBase64(value);
    if (!decoded.ok) decoding.saved ??= `illegal base64 data at input byte ${decoded.offset}`;
  }
  return undefined;
}

function checkItems(
  items: Iterable<[string | number, unknown]>,
  type: GoType,
  at: Context,
  decoding: Decoding,
): string | undefined {
  for (const [key, item] of items) {
    decoding.path.push(key);
    const fatal = check(item, type, at, decoding);
    decoding.path.pop();
    if (fatal !== undefined) return fatal;
  }
  return undefined;
}

// strconv.ParseInt(literal, 10, 64): digits only, in range. The double alone cannot tell
// 9223372036854775807 from 2^63, so beyond 2^53 the literal decides.
function fitsInt(value: number, name: 'int64' | 'int32', decoding: Decoding): boolean {
  const [min, max] = INT_RANGES[name];
  if (Number.isSafeInteger(value)) return BigInt(value) >= min && BigInt(value) <= max;

  const literal =
    decoding.numberText(decoding.path) ?? (Number.isInteger(value) ? String(value) : '');
  if (!/^-?\d+$/.test(literal)) return false;
  const parsed = BigInt(literal);
  return parsed >= min && parsed <= max;
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
