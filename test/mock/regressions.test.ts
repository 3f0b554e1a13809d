// Regressions from the breaker's report on commit 7194538, one test per fault, each over
// real HTTP on 127.0.0.1 and each checking that a refused request left the store alone.
import { connect } from 'node:net';

import { createHandler } from '../../mock/create-handler';
import { createLogger } from '../../mock/logger';
import { MemorySignatureStore } from '../../mock/memory-store';
import { startServer, type RunningServer } from '../../mock/start-server';
import { IMAGE, TOKEN, VIEWER_TOKEN, send, startTestServer, type TestServer } from './mock-server';

const COLLECTION = '/oapi/v1/imagesignatures';
const AUTH = { Authorization: `Bearer ${TOKEN}` };
const JSON_BODY = { ...AUTH, 'Content-Type': 'application/json' };
const YAML_BODY = { ...AUTH, 'Content-Type': 'application/yaml' };

/** Writes `bytes` on one fresh connection and collects everything until the server closes. */
function rawExchange(
  server: { url: string },
  bytes: string | Buffer,
  endInput = true,
): Promise<string> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
    socket.write(bytes);
    if (endInput) socket.end();
  });
}

function signature(name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'ImageSignature',
    apiVersion: 'v1',
    metadata: { name },
    type: 'atomic',
    content: Buffer.from(name).toString('base64'),
    ...extra,
  };
}

let server: TestServer;
let before: string;
beforeEach(async () => {
  server = await startTestServer('createHandler');
  before = await snapshot();
});
afterEach(() => server.close());

async function snapshot(): Promise<string> {
  return JSON.stringify(await server.store.listImages());
}

async function expectStoreUnchanged(): Promise<void> {
  expect(await snapshot()).toBe(before);
}

describe('YAML bodies', () => {
  // 9 levels of 9 aliases: 9^9 nodes once expanded, from a few hundred bytes.
  function aliasBomb(): string {
    const letters = 'abcdefghi';
    let text = `kind: ImageSignature\napiVersion: v1\nmetadata: {name: "${IMAGE}@bomb"}\n`;
    text += 'type: atomic\ncontent: aGk=\nsignedClaims:\n';
    text += `  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n`;
    for (let level = 1; level < letters.length; level++) {
      const name = letters[level] as string;
      const previous = `*${letters[level - 1] as string}`;
      text += `  ${name}: &${name} [${Array(9).fill(previous).join(',')}]\n`;
    }
    return text;
  }

  it('refuses an alias bomb with 400 as yaml.v2 does, storing nothing', async () => {
    const answer = await send(server, 'POST', COLLECTION, YAML_BODY, aliasBomb());

    expect(answer.status).toBe(400);
    expect(answer.text).toContain('document contains excessive aliasing');
    await expectStoreUnchanged();
  });

  it('refuses an anchor that contains itself with 400', async () => {
    const body = `metadata: &m {name: "${IMAGE}@self", x: *m}\ntype: atomic\ncontent: aGk=\n`;
    const answer = await send(server, 'POST', COLLECTION, YAML_BODY, body);

    expect(answer.status).toBe(400);
    expect(answer.text).toContain("anchor 'm' value contains itself");
    await expectStoreUnchanged();
  });

  it('accepts a few ordinary aliases', async () => {
    const body = `metadata: {name: &n "${IMAGE}@alias"}\ntype: atomic\ncontent: aGk=\nx: [*n, *n]\n`;
    const answer = await send(server, 'POST', COLLECTION, YAML_BODY, body);

    expect(answer.status).toBe(201);
  });

  it('reads yes as a YAML 1.1 boolean, refused for the string field type', async () => {
    const body = `metadata: {name: "${IMAGE}@yes"}\ntype: yes\ncontent: aGk=\n`;
    const answer = await send(server, 'POST', COLLECTION, YAML_BODY, body);

    expect(answer.status).toBe(400);
    expect(answer.text).toContain('cannot unmarshal bool into Go struct field');
    await expectStoreUnchanged();
  });

  it('merges << keys as yaml.v2 does', async () => {
    const body = [
      `base: &base {type: atomic, content: aGk=}`,
      `<<: *base`,
      `metadata: {name: "${IMAGE}@merged"}`,
    ].join('\n');
    const answer = await send(server, 'POST', COLLECTION, YAML_BODY, body);

    expect(answer.status).toBe(201);
    expect(answer.json()['type']).toBe('atomic');
  });

  it('reads only the first document of a stream', async () => {
    const body = `metadata: {name: "${IMAGE}@first"}\ntype: atomic\ncontent: aGk=\n---\ntype: x\n`;
    const answer = await send(server, 'POST', COLLECTION, YAML_BODY, body);

    expect(answer.status).toBe(201);
    expect(answer.json()['type']).toBe('atomic');
  });
});

