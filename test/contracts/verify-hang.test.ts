import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer as createHttpServer, type Server, type ServerResponse } from 'node:http';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { join, resolve } from 'node:path';

import { preflight } from '../../contracts/preflight';

// Servers that answer too slowly to ever finish: the preflight and the probes give up at
// a deadline with one line naming the server, instead of hanging or a bare timeout.

const CLI = join(resolve(__dirname, '..', '..'), 'scripts', 'imagesig.js');

jest.setTimeout(60_000);

function listen(server: Server | ReturnType<typeof createServer>): Promise<string> {
  return new Promise((done) => {
    server.listen(0, '127.0.0.1', () => {
      done(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    });
  });
}

describe('preflight against a server that trickles its headers', () => {
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  // One header line every 50 ms: an idle timeout never fires, the headers never end.
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.write('HTTP/1.1 200 OK\r\n');
    const timer = setInterval(() => socket.write(`X-Slow-${timers.size}: 1\r\n`), 50);
    timers.add(timer);
    socket.once('close', () => clearInterval(timer));
  });
  let url = '';
  beforeAll(async () => {
    url = await listen(server);
  });
  afterAll(async () => {
    for (const timer of timers) clearInterval(timer);
    for (const socket of sockets) socket.destroy();
    await new Promise((done) => server.close(done));
  });

  it('gives up at its deadline and names the server', async () => {
    await expect(preflight(url, { deadlineMs: 400 })).resolves.toBe(
      `${url} sent no complete answer within 0.4 s`,
    );
  });
});

describe('imagesig verify against a server that hangs after the preflight', () => {
  const pending = new Set<ServerResponse>();
  // GET / (the preflight) is answered; every probe after it is left hanging.
  const server = createHttpServer((req, res) => {
    if (req.method === 'GET' && req.url === '/') res.end('ok');
    else pending.add(res);
  });
  let url = '';
  beforeAll(async () => {
    url = await listen(server);
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  });

  it('exits 1 with one line naming the server', async () => {
    const image = `sha256:${randomBytes(32).toString('hex')}`;
    const args = ['verify', '--base-url', url, '--token', 't', '--image', image];
    const child = spawn(process.execPath, [CLI, ...args, '--junit', '/dev/null']);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const code = await new Promise((done) => child.once('close', done));

    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([
      `imagesig verify: ${url} stopped answering the probes before the suite ` +
        '(Timeout of 10000ms exceeded)',
    ]);
  });
});
