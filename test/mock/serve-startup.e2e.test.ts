// `imagesig serve` refusing flags it cannot honour before it listens, and the kubeconfig
// it writes: mode 0600 whatever was at the path, a symlink replaced and not followed.
import { spawn } from 'node:child_process';
import { lstat, mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { runCli } from '../fixtures/run-cli';
import { ROOT } from '../fixtures/render-fixtures';

jest.setTimeout(60_000);

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'imagesig-serve-'));
});
afterEach(() => rm(directory, { recursive: true, force: true }));

const serve = (...args: string[]) => runCli(['serve', '--http', '--port', '0', ...args]);

// Runs serve until its banner is out, then stops it with SIGTERM.
function serveUntilBanner(args: readonly string[]): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(ROOT, 'scripts', 'imagesig.js'), 'serve', '--http', '--port', '0', ...args],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] },
    );
    let out = '';
    let stopped = false;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      // Once: a second SIGTERM is the forced stop, which exits by the signal.
      if (out.includes('delete it again:') && child.signalCode === null && !stopped) {
        stopped = true;
        child.kill('SIGTERM');
      }
    });
    child.once('error', reject);
    child.once('close', (code) => resolve(code));
  });
}

describe('imagesig serve at start', () => {
  it('exits 2 naming the directory when --kubeconfig points into a missing one', async () => {
    const missing = join(directory, 'missing');
    const result = await serve('--kubeconfig', join(missing, 'k.yaml'));

    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([
      `error: cannot write --kubeconfig ${join(missing, 'k.yaml')}: ` +
        `directory ${missing} does not exist`,
    ]);
    expect(result.stdout.length).toBe(0);
  });

  it('exits 2 when --kubeconfig names a directory', async () => {
    const result = await serve('--kubeconfig', directory);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`--kubeconfig ${directory}: it is a directory`);
  });

  it('exits 2 naming both numbers when --max-signatures is below the seeded count', async () => {
    const result = await serve('--images', '3', '--max-signatures', '1');

    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^error: --max-signatures 1 is below the \d+ seeded signatures of --images 3/,
    );
    expect(result.stdout.length).toBe(0);
  });

  it('exits 2 when --max-store-mib cannot hold the seeded signatures', async () => {
    const result = await serve('--images', '3000', '--max-store-mib', '1');

    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: --max-store-mib 1 cannot hold the seeded signatures/);
  });

  it('replaces an existing 0644 file with a 0600 kubeconfig', async () => {
    const file = join(directory, 'k.yaml');
    await writeFile(file, 'old\n', { mode: 0o644 });

    expect(await serveUntilBanner(['--kubeconfig', file])).toBe(0);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readFile(file, 'utf8')).toMatch(/^apiVersion: v1\nkind: Config\n/);
  });

  it('replaces a symlink instead of writing through it', async () => {
    const target = join(directory, 'target');
    const link = join(directory, 'k.yaml');
    await writeFile(target, 'old\n', { mode: 0o644 });
    await symlink(target, link);

    expect(await serveUntilBanner(['--kubeconfig', link])).toBe(0);
    expect(await readFile(target, 'utf8')).toBe('old\n');
    const written = await lstat(link);
    expect(written.isSymbolicLink()).toBe(false);
    expect(written.mode & 0o777).toBe(0o600);
  });
});