describe('deeply nested JSON', () => {
  it.each([
    ['an unclosed array', '['.repeat(100_000)],
    ['an unclosed object', '{"a":'.repeat(100_000)],
    ['a stray bracket after deep nesting', `${'['.repeat(100_000)}${']'.repeat(100_000)}]`],
  ])('answers 400 BadRequest for %s, not a stack overflow', async (_label, body) => {
    const answer = await send(server, 'POST', COLLECTION, JSON_BODY, body);

    expect(answer.status).toBe(400);
    expect(answer.json()['reason']).toBe('BadRequest');
    expect(answer.text).toContain("couldn't get version/kind; json parse error: ");
    await expectStoreUnchanged();
  });

  it('answers 400 for deep valid JSON where a signature field belongs', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const body = `{"metadata":{"name":"${IMAGE}@deep"},"type":"atomic","content":"aGk=","conditions":${deep}}`;
    const answer = await send(server, 'POST', COLLECTION, JSON_BODY, body);

    expect(answer.status).toBe(400);
    await expectStoreUnchanged();
  });

  it('ignores deep valid JSON in an unknown field, as 3.x does', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const body = `{"metadata":{"name":"${IMAGE}@deep"},"type":"atomic","content":"aGk=","x":${deep}}`;
    const answer = await send(server, 'POST', COLLECTION, JSON_BODY, body);

    expect(answer.status).toBe(201);
  });
});

describe('names with lone surrogates and odd escapes', () => {
  const loneSurrogateBody = String.raw`{"kind":"ImageSignature","apiVersion":"v1","metadata":{"name":"${IMAGE}@sur\ud800x"},"type":"atomic","content":"c3Vy"}`;
  const replaced = `${IMAGE}@sur\uFFFDx`;

  it('reads a lone surrogate escape as U+FFFD, as Go does, and answers 201', async () => {
    const answer = await send(server, 'POST', COLLECTION, JSON_BODY, loneSurrogateBody);

    expect(answer.status).toBe(201);
    const metadata = answer.json()['metadata'] as Record<string, unknown>;
    expect(metadata['name']).toBe(replaced);
    expect(metadata['selfLink']).toBe(`${COLLECTION}/${encodeURIComponent(replaced)}`);
  });

  it('deletes the signature stored under the U+FFFD name', async () => {
    await send(server, 'POST', COLLECTION, JSON_BODY, loneSurrogateBody);
    const answer = await send(
      server,
      'DELETE',
      `${COLLECTION}/${encodeURIComponent(replaced)}`,
      AUTH,
    );

    expect(answer.status).toBe(200);
    await expectStoreUnchanged();
  });

  it('answers a Status 404 for an escape of invalid UTF-8 in the path', async () => {
    const answer = await send(server, 'DELETE', `${COLLECTION}/${IMAGE}%40sur%ED%A0%80x`, AUTH);

    expect(answer.status).toBe(404);
    expect(answer.headers['content-type']).toBe('application/json');
    expect(answer.json()['reason']).toBe('NotFound');
  });

  it("answers a malformed %-escape with Go's plain-text 400 Bad Request", async () => {
    const answer = await send(server, 'DELETE', `${COLLECTION}/${IMAGE}%40a%zz`, AUTH);

    expect(answer.status).toBe(400);
    expect(answer.text).toBe('400 Bad Request');
    expect(answer.headers['connection']).toBe('close');
  });
});

