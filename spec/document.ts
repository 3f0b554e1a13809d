import { requestExample, statusExamples, storedExample } from './examples';
import { schemas, type JsonSchema } from './schemas';

// The OpenAPI 3.1 document of the two ImageSignature operations, served under the legacy
// /oapi/v1 prefix and the grouped /apis/image.openshift.io/v1 prefix, as OpenShift 3.11
// answers them (shared/docs/openshift-imagesignature.md).

export const MEDIA_TYPES = [
  'application/json',
  'application/yaml',
  'application/vnd.kubernetes.protobuf',
] as const;

export const API_PREFIXES = [
  { prefix: '/oapi/v1', apiVersion: 'v1', tag: 'oapi' },
  { prefix: '/apis/image.openshift.io/v1', apiVersion: 'image.openshift.io/v1', tag: 'image' },
] as const;

type Prefix = (typeof API_PREFIXES)[number];

const schemaRef = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

// A protobuf body is the k8s\0 prefix and a runtime.Unknown envelope: opaque bytes here.
const protobufMedia = {
  schema: {
    type: 'string',
    contentMediaType: 'application/vnd.kubernetes.protobuf',
    description: 'The bytes k8s\\0 followed by a runtime.Unknown message wrapping the object.',
  },
};

function content(schema: string, example: object): JsonSchema {
  return {
    'application/json': { schema: schemaRef(schema), example },
    'application/yaml': { schema: schemaRef(schema), example },
    'application/vnd.kubernetes.protobuf': protobufMedia,
  };
}

function statusResponse(description: string, example: object): JsonSchema {
  return { description, content: content('Status', example) };
}

function withApiVersion(example: { apiVersion: string }, prefix: Prefix): object {
  return { ...example, apiVersion: prefix.apiVersion };
}

const errors = {
  BadRequestBody: statusResponse(
    'The body could not be decoded, names another kind, or carries another group version.',
    statusExamples.badRequestBody,
  ),
  BadRequestName: {
    description:
      'The name does not hold exactly one @ with text on both sides; or, as plain text from ' +
      "Go's HTTP server before any handler runs, the path has an invalid %-escape.",
    content: {
      ...content('Status', statusExamples.badRequestName),
      'text/plain': { schema: { type: 'string' }, example: '400 Bad Request' },
    },
  },
  Unauthorized: statusResponse('The bearer token is not known.', statusExamples.unauthorized),
  Forbidden: statusResponse(
    'The user may not use this resource; anonymous requests land here.',
    statusExamples.forbidden,
  ),
  ImageNotFound: statusResponse(
    'The image named before the @ does not exist, or the signature is not on it.',
    statusExamples.imageNotFound,
  ),
  MethodNotAllowed: statusResponse(
    'The resource does not support this method.',
    statusExamples.methodNotAllowed,
  ),
  NotAcceptable: {
    description: 'No media type in Accept can be produced; always answered as indented JSON.',
    content: {
      'application/json': { schema: schemaRef('Status'), example: statusExamples.notAcceptable },
    },
  },
  AlreadyExists: statusResponse(
    'The image already has a signature of that name, or of that type and content.',
    statusExamples.alreadyExists,
  ),
  RequestEntityTooLarge: statusResponse('The body is over 3 MiB.', statusExamples.tooLarge),
  UnsupportedMediaType: statusResponse(
    'The Content-Type is none of the accepted media types.',
    statusExamples.unsupportedMediaType,
  ),
  InternalError: statusResponse(
    'The store is out of room (imagesig serve --max-signatures or --max-store-mib), answered as a full etcd is.',
    statusExamples.storeFull,
  ),
  Invalid: statusResponse(
    'The signature failed validation; details.causes lists every field at fault.',
    statusExamples.invalid,
  ),
};

const errorRef = (name: keyof typeof errors): JsonSchema => ({
  $ref: `#/components/responses/${name}`,
});

const pretty = { $ref: '#/components/parameters/pretty' };
const createQuery = [
  pretty,
  { $ref: '#/components/parameters/fieldManager' },
  { $ref: '#/components/parameters/fieldValidation' },
];

// 4.x warns about unknown fields in a header, one value per field.
const warningHeader = {
  Warning: {
    description:
      'OpenShift 4 only (imagesig serve --profile 4): 299 - "unknown field \\"<path>\\"", once per unknown field, when fieldValidation is Warn.',
    schema: { type: 'string' },
  },
};

