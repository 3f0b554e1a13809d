// Our mock on 127.0.0.1 and a free port, with its store in reach, and a sender that puts
// exactly the given path, headers and bytes on the wire. Answers come back as the
// contract suite's Reply, so its spec-driven conformance check applies to them.
import { randomBytes } from 'node:crypto';
import { Agent, request, type OutgoingHttpHeaders } from 'node:http';

import type { Reply } from '../../contracts/contract-client';
import {
  startInProcessMock,
  type InProcessMock,
  type InProcessOptions,
} from '../../contracts/in-process-mock';
import { bareMediaType, mediaTypeNamed } from '../../contracts/media-type';

export interface MockUnderTest extends InProcessMock {
  /** Every image and signature, as a string that compares by value. */
  snapshot(): Promise<string>;
  send(call: RawCall): Promise<RawReply>;
  /** POSTs a valid JSON signature of `name` (random content unless given). */
  create(name: string, content?: string): Promise<RawReply>;
  /** DELETEs `name`, %-encoded. */
  remove(name: string): Promise<RawReply>;
}

const COLLECTION = '/oapi/v1/imagesignatures';

/** `<image>@<32 random hex digits>`. */
export function freshName(image: string): string {
  return `${image}@${randomBytes(16).toString('hex')}`;
}

/** A Reply with the bytes as they came, for media types the contract suite cannot read. */
export interface RawReply extends Reply {
  bytes: Buffer;
}

export interface RawCall {
  method: string;
  /** Sent as it is: the caller %-encodes what it wants encoded. */
  path: string;
  headers?: OutgoingHttpHeaders;
  body?: string | Buffer;
}

export async function startMockUnderTest(options: InProcessOptions = {}): Promise<MockUnderTest> {
  const mock = await startInProcessMock(options);
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const auth = { authorization: `Bearer ${mock.token}` };
  const call = (raw: RawCall) => send(mock.baseUrl, agent, raw);
  return {
    ...mock,
    snapshot: async () => JSON.stringify(await mock.store.listImages()),
    send: call,
    create: (name, content = randomBytes(24).toString('base64')) =>
      call({
        method: 'POST',
        path: COLLECTION,
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({
          kind: 'ImageSignature',
          apiVersion: 'v1',
          metadata: { name },
          type: 'atomic',
          content,
        }),
      }),
    remove: (name) =>
      call({ method: 'DELETE', path: `${COLLECTION}/${encodeURIComponent(name)}`, headers: auth }),
    close: async () => {
      agent.destroy();
      await mock.close();
    },
  };
}

function send(baseUrl: string, agent: Agent, call: RawCall): Promise<RawReply> {
  const name = `${call.method} ${call.path.slice(0, 200)}`;
  return new Promise((resolve, reject) => {
    const req = request(`${baseUrl}${call.path}`, {
      method: call.method,
      headers: call.headers ?? {},
      agent,
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve(reply(name, res.statusCode ?? 0, res.headers, chunks)));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(call.body);
  });
}

function reply(
  call: string,
  status: number,
  headers: Reply['headers'],
  chunks: Buffer[],
): RawReply {
  const bytes = Buffer.concat(chunks);
  const text = bytes.toString('utf8');
  const mediaType = bareMediaType(headers['content-type']);
  const media = mediaTypeNamed(mediaType);
  let body: unknown;
  let decodeError: string | undefined;
  try {
    body = media === undefined || bytes.length === 0 ? undefined : media.decode(bytes);
  } catch (error) {
    decodeError = `not valid ${mediaType}: ${String(error)}`;
  }
  return { status, headers, mediaType, text, body, decodeError, call, bytes };
}
