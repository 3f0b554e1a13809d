// Test harness: the mock behind createApp or createHandler, on 127.0.0.1 and a free port.
import {
  createServer,
  request as httpRequest,
  type OutgoingHttpHeaders,
  type RequestListener,
} from 'node:http';
import type { AddressInfo } from 'node:net';

import { createApp } from '../../mock/create-app';
import { createHandler, type MockOptions } from '../../mock/create-handler';
import { MemorySignatureStore } from '../../mock/memory-store';

export const TOKEN = 'test-signer-token';
export const VIEWER_TOKEN = 'test-viewer-token';
export const IMAGE = `sha256:${'ab'.repeat(32)}`;
export const SEEDED_NAME = `${IMAGE}@${'0'.repeat(32)}`;
export const SEEDED_CONTENT = Buffer.from('seeded signature').toString('base64');

export interface TestServer {
  url: string;
  store: MemorySignatureStore;
  close(): Promise<void>;
}

export type Flavour = 'createApp' | 'createHandler';
export const FLAVOURS: Flavour[] = ['createApp', 'createHandler'];

/** A server with one image holding one signature, and fixed uid and time. */
export async function startTestServer(
  flavour: Flavour,
  overrides: MockOptions = {},
): Promise<TestServer> {
  const store = new MemorySignatureStore();
  await store.addImage(IMAGE);
  await store.addSignature(IMAGE, {
    metadata: { name: SEEDED_NAME, uid: 'seeded-uid', creationTimestamp: '2018-07-10T12:00:00Z' },
    type: 'atomic',
    content: SEEDED_CONTENT,
  });

  const options: MockOptions = {
    store,
    tokens: [TOKEN],
    unprivilegedTokens: [VIEWER_TOKEN],
    newUid: () => '5b3c1f0e-8d6a-4c2b-9e7f-1a2b3c4d5e6f',
    now: () => '2018-07-10T12:00:00Z',
    ...overrides,
  };
  const listener: RequestListener =
    flavour === 'createApp' ? createApp(options) : createHandler(options);
  const server = createServer(listener);
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));

  const { port } = server.address() as AddressInfo;
  const close = () =>
    new Promise<void>((closed, failed) => {
      server.close((error) => (error ? failed(error) : closed()));
      server.closeAllConnections();
    });
  return { url: `http://127.0.0.1:${port}`, store, close };
}

/** A request body as containers/image sends it (doc §6): keys in this order. */
export function signatureBody(name: string, content = 'aGVsbG8=', apiVersion = 'v1'): string {
  return JSON.stringify({
    kind: 'ImageSignature',
    apiVersion,
    metadata: { name },
    type: 'atomic',
    content,
  });
}

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  rawHeaders: string[];
  text: string;
  json(): Record<string, unknown>;
}

/** One request on a fresh connection (no agent), with the answer's headers as sent. */
export function send(
  server: { url: string },
  method: string,
  path: string,
  headers: OutgoingHttpHeaders,
  body?: string | Buffer,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${server.url}${path}`, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const json = () => JSON.parse(text) as Record<string, unknown>;
        const { statusCode, headers: answered, rawHeaders } = res;
        resolve({ status: statusCode ?? 0, headers: answered, rawHeaders, text, json });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}