describe('Go types of nested fields', () => {
  const name = `${IMAGE}@typed`;
  const owner = { apiVersion: 'v1', kind: 'Image', name: 'owner', uid: 'u-1' };
  const withMeta = (meta: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    JSON.stringify(signature(name, { metadata: { name, ...meta }, ...extra }));

  it.each([
    [
      'a number for an owner apiVersion',
      withMeta({ ownerReferences: [{ ...owner, apiVersion: 5 }] }),
      'json: cannot unmarshal number into Go struct field OwnerReference.apiVersion of type string',
    ],
    [
      'an array for an owner kind',
      withMeta({ ownerReferences: [{ ...owner, kind: [1, 2] }] }),
      'json: cannot unmarshal array into Go struct field OwnerReference.kind of type string',
    ],
    [
      'a string for the controller flag',
      withMeta({ ownerReferences: [{ ...owner, controller: 'yes' }] }),
      'json: cannot unmarshal string into Go struct field OwnerReference.controller of type bool',
    ],
    [
      'a number for an owner',
      withMeta({ ownerReferences: [5] }),
      'json: cannot unmarshal number into Go struct field ObjectMeta.ownerReferences of type v1.OwnerReference',
    ],
    [
      'a condition that is not an object',
      JSON.stringify(signature(name, { conditions: [[]] })),
      'json: cannot unmarshal array into Go struct field ImageSignature.conditions of type v1.SignatureCondition',
    ],
    [
      'a number for a condition status',
      JSON.stringify(signature(name, { conditions: [{ type: 'Trusted', status: 1 }] })),
      'json: cannot unmarshal number into Go struct field SignatureCondition.status of type v1.ConditionStatus',
    ],
    [
      'a number for the issuer',
      JSON.stringify(signature(name, { issuedBy: { commonName: 7 } })),
      'json: cannot unmarshal number into Go struct field SignatureIssuer.commonName of type string',
    ],
    [
      'a pending initializer without a string name',
      withMeta({ initializers: { pending: [{ name: false }] } }),
      'json: cannot unmarshal bool into Go struct field Initializer.name of type string',
    ],
    [
      'generation 1e300',
      withMeta({ generation: 1e300 }).replace('1e+300', '1e300'),
      'json: cannot unmarshal number 1e300 into Go struct field ObjectMeta.generation of type int64',
    ],
    [
      'generation past int64',
      withMeta({ generation: 0 }).replace('"generation":0', '"generation":12345678901234567890'),
      'json: cannot unmarshal number 12345678901234567890 into Go struct field ObjectMeta.generation of type int64',
    ],
    [
      'a fractional generation',
      withMeta({ generation: 1.5 }),
      'json: cannot unmarshal number 1.5 into Go struct field ObjectMeta.generation of type int64',
    ],
    [
      'a created time that is not RFC 3339',
      JSON.stringify(signature(name, { created: 'yesterday' })),
      'parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"',
    ],
    [
      'a creationTimestamp with a space for the T',
      withMeta({ creationTimestamp: '2018-07-10 12:00:00Z' }),
      'parsing time "2018-07-10 12:00:00Z" as "2006-01-02T15:04:05Z07:00": cannot parse " 12:00:00Z" as "T"',
    ],
    [
      'a number for a condition time',
      JSON.stringify(
        signature(name, { conditions: [{ type: 'Trusted', status: 'True', lastProbeTime: 3 }] }),
      ),
      'json: cannot unmarshal number into Go value of type string',
    ],
  ])('answers 400 for %s, storing nothing', async (_label, body, reason) => {
    const answer = await send(server, 'POST', COLLECTION, JSON_BODY, body);

    expect(answer.status).toBe(400);
    expect(answer.json()['message']).toBe(
      `ImageSignature in version "v1" cannot be handled as a ImageSignature: ${reason}`,
    );
    await expectStoreUnchanged();
  });

  it('accepts the largest int64 generation, which a double cannot hold', async () => {
    const body = withMeta({ generation: 0 }).replace(
      '"generation":0',
      '"generation":9223372036854775807',
    );
    const answer = await send(server, 'POST', COLLECTION, JSON_BODY, body);

    expect(answer.status).toBe(201);
  });

  it('accepts RFC 3339 times with a fraction and an offset, and null ones', async () => {
    const body = JSON.stringify(
      signature(name, {
        created: '2018-07-10T12:00:00.5+02:00',
        conditions: [{ type: 'Trusted', status: 'True', lastProbeTime: null }],
      }),
    );
    const answer = await send(server, 'POST', COLLECTION, JSON_BODY, body);

    expect(answer.status).toBe(201);
  });

  it('reads null owners and finalizers as zero values: 422, not 500', async () => {
    const answer = await send(
      server,
      'POST',
      COLLECTION,
      JSON_BODY,
      withMeta({ ownerReferences: [null], finalizers: [null] }),
    );

    expect(answer.status).toBe(422);
    const fields = (answer.json()['details'] as { causes: { field: string }[] }).causes;
    expect(fields.map((cause) => cause.field)).toContain('metadata.ownerReferences.uid');
    await expectStoreUnchanged();
  });
});

describe('pipelined requests on one connection', () => {
  function rawRequest(method: string, path: string, body = '', close = false): string {
    const head = [
      `${method} ${path} HTTP/1.1`,
      'Host: 127.0.0.1',
      `Authorization: Bearer ${TOKEN}`,
      'Content-Type: application/json',
      `Content-Length: ${Buffer.byteLength(body)}`,
    ];
    if (close) head.push('Connection: close');
    return `${head.join('\r\n')}\r\n\r\n${body}`;
  }

  function statuses(wire: string): number[] {
    return [...wire.matchAll(/^HTTP\/1\.1 (\d{3})/gm)].map((match) => Number(match[1]));
  }

  it('runs a DELETE sent in the same write as its POST after the POST', async () => {
    const name = `${IMAGE}@pipelined`;
    const wire =
      rawRequest('POST', COLLECTION, JSON.stringify(signature(name))) +
      rawRequest('DELETE', `${COLLECTION}/${encodeURIComponent(name)}`, '', true);
    const answer = await rawExchange(server, wire, false);

    expect(statuses(answer)).toEqual([201, 200]);
    await expectStoreUnchanged();
  });

  it('answers ten pipelined creates and deletes in order', async () => {
    let wire = '';
    for (let index = 0; index < 5; index++) {
      const name = `${IMAGE}@pipelined-${index}`;
      wire += rawRequest('POST', COLLECTION, JSON.stringify(signature(name)));
      wire += rawRequest('DELETE', `${COLLECTION}/${encodeURIComponent(name)}`, '', index === 4);
    }
    const answer = await rawExchange(server, wire, false);

    expect(statuses(answer)).toEqual([201, 200, 201, 200, 201, 200, 201, 200, 201, 200]);
    await expectStoreUnchanged();
  });
});

describe("Accept as go-restful's route check reads it", () => {
  const unknown = `${COLLECTION}/${encodeURIComponent(`${IMAGE}@missing`)}`;

  it.each([
    ['application/*', 406],
    ['*', 406],
    ['Application/JSON', 406],
    ['application/json ; q=0.5', 404],
    ['text/html, */*;q=0.1', 404],
    ['text/html,application/yaml', 404],
    ['  ', 404],
    ['application/*, application/json', 404],
  ])('answers Accept %j with %i', async (accept, status) => {
    const answer = await send(server, 'DELETE', unknown, { ...AUTH, Accept: accept });

    expect(answer.status).toBe(status);
    if (status === 406) expect(answer.json()['reason']).toBe('NotAcceptable');
  });
});

describe('a body with a huge number of invalid values', () => {
  it('lists at most 1,000 causes, the last saying the list was cut', async () => {
    const name = `${IMAGE}@owners`;
    const owners = `[${Array(300_000).fill('{}').join(',')}]`;
    const body = JSON.stringify(signature(name, { metadata: { name, ownerReferences: [] } }));
    const answer = await send(
      server,
      'POST',
      COLLECTION,
      JSON_BODY,
      body.replace('"ownerReferences":[]', `"ownerReferences":${owners}`),
    );

    expect(answer.status).toBe(422);
    const { causes } = answer.json()['details'] as { causes: Record<string, string>[] };
    expect(causes).toHaveLength(1000);
    expect(causes[0]).toMatchObject({ field: 'metadata.ownerReferences.apiVersion' });
    expect(causes[999]).toMatchObject({ reason: 'FieldValueTooMany' });
    expect(answer.text.length).toBeLessThan(400_000);
    await expectStoreUnchanged();
  });

  it('lists every cause when there are exactly 1,000', async () => {
    const name = `${IMAGE}@owners`;
    // 250 owners with four causes each.
    const owners = Array(250).fill({});
    const body = JSON.stringify(signature(name, { metadata: { name, ownerReferences: owners } }));
    const answer = await send(server, 'POST', COLLECTION, JSON_BODY, body);

    const { causes } = answer.json()['details'] as { causes: Record<string, string>[] };
    expect(causes).toHaveLength(1000);
    expect(causes.some((cause) => cause.reason === 'FieldValueTooMany')).toBe(false);
  });
});

describe('absolute-form request targets', () => {
  it('routes on the path and keeps the userinfo out of the log and the body', async () => {
    const lines: string[] = [];
    const logged = await startTestServer('createHandler', {
      logger: createLogger({ write: (line) => lines.push(line) }),
    });
    const name = `${IMAGE}@absolute`;
    const body = JSON.stringify(signature(name));
    const wire = [
      `POST http://user:secret-in-url@127.0.0.1${COLLECTION}?pretty=false HTTP/1.1`,
      'Host: 127.0.0.1',
      `Authorization: Bearer ${TOKEN}`,
      'Content-Type: application/json',
      `Content-Length: ${Buffer.byteLength(body)}`,
      'Connection: close',
      '',
      body,
    ].join('\r\n');
    const answer = await rawExchange(logged, wire, false);
    await logged.close();

    expect(answer).toMatch(/^HTTP\/1\.1 201 /);
    expect(answer).not.toContain('secret-in-url');
    expect(lines.join('')).toContain(`"path":"${COLLECTION}"`);
    expect(lines.join('')).not.toContain('secret-in-url');
  });

  it("answers a target that is neither a path nor a URL with Go's 400", async () => {
    const wire = 'GET oapi/v1 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n';
    const answer = await rawExchange(server, wire, false);

    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
  });
});

describe('Expect: 100-continue', () => {
  let served: RunningServer;
  beforeEach(async () => {
    const store = new MemorySignatureStore();
    await store.addImage(IMAGE);
    const handler = createHandler({ store, tokens: [TOKEN], unprivilegedTokens: [VIEWER_TOKEN] });
    served = await startServer(handler, { http: true, host: '127.0.0.1', port: 0 });
  });
  afterEach(() => served.close());

  function head(token: string, length: number): string {
    return [
      `POST ${COLLECTION} HTTP/1.1`,
      'Host: 127.0.0.1',
      `Authorization: Bearer ${token}`,
      'Content-Type: application/json',
      `Content-Length: ${length}`,
      'Expect: 100-continue',
      '',
      '',
    ].join('\r\n');
  }

  it.each([
    ['an unknown token', 401, 'nobody'],
    ['a user without the signer role', 403, VIEWER_TOKEN],
  ])('answers %s with %i and no 100 Continue', async (_label, status, token) => {
    const answer = await rawExchange(served, head(token, 100), false);

    expect(answer).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
    expect(answer).not.toContain('100 Continue');
    expect(answer.toLowerCase()).toContain('connection: close');
  });

  it('sends 100 Continue once authorized, then reads the body', async () => {
    const body = JSON.stringify(signature(`${IMAGE}@continued`));
    const { port } = new URL(served.url);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1');
      let text = '';
      socket.on('data', (chunk: Buffer) => {
        text += chunk.toString('latin1');
        if (text === 'HTTP/1.1 100 Continue\r\n\r\n') socket.end(body);
      });
      socket.on('error', reject);
      socket.on('close', () => resolve(text));
      socket.write(
        head(TOKEN, Buffer.byteLength(body)).replace('\r\n\r\n', '\r\nConnection: close\r\n\r\n'),
      );
    });

    expect(answer).toMatch(/^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 201 /);
  });
});

