// Property-based tests over real HTTP: whatever the body, name, header or media type,
// the mock answers a well-formed Status or signature with a code the document lists for
// the operation, never a 500, and a rejected request leaves the store as it was.
import fc from 'fast-check';

import type { Reply } from '../../contracts/contract-client';
import { expectConforms, expectSchema } from '../../contracts/conformance';
import { PROTOBUF_MEDIA_TYPE } from '../../mock/media-type';
import { PROTOBUF_PREFIX, decodeObject } from '../../mock/protobuf/codec';
import {
  encodeName,
  encodedBody,
  headerText,
  mediaHeader,
  mutatedSignature,
  pathEncoding,
  signatureName,
  validSignature,
} from './fuzz-arbitraries';
import { startMockUnderTest, type MockUnderTest, type RawReply } from './mock-under-test';

jest.setTimeout(30_000);

const PREFIXES = ['/oapi/v1', '/apis/image.openshift.io/v1'] as const;
const RUNS = { seed: 20261204, numRuns: 600 } as const;

let mock: MockUnderTest;
beforeAll(async () => {
  mock = await startMockUnderTest();
});
afterAll(() => mock.close());

/** Go's net/http answer to a request line it cannot parse: the one non-Status answer. */
function isBadRequestLine(reply: Reply): boolean {
  return (
    reply.status === 400 && reply.mediaType === 'text/plain' && reply.text === '400 Bad Request'
  );
}

/**
 * `reroutes`: the request may have reached another route than `operationPath` (a name
 * that decodes to '' or holds a '/'), which answers a 404 or 405 Status of its own.
 */
function expectWellFormed(
  operationPath: string,
  method: string,
  raw: RawReply,
  reroutes = false,
): void {
  expect(raw.status).toBeGreaterThanOrEqual(200);
  expect(raw.status).toBeLessThan(500);
  if (isBadRequestLine(raw)) return;

  const reply = asJson(raw);
  if (reroutes && (reply.status === 404 || reply.status === 405)) expectSchema('Status', reply);
  else expectConforms(operationPath, method, reply);
  const body = reply.body as { kind?: unknown; code?: unknown };
  if (reply.status === 201) expect(body.kind).toBe('ImageSignature');
  else
    expect(body).toMatchObject({
      kind: 'Status',
      ...(reply.status >= 400 && { code: reply.status }),
    });
}

/**
 * A protobuf answer read as the JSON it stands for: the contract suite reads JSON and
 * YAML only, and the document gives protobuf bodies the JSON bodies' schemas.
 */
function asJson(reply: RawReply): Reply {
  if (reply.mediaType !== PROTOBUF_MEDIA_TYPE) return reply;
  expect(reply.bytes.subarray(0, 4)).toEqual(PROTOBUF_PREFIX);
  return { ...reply, mediaType: 'application/json', body: decodeObject(reply.bytes).object };
}

/** Undoes a create the property let through, so every run starts from the same store. */
async function forget(reply: RawReply): Promise<void> {
  const name = (asJson(reply).body as { metadata?: { name?: string } }).metadata?.name ?? '';
  const image = name.slice(0, name.indexOf('@'));
  expect(await mock.store.deleteSignature(image, name)).toBe('deleted');
}

const authorization = fc.oneof(
  { weight: 6, arbitrary: fc.constant('token') },
  { weight: 1, arbitrary: fc.constantFrom('none', 'viewer', 'unknown', 'lowercase', 'basic') },
  { weight: 1, arbitrary: headerText.map((text) => `raw:${text}`) },
);

function authHeader(kind: string): Record<string, string> {
  if (kind === 'none') return {};
  if (kind === 'token') return { authorization: `Bearer ${mock.token}` };
  if (kind === 'viewer') return { authorization: `Bearer ${mock.unprivilegedToken}` };
  if (kind === 'unknown') return { authorization: 'Bearer not-a-known-token' };
  if (kind === 'lowercase') return { authorization: `bearer ${mock.token}` };
  if (kind === 'basic') return { authorization: 'Basic dXNlcjpwYXNz' };
  return { authorization: kind.slice('raw:'.length) };
}

const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

function headersFor(parts: {
  auth: string;
  accept: string | undefined;
  contentType: string | undefined;
  userAgent: string | undefined;
}): Record<string, string> {
  const headers: Record<string, string> = authHeader(parts.auth);
  if (parts.accept !== undefined) headers['accept'] = parts.accept;
  if (parts.contentType !== undefined) headers['content-type'] = parts.contentType;
  if (parts.userAgent !== undefined) headers['user-agent'] = parts.userAgent;
  return headers;
}

