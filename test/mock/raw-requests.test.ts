// Requests supertest cannot shape: no Content-Type at all, a streamed oversized body, a
// request line Go would refuse.
import { request as httpRequest, type OutgoingHttpHeaders } from 'node:http';

import {
  FLAVOURS,
  IMAGE,
  TOKEN,
  signatureBody,
  startTestServer,
  type TestServer,
} from './mock-server';

interface RawResponse {
  status: number;
  contentType: string | undefined;
  text: string;
}

function raw(
  url: string,
  method: string,
  path: string,
  headers: OutgoingHttpHeaders,
  write: (req: ReturnType<typeof httpRequest>) => void,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${url}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          contentType: res.headers['content-type'],
          text: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    // The server may answer and close before a large body is fully sent.
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
    });
    write(req);
  });
}

const LIMIT = 3 * 1024 * 1024;
const auth = { Authorization: `Bearer ${TOKEN}` };

describe.each(FLAVOURS)('raw requests through %s', (flavour) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer(flavour);
  });
  afterEach(() => server.close());

  it('reads a body without Content-Type as JSON', async () => {
    const body = signatureBody(`${IMAGE}@nocontenttype`);
    const response = await raw(server.url, 'POST', '/oapi/v1/imagesignatures', auth, (req) =>
      req.end(body),
    );
    expect(response.status).toBe(201);
  });

  it('answers 413 at once when Content-Length is over 3 MiB', async () => {
    const headers = { ...auth, 'Content-Type': 'application/json', 'Content-Length': LIMIT + 1 };
    const response = await raw(server.url, 'POST', '/oapi/v1/imagesignatures', headers, (req) => {
      req.write('{');
    });
    expect(response.status).toBe(413);
    expect(JSON.parse(response.text)).toMatchObject({ reason: 'RequestEntityTooLarge', code: 413 });
  });

  it('answers 413 when a chunked body passes 3 MiB', async () => {
    const headers = { ...auth, 'Content-Type': 'application/json' };
    const chunk = Buffer.alloc(256 * 1024, 0x20);
    const response = await raw(server.url, 'POST', '/oapi/v1/imagesignatures', headers, (req) => {
      for (let sent = 0; sent <= LIMIT; sent += chunk.length) req.write(chunk);
      req.end();
    });
    expect(response.status).toBe(413);
    expect(JSON.parse(response.text).message).toBe('Request entity too large: limit is 3145728');
  });

  it('accepts a body of exactly 3 MiB', async () => {
    const body = signatureBody(`${IMAGE}@exact`);
    const padded = body + ' '.repeat(LIMIT - Buffer.byteLength(body));
    const headers = { ...auth, 'Content-Type': 'application/json' };
    const response = await raw(server.url, 'POST', '/oapi/v1/imagesignatures', headers, (req) =>
      req.end(padded),
    );
    expect(response.status).toBe(201);
  });

  it('answers a bad percent-encoding in the path with Go’s plain 400', async () => {
    const response = await raw(server.url, 'DELETE', '/oapi/v1/imagesignatures/a%zz', auth, (req) =>
      req.end(),
    );
    expect(response.status).toBe(400);
    expect(response.contentType).toBe('text/plain; charset=utf-8');
    expect(response.text).toBe('400 Bad Request');
  });
});
