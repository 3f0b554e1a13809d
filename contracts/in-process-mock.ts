import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { createHandler } from '../mock/create-handler';
import { MemorySignatureStore } from '../mock/memory-store';

// Our mock as a contract target: plain HTTP on 127.0.0.1 and a free port, with fresh
// tokens and one known image, so that `npm test` runs the whole suite against it.

export interface InProcessMock {
  baseUrl: string;
  token: string;
  image: string;
  unprivilegedToken: string;
  close(): Promise<void>;
}

export async function startInProcessMock(): Promise<InProcessMock> {
  const token = `contracts-${randomBytes(8).toString('hex')}`;
  const unprivilegedToken = `contracts-viewer-${randomBytes(8).toString('hex')}`;
  const image = `sha256:${randomBytes(32).toString('hex')}`;

  const store = new MemorySignatureStore();
  await store.addImage(image);
  const handler = createHandler({
    store,
    tokens: [token],
    unprivilegedTokens: [unprivilegedToken],
  });
  const server = createServer(handler);
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));

  const { port } = server.address() as AddressInfo;
  const close = () =>
    new Promise<void>((closed, fail) => {
      server.close((error) => (error ? fail(error) : closed()));
      server.closeAllConnections();
    });
  return { baseUrl: `http://127.0.0.1:${port}`, token, image, unprivilegedToken, close };
}
