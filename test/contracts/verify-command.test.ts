import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// `imagesig verify` end to end: a spawned `imagesig serve` over HTTPS on a free port, and
// the verify command run against it as a user would, exit code, summary and JUnit file.

const ROOT = resolve(__dirname, '..', '..');
const CLI = join(ROOT, 'scripts', 'imagesig.js');
const TOKEN = `verify-${randomBytes(8).toString('hex')}`;
const VIEWER = `verify-viewer-${randomBytes(8).toString('hex')}`;
const IMAGE = `sha256:${randomBytes(32).toString('hex')}`;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

let serve: ChildProcess | undefined;
let baseUrl = '';
let scratch = '';

jest.setTimeout(120_000);

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'imagesig-verify-test-'));
  const args = ['serve', '--port', '0', '--log-level', 'silent'];
  args.push('--token', TOKEN, '--unprivileged-token', VIEWER, '--image', IMAGE);
  serve = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  baseUrl = await endpointOf(serve);
});

afterAll(async () => {
  if (serve !== undefined && serve.exitCode === null) {
    const exited = new Promise((done) => serve?.once('exit', done));
    serve.kill('SIGTERM');
    await exited;
  }
  await rm(scratch, { recursive: true, force: true });
});

/** The URL `imagesig serve` prints as `endpoint: …` once it listens. */
function endpointOf(child: ChildProcess): Promise<string> {
  return new Promise((found, failed) => {
    let seen = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const url = /^endpoint: (\S+)$/m.exec(seen)?.[1];
      if (url !== undefined) found(url);
    });
    child.once('exit', (code) => failed(new Error(`serve exited with ${code}: ${seen}`)));
  });
}

function verify(...args: string[]): Promise<Run> {
  const child = spawn(process.execPath, [CLI, 'verify', ...args], { cwd: ROOT });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((done) => child.once('close', (code) => done({ code, stdout, stderr })));
}

const target = (junit: string) => [
  ...['--base-url', baseUrl, '--token', TOKEN, '--image', IMAGE],
  ...['--insecure', '--junit', junit],
];

describe('imagesig verify', () => {
  it('passes against the mock, prints a summary and writes JUnit XML', async () => {
    const junit = join(scratch, 'pass', 'contracts-junit.xml');
    const run = await verify(...target(junit), '--unprivileged-token', VIEWER);

    expect({ code: run.code, stderr: run.code === 0 ? '' : run.stderr }).toEqual({
      code: 0,
      stderr: '',
    });
    expect(run.stdout).toMatch(/^contracts: [1-9]\d* passed, 0 failed, 0 skipped\n/m);
    expect(run.stdout).toMatch(
      /^prefixes: \/oapi\/v1, \/apis\/image\.openshift\.io\/v1 \(probed\)\n/,
    );
    expect(run.stdout).toMatch(
      /^media types: application\/json, application\/yaml, application\/vnd\.kubernetes\.protobuf \(probed\)\n/m,
    );
    expect(run.stdout).toContain(`JUnit report: ${junit}`);
    const xml = await readFile(junit, 'utf8');
    expect(xml).toMatch(/<testsuites name="[^"]*" tests="[1-9]\d*" failures="0" errors="0"/);
  });

  it('skips the tags it is told to and the 403 checks without a second token', async () => {
    const junit = join(scratch, 'skip.xml');
    const run = await verify(...target(junit), '--skip', 'stateful,media:yaml');

    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^contracts: [1-9]\d* passed, 0 failed, [1-9]\d* skipped\n/m);
    const xml = await readFile(junit, 'utf8');
    expect(xml).toContain('skipped: IMAGESIG_SKIP has stateful');
    expect(xml).toContain('skipped: set IMAGESIG_UNPRIVILEGED_TOKEN');
  });

  it('exits 1 when checks fail', async () => {
    // A 3.7 server writes 401 and 403 as plain text, which the suite (3.11 and 4) refuses.
    const args = ['serve', '--port', '0', '--log-level', 'silent', '--profile', '3.7'];
    args.push('--token', TOKEN, '--image', IMAGE);
    const old = spawn(process.execPath, [CLI, ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const oldUrl = await endpointOf(old);
      const junit = join(scratch, 'fail.xml');
      const run = await verify(
        ...target(junit).map((arg) => (arg === baseUrl ? oldUrl : arg)),
        '--prefixes',
        '/oapi/v1',
      );

      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/^contracts: \d+ passed, [1-9]\d* failed, \d+ skipped/m);
      expect(await readFile(junit, 'utf8')).toMatch(/failures="[1-9]\d*"/);
    } finally {
      const exited = new Promise((done) => old.once('exit', done));
      old.kill('SIGTERM');
      await exited;
    }
  });

  it.each([
    {
      name: 'a token the server does not take',
      swap: [TOKEN, 'not-a-known-token'],
      says: /--token \(401/,
    },
    {
      name: 'an image the server lacks',
      swap: [IMAGE, `sha256:${'0'.repeat(64)}`],
      says: /--image\) does not exist/,
    },
  ])('exits 1 before running any check for $name', async ({ swap, says }) => {
    const junit = join(scratch, 'refused.xml');
    const run = await verify(
      ...target(junit).map((arg) => (arg === swap[0] ? (swap[1] ?? arg) : arg)),
    );

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(says);
    expect(run.stdout).not.toContain('contracts:');
  });

  it.each([
    { name: 'a missing --image', args: ['--base-url', 'http://127.0.0.1:1', '--token', 't'] },
    {
      name: 'a base URL that is not http',
      args: ['--base-url', 'ftp://x', '--token', 't', '--image', 'i'],
    },
    {
      name: 'an unknown tag',
      args: ['--base-url', 'http://127.0.0.1:1', '--token', 't', '--image', 'i', '--skip', 'nope'],
    },
  ])('exits 2 without running anything for $name', async ({ args }) => {
    const run = await verify(...args);

    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/error/);
  });
});
