// Regressions from the breaker's round-2 report, wire level (part A): one test per fault,
// each over real HTTP on 127.0.0.1.
import { connect } from 'node:net';

import { encodeEnvelope } from '../../contracts/protobuf-wire';
import { createHandler } from '../../mock/create-handler';
import * as fieldTypes from '../../mock/field-types';
import { createLogger } from '../../mock/logger';
import { OPENSHIFT_4 } from '../../mock/server-profile';
import { startServer, type RunningServer } from '../../mock/start-server';
import { IMAGE, TOKEN, send, startTestServer, type Answer, type TestServer } from './mock-server';

const COLLECTION = '/oapi/v1/imagesignatures';
const GROUP_COLLECTION = '/apis/image.openshift.io/v1/imagesignatures';
const PROTOBUF = 'application/vnd.kubernetes.protobuf';
const AUTH = { Authorization: `Bearer ${TOKEN}` };
const JSON_BODY = { ...AUTH, 'Content-Type': 'application/json' };
const PROTOBUF_BODY = { ...AUTH, 'Content-Type': PROTOBUF, Accept: 'application/json' };

function varint(value: number): Buffer {
  const out: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    out.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  out.push(rest);
  return Buffer.from(out);
}

/** One length-delimited protobuf field. */
function bytesField(num: number, payload: Buffer | string): Buffer {
  const data = Buffer.from(payload);
  return Buffer.concat([varint(num * 8 + 2), varint(data.length), data]);
}

/** ImageSignature bytes by hand, with `metaExtra` inside metadata and `extra` after. */
function rawSignature(
  name: string,
  metaExtra: Uint8Array = new Uint8Array(0),
  extra: Uint8Array = new Uint8Array(0),
): Buffer {
  const metadata = Buffer.concat([bytesField(1, name), metaExtra]);
  return Buffer.concat([
    bytesField(1, metadata),
    bytesField(2, 'atomic'),
    bytesField(3, `content of ${name}`),
    extra,
  ]);
}

function envelope(raw: Buffer): Buffer {
  return encodeEnvelope({ apiVersion: 'v1', kind: 'ImageSignature' }, raw);
}

function postProtobuf(body: Buffer): Promise<Answer> {
  return send(server, 'POST', COLLECTION, PROTOBUF_BODY, body);
}

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer('createHandler');
});
afterEach(() => server.close());

describe('protobuf unknown length-delimited fields', () => {
  it('skips an unknown field 5 appended to the envelope body (2a 01 41) and answers 201', async () => {
    const body = Buffer.concat([
      envelope(rawSignature(`${IMAGE}@${'1'.repeat(32)}`)),
      Buffer.from('2a0141', 'hex'),
    ]);
    const answer = await postProtobuf(body);

    expect(answer.status).toBe(201);
  });

  it('skips metadata field 17 (managedFields from newer clients) and answers 201', async () => {
    const name = `${IMAGE}@${'2'.repeat(32)}`;
    const managed = bytesField(
      17,
      Buffer.concat([bytesField(1, 'kubectl'), bytesField(2, 'Update')]),
    );
    const answer = await postProtobuf(envelope(rawSignature(name, managed)));

    expect(answer.status).toBe(201);
    expect(JSON.parse(answer.text)).toMatchObject({ metadata: { name } });
  });

  it('skips an unknown field 20 in ImageSignature and answers 201', async () => {
    const name = `${IMAGE}@${'3'.repeat(32)}`;
    const extra = bytesField(20, 'from a newer server');
    const answer = await postProtobuf(envelope(rawSignature(name, undefined, extra)));

    expect(answer.status).toBe(201);
    expect(JSON.stringify(await server.store.getImage(IMAGE))).toContain(name);
  });

  it('still refuses an unknown field whose length runs past the end with unexpected EOF', async () => {
    const name = `${IMAGE}@${'4'.repeat(32)}`;
    const extra = Buffer.concat([varint(20 * 8 + 2), varint(50), Buffer.from('short')]);
    const answer = await postProtobuf(envelope(rawSignature(name, undefined, extra)));

    expect(answer.status).toBe(400);
    expect(answer.text).toContain('unexpected EOF');
  });
});

