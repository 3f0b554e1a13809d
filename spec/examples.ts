// Explicit examples for every response of the document. Prism serves them verbatim, and
// without them it invents placeholder Status bodies ("status": "Success" on a 401).

const digest = 'sha256:2f0bd3bb5a3e3a0d9e6f7c9d1a4b8c2e5f60718293a4b5c6d7e8f90a1b2c3d4e';
const name = `${digest}@8f1a2b3c4d5e6f708192a3b4c5d6e7f8`;
const content =
  'owGbwMvMwMEYOOWZt/+0X+mMa1WSGHVLSzJKi1PTkxRslAwNQNDSKsnUyspQsbQ0M7dIMk0xTjK0NDNOTUsysTRKMUk2TbEwNjdLNTc2NDY2sDAyNrU0MlCqBQA=';

export const requestExample = {
  kind: 'ImageSignature',
  apiVersion: 'v1',
  metadata: { name },
  type: 'atomic',
  content,
};

// The stored copy as the endpoint under `prefix` answers it; the selfLink escapes the
// name as Go's url.QueryEscape does (':' and '@' are the only characters it changes here).
export const storedExample = (prefix: string, apiVersion: string) => ({
  kind: 'ImageSignature',
  apiVersion,
  metadata: {
    name,
    selfLink: `${prefix}/imagesignatures/${encodeURIComponent(name)}`,
    uid: '5b3c1f0e-8d6a-4c2b-9e7f-1a2b3c4d5e6f',
    creationTimestamp: '2018-07-10T12:00:00Z',
  },
  type: 'atomic',
  content,
});

const failure = (code: number, reason: string, message: string, details?: object) => ({
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Failure',
  message,
  reason,
  ...(details === undefined ? {} : { details }),
  code,
});

const group = 'image.openshift.io';
const imageName = digest;
const forbiddenWho =
  'User "developer" cannot create imagesignatures.image.openshift.io at the cluster scope';

export const statusExamples = {
  deleted: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success' },
  badRequestBody: failure(
    400,
    'BadRequest',
    "the object provided is unrecognized (must be of type ImageSignature): couldn't get version/kind; json parse error: unexpected end of JSON input (<empty>)",
  ),
  badRequestName: failure(
    400,
    'BadRequest',
    'ImageSignatures must be accessed with <imageName>@<signatureName>',
  ),
  unauthorized: failure(401, 'Unauthorized', 'Unauthorized'),
  forbidden: failure(
    403,
    'Forbidden',
    `imagesignatures.image.openshift.io is forbidden: ${forbiddenWho}: ${forbiddenWho}`,
    { group, kind: 'imagesignatures' },
  ),
  imageNotFound: failure(404, 'NotFound', `images.image.openshift.io "${imageName}" not found`, {
    name: imageName,
    group,
    kind: 'images',
  }),
  signatureNotFound: failure(
    404,
    'NotFound',
    `imageSignatures.image.openshift.io "${name}" not found`,
    { name, group, kind: 'imageSignatures' },
  ),
  methodNotAllowed: failure(
    405,
    'MethodNotAllowed',
    'the server does not allow this method on the requested resource',
    {},
  ),
  notAcceptable: failure(
    406,
    'NotAcceptable',
    '406: Not Acceptable\n\nAvailable representations: application/json, application/yaml, application/vnd.kubernetes.protobuf',
    {},
  ),
  alreadyExists: failure(
    409,
    'AlreadyExists',
    `imageSignatures.image.openshift.io "${name}" already exists`,
    { name, group, kind: 'imageSignatures' },
  ),
  storeFull: {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: 'etcdserver: mvcc: database space exceeded',
    code: 500,
  },
  tooLarge: failure(413, 'RequestEntityTooLarge', 'Request entity too large: limit is 3145728'),
  unsupportedMediaType: failure(
    415,
    'UnsupportedMediaType',
    'the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf',
  ),
  invalid: failure(
    422,
    'Invalid',
    'ImageSignature.image.openshift.io "foo" is invalid: [metadata.name: Invalid value: "foo": name must be of format <imageName>@<signatureName>, type: Required value]',
    {
      name: 'foo',
      group,
      kind: 'ImageSignature',
      causes: [
        {
          reason: 'FieldValueInvalid',
          message: 'Invalid value: "foo": name must be of format <imageName>@<signatureName>',
          field: 'metadata.name',
        },
        { reason: 'FieldValueRequired', message: 'Required value', field: 'type' },
      ],
    },
  ),
};
