// Binds the bare handler to node:http or node:https. The HTTPS certificate is made in
// memory at each start (never written to disk), for localhost and the loopback addresses.
// A client gets a bounded time to send its request, so slow or stalled ones cannot hold
// sockets for long.
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerOptions,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

import { generate } from 'selfsigned';

import { answerClientError, trackResponse } from './client-error';
import { holdContinue } from './exchange';
import { silentLogger, type Logger } from './logger';

export interface ListenOptions {
  http: boolean;
  host: string;
  port: number;
  /** How long a client may take to send headers and body; then 408 and the socket closes. */
  requestTimeoutMs?: number;
  /** Gets a line for each request node's parser refuses before the handler; silent by default. */
  logger?: Logger;
}

/** As kube-apiserver's --request-timeout default. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;

export interface RunningServer {
  server: Server;
  /** Base URL with the port actually bound, e.g. https://127.0.0.1:8443. */
  url: string;
  /** The HTTPS certificate (PEM), public: clients may trust it as a CA. */
  certificate: string | undefined;
  close(): Promise<void>;
}

export async function startServer(
  handler: RequestListener,
  options: ListenOptions,
): Promise<RunningServer> {
  const limits = serverLimits(options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS);
  const tls = options.http ? undefined : await selfSignedCertificate(options.host);
  const server =
    tls === undefined
      ? createHttpServer(limits, handler)
      : createHttpsServer({ ...limits, ...tls }, handler);
  // Node would send 100 Continue before authentication; the handler sends it on reading.
  server.on('request', trackResponse);
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    trackResponse(req, res);
    holdContinue(res);
    handler(req, res);
  });
  const logger = options.logger ?? silentLogger;
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) =>
    answerClientError(error, socket, logger),
  );

  await new Promise<void>((listening, failed) => {
    server.once('error', failed);
    server.listen(options.port, options.host, () => {
      server.off('error', failed);
      listening();
    });
  });

  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  const url = `${options.http ? 'http' : 'https'}://${host}:${port}`;
  return { server, url, certificate: tls?.cert, close: () => closeServer(server) };
}

// Node checks the deadlines on a timer; a check every quarter of the limit keeps the
// overshoot small without a timer per socket. Headers may take 1 MiB, as Go's
// DefaultMaxHeaderBytes allows (node's own limit is 16 KiB, so long names would get 431).
function serverLimits(requestTimeoutMs: number): ServerOptions {
  return {
    maxHeaderSize: 1024 * 1024,
    requestTimeout: requestTimeoutMs,
    headersTimeout: requestTimeoutMs,
    connectionsCheckingInterval: Math.min(30_000, Math.max(100, requestTimeoutMs / 4)),
  };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((closed, failed) => {
    server.close((error) => (error ? failed(error) : closed()));
    server.closeAllConnections();
  });
}

// An EC key is about ten times quicker to make than RSA 2048, and curl accepts it.
async function selfSignedCertificate(host: string): Promise<{ key: string; cert: string }> {
  const names = new Set(['localhost', host]);
  const altNames = [...names].map((name) =>
    /^[\d.]+$|:/.test(name) ? { type: 7 as const, ip: name } : { type: 2 as const, value: name },
  );
  altNames.push({ type: 7, ip: '127.0.0.1' }, { type: 7, ip: '::1' });

  const pems = await generate([{ name: 'commonName', value: 'imagesig mock' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notAfterDate: new Date(Date.now() + 30 * 24 * 3600 * 1000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'subjectAltName', altNames },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}
