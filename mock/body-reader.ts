// Reads a request body up to a limit without ever holding more than the limit: past it the
// rest is discarded as it arrives, so the 413 can still be read by the client.
import type { IncomingMessage } from 'node:http';

/** The real server's limit for a create body: 3 MiB. */
export const BODY_LIMIT = 3 * 1024 * 1024;

// Past the limit the socket is kept reading only this much more before it is cut.
const DISCARD_LIMIT = 16 * 1024 * 1024;

export type BodyResult = { ok: true; body: Buffer } | { ok: false; tooLarge: true };

export function readBody(req: IncomingMessage, limit = BODY_LIMIT): Promise<BodyResult> {
  const declared = Number(req.headers['content-length']);
  if (declared > limit) {
    discard(req, 0);
    return Promise.resolve({ ok: false, tooLarge: true });
  }
  return new Promise((resolve, reject) => collect(req, limit, resolve, reject));
}

/** Lets the rest of a body go by unread, cutting the connection if it is huge. */
export function discard(req: IncomingMessage, alreadyRead: number): void {
  let seen = alreadyRead;
  req.on('data', (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > DISCARD_LIMIT) req.destroy();
  });
  req.on('error', () => undefined);
  req.resume();
}

function collect(
  req: IncomingMessage,
  limit: number,
  resolve: (result: BodyResult) => void,
  reject: (error: Error) => void,
): void {
  const chunks: Buffer[] = [];
  let size = 0;

  const onData = (chunk: Buffer): void => {
    size += chunk.length;
    if (size <= limit) {
      chunks.push(chunk);
      return;
    }
    req.off('data', onData).off('end', onEnd).off('error', onError);
    chunks.length = 0;
    discard(req, size);
    resolve({ ok: false, tooLarge: true });
  };
  const onEnd = (): void => resolve({ ok: true, body: Buffer.concat(chunks, size) });
  const onError = (error: Error): void => reject(error);
  const onClose = (): void => {
    if (!req.complete) reject(new Error('request aborted'));
  };

  req.on('data', onData).on('end', onEnd).on('error', onError).once('close', onClose);
}
