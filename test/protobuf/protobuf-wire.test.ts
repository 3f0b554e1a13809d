// Protobuf on the wire: request bodies built from the .proto files with protobufjs (the
// contract suite's reader, not the mock's encoder), answers decoded the same way.
import { decodeProtobuf, encodeEnvelope, encodeProtobuf } from '../../contracts/protobuf-wire';
import { IMAGE, SEEDED_NAME, TOKEN, startTestServer, type TestServer } from '../mock/mock-server';

const PROTOBUF = 'application/vnd.kubernetes.protobuf';
const GROUP = '/apis/image.openshift.io/v1/imagesignatures';
const NAME = `${IMAGE}@${'7'.repeat(32)}`;
const CONTENT = Buffer.from('a signature made for the protobuf test').toString('base64');

let server: TestServer;

beforeEach(async () => {
  server = await startTestServer('createHandler');
});

afterEach(() => server.close());

interface Answer {
  status: number;
  contentType: string | null;
  bytes: Buffer;
}

async function call(
  method: string,
  path: string,
  body?: Buffer,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${TOKEN}`,
      Accept: PROTOBUF,
      'Content-Type': PROTOBUF,
      ...headers,
    },
    ...(body !== undefined && { body }),
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, contentType: response.headers.get('content-type'), bytes };
}

function signature(name: string, apiVersion = 'image.openshift.io/v1') {
  return {
    kind: 'ImageSignature',
    apiVersion,
    metadata: { name },
    type: 'atomic',
    content: CONTENT,
  };
}

describe('protobuf on the wire', () => {
  it('answers a protobuf POST with 201 in protobuf, decoding to the stored signature', async () => {
    const answer = await call('POST', GROUP, encodeProtobuf(signature(NAME)));

    expect(answer.status).toBe(201);
    expect(answer.contentType).toBe(PROTOBUF);
    const image = await server.store.getImage(IMAGE);
    const stored = image?.signatures.find((item) => item.metadata.name === NAME);
    expect(stored).toBeDefined();
    expect(decodeProtobuf(answer.bytes)).toEqual({
      kind: 'ImageSignature',
      apiVersion: 'image.openshift.io/v1',
      metadata: {
        name: NAME,
        selfLink: `${GROUP}/${NAME.replace(':', '%3A').replace('@', '%40')}`,
        uid: stored?.metadata.uid,
        creationTimestamp: stored?.metadata.creationTimestamp,
      },
      type: 'atomic',
      content: stored?.content,
    });
    expect(stored?.content).toBe(CONTENT);
  });

  it('fills an empty envelope kind and version from the endpoint', async () => {
    const body = encodeProtobuf({ metadata: { name: NAME }, type: 'atomic', content: CONTENT });
    const answer = await call('POST', '/oapi/v1/imagesignatures', body);

    expect(answer.status).toBe(201);
    expect(decodeProtobuf(answer.bytes)).toMatchObject({
      kind: 'ImageSignature',
      apiVersion: 'v1',
    });
  });

  it('answers a body without the k8s\\0 prefix with the real 400, in JSON when asked', async () => {
    const body = Buffer.from(JSON.stringify(signature(NAME)));
    const answer = await call('POST', GROUP, body, { Accept: 'application/json' });

    expect(answer.status).toBe(400);
    const status = JSON.parse(answer.bytes.toString('utf8')) as Record<string, unknown>;
    expect(status).toMatchObject({ reason: 'BadRequest', code: 400 });
    // The summary shows the first 30 bytes as text, since the body starts with '{'.
    const head = body.subarray(0, 30).toString('utf8');
    expect(status['message']).toBe(
      'the object provided is unrecognized (must be of type ImageSignature): provided data ' +
        `does not appear to be a protobuf message, expected prefix [107 56 115 0] (${head} ...)`,
    );
  });

  it('answers errors as protobuf Status objects', async () => {
    const unknownImage = `sha256:${'c'.repeat(64)}@${'1'.repeat(32)}`;
    const answer = await call('POST', GROUP, encodeProtobuf(signature(unknownImage)));

    expect(answer.status).toBe(404);
    expect(answer.contentType).toBe(PROTOBUF);
    expect(decodeProtobuf(answer.bytes)).toMatchObject({
      kind: 'Status',
      apiVersion: 'v1',
      status: 'Failure',
      reason: 'NotFound',
      details: { name: `sha256:${'c'.repeat(64)}`, group: 'image.openshift.io', kind: 'images' },
      code: 404,
    });
  });

  it('names the envelope kind in the 400 when only the object cannot be read', async () => {
    // metadata (field 1) claims five bytes and has one.
    const raw = Uint8Array.from([0x0a, 0x05, 0x01]);
    const body = encodeEnvelope(
      { apiVersion: 'image.openshift.io/v1', kind: 'ImageSignature' },
      raw,
    );
    const answer = await call('POST', GROUP, body, { Accept: 'application/json' });

    expect(answer.status).toBe(400);
    const status = JSON.parse(answer.bytes.toString('utf8')) as { message: string };
    expect(status.message).toBe(
      'ImageSignature in version "v1" cannot be handled as a ImageSignature: unexpected EOF',
    );
  });

  it('answers the unprefixed 400 for an empty protobuf body', async () => {
    const answer = await call('POST', GROUP, Buffer.alloc(0), { Accept: 'application/json' });

    expect(answer.status).toBe(400);
    const status = JSON.parse(answer.bytes.toString('utf8')) as { message: string };
    expect(status.message).toBe(
      'the object provided is unrecognized (must be of type ImageSignature): empty data (<empty>)',
    );
  });

  it('answers a delete with a protobuf Success Status', async () => {
    const answer = await call('DELETE', `${GROUP}/${SEEDED_NAME}`);

    expect(answer.status).toBe(200);
    expect(decodeProtobuf(answer.bytes)).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Success',
    });
  });
});
