// `imagesig serve` as a process: bearer tokens never reach its log or its answers, it
// binds loopback unless told otherwise, and its TLS key never touches the disk.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { promisify } from 'node:util';

import { startOurs } from '../../bench/bench-targets';
import { PROJECT_ROOT, spawnServer, type ChildServer } from '../../bench/spawn-server';

jest.setTimeout(30_000);

const RECORDER = join(__dirname, 'fs-write-recorder.js');
const run = promisify(execFile);

const secret = (label: string) => `${label}-${randomBytes(12).toString('hex')}`;

interface Answer {
  status: number;
  text: string;
}

async function call(base: string, method: string, path: string, init: RequestInit = {}) {
  const reply = await fetch(`${base}${path}`, { ...init, method });
  return { status: reply.status, text: await reply.text() } satisfies Answer;
}

describe('imagesig serve and bearer tokens', () => {
  const signer = secret('signer');
  const viewer = secret('viewer');
  const unknown = secret('unknown');

  it.each(['info', 'debug'])(
    'keeps every token out of the log at level %s and out of answers',
    async (level) => {
      const mock = await startOurs({
        extraArgs: ['--unprivileged-token', viewer, '--log-level', level],
        keepOutput: true,
      });
      const base = mock.server.baseUrl;
      const collection = '/oapi/v1/imagesignatures';
      const name = encodeURIComponent(`${mock.image}@${'a'.repeat(32)}`);
      const answers: Answer[] = [];
      try {
        for (const token of [mock.token, viewer, unknown]) {
          const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
          answers.push(await call(base, 'POST', collection, { headers: auth, body: '{"bad' }));
          answers.push(await call(base, 'POST', collection, { headers: auth, body: '{}' }));
          answers.push(await call(base, 'DELETE', `${collection}/${name}`, { headers: auth }));
          answers.push(
            await call(base, 'GET', `${collection}?access_token=${token}`, { headers: auth }),
          );
          answers.push(
            await call(base, 'PUT', '/nowhere', { headers: { authorization: `bEaReR  ${token}` } }),
          );
        }
      } finally {
        await mock.server.stop();
      }

      expect(new Set(answers.map((answer) => answer.status))).toEqual(
        new Set([400, 401, 403, 404, 405, 422]),
      );
      const log = mock.server.stderr();
      expect(log.split('\n').filter((line) => line.includes('"event":"request"')).length).toBe(
        answers.length,
      );
      for (const token of [mock.token, viewer, unknown]) {
        expect(log).not.toContain(token);
        expect(mock.server.stdout()).not.toContain(token);
        for (const answer of answers) expect(answer.text).not.toContain(token);
      }
    },
  );
});

describe('imagesig serve on the network', () => {
  let server: ChildServer;
  afterEach(() => server?.stop());

  it('listens on 127.0.0.1 only when no --host is given', async () => {
    server = (await startOurs()).server;
    const sockets = await listeningSockets(server.port);
    expect(sockets).toEqual(['127.0.0.1']);
  });
});

describe('imagesig serve over HTTPS', () => {
  let server: ChildServer;
  afterEach(() => server?.stop());

  it('serves TLS without writing a file, key material included', async () => {
    server = await spawnServer({
      args: [
        '--require',
        `${__dirname}/fs-write-recorder.js`,
        `${PROJECT_ROOT}/scripts/imagesig.js`,
        'serve',
        '--port',
        '0',
      ],
      ready: /^endpoint: https:\/\/127\.0\.0\.1:(\d+)$/m,
      keepOutput: true,
    });
    const answer = await httpsStatus(server.port, '/oapi/v1/imagesignatures');
    expect(answer.status).toBe(403);
    expect(answer.selfSigned).toBe(true);
    await server.stop();

    const writes = server
      .stderr()
      .split('\n')
      .filter((line) => line.startsWith('fs-write: '));
    expect(writes.filter((line) => !isTsxCache(line))).toEqual([]);
    expect(server.stdout() + server.stderr()).not.toMatch(/PRIVATE KEY/);
  });
});

describe('the file-write recorder', () => {
  it('reports a file a process writes', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'imagesig-recorder-'));
    try {
      const script = `require('node:fs').writeFileSync(${JSON.stringify(join(folder, 'key.pem'))}, 'x')`;
      const { stderr } = await run(process.execPath, ['--require', RECORDER, '-e', script]);
      expect(stderr).toContain(`fs-write: writeFileSync ${join(folder, 'key.pem')}`);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

// tsx keeps transpiled sources in its cache folder under the system temp folder.
function isTsxCache(line: string): boolean {
  return /\/tsx-\d+\//.test(line);
}

function httpsStatus(port: number, path: string): Promise<{ status: number; selfSigned: boolean }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: 'POST', rejectUnauthorized: false },
      (res) => {
        res.resume();
        const socket = res.socket as TLSSocket;
        const certificate = socket.getPeerCertificate();
        const selfSigned = certificate.issuer?.CN === certificate.subject?.CN;
        res.on('end', () => resolve({ status: res.statusCode ?? 0, selfSigned }));
      },
    );
    req.on('error', reject);
    req.end('{}');
  });
}

/** Local addresses of the listening TCP sockets on `port`, from /proc/net (Linux). */
async function listeningSockets(port: number): Promise<string[]> {
  const addresses: string[] = [];
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    const table = await readFile(file, 'utf8').catch(() => '');
    for (const line of table.split('\n').slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      const [address, localPort] = (local ?? '').split(':');
      // State 0A is LISTEN.
      if (state === '0A' && localPort === hexPort) addresses.push(ipOf(address ?? ''));
    }
  }
  return addresses;
}

function ipOf(hex: string): string {
  if (hex.length !== 8) return `ipv6:${hex}`;
  const bytes = hex.match(/../g) ?? [];
  return bytes
    .map((byte) => parseInt(byte, 16))
    .reverse()
    .join('.');
}