describe('profile 4 unknown-field Warning headers', () => {
  let four: TestServer;
  beforeEach(async () => {
    four = await startTestServer('createHandler', { profile: OPENSHIFT_4 });
  });
  afterEach(() => four.close());

  function postWithUnknown(fields: Record<string, unknown>, tag: string): Promise<Answer> {
    const name = `${IMAGE}@${tag.repeat(32)}`;
    const body = { metadata: { name }, type: 'atomic', content: 'aGk=', ...fields };
    return send(four, 'POST', GROUP_COLLECTION, JSON_BODY, JSON.stringify(body));
  }

  /** The Warning values as the bytes on the wire, read back as UTF-8. */
  function warnings(answer: Answer): string[] {
    const values: string[] = [];
    for (let i = 0; i < answer.rawHeaders.length; i += 2) {
      if (answer.rawHeaders[i]?.toLowerCase() !== 'warning') continue;
      values.push(Buffer.from(answer.rawHeaders[i + 1] ?? '', 'latin1').toString('utf8'));
    }
    return values;
  }

  it('sends a field name outside Latin-1 as UTF-8 bytes, not a 500', async () => {
    const answer = await postWithUnknown({ 中: 1 }, '5');

    expect(answer.status).toBe(201);
    expect(warnings(answer)).toEqual(['299 - "unknown field \\"中\\""']);
  });

  it('answers 201 for U+2028 in a field name', async () => {
    const answer = await postWithUnknown({ 'a\u2028b': 1 }, '6');

    expect(answer.status).toBe(201);
    expect(warnings(answer)).toHaveLength(1);
  });

  it('quotes DEL as \\x7f, as %q does, and answers 201', async () => {
    const answer = await postWithUnknown({ 'a\u007fb': 1 }, '7');

    expect(answer.status).toBe(201);
    expect(warnings(answer)).toEqual(['299 - "unknown field \\"a\\\\x7fb\\""']);
  });

  it('bounds 100k unknown fields as the apiserver recorder does, not 100k headers', async () => {
    const fields = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`f${i}`, 1]));
    const answer = await postWithUnknown(fields, '8');

    expect(answer.status).toBe(201);
    const sent = warnings(answer);
    expect(sent.length).toBeGreaterThan(100);
    expect(sent.length).toBeLessThan(300);
    expect(sent[0]).toBe('299 - "unknown field \\"f0\\""');
  });
});

describe('discovery Accept with a space inside the protobuf range', () => {
  const paths = ['/apis', '/version', '/api', '/oapi/v1', '/apis/image.openshift.io/v1'];
  const accepts = ['application /vnd.kubernetes.protobuf', 'application/ vnd.kubernetes.protobuf'];
  const cases = paths.flatMap((path) => accepts.map((accept) => [path, accept] as const));

  it.each(cases)('answers GET %s with Accept %j by 406, not a 500', async (path, accept) => {
    const answer = await send(server, 'GET', path, { ...AUTH, Accept: accept });

    expect(answer.status).toBe(406);
    expect(answer.text).not.toContain('no protobuf message');
  });

  it('still answers JSON when such a clause comes with */*', async () => {
    const accept = 'application /vnd.kubernetes.protobuf, */*';
    const answer = await send(server, 'GET', '/apis', { ...AUTH, Accept: accept });

    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/json');
  });
});

describe('--request-timeout after an answer', () => {
  let served: RunningServer;
  let entries: Record<string, unknown>[];
  let requestLogged: Promise<void>;
  beforeEach(async () => {
    entries = [];
    let onRequest = () => undefined as void;
    requestLogged = new Promise((resolve) => (onRequest = resolve));
    const write = (line: string) => {
      entries.push(JSON.parse(line) as Record<string, unknown>);
      if (line.includes('"event":"request"')) onRequest();
    };
    const logger = createLogger({ level: 'debug', write });
    const handler = createHandler({ tokens: [TOKEN], logger });
    const options = { http: true, host: '127.0.0.1', port: 0, requestTimeoutMs: 300, logger };
    served = await startServer(handler, options);
  });
  afterEach(() => served.close());

  /** Writes `bytes`, then `after` decides how the client leaves; resolves with all it read. */
  function exchange(bytes: string, after: (socket: ReturnType<typeof connect>) => void) {
    const { port } = new URL(served.url);
    return new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1');
      const chunks: Buffer[] = [];
      socket.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        after(socket);
      });
      socket.on('error', reject);
      socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
      socket.write(bytes, () => after(socket));
    });
  }

  const announced = (token: string) =>
    `POST ${COLLECTION} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\n` +
    'Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"a';

  it('closes a connection whose 401 went out without writing a second 408', async () => {
    const answer = await exchange(announced('wrong'), () => undefined);

    expect(answer).toMatch(/^HTTP\/1\.1 401 /);
    expect(answer.match(/HTTP\/1\.1 /g)).toHaveLength(1);
    expect(answer).not.toContain('408');
  });

  it('logs an abandoned upload as aborted, with no status for the client error', async () => {
    // The client hangs up mid-body, once the server has its headers.
    const answer = await exchange(announced(TOKEN), (socket) => void socket.end());
    await requestLogged;

    expect(answer).toBe('');
    const request = entries.find((entry) => entry['event'] === 'request');
    expect(request).toMatchObject({ aborted: true });
    expect(request).not.toHaveProperty('status');
    const clientErrors = entries.filter((entry) => entry['event'] === 'client error');
    expect(clientErrors.every((entry) => entry['status'] === undefined)).toBe(true);
  });
});

