// The ImageSignature schemas, transcribed from the API description in shared/seed and
// typed as the real server's Go structs are (openshift/api image/v1, k8s meta/v1 of the
// 1.7–1.11 era). Every field carries its JSON type, format and a one-line description.

export type JsonSchema = { [key: string]: unknown };

const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

const str = (description: string, extra: JsonSchema = {}): JsonSchema => ({
  type: 'string',
  description,
  ...extra,
});

// metav1.Time: RFC 3339 in UTC at second precision; a zero non-pointer Time prints null.
const time = (description: string, nullable = false): JsonSchema => ({
  type: nullable ? ['string', 'null'] : 'string',
  format: 'date-time',
  description,
});

const stringMap = (description: string): JsonSchema => ({
  type: 'object',
  additionalProperties: { type: 'string' },
  description,
});

const object = (
  description: string,
  properties: Record<string, JsonSchema>,
  required: string[] = [],
): JsonSchema => ({
  type: 'object',
  description,
  ...(required.length > 0 ? { required } : {}),
  properties,
  additionalProperties: false,
});

const ImageSignature = object(
  'A signature of an image: the opaque signed blob plus what the server reads from it.',
  {
    kind: str('The object kind; the endpoint fills it in when omitted.', {
      enum: ['ImageSignature'],
    }),
    apiVersion: str('The group and version: v1 on /oapi/v1, image.openshift.io/v1 on /apis.', {
      enum: ['v1', 'image.openshift.io/v1'],
    }),
    metadata: ref('ObjectMeta'),
    type: str('A free-form label for the kind of signature blob, such as atomic.'),
    content: str('The signature bytes, base64 encoded; opaque to the API.', {
      format: 'byte',
      contentEncoding: 'base64',
    }),
    conditions: {
      type: 'array',
      items: ref('SignatureCondition'),
      description: 'Observations about the signature state; set by the server only.',
    },
    imageIdentity: str('A readable identity of the signed image; set by the server only.'),
    signedClaims: stringMap('Claims read from the signature content; set by the server only.'),
    created: time('When the signature was made; set by the server only.'),
    issuedBy: ref('SignatureIssuer'),
    issuedTo: ref('SignatureSubject'),
  },
  ['type', 'content'],
);

const SignatureCondition = object(
  'One observation about the state of a signature.',
  {
    type: str('Which condition this is: Trusted, ForImage, Expired or Revoked.'),
    status: str('Whether the condition holds.', { enum: ['True', 'False', 'Unknown'] }),
    lastProbeTime: time('The last time the condition was checked.', true),
    lastTransitionTime: time('The last time the status changed.', true),
    reason: str('A short machine-readable reason for the last transition.'),
    message: str('A human-readable detail of the last transition.'),
  },
  ['type', 'status'],
);

const genericEntity = {
  organization: str('The organisation name of the person or entity.'),
  commonName: str('The common name of the person or entity.'),
};

const SignatureIssuer = object('Who issued the signing key or certificate.', genericEntity);

const SignatureSubject = object(
  'Who the signing key or certificate belongs to: the signer.',
  {
    ...genericEntity,
    publicKeyID: str('The id of the signing key: at least the low 64 bits of its fingerprint.'),
  },
  ['publicKeyID'],
);

const OwnerReference = object(
  'An object that owns this one.',
  {
    apiVersion: str('The API version of the owner.'),
    kind: str('The kind of the owner.'),
    name: str('The name of the owner.'),
    uid: str('The uid of the owner.'),
    controller: { type: 'boolean', description: 'Whether the owner is the managing controller.' },
    blockOwnerDeletion: {
      type: 'boolean',
      description: 'Whether the owner cannot be deleted before this object is.',
    },
  },
  ['apiVersion', 'kind', 'name', 'uid'],
);

const Initializer = object(
  'One pending initializer.',
  { name: str('The name of the process that initializes the object.') },
  ['name'],
);

const Initializers = object(
  'The initializers still to run on this object (Kubernetes 1.7 to 1.13).',
  {
    pending: {
      type: 'array',
      items: ref('Initializer'),
      description: 'Initializers that have not run yet, in order.',
    },
    result: ref('Status'),
  },
  ['pending'],
);

