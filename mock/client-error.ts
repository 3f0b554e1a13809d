// Requests node's parser refuses before any handler runs: a lowercase or unknown method, a
// malformed request line or header, headers past the limit, a client too slow to send its
// request. Node would answer with an empty body (or not at all) and log nothing; here each
// gets what Go's net/http writes in its place, plain text ending the connection, and one
// log line. The line names the parser's error code only: the raw request, token included,
// goes nowhere.
import type { Duplex } from 'node:stream';

import { levelForStatus, type Logger } from './logger';

// What the parser's error code becomes on the wire, as Go's server words it.
const ANSWERS: Readonly<Record<string, [number, string]>> = {
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large'],
  // node's request deadline (--request-timeout); Go would only close the connection.
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout'],
};

const BAD_REQUEST: [number, string] = [400, 'Bad Request'];

export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex, logger: Logger) {
  const code = error.code ?? 'unknown';
  // The client went away (or the answer is already under way): nothing can be sent.
  if (code === 'ECONNRESET' || !socket.writable || socketHasAnswer(socket)) {
    logger.log('debug', 'client error', { code });
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

// Once a response on this socket has begun (node's _httpMessage, no public equivalent), a
// status line written now would land inside it.
function socketHasAnswer(socket: Duplex): boolean {
  const message = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  return message?.headersSent === true;
}
