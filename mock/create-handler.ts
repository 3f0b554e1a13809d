// The whole request pipeline as a plain node:http listener, with no framework on the
// request path. Order as on a real 3.11 server: authentication (401), discovery (open to
// everyone), authorization (403), routing (404, 405), Accept (406), then the operation.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';

import * as errors from './api-errors';
import { ANONYMOUS_USER, authenticate, tokenTable, type User } from './authenticate';
import { BODY_LIMIT } from './body-reader';
import { responseSerializer, routeProduces } from './codec';
import { createSignature, defaultIdentity } from './create-signature';
import { deleteSignature } from './delete-signature';
import { discoveryAnswer, isDiscoveryPath } from './discovery/discovery-route';
import { sendDiscovery } from './discovery/send-discovery';
import { sendRawJson, sendStatus, sendText, type Exchange } from './exchange';
import { levelForStatus, silentLogger, type Logger } from './logger';
import { MemorySignatureStore } from './memory-store';
import type { PipelineContext } from './pipeline-context';
import { matchRoute, requestAttributes } from './routes';
import { DEFAULT_PROFILE, type ServerProfile } from './server-profile';
import type { SignatureStore } from './signature-store';

export interface MockOptions {
  /** Where images and signatures live; a fresh empty in-memory store by default. */
  store?: SignatureStore;
  /** Tokens of image signers; by default only DEFAULT_DEV_TOKEN. */
  tokens?: readonly string[];
  /** Tokens of authenticated users without the image-signer role: answered 403. */
  unprivilegedTokens?: readonly string[];
  /** Answer 401 instead of 403 to requests without a token (anonymous access off). */
  anonymous401?: boolean;
  /** Let the first signature of an unknown image create the image. */
  createUnknownImages?: boolean;
  profile?: ServerProfile;
  /** Receives one `request` event per request; silent by default. */
  logger?: Logger;
  /** Overrides for the server-set uid and creationTimestamp, for reproducible tests. */
  newUid?: () => string;
  now?: () => string;
}

export function createHandler(options: MockOptions = {}): RequestListener {
  const context = pipelineContext(options);
  let nextId = 1;

  // Requests waiting for their connection's current one; a socket is a key while busy.
  const waiting = new WeakMap<Socket, (() => void)[]>();

  return (req, res) => {
    const started = performance.now();
    const id = nextId++;
    const { socket } = req;
    res.once('close', () => {
      logRequest(context.logger, req, res, id, started);
      runNext(waiting, socket);
    });
    const run = () => void handle(context, req, res).catch((error: unknown) => fail(res, error));

    // Go's net/http serves one connection's requests one at a time, in order; node parses
    // pipelined requests ahead and would run them at once (a DELETE before the POST it
    // follows has stored). So a request whose connection is busy waits its turn.
    const queue = waiting.get(socket);
    if (queue !== undefined) return void queue.push(run);
    waiting.set(socket, []);
    run();
  };
}

function runNext(waiting: WeakMap<Socket, (() => void)[]>, socket: Socket): void {
  const next = waiting.get(socket)?.shift();
  if (next === undefined) waiting.delete(socket);
  else next();
}

function pipelineContext(options: MockOptions): PipelineContext {
  const identity = defaultIdentity();
  return {
    store: options.store ?? new MemorySignatureStore(),
    tokens: tokenTable(options),
    profile: options.profile ?? DEFAULT_PROFILE,
    logger: options.logger ?? silentLogger,
    anonymous401: options.anonymous401 ?? false,
    createUnknownImages: options.createUnknownImages ?? false,
    bodyLimit: BODY_LIMIT,
    newUid: options.newUid ?? identity.newUid,
    now: options.now ?? identity.now,
  };
}

async function handle(context: PipelineContext, req: IncomingMessage, res: ServerResponse) {
  const exchange = parseExchange(req, res);
  if (exchange === undefined) return badRequestLine(res);

  const user = authenticatedUser(context, exchange);
  if (user === undefined) return;

  // The system:discovery role lets every user, anonymous included, read discovery.
  if (exchange.method === 'GET' && isDiscoveryPath(exchange.path)) {
    return answerDiscovery(context, exchange);
  }
  if (!authorized(context, exchange, user)) return;
  if (isRemovedPath(context.profile, exchange.path)) return sendText(exchange, 404, PAGE_NOT_FOUND);

  const route = matchRoute(exchange.method, exchange.path);
  if (route.kind === 'not-found') return sendStatus(exchange, errors.routeNotFound());
  if (route.kind === 'method-not-allowed') return sendStatus(exchange, errors.methodNotAllowed());

  // go-restful checks the route's Produces list before the handler runs.
  if (exchange.serializer === undefined || !routeProduces(exchange.req.headers.accept)) {
    return sendRawJson(exchange, 406, errors.notAcceptableBody(context.profile));
  }
  if (route.kind === 'create') return createSignature(context, exchange, route.endpoint);
  return deleteSignature(context, exchange, route.name);
}

// What Go's http.NotFound writes, for paths outside every API (4.x's /oapi).
const PAGE_NOT_FOUND = '404 page not found\n';

