import * as errors from '../../mock/api-errors';
import { OPENSHIFT_3_11 } from '../../mock/server-profile';
import { failure, success, type StatusReply } from '../../mock/status';

const NAME = 'sha256:abc@0123';
const head = '"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure"';

// Bodies from /work/shared/docs/openshift-imagesignature.md §2.3 and §4, key order included.
const cases: Array<[string, StatusReply, number, string]> = [
  [
    'invalid with three causes',
    errors.invalid(OPENSHIFT_3_11, 'foo', [
      {
        reason: 'FieldValueInvalid',
        message: 'Invalid value: "foo": name must be of format <imageName>@<signatureName>',
        field: 'metadata.name',
      },
      { reason: 'FieldValueRequired', message: 'Required value', field: 'type' },
      { reason: 'FieldValueRequired', message: 'Required value', field: 'content' },
    ]),
    422,
    `{${head},"message":"ImageSignature.image.openshift.io \\"foo\\" is invalid: [metadata.name: Invalid value: \\"foo\\": name must be of format <imageName>@<signatureName>, type: Required value, content: Required value]","reason":"Invalid","details":{"name":"foo","group":"image.openshift.io","kind":"ImageSignature","causes":[{"reason":"FieldValueInvalid","message":"Invalid value: \\"foo\\": name must be of format <imageName>@<signatureName>","field":"metadata.name"},{"reason":"FieldValueRequired","message":"Required value","field":"type"},{"reason":"FieldValueRequired","message":"Required value","field":"content"}]},"code":422}`,
  ],
  [
    'invalid with one cause, without brackets',
    errors.invalid(OPENSHIFT_3_11, NAME, [
      { reason: 'FieldValueRequired', message: 'Required value', field: 'type' },
    ]),
    422,
    `{${head},"message":"ImageSignature.image.openshift.io \\"${NAME}\\" is invalid: type: Required value","reason":"Invalid","details":{"name":"${NAME}","group":"image.openshift.io","kind":"ImageSignature","causes":[{"reason":"FieldValueRequired","message":"Required value","field":"type"}]},"code":422}`,
  ],
  [
    'already exists',
    errors.signatureExists(NAME),
    409,
    `{${head},"message":"imageSignatures.image.openshift.io \\"${NAME}\\" already exists","reason":"AlreadyExists","details":{"name":"${NAME}","group":"image.openshift.io","kind":"imageSignatures"},"code":409}`,
  ],
  [
    'image not found',
    errors.imageNotFound('sha256:abc'),
    404,
    `{${head},"message":"images.image.openshift.io \\"sha256:abc\\" not found","reason":"NotFound","details":{"name":"sha256:abc","group":"image.openshift.io","kind":"images"},"code":404}`,
  ],
  [
    'signature not found',
    errors.signatureNotFound(NAME),
    404,
    `{${head},"message":"imageSignatures.image.openshift.io \\"${NAME}\\" not found","reason":"NotFound","details":{"name":"${NAME}","group":"image.openshift.io","kind":"imageSignatures"},"code":404}`,
  ],
  [
    'bad signature name on delete',
    errors.badSignatureName(),
    400,
    `{${head},"message":"ImageSignatures must be accessed with <imageName>@<signatureName>","reason":"BadRequest","code":400}`,
  ],
  [
    'method not allowed, with empty details',
    errors.methodNotAllowed(),
    405,
    `{${head},"message":"the server does not allow this method on the requested resource","reason":"MethodNotAllowed","details":{},"code":405}`,
  ],
  [
    'unknown path, with empty details',
    errors.routeNotFound(),
    404,
    `{${head},"message":"the server could not find the requested resource","reason":"NotFound","details":{},"code":404}`,
  ],
  [
    'not acceptable',
    errors.notAcceptable(OPENSHIFT_3_11),
    406,
    `{${head},"message":"406: Not Acceptable\\n\\nAvailable representations: application/json, application/yaml, application/vnd.kubernetes.protobuf","reason":"NotAcceptable","details":{},"code":406}`,
  ],
  [
    'unsupported media type',
    errors.unsupportedMediaType(OPENSHIFT_3_11),
    415,
    `{${head},"message":"the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf","reason":"UnsupportedMediaType","code":415}`,
  ],
  [
    'entity too large',
    errors.entityTooLarge(3145728),
    413,
    `{${head},"message":"Request entity too large: limit is 3145728","reason":"RequestEntityTooLarge","code":413}`,
  ],
  [
    'unauthorized, without details',
    errors.unauthorized(),
    401,
    `{${head},"message":"Unauthorized","reason":"Unauthorized","code":401}`,
  ],
  [
    'forbidden create on the group path',
    errors.forbidden(OPENSHIFT_3_11, {
      user: 'bob',
      verb: 'create',
      group: 'image.openshift.io',
      resource: 'imagesignatures',
    }),
    403,
    `{${head},"message":"imagesignatures.image.openshift.io is forbidden: User \\"bob\\" cannot create imagesignatures.image.openshift.io at the cluster scope: User \\"bob\\" cannot create imagesignatures.image.openshift.io at the cluster scope","reason":"Forbidden","details":{"group":"image.openshift.io","kind":"imagesignatures"},"code":403}`,
  ],
  [
    'forbidden delete on the legacy path names the object',
    errors.forbidden(OPENSHIFT_3_11, {
      user: 'system:anonymous',
      verb: 'delete',
      group: '',
      resource: 'imagesignatures',
      name: NAME,
    }),
    403,
    `{${head},"message":"imagesignatures \\"${NAME}\\" is forbidden: User \\"system:anonymous\\" cannot delete imagesignatures at the cluster scope: User \\"system:anonymous\\" cannot delete imagesignatures at the cluster scope","reason":"Forbidden","details":{"name":"${NAME}","kind":"imagesignatures"},"code":403}`,
  ],
  [
    'forbidden on a path outside the API',
    errors.forbidden(OPENSHIFT_3_11, { user: 'system:anonymous', verb: 'get', path: '/x' }),
    403,
    `{${head},"message":"forbidden: User \\"system:anonymous\\" cannot get path \\"/x\\": User \\"system:anonymous\\" cannot get path \\"/x\\"","reason":"Forbidden","details":{},"code":403}`,
  ],
];

describe('api-errors', () => {
  it.each(cases)('builds the %s Status', (_label, reply, httpCode, json) => {
    expect(reply.httpCode).toBe(httpCode);
    expect(JSON.stringify(reply.status)).toBe(json);
  });

  it('builds the delete Success Status without message, reason, details or code', () => {
    expect(JSON.stringify(success().status)).toBe(
      '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Success"}',
    );
  });

  it('keeps StatusDetails in Go order whatever order it is given', () => {
    const reply = failure('NotFound', 'x', { kind: 'k', group: 'g', name: 'n' });
    expect(Object.keys(reply.status.details ?? {})).toEqual(['name', 'group', 'kind']);
  });

  it('drops repeated messages only when the profile says so', () => {
    const repeated = {
      reason: 'FieldValueRequired' as const,
      message: 'Required value',
      field: 'type',
    };
    const keeps = errors.invalid(OPENSHIFT_3_11, NAME, [repeated, repeated]);
    const dedupes = errors.invalid({ ...OPENSHIFT_3_11, dedupeInvalidMessages: true }, NAME, [
      repeated,
      repeated,
    ]);
    expect(keeps.status.message).toContain('[type: Required value, type: Required value]');
    expect(dedupes.status.message).toMatch(/is invalid: type: Required value$/);
  });
});