const headerParts = fc.record({
  auth: authorization,
  accept: optional(mediaHeader),
  contentType: optional(mediaHeader),
  userAgent: optional(
    fc.oneof(fc.constantFrom('curl/8.5.0', 'Wget/1.21', 'Mozilla/5.0 (X11)'), headerText),
  ),
});

describe('the mock under generated requests', () => {
  it('answers every create body with a documented Status or signature', async () => {
    const body = fc.oneof(
      { weight: 3, arbitrary: encodedBody(mutatedSignature(mock.image)) },
      { weight: 1, arbitrary: encodedBody(fc.jsonValue({ maxDepth: 3 })) },
    );
    const query = fc.constantFrom(
      '',
      '?pretty=true',
      '?pretty=0',
      '?pretty=%zz',
      '?dryRun=All&pretty',
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...PREFIXES),
        body,
        headerParts,
        query,
        async (prefix, bytes, parts, q) => {
          const before = await mock.snapshot();
          const operation = `${prefix}/imagesignatures`;
          const reply = await mock.send({
            method: 'POST',
            path: `${operation}${q}`,
            headers: headersFor(parts),
            body: bytes,
          });

          expectWellFormed(operation, 'post', reply);
          if (reply.status === 201) await forget(reply);
          expect(await mock.snapshot()).toBe(before);
        },
      ),
      RUNS,
    );
  });

  it('answers every name in a create body, and stores only names it accepts', async () => {
    const created = fc.tuple(validSignature(mock.image), signatureName(mock.image));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...PREFIXES), created, async (prefix, [body, name]) => {
        const before = await mock.snapshot();
        const operation = `${prefix}/imagesignatures`;
        const reply = await mock.send({
          method: 'POST',
          path: operation,
          headers: { authorization: `Bearer ${mock.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ ...body, metadata: { name } }),
        });

        expectWellFormed(operation, 'post', reply);
        if (reply.status === 201) {
          expect(name).toMatch(/^[^@/%]+@[^@/%]+$/);
          await forget(reply);
        }
        expect(await mock.snapshot()).toBe(before);
      }),
      RUNS,
    );
  });

  it('answers every name in a delete path without touching other signatures', async () => {
    const kept = `${mock.image}@${'0'.repeat(32)}`;
    await mock.store.addSignature(mock.image, {
      metadata: { name: kept, uid: 'kept', creationTimestamp: '2026-01-01T00:00:00Z' },
      type: 'atomic',
      content: Buffer.from('kept').toString('base64'),
    });
    const before = await mock.snapshot();

    const call = fc.tuple(
      fc.constantFrom(...PREFIXES),
      signatureName(mock.image),
      pathEncoding,
      headerParts,
    );
    await fc.assert(
      fc.asyncProperty(call, async ([prefix, name, encoding, parts]) => {
        const reply = await mock.send({
          method: 'DELETE',
          path: `${prefix}/imagesignatures/${encodeName(name, encoding)}`,
          headers: headersFor(parts),
        });

        const reroutes = name === '' || /\/|%2f/i.test(name);
        expectWellFormed(`${prefix}/imagesignatures/{name}`, 'delete', reply, reroutes);
        expect(reply.status).not.toBe(200);
        expect(await mock.snapshot()).toBe(before);
      }),
      RUNS,
    );
  });

  it('answers huge names and bodies near the size limit without storing them', async () => {
    const huge = fc.oneof(
      fc.string({ minLength: 100_000, maxLength: 400_000 }),
      fc
        .string({ unit: 'grapheme', minLength: 20_000, maxLength: 100_000 })
        .map((s) => `${mock.image}@${s}`),
    );
    await fc.assert(
      fc.asyncProperty(huge, validSignature(mock.image), async (name, body) => {
        const before = await mock.snapshot();
        const reply = await mock.send({
          method: 'POST',
          path: '/oapi/v1/imagesignatures',
          headers: { authorization: `Bearer ${mock.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ ...body, metadata: { name } }),
        });

        expectWellFormed('/oapi/v1/imagesignatures', 'post', reply);
        if (reply.status === 201) await forget(reply);
        expect(await mock.snapshot()).toBe(before);
      }),
      { seed: RUNS.seed, numRuns: 20 },
    );
  });
});
