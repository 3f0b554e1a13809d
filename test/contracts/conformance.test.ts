import type { Reply } from '../../contracts/contract-client';
import { documents, expectConforms, expectSchema } from '../../contracts/conformance';

// The validator is only as good as its refusals: each case is an answer it must reject.

function reply(status: number, body: unknown, mediaType = 'application/json'): Reply {
  const text = JSON.stringify(body);
  return { status, headers: {}, mediaType, text, body, decodeError: undefined, call: 'TEST' };
}

const stored = {
  kind: 'ImageSignature',
  apiVersion: 'v1',
  metadata: { name: 'sha256:ab@cd', uid: 'u', creationTimestamp: '2018-07-10T12:00:00Z' },
  type: 'atomic',
  content: 'aGVsbG8=',
};

const failure = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code: 401 };

describe('expectConforms', () => {
  it('accepts a stored signature for a 201 to a create', () => {
    expect(() =>
      expectConforms('/oapi/v1/imagesignatures', 'post', reply(201, stored)),
    ).not.toThrow();
  });

  it('accepts a Success Status for a 200 to a delete', () => {
    const success = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success' };
    const path = '/apis/image.openshift.io/v1/imagesignatures/{name}';
    expect(() => expectConforms(path, 'DELETE', reply(200, success))).not.toThrow();
  });

  it.each([
    { name: 'an undocumented status', given: reply(503, failure), want: /does not document/ },
    {
      name: 'a Status without its status field',
      given: reply(422, { kind: 'Status', apiVersion: 'v1', metadata: {}, code: 422 }),
      want: /required property 'status'/,
    },
    { name: 'an extra field', given: reply(201, { ...stored, extra: 1 }), want: /additional/ },
    {
      name: 'content that is not base64',
      given: reply(201, { ...stored, content: '!' }),
      want: /byte/,
    },
    { name: 'a Status for a 201', given: reply(201, failure), want: /does not match/ },
    {
      name: 'a media type not listed',
      given: reply(401, failure, 'text/plain'),
      want: /text\/plain/,
    },
    { name: 'a YAML 406', given: reply(406, failure, 'application/yaml'), want: /documents only/ },
    {
      name: 'a body that did not decode',
      given: { ...reply(401, undefined), decodeError: 'not valid application/json: x' },
      want: /not valid/,
    },
  ])('rejects $name', ({ given, want }) => {
    expect(() => expectConforms('/oapi/v1/imagesignatures', 'post', given)).toThrow(want);
  });

  it('rejects an operation the document does not have', () => {
    expect(() => expectConforms('/oapi/v1/imagesignatures', 'patch', reply(405, failure))).toThrow(
      /has no operation/,
    );
  });
});

describe('documents', () => {
  it.each([
    { path: '/oapi/v1/imagesignatures', method: 'post', want: true },
    { path: '/oapi/v1/imagesignatures', method: 'GET', want: true },
    { path: '/oapi/v1/imagesignatures/{name}', method: 'patch', want: true },
    { path: '/oapi/v1/imagesignatures/{name}', method: 'options', want: false },
  ])('is $want for $method $path', ({ path, method, want }) => {
    expect(documents(path, method)).toBe(want);
  });
});

describe('expectSchema', () => {
  it('rejects a Status of another kind', () => {
    expect(() => expectSchema('Status', reply(405, { ...failure, kind: 'Other' }))).toThrow(/kind/);
  });

  it('rejects a schema the document does not have', () => {
    expect(() => expectSchema('Nothing', reply(405, failure))).toThrow(/no schema Nothing/);
  });
});