describe("Content-Type as Go's mime.ParseMediaType reads it", () => {
  it.each([
    ['application/json;;;', 415],
    ['application/json; charset', 415],
    ['application/json; a=1; a=2', 415],
    ['application/json garbage', 415],
    ['application/json;', 201],
    ['Application/JSON; charset=utf-8', 201],
    ['  ', 201],
  ])('answers Content-Type %j with %i', async (contentType, status) => {
    const body = JSON.stringify(signature(`${IMAGE}@content-type`));
    const headers = { ...AUTH, 'Content-Type': contentType };
    const answer = await send(server, 'POST', COLLECTION, headers, body);

    expect(answer.status).toBe(status);
    if (status === 415) await expectStoreUnchanged();
  });
});

describe('requests node refuses before the handler', () => {
  let served: RunningServer;
  let lines: string[];
  let requestLogged: Promise<void>;
  beforeEach(async () => {
    lines = [];
    let onRequest = () => undefined as void;
    requestLogged = new Promise((resolve) => (onRequest = resolve));
    const logger = createLogger({
      write: (line) => {
        lines.push(line);
        if (line.includes('"event":"request"')) onRequest();
      },
    });
    const handler = createHandler({ tokens: [TOKEN], logger });
    served = await startServer(handler, { http: true, host: '127.0.0.1', port: 0, logger });
  });
  afterEach(() => served.close());

  function logged(): Record<string, unknown>[] {
    return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  it("answers a lowercase method with Go's plain-text 400 and logs it without the token", async () => {
    const wire = `get ${COLLECTION} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${TOKEN}\r\n\r\n`;
    const answer = await rawExchange(served, wire);

    expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(answer).toMatch(/text\/plain; charset=utf-8/);
    expect(answer.endsWith('\r\n\r\n400 Bad Request')).toBe(true);
    expect(logged()).toContainEqual(
      expect.objectContaining({ event: 'client error', status: 400 }),
    );
    expect(lines.join('')).not.toContain(TOKEN);
  });

  it('answers headers past the limit with a 431 body and a log line', async () => {
    const wire = `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(1100 * 1024)}\r\n\r\n`;
    const answer = await rawExchange(served, wire);

    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
    expect(answer.endsWith('431 Request Header Fields Too Large')).toBe(true);
    expect(logged()).toContainEqual(
      expect.objectContaining({ event: 'client error', status: 431 }),
    );
  });

  it('logs a request whose client goes away before the answer', async () => {
    const wire = [
      `POST ${COLLECTION} HTTP/1.1`,
      'Host: x',
      `Authorization: Bearer ${TOKEN}`,
      'Content-Type: application/json',
      'Content-Length: 1000',
      '',
      '{"kind":',
    ].join('\r\n');
    await rawExchange(served, wire);
    await requestLogged;

    expect(logged()).toContainEqual(
      expect.objectContaining({ event: 'request', method: 'POST', aborted: true }),
    );
    const request = logged().find((line) => line['event'] === 'request');
    expect(request).not.toHaveProperty('status');
  });
});