function answerDiscovery(context: PipelineContext, exchange: Exchange): void {
  const { profile } = context;
  const host = exchange.req.headers.host ?? '';
  const answer = discoveryAnswer({ path: exchange.path, host }, profile.discovery);
  if (answer !== undefined) return sendDiscovery(exchange, answer, profile);
  if (isRemovedPath(profile, exchange.path)) return sendText(exchange, 404, PAGE_NOT_FOUND);
  sendStatus(exchange, errors.routeNotFound());
}

/** The caller once authenticated, or undefined after a 401. */
function authenticatedUser(context: PipelineContext, exchange: Exchange): User | undefined {
  const auth = authenticate(exchange.req.headers.authorization, context.tokens);
  if (auth.kind === 'rejected' || (auth.kind === 'anonymous' && context.anonymous401)) {
    if (context.profile.authErrorsAsText) sendText(exchange, 401, errors.UNAUTHORIZED_TEXT);
    else sendStatus(exchange, errors.unauthorized());
    return undefined;
  }
  return auth.kind === 'user' ? auth.user : { name: ANONYMOUS_USER, imageSigner: false };
}

/** Whether the user may go on; false once a 403 has been sent. */
function authorized(context: PipelineContext, exchange: Exchange, user: User): boolean {
  if (user.imageSigner) return true;

  const { profile } = context;
  const attributes = isRemovedPath(profile, exchange.path)
    ? { user: user.name, verb: exchange.method.toLowerCase(), path: exchange.path }
    : requestAttributes(user.name, exchange.method, exchange.path);
  // k8s 1.7 wrote its denial as text/plain, without a charset.
  if (profile.authErrorsAsText) {
    sendText(exchange, 403, errors.forbiddenText(profile, attributes), 'text/plain');
  } else {
    sendStatus(exchange, errors.forbidden(profile, attributes));
  }
  return false;
}

/** Paths of an API the release does not have at all: /oapi on 4.x. */
function isRemovedPath(profile: ServerProfile, path: string): boolean {
  if (profile.discovery.legacyApi) return false;
  return path === '/oapi' || path.startsWith('/oapi/');
}

function parseExchange(req: IncomingMessage, res: ServerResponse): Exchange | undefined {
  const url = originForm(req.url ?? '/');
  if (url === undefined) return undefined;
  const mark = url.indexOf('?');
  const rawPath = mark === -1 ? url : url.slice(0, mark);
  const path = decodePath(rawPath);
  if (path === undefined) return undefined;

  return {
    req,
    res,
    method: req.method ?? 'GET',
    path,
    query: mark === -1 ? '' : url.slice(mark + 1),
    serializer: responseSerializer(req.headers.accept),
  };
}

// A proxy-style target (`POST http://host/oapi/...`) routes on its path, as Go's
// ParseRequestURI reads it; scheme and authority, userinfo and all, go no further.
const ABSOLUTE_FORM = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?]*/;

/** The path and query of a request target; undefined for one Go would refuse. */
function originForm(target: string): string | undefined {
  if (target.startsWith('/') || target === '*') return target;
  const authority = ABSOLUTE_FORM.exec(target);
  return authority === null ? undefined : target.slice(authority[0].length);
}

// Go decodes the whole path before routing, so %2F splits segments as '/' does. It decodes
// bytes: %FF or an escaped lone surrogate is a valid path (read as U+FFFD here), and only
// a malformed escape (%zz, a trailing %) fails the request line.
function decodePath(rawPath: string): string | undefined {
  if (!rawPath.includes('%')) return rawPath;

  const source = Buffer.from(rawPath, 'latin1');
  const bytes = Buffer.allocUnsafe(source.length);
  let length = 0;
  for (let index = 0; index < source.length; index++) {
    const byte = source[index] ?? 0;
    if (byte !== PERCENT) {
      bytes[length++] = byte;
      continue;
    }
    const hex = rawPath.slice(index + 1, index + 3);
    if (!HEX_PAIR.test(hex)) return undefined;
    bytes[length++] = Number.parseInt(hex, 16);
    index += 2;
  }
  return bytes.toString('utf8', 0, length);
}

const PERCENT = 0x25;
const HEX_PAIR = /^[0-9a-fA-F]{2}$/;

// What Go's net/http answers for a request line it cannot parse (an invalid %-escape
// included), before any handler: plain text, not a Status, and the connection closes.
function badRequestLine(res: ServerResponse): void {
  res.statusCode = 400;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Connection', 'close');
  res.end('400 Bad Request');
}

function fail(res: ServerResponse, error: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const reply = errors.internalError(error instanceof Error ? error.message : String(error));
  res.statusCode = reply.httpCode;
  res.setHeader('Content-Type', 'application/json');
  res.end(`${JSON.stringify(reply.status)}\n`);
}

function logRequest(
  logger: Logger,
  req: IncomingMessage,
  res: ServerResponse,
  id: number,
  started: number,
): void {
  const url = originForm(req.url ?? '/') ?? '';
  const mark = url.indexOf('?');
  // The client went away before the answer was complete; no status went out unless sent.
  const aborted = !res.writableFinished;
  logger.log(aborted ? 'warn' : levelForStatus(res.statusCode), 'request', {
    id,
    method: req.method,
    path: mark === -1 ? url : url.slice(0, mark),
    status: aborted && !res.headersSent ? undefined : res.statusCode,
    aborted: aborted || undefined,
    durationMs: Math.round((performance.now() - started) * 1000) / 1000,
  });
}
