// Our mock on 127.0.0.1 and a free port, with its store in reach, and a sender that puts
// exactly the given path, headers and bytes on the wire. Answers come back as the
// contract suite's Reply, so its spec-driven conformance check applies to them.
import { randomBytes } from 'node:crypto';
import { Agent, createServer, request, type OutgoingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { Reply } from '../../contracts/contract-client';
import { bareMediaType, mediaTypeNamed } from '../../contracts/media-type';
import { createHandler, type MockOptions } from '../../mock/create-handler';
import { MemorySignatureStore } from '../../mock/memory-store';

export interface MockUnderTest {
  baseUrl: string;
  token: string;
  unprivilegedToken: string;
  /** An image that exists, with no signatures until a test adds some. */
  image: string;
  store: MemorySignatureStore;
  /** Every image and signature, as a string that compares by value. */
  snapshot(): Promise<string>;
  send(call: RawCall): Promise<Reply>;
  close(): Promise<void>;
}

export interface RawCall {
  method: string;
  /** Sent as it is: the caller %-encodes what it wants encoded. */
  path: string;
  headers?: OutgoingHttpHeaders;
  body?: string | Buffer;
}

export async function startMockUnderTest(options: MockOptions = {}): Promise<MockUnderTest> {
  const token = `robust-${randomBytes(8).toString('hex')}`;
  const unprivilegedToken = `robust-viewer-${randomBytes(8).toString('hex')}`;
  const image = `sha256:${randomBytes(32).toString('hex')}`;
  const store = new MemorySignatureStore();
  await store.addImage(image);

  const handler = createHandler({
    store,
    tokens: [token],
    unprivilegedTokens: [unprivilegedToken],
    ...options,
  });
  const server = createServer(handler);
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });

  return {
    baseUrl,
    token,
    unprivilegedToken,
    image,
    store,
    snapshot: async () => JSON.stringify(await store.listImages()),
    send: (call) => send(baseUrl, agent, call),
    close: () => closeServer(server, agent),
  };
}

function send(baseUrl: string, agent: Agent, call: RawCall): Promise<Reply> {
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

function reply(call: string, status: number, headers: Reply['headers'], chunks: Buffer[]): Reply {
  const text = Buffer.concat(chunks).toString('utf8');
  const mediaType = bareMediaType(headers['content-type']);
  const media = mediaTypeNamed(mediaType);
  let body: unknown;
  let decodeError: string | undefined;
  try {
    body = media === undefined || text === '' ? undefined : media.decode(text);
  } catch (error) {
    decodeError = `not valid ${mediaType}: ${String(error)}`;
  }
  return { status, headers, mediaType, text, body, decodeError, call };
}

function closeServer(server: Server, agent: Agent): Promise<void> {
  agent.destroy();
  return new Promise((closed, failed) => {
    server.close((error) => (error ? failed(error) : closed()));
    server.closeAllConnections();
  });
}
