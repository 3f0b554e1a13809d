import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';

import request from 'supertest';

import { bareMediaType, mediaTypeNamed } from './media-type';
import type { Target } from './target';

// One way to send a request to the target and read its answer, whatever the media type:
// the raw bytes are kept and decoded here, so that checks see what went over the wire.

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface Call {
  method: Method;
  /** The path as it goes on the wire (already %-encoded where the check wants it). */
  path: string;
  /** The bearer token; the target's token when omitted, none at all when null. */
  token?: string | null;
  accept?: string;
  contentType?: string;
  body?: string | Buffer;
  query?: Record<string, string>;
  userAgent?: string;
}

/** What came back: status, headers, the text, and the body decoded by its media type. */
export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  /** The bare media type of Content-Type, when there is one. */
  mediaType: string | undefined;
  /** The body as UTF-8 text (protobuf answers too, for messages). */
  text: string;
  /** The decoded body, or undefined when the media type is unknown or the body unparsable. */
  body: unknown;
  /** Why `body` is undefined although there was text. */
  decodeError: string | undefined;
  /** `METHOD path`, for messages. */
  call: string;
}

// A neutral agent name: real servers pretty-print for curl, Wget and browsers.
const USER_AGENT = 'imagesig-contracts/0.1';

// Generous, for real clusters far away; a hung server fails the check instead of the run.
const REQUEST_TIMEOUT_MS = 30_000;

export interface ClientOptions {
  /** How long a whole exchange may take; a slower one rejects (default 30 s). */
  timeoutMs?: number;
}

export class ContractClient {
  private readonly timeoutMs: number;

  constructor(
    private readonly target: Target,
    options: ClientOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS;
  }

  async send(call: Call): Promise<Reply> {
    const test = request(this.target.baseUrl)[call.method](call.path);
    if (this.target.tls.insecure) test.disableTLSCerts();
    if (this.target.tls.ca !== undefined) test.ca(this.target.tls.ca);
    test.set(this.headers(call));
    if (call.query !== undefined) test.query(call.query);
    if (call.body !== undefined) test.send(call.body);

    const response = await test
      .timeout(this.timeoutMs)
      .ok(() => true)
      .buffer(true)
      .parse(collectBytes);
    const bytes = Buffer.isBuffer(response.body) ? response.body : Buffer.alloc(0);
    return toReply(callName(call), response.status, response.headers, bytes);
  }

  /**
   * Sends a body the server may refuse before reading it all (a 413): the answer is read
   * even when the server stops reading, as long as it sent one before closing. A server
   * that resets the connection instead (no lingering close) fails here, with the reason.
   */
  upload(call: Call & { body: string | Buffer }): Promise<Reply> {
    const url = new URL(`${this.target.baseUrl}${call.path}`);
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const headers = {
      ...this.headers(call),
      'Content-Length': String(Buffer.byteLength(call.body)),
    };

    const name = callName(call);
    return new Promise((resolve, reject) => {
      const req = send(url, {
        method: call.method.toUpperCase(),
        headers,
        rejectUnauthorized: !this.target.tls.insecure,
        ...(this.target.tls.ca !== undefined && { ca: this.target.tls.ca }),
        timeout: this.timeoutMs,
      });
      let answered = false;
      req.on('response', (res) => {
        answered = true;
        const status = res.statusCode ?? 0;
        readAll(res).then((bytes) => resolve(toReply(name, status, res.headers, bytes)), reject);
      });
      req.on('timeout', () => req.destroy(new Error('no answer in time')));
      req.on('error', (error: NodeJS.ErrnoException) => {
        if (answered) return;
        const why = `${error.code ?? error.message} before any answer arrived`;
        const closed = 'the server closed the connection while the body was still being sent';
        reject(new Error(`${name} failed: ${why} (${closed})`));
      });
      req.end(call.body);
    });
  }

  private headers(call: Call): Record<string, string> {
    const headers: Record<string, string> = {
      'User-Agent': call.userAgent ?? USER_AGENT,
      Accept: call.accept ?? 'application/json',
    };
    const token = call.token === undefined ? this.target.token : call.token;
    if (token !== null) headers['Authorization'] = `Bearer ${token}`;
    if (call.contentType !== undefined) headers['Content-Type'] = call.contentType;
    return headers;
  }
}

function callName(call: Call): string {
  return `${call.method.toUpperCase()} ${call.path}`;
}

// Superagent would otherwise parse JSON itself and drop bodies of unknown types. On
// Node, the response a parser gets is the IncomingMessage stream itself.
function collectBytes(
  response: request.Response,
  done: (error: Error | null, body: Buffer) => void,
): void {
  readAll(response as unknown as IncomingMessage).then(
    (bytes) => done(null, bytes),
    (error: Error) => done(error, Buffer.alloc(0)),
  );
}

function readAll(res: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => resolve(Buffer.concat(chunks)));
    res.on('error', reject);
  });
}

function toReply(call: string, status: number, headers: object, bytes: Buffer): Reply {
  const text = bytes.toString('utf8');
  const incoming = headers as IncomingHttpHeaders;
  const mediaType = bareMediaType(incoming['content-type']);
  return { status, headers: incoming, mediaType, text, call, ...decode(mediaType, bytes) };
}

function decode(
  mediaType: string | undefined,
  bytes: Buffer,
): { body: unknown; decodeError: string | undefined } {
  const media = mediaTypeNamed(mediaType);
  if (media === undefined || bytes.length === 0) return { body: undefined, decodeError: undefined };
  try {
    return { body: media.decode(bytes), decodeError: undefined };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { body: undefined, decodeError: `not valid ${media.name}: ${reason}` };
  }
}