const ObjectMeta = object('Standard object metadata, as Kubernetes 1.7 to 1.11 define it.', {
  name: str('The object name; for a signature <imageName>@<signatureName>.'),
  generateName: str('A prefix from which the server would generate a name.'),
  namespace: str('Always empty: image signatures are cluster-scoped.'),
  selfLink: str('The URL of this object; set by the server only.'),
  uid: str('The unique id of this object; set by the server only.'),
  resourceVersion: str('The version of the stored object, opaque to clients.'),
  generation: { type: 'integer', format: 'int64', description: 'The generation of the spec.' },
  creationTimestamp: time('When the server stored the object; set by the server only.', true),
  deletionTimestamp: time('When the object will be deleted; set by the server only.'),
  deletionGracePeriodSeconds: {
    type: 'integer',
    format: 'int64',
    description: 'Seconds the object is given to terminate gracefully.',
  },
  labels: stringMap('Labels; a signature may not carry any.'),
  annotations: stringMap('Annotations; a signature may not carry any.'),
  ownerReferences: { type: 'array', items: ref('OwnerReference'), description: 'The owners.' },
  initializers: ref('Initializers'),
  finalizers: {
    type: 'array',
    items: { type: 'string' },
    description: 'Names of finalizers that must run before the object is removed.',
  },
  clusterName: str('The cluster the object belongs to; cleared by the server.'),
});

const ListMeta = object('Metadata of a list or a Status; always an object, often empty.', {
  selfLink: str('The URL of this list.'),
  resourceVersion: str('The version of the list, opaque to clients.'),
});

const StatusCause = object('One reason why a request failed, usually tied to a field.', {
  reason: str('A machine-readable cause, such as FieldValueRequired.'),
  message: str('A human-readable description of the cause.'),
  field: str('The field that caused the error, as a path such as metadata.name.'),
});

const StatusDetails = object('More about the object an error concerns.', {
  name: str('The name of the object concerned.'),
  group: str('The API group of the object concerned.'),
  kind: str('The kind or resource of the object concerned.'),
  uid: str('The uid of the object concerned.'),
  causes: { type: 'array', items: ref('StatusCause'), description: 'Every cause found.' },
  retryAfterSeconds: {
    type: 'integer',
    format: 'int32',
    description: 'Seconds after which the client may retry.',
  },
});

const Status = object(
  'The result of an operation that returns no object, or of any failure.',
  {
    kind: str('Always Status.', { enum: ['Status'] }),
    apiVersion: str('Always v1.', { enum: ['v1'] }),
    metadata: ref('ListMeta'),
    status: str('Whether the operation succeeded.', { enum: ['Success', 'Failure'] }),
    message: str('A human-readable description of the result.'),
    reason: str('A machine-readable reason for a failure, such as AlreadyExists.'),
    details: ref('StatusDetails'),
    code: { type: 'integer', format: 'int32', description: 'The HTTP status code.' },
  },
  ['metadata', 'status'],
);

const Preconditions = object('Conditions that must hold before the delete.', {
  uid: str('The uid the object must have.'),
});

// DeleteOptions are accepted on delete but ignored by this resource; unknown keys pass.
const DeleteOptions = {
  ...object('Options of a delete; this resource accepts and ignores them.', {
    kind: str('Always DeleteOptions.'),
    apiVersion: str('The API version of the options.'),
    gracePeriodSeconds: { type: 'integer', format: 'int64', description: 'Grace period.' },
    preconditions: ref('Preconditions'),
    orphanDependents: { type: 'boolean', description: 'Whether to orphan dependents.' },
    propagationPolicy: str('How dependents are garbage collected.'),
    dryRun: { type: 'array', items: { type: 'string' }, description: 'Dry-run stages.' },
  }),
  additionalProperties: true,
};

export const schemas: Record<string, JsonSchema> = {
  ImageSignature,
  SignatureCondition,
  SignatureIssuer,
  SignatureSubject,
  ObjectMeta,
  OwnerReference,
  Initializers,
  Initializer,
  ListMeta,
  Status,
  StatusDetails,
  StatusCause,
  DeleteOptions,
  Preconditions,
};
