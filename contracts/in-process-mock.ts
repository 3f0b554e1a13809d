import { randomBytes } from 'node:crypto';

import { createHandler, type MockOptions } from '../mock/create-handler';
import { MemorySignatureStore, type MemoryStoreOptions } from '../mock/memory-store';
import { startServer, type ListenOptions } from '../mock/start-server';

// Our mock as a contract target: plain HTTP on 127.0.0.1 and a free port, with fresh
// tokens and one known image, so that `npm test` runs the whole suite against it.

export interface InProcessMock {
  baseUrl: string;
  token: string;
  image: string;
  unprivilegedToken: string;
  /** The mock's store, for project tests that look behind the API. */
  store: MemorySignatureStore;
  close(): Promise<void>;
}

/** Project tests' knobs: the store's maximum, handler options, the request timeout. */
export interface InProcessOptions {
  store?: MemoryStoreOptions;
  handler?: MockOptions;
  listen?: Pick<ListenOptions, 'requestTimeoutMs'>;
}

export async function startInProcessMock(options: InProcessOptions = {}): Promise<InProcessMock> {
  const token = `contracts-${randomBytes(8).toString('hex')}`;
  const unprivilegedToken = `contracts-viewer-${randomBytes(8).toString('hex')}`;
  const image = `sha256:${randomBytes(32).toString('hex')}`;

  const store = new MemorySignatureStore(options.store);
  await store.addImage(image);
  const handler = createHandler({
    store,
    tokens: [token],
    unprivilegedTokens: [unprivilegedToken],
    ...options.handler,
  });
  const listen = { http: true, host: '127.0.0.1', port: 0, ...options.listen };
  const server = await startServer(handler, listen);
  return { baseUrl: server.url, token, image, unprivilegedToken, store, close: server.close };
}