describe('YAML duplicate mapping keys', () => {
  const YAML_BODY = { ...AUTH, 'Content-Type': 'application/yaml' };
  const body = (tag: string) =>
    `metadata: {name: "${IMAGE}@${tag.repeat(32)}"}\ntype: first\ntype: atomic\ncontent: aGk=\n`;

  it('keeps the last value on 3.x, as yaml.v2 does, and answers 201', async () => {
    const answer = await send(server, 'POST', COLLECTION, YAML_BODY, body('a'));

    expect(answer.status).toBe(201);
    expect(JSON.parse(answer.text)).toMatchObject({ type: 'atomic' });
  });

  describe('on 4.x', () => {
    let four: TestServer;
    beforeEach(async () => {
      four = await startTestServer('createHandler', { profile: OPENSHIFT_4 });
    });
    afterEach(() => four.close());

    it('keeps the last value without fieldValidation=Strict and answers 201', async () => {
      const answer = await send(four, 'POST', GROUP_COLLECTION, YAML_BODY, body('b'));

      expect(answer.status).toBe(201);
      expect(JSON.parse(answer.text)).toMatchObject({ type: 'atomic' });
      expect(answer.headers['warning']).toBeUndefined();
    });

    it('refuses a duplicate with fieldValidation=Strict as a strict decoding error', async () => {
      const path = `${GROUP_COLLECTION}?fieldValidation=Strict`;
      const answer = await send(four, 'POST', path, YAML_BODY, body('c'));

      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.text)).toMatchObject({
        reason: 'BadRequest',
        message:
          'ImageSignature in version "v1" cannot be handled as a ImageSignature: strict ' +
          'decoding error: error converting YAML to JSON: yaml: unmarshal errors:\n' +
          '  line 3: key "type" already set in map',
      });
    });
  });
});

describe('protobuf bodies with huge repeated fields', () => {
  afterEach(() => jest.restoreAllMocks());

  // Empty repeated entries cost two bytes each on the wire.
  function repeated(tag: number, count: number): Buffer {
    const bytes = Buffer.alloc(count * 2);
    for (let i = 0; i < bytes.length; i += 2) bytes[i] = tag;
    return bytes;
  }

  it('skips the JSON type walk for 100k empty ownerReferences, answering 422 for them', async () => {
    const walk = jest.spyOn(fieldTypes, 'fieldTypeProblem');
    const name = `${IMAGE}@${'9'.repeat(32)}`;
    const answer = await postProtobuf(envelope(rawSignature(name, repeated(0x6a, 100_000))));

    // Empty owners lack their required fields: validation, not the decoder, refuses them.
    expect(answer.status).toBe(422);
    expect(answer.text).toContain('metadata.ownerReferences');
    expect(walk).not.toHaveBeenCalled();
  });

  it('skips it for 100k conditions too, which are dropped, and answers 201', async () => {
    const walk = jest.spyOn(fieldTypes, 'fieldTypeProblem');
    const name = `${IMAGE}@${'8'.repeat(32)}`;
    const answer = await postProtobuf(
      envelope(rawSignature(name, undefined, repeated(0x22, 100_000))),
    );

    expect(answer.status).toBe(201);
    expect(JSON.parse(answer.text)).not.toHaveProperty('conditions');
    expect(walk).not.toHaveBeenCalled();
  });

  it('still walks a JSON body', async () => {
    const walk = jest.spyOn(fieldTypes, 'fieldTypeProblem');
    const body = {
      metadata: { name: `${IMAGE}@${'7'.repeat(32)}` },
      type: 'atomic',
      content: 'aGk=',
    };
    const answer = await send(server, 'POST', COLLECTION, JSON_BODY, JSON.stringify(body));

    expect(answer.status).toBe(201);
    expect(walk).toHaveBeenCalledTimes(1);
  });
});
