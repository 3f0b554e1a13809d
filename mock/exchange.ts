// One request/response pair and the few ways the pipeline answers it. All encoding goes
// through the codec; every Status comes from the registry in status.ts.
import type { IncomingMessage, ServerResponse } from 'node:http';

import { rawPrettyJson, type Serializer } from './codec';
import { goParseBool } from './go-format';
import { JSON_MEDIA_TYPE } from './media-type';
import type { StatusReply } from './status';

export interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  /** The decoded path, without the query. */
  path: string;
  /** The raw query string without '?', '' when absent. */
  query: string;
  /** The negotiated response serializer; undefined when Accept allows none (406). */
  serializer: Serializer | undefined;
}

const PRETTY_AGENTS = ['curl', 'Wget', 'Mozilla/5.0'];

/** `?pretty=` when it is set, else whether the User-Agent is a browser or a CLI tool. */
export function wantsPretty(exchange: Exchange): boolean {
  if (exchange.query !== '') {
    const pretty = new URLSearchParams(exchange.query).get('pretty');
    if (pretty) return goParseBool(pretty) ?? false;
  }
  const agent = exchange.req.headers['user-agent'] ?? '';
  return PRETTY_AGENTS.some((prefix) => agent.startsWith(prefix));
}

/** Sends an object in the negotiated media type. */
export function sendObject(exchange: Exchange, httpCode: number, value: object): void {
  preparedObject(exchange, httpCode, value)();
}

/**
 * Encodes an object now and returns what sends it, so that a failure to encode surfaces
 * before the caller changes the store.
 */
export function preparedObject(exchange: Exchange, httpCode: number, value: object): () => void {
  const { serializer } = exchange;
  const mediaType = serializer?.mediaType ?? JSON_MEDIA_TYPE;
  const body = serializer ? serializer.encode(value, wantsPretty(exchange)) : rawPrettyJson(value);
  return () => send(exchange, httpCode, mediaType, body);
}

/** Sends a Status; with no usable Accept, as indented raw JSON (WriteRawJSON). */
export function sendStatus(exchange: Exchange, reply: StatusReply): void {
  sendObject(exchange, reply.httpCode, reply.status);
}

/** The 406 path: the real server cannot encode in the asked type and falls back. */
export function sendRawJson(exchange: Exchange, httpCode: number, value: object): void {
  send(exchange, httpCode, JSON_MEDIA_TYPE, rawPrettyJson(value));
}

/**
 * A plain-text answer, as Go's http.Error and the 1.7 authorization filter write them:
 * never negotiated, always with X-Content-Type-Options: nosniff.
 */
export function sendText(
  exchange: Exchange,
  httpCode: number,
  text: string,
  contentType = 'text/plain; charset=utf-8',
): void {
  exchange.res.setHeader('X-Content-Type-Options', 'nosniff');
  send(exchange, httpCode, contentType, text);
}

// Responses whose client waits for 100 Continue, held back until the body is read.
const heldContinues = new WeakSet<ServerResponse>();

/**
 * For a server that handles `checkContinue` itself: Go sends 100 Continue only on the
 * handler's first read of the body, so a 401, 403 or 415 goes out without it, and then
 * closes the connection rather than read an unwanted body as the next request.
 */
export function holdContinue(res: ServerResponse): void {
  heldContinues.add(res);
  res.setHeader('Connection', 'close');
}

/** The handler is about to read the body: a client waiting for 100 Continue gets it now. */
export function continueBody(exchange: Exchange): void {
  const { res } = exchange;
  if (!heldContinues.delete(res) || res.headersSent) return;
  res.removeHeader('Connection');
  res.writeContinue();
}

function send(
  exchange: Exchange,
  httpCode: number,
  mediaType: string,
  body: string | Buffer,
): void {
  const { res } = exchange;
  res.statusCode = httpCode;
  res.setHeader('Content-Type', mediaType);
  res.setHeader('Content-Length', Buffer.byteLength(body));
  // Node writes the head in a string body's encoding (UTF-8) but as Latin-1 before a
  // Buffer; header values hold bytes as Latin-1 (a Warning's UTF-8), so always a Buffer.
  res.end(typeof body === 'string' ? Buffer.from(body, 'utf8') : body);
}
