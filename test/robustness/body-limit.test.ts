// A client that keeps sending past the 3 MiB limit: the mock answers 413 and then cuts
// the connection instead of reading (let alone buffering) the whole body.
import { connect, type Socket } from 'node:net';

import { startMockUnderTest, type MockUnderTest } from './mock-under-test';

jest.setTimeout(30_000);

const MIB = 1024 * 1024;
const SENT = 64 * MIB;
// The mock reads up to 16 MiB past the limit so the client can see the 413; the rest of
// the allowance is what loopback socket buffers hold.
const MOST_ACCEPTED = 32 * MIB;

let mock: MockUnderTest;
beforeAll(async () => {
  mock = await startMockUnderTest();
});
afterAll(() => mock.close());

interface Upload {
  /** Everything the server wrote back before it closed. */
  answer: string;
  /** Bytes of body the socket took before the server closed it. */
  written: number;
}

/** Streams `SENT` bytes of body (or until the server hangs up) after `head`. */
function upload(head: string, chunked: boolean): Promise<Upload> {
  const port = Number(new URL(mock.baseUrl).port);
  const socket = connect(port, '127.0.0.1');
  let answer = '';
  let written = 0;
  let open = true;
  socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
  socket.on('error', () => undefined);

  return new Promise((resolve) => {
    socket.once('close', () => {
      open = false;
      resolve({ answer, written });
    });
    socket.write(head);
    void pump(
      socket,
      chunked,
      () => open,
      (bytes) => (written += bytes),
    );
  });
}

async function pump(
  socket: Socket,
  chunked: boolean,
  isOpen: () => boolean,
  count: (bytes: number) => void,
): Promise<void> {
  const data = Buffer.alloc(64 * 1024, 0x61);
  const chunk = chunked
    ? Buffer.concat([Buffer.from('10000\r\n'), data, Buffer.from('\r\n')])
    : data;
  for (let sent = 0; sent < SENT && isOpen(); sent += chunk.length) {
    const flushed = socket.write(chunk);
    count(chunk.length);
    if (!flushed) await drained(socket);
  }
  if (isOpen()) socket.end();
}

function drained(socket: Socket): Promise<void> {
  return new Promise((resume) => {
    const done = (): void => {
      socket.off('drain', done).off('close', done);
      resume();
    };
    socket.on('drain', done).on('close', done);
  });
}

const headers = (framing: string) =>
  'POST /oapi/v1/imagesignatures HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
  `Authorization: Bearer ${mock.token}\r\nContent-Type: application/json\r\n${framing}\r\n\r\n`;

describe('a body past the size limit', () => {
  it.each([
    ['a declared Content-Length', `Content-Length: ${SENT}`, false],
    ['chunked transfer encoding', 'Transfer-Encoding: chunked', true],
  ])('is answered 413 and cut off, with %s', async (_, framing, chunked) => {
    const result = await upload(headers(framing), chunked);

    expect(result.answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(result.answer).toContain('"reason":"RequestEntityTooLarge"');
    expect(result.written).toBeLessThan(MOST_ACCEPTED);

    const after = await mock.send({
      method: 'DELETE',
      path: `/oapi/v1/imagesignatures/${encodeURIComponent(`${mock.image}@gone`)}`,
      headers: { authorization: `Bearer ${mock.token}` },
    });
    expect(after.status).toBe(404);
  });
});