function createOperation(prefix: Prefix): JsonSchema {
  const stored = storedExample(prefix.prefix, prefix.apiVersion);
  const signature = (description: string) => ({
    description,
    headers: warningHeader,
    content: content('ImageSignature', stored),
  });
  return {
    operationId: `create${prefix.tag === 'oapi' ? 'Legacy' : ''}ImageSignature`,
    summary: 'Create an ImageSignature',
    description: 'Adds a signature to the image named before the @ in metadata.name.',
    tags: [prefix.tag],
    parameters: createQuery,
    requestBody: {
      required: true,
      content: content('ImageSignature', withApiVersion(requestExample, prefix)),
    },
    responses: {
      '200': signature('Documented by OpenShift; the real server answers 201.'),
      '201': signature('The signature was stored; the body is the stored copy.'),
      '202': signature('Documented for objects with pending initializers.'),
      '400': errorRef('BadRequestBody'),
      '401': errorRef('Unauthorized'),
      '403': errorRef('Forbidden'),
      '404': errorRef('ImageNotFound'),
      '406': errorRef('NotAcceptable'),
      '409': errorRef('AlreadyExists'),
      '413': errorRef('RequestEntityTooLarge'),
      '415': errorRef('UnsupportedMediaType'),
      '422': errorRef('Invalid'),
      '500': errorRef('InternalError'),
    },
  };
}

function deleteOperation(prefix: Prefix): JsonSchema {
  return {
    operationId: `delete${prefix.tag === 'oapi' ? 'Legacy' : ''}ImageSignature`,
    summary: 'Delete an ImageSignature',
    description: 'Removes the named signature from its image. DeleteOptions are ignored.',
    tags: [prefix.tag],
    parameters: [pretty],
    requestBody: {
      required: false,
      content: {
        'application/json': { schema: schemaRef('DeleteOptions') },
        'application/yaml': { schema: schemaRef('DeleteOptions') },
      },
    },
    responses: {
      '200': statusResponse('The signature was removed.', statusExamples.deleted),
      '400': errorRef('BadRequestName'),
      '401': errorRef('Unauthorized'),
      '403': errorRef('Forbidden'),
      '404': errorRef('ImageNotFound'),
      '406': errorRef('NotAcceptable'),
    },
  };
}

// Only create and delete are registered; every other method answers 405. Documenting
// them keeps Prism and the contract suite honest about that answer.
function notAllowed(prefix: Prefix, what: string): JsonSchema {
  return {
    operationId: `${what}${prefix.tag === 'oapi' ? 'Legacy' : ''}ImageSignatureNotAllowed`,
    summary: `${what} is not allowed`,
    description: 'ImageSignatures support only create and delete.',
    tags: [prefix.tag],
    responses: {
      '401': errorRef('Unauthorized'),
      '403': errorRef('Forbidden'),
      '405': errorRef('MethodNotAllowed'),
    },
  };
}

function paths(): JsonSchema {
  const result: JsonSchema = {};
  for (const prefix of API_PREFIXES) {
    result[`${prefix.prefix}/imagesignatures`] = {
      post: createOperation(prefix),
      get: notAllowed(prefix, 'list'),
      delete: notAllowed(prefix, 'deleteCollection'),
    };
    result[`${prefix.prefix}/imagesignatures/{name}`] = {
      parameters: [{ $ref: '#/components/parameters/name' }],
      delete: deleteOperation(prefix),
      get: notAllowed(prefix, 'read'),
      put: notAllowed(prefix, 'replace'),
      post: notAllowed(prefix, 'createNamed'),
      patch: notAllowed(prefix, 'patch'),
    };
  }
  return result;
}

export function buildDocument(): JsonSchema {
  return {
    openapi: '3.1.0',
    info: {
      title: 'OpenShift ImageSignature API',
      version: '3.11',
      summary: 'Create and delete image signatures, as an OpenShift 3.11 server does.',
      description:
        'Generated by `npm run build:spec` from spec/schemas.ts; do not edit by hand. ' +
        'Transcribes the ImageSignature API description and the behaviour of the real server.',
      license: { name: 'Apache 2.0', identifier: 'Apache-2.0' },
    },
    servers: [{ url: 'https://127.0.0.1:8443', description: 'imagesig serve, by default' }],
    security: [{ bearer: [] }],
    tags: [
      { name: 'oapi', description: 'The legacy /oapi/v1 prefix of OpenShift 3.x.' },
      { name: 'image', description: 'The image.openshift.io/v1 group.' },
    ],
    paths: paths(),
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'An OpenShift OAuth access token or service account token.',
        },
      },
      parameters: {
        pretty: {
          name: 'pretty',
          in: 'query',
          required: false,
          description: "If 'true', then the output is pretty printed.",
          schema: { type: 'string' },
        },
        fieldManager: {
          name: 'fieldManager',
          in: 'query',
          required: false,
          description: 'The name of the actor making the change; accepted and ignored.',
          schema: { type: 'string' },
        },
        fieldValidation: {
          name: 'fieldValidation',
          in: 'query',
          required: false,
          description:
            'Ignored by OpenShift 3.x. On 4.x: what unknown fields do. Warn (the default) answers with a Warning header per field, Strict answers 400, Ignore says nothing; another value is a 422.',
          schema: { type: 'string' },
        },
        name: {
          name: 'name',
          in: 'path',
          required: true,
          description: 'name of the ImageSignature, <imageName>@<signatureName>',
          schema: { type: 'string' },
        },
      },
      responses: errors,
      schemas,
    },
  };
}
