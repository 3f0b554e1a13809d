// Requests node's parser refuses before any handler runs: a lowercase or unknown method, a
// malformed request line or header, headers past the limit, a client too slow to send its
// request. Node would answer with an empty body (or not at all) and log nothing; here each
// gets what Go's net/http writes in its place, plain text ending the connection, and one
// log line. The line names the parser's error code only: the raw request, token included,
// goes nowhere.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

import { levelForStatus, type Logger } from './logger';

// What the parser's error code becomes on the wire, as Go's server words it.
const ANSWERS: Readonly<Record<string, [number, string]>> = {
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large'],
  // node's request deadline (--request-timeout); Go would only close the connection.
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout'],
};
const REQUEST_TIMEOUT = 'ERR_HTTP_REQUEST_TIMEOUT';

const BAD_REQUEST: [number, string] = [400, 'Bad Request'];

// Responses begun and not yet finished on each socket that has carried a request. At 0 the
// connection's last answer is complete: Go writes nothing more to it, it only closes.
const outstanding = new WeakMap<object, number>();

/** Counts `res` against its socket until it finishes; call for every request served. */
export function trackResponse(req: IncomingMessage, res: ServerResponse): void {
  const { socket } = req;
  outstanding.set(socket, (outstanding.get(socket) ?? 0) + 1);
  res.once('finish', () => outstanding.set(socket, (outstanding.get(socket) ?? 1) - 1));
}

export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex, logger: Logger) {
  const code = error.code ?? 'unknown';
  // The client went away, the answer is under way or complete: nothing more can be sent.
  if (code === 'ECONNRESET' || !socket.writable || socketHasAnswer(socket)) {
    logger.log('debug', 'client error', { code });
    socket.destroy();
    return;
  }
  // The body stopped short (the upload was abandoned) while the handler reads it; the
  // request's own line logs it as aborted, and no status goes out.
  if (code !== REQUEST_TIMEOUT && socketMessage(socket) !== undefined) {
    logger.log('debug', 'client error', { code, aborted: true });
    socket.destroy();
    return;
  }

  const [status, text] = ANSWERS[code] ?? BAD_REQUEST;
  logger.log(levelForStatus(status), 'client error', { code, status });
  const body = `${status} ${text}`;
  socket.end(
    `HTTP/1.1 ${body}\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
  );
}

// node's _httpMessage (no public equivalent): the response to the request being handled.
function socketMessage(socket: Duplex): { headersSent?: boolean } | undefined {
  return (
    (socket as Duplex & { _httpMessage?: { headersSent?: boolean } | null })._httpMessage ??
    undefined
  );
}

// Once a response on this socket has begun, a status line written now would land inside
// it; once the last one is complete, node has detached it but the answer was given.
function socketHasAnswer(socket: Duplex): boolean {
  return socketMessage(socket)?.headersSent === true || outstanding.get(socket) === 0;
}
