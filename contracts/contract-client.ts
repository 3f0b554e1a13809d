import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';

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

export class ContractClient {
  constructor(private readonly target: Target) {}

  async send(call: Call): Promise<Reply> {
    const test = request(this.target.baseUrl)[call.method](call.path);
    this.applyTls(test);
    test.set('User-Agent', call.userAgent ?? USER_AGENT);
    test.set('Accept', call.accept ?? 'application/json');

    const token = call.token === undefined ? this.target.token : call.token;
    if (token !== null) test.set('Authorization', `Bearer ${token}`);
    if (call.query !== undefined) test.query(call.query);
    if (call.contentType !== undefined) test.set('Content-Type', call.contentType);
    if (call.body !== undefined) test.send(call.body);

    const response = await test
      .timeout(REQUEST_TIMEOUT_MS)
      .ok(() => true)
      .buffer(true)
      .parse(collectBytes);
    return toReply(`${call.method.toUpperCase()} ${call.path}`, response);
  }

  private applyTls(test: request.Test): void {
    if (this.target.tls.insecure) test.disableTLSCerts();
    if (this.target.tls.ca !== undefined) test.ca(this.target.tls.ca);
  }
}

// Superagent would otherwise parse JSON itself and drop bodies of unknown types. On
// Node, the response a parser gets is the IncomingMessage stream itself.
function collectBytes(
  response: request.Response,
  done: (error: Error | null, body: Buffer) => void,
): void {
  const res = response as unknown as IncomingMessage;
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
  res.on('error', (error) => done(error, Buffer.alloc(0)));
}

function toReply(call: string, response: request.Response): Reply {
  const bytes = Buffer.isBuffer(response.body) ? response.body : Buffer.alloc(0);
  const text = bytes.toString('utf8');
  const headers = response.headers as IncomingHttpHeaders;
  const mediaType = bareMediaType(headers['content-type']);
  const decoded = decode(mediaType, text);
  return { status: response.status, headers, mediaType, text, call, ...decoded };
}

function decode(
  mediaType: string | undefined,
  text: string,
): { body: unknown; decodeError: string | undefined } {
  const media = mediaTypeNamed(mediaType);
  if (media === undefined || text === '') return { body: undefined, decodeError: undefined };
  try {
    return { body: media.decode(text), decodeError: undefined };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { body: undefined, decodeError: `not valid ${media.name}: ${reason}` };
  }
}
