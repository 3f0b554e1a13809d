// The bounds that keep the mock's memory and sockets in check: a store maximum answered
// as a server whose etcd is full answers, and a deadline for slow or stalled clients.
import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';

import type { Reply } from '../../contracts/contract-client';
import { freshName, startMockUnderTest, type MockUnderTest } from './mock-under-test';

jest.setTimeout(30_000);

const COLLECTION = '/oapi/v1/imagesignatures';

const create = (mock: MockUnderTest, name: string): Promise<Reply> => mock.create(name);

describe('a store at its maximum', () => {
  const MAX = 4;
  let mock: MockUnderTest;
  beforeEach(async () => {
    mock = await startMockUnderTest({ store: { maxSignatures: MAX } });
  });
  afterEach(() => mock.close());

  it('answers 500 with the etcd out-of-space Status, and stores nothing more', async () => {
    const names = Array.from({ length: MAX }, () => freshName(mock.image));
    for (const name of names) expect((await create(mock, name)).status).toBe(201);

    const refused = await create(mock, freshName(mock.image));
    expect(refused.status).toBe(500);
    expect(refused.body).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'etcdserver: mvcc: database space exceeded',
      code: 500,
    });
    const [image] = await mock.store.listImages();
    expect(image?.signatures.map((signature) => signature.metadata.name)).toEqual(names);
  });

  it('still answers 409 for a duplicate and 404 for an unknown image when full', async () => {
    const names = Array.from({ length: MAX }, () => freshName(mock.image));
    for (const name of names) await create(mock, name);

    expect((await create(mock, names[0] ?? '')).body).toMatchObject({ reason: 'AlreadyExists' });
    const unknownImage = `sha256:${randomBytes(32).toString('hex')}`;
    expect((await create(mock, freshName(unknownImage))).status).toBe(404);
  });

  it('makes room again when a signature is deleted', async () => {
    const names = Array.from({ length: MAX }, () => freshName(mock.image));
    for (const name of names) await create(mock, name);

    const removed = await mock.remove(names[0] ?? '');
    expect(removed.status).toBe(200);
    expect((await create(mock, freshName(mock.image))).status).toBe(201);
    expect((await create(mock, freshName(mock.image))).status).toBe(500);
  });

  it('lets exactly the maximum through a burst of concurrent creates', async () => {
    const replies = await Promise.all(
      Array.from({ length: 60 }, () => create(mock, freshName(mock.image))),
    );
    const codes = replies.map((reply) => reply.status).sort();
    expect(codes).toEqual([...Array(MAX).fill(201), ...Array(60 - MAX).fill(500)]);
  });

  it('creates no image for a refused first signature', async () => {
    await mock.close();
    mock = await startMockUnderTest({
      store: { maxSignatures: 1 },
      handler: { createUnknownImages: true },
    });
    const first = `sha256:${randomBytes(32).toString('hex')}`;
    const second = `sha256:${randomBytes(32).toString('hex')}`;

    expect((await create(mock, freshName(first))).status).toBe(201);
    expect((await create(mock, freshName(second))).status).toBe(500);
    expect(await mock.store.getImage(second)).toBeUndefined();
  });
});

/** A raw client that sends `text` and then nothing; resolves with what came back at close. */
function stall(port: number, text: string): Promise<string> {
  const socket = connect(port, '127.0.0.1');
  let answer = '';
  socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
  socket.on('error', () => undefined);
  socket.write(text);
  return new Promise((closed) => socket.once('close', () => closed(answer)));
}

describe('slow and stalled clients', () => {
  let mock: MockUnderTest;
  let port: number;
  beforeAll(async () => {
    mock = await startMockUnderTest({ listen: { requestTimeoutMs: 500 } });
    port = Number(new URL(mock.baseUrl).port);
  });
  afterAll(() => mock.close());

  const head = (extra: string) =>
    `POST ${COLLECTION} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${mock.token}\r\n${extra}`;

  it('answers 408 and closes a client that stops in the middle of its headers', async () => {
    expect(await stall(port, head('Content-Type: appli'))).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('answers 408 and closes a client that stops in the middle of its body', async () => {
    const answer = await stall(port, head('Content-Length: 100\r\n\r\n{"kind":'));
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('answers 408 and closes a connection that never sends a byte', async () => {
    expect(await stall(port, '')).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('answers other clients while stalled ones hold sockets', async () => {
    const stalled = Array.from({ length: 40 }, () => stall(port, head('X-Slow: 1')));
    const reply = await create(mock, freshName(mock.image));
    expect(reply.status).toBe(201);

    const answers = await Promise.all(stalled);
    expect(answers.filter((answer) => /^HTTP\/1\.1 408 /.test(answer))).toHaveLength(40);
  });
});

describe('long request lines', () => {
  it('answers a delete of a 100 KB name with a Status, as Go reads 1 MiB of headers', async () => {
    const mock = await startMockUnderTest();
    try {
      const reply = await mock.remove(`${mock.image}@${'a'.repeat(100_000)}`);
      expect(reply.status).toBe(404);
      expect(reply.body).toMatchObject({ kind: 'Status', reason: 'NotFound' });
    } finally {
      await mock.close();
    }
  });
});
