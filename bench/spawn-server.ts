// Starts a server as its own node process and waits until it prints the port it bound.
// The bench and the tests that need a real process (Prism, `imagesig serve`) share it, so
// every child is stopped by its own PID and never by name.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

export const PROJECT_ROOT = resolve(__dirname, '..');

export interface SpawnServerOptions {
  /** Arguments after `node`: the script and its flags. */
  args: readonly string[];
  /** Matches the start-up line; its first group is the port. */
  ready: RegExp;
  env?: NodeJS.ProcessEnv;
  /** Keep stdout and stderr in memory (tests read them); otherwise drained unread. */
  keepOutput?: boolean;
  /** How long the child may take to print `ready`. */
  startTimeoutMs?: number;
}

export interface ChildServer {
  pid: number;
  port: number;
  baseUrl: string;
  /** What the child wrote so far, when `keepOutput` was set. */
  stdout(): string;
  stderr(): string;
  /** Resident and peak resident memory in bytes, from /proc. */
  memory(): Promise<{ rss: number; peak: number }>;
  /** SIGTERM, then SIGKILL after a grace period; resolves with the exit code. */
  stop(): Promise<number | null>;
}

export async function spawnServer(options: SpawnServerOptions): Promise<ChildServer> {
  const child = spawn(process.execPath, options.args, {
    cwd: PROJECT_ROOT,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = collectOutput(child, options.keepOutput ?? false);
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));

  try {
    const port = await readyPort(child, options, output);
    return childServer(child, port, output, exited);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
}

interface Output {
  stdout: string;
  stderr: string;
  /** Start-up text, kept until the ready line is seen even when output is not kept. */
  startup: string;
  seenReady: boolean;
}

function collectOutput(child: ChildProcess, keep: boolean): Output {
  const output: Output = { stdout: '', stderr: '', startup: '', seenReady: false };
  const sink = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    if (keep) output[stream] += text;
    if (!output.seenReady) output.startup += text;
  };
  child.stdout?.on('data', sink('stdout'));
  child.stderr?.on('data', sink('stderr'));
  return output;
}

function readyPort(child: ChildProcess, options: SpawnServerOptions, output: Output) {
  const timeoutMs = options.startTimeoutMs ?? 20_000;
  return new Promise<number>((resolved, failed) => {
    const check = (): void => {
      const match = options.ready.exec(output.startup);
      if (match === null) return;
      output.seenReady = true;
      output.startup = '';
      finish();
      resolved(Number(match[1]));
    };
    const onExit = (code: number | null): void => {
      finish();
      failed(new Error(`server exited (${code}) before it was ready:\n${output.startup}`));
    };
    const timer = setTimeout(() => {
      finish();
      failed(new Error(`server not ready after ${timeoutMs} ms:\n${output.startup}`));
    }, timeoutMs);
    const finish = (): void => {
      clearTimeout(timer);
      child.stdout?.off('data', check);
      child.stderr?.off('data', check);
      child.off('exit', onExit);
    };
    // Listeners added after collectOutput's, so the text is already appended.
    child.stdout?.on('data', check);
    child.stderr?.on('data', check);
    child.once('exit', onExit);
  });
}

function childServer(
  child: ChildProcess,
  port: number,
  output: Output,
  exited: Promise<number | null>,
): ChildServer {
  const pid = child.pid ?? 0;
  return {
    pid,
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    stdout: () => output.stdout,
    stderr: () => output.stderr,
    memory: () => processMemory(pid),
    stop: () => stopChild(child, exited),
  };
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>) {
  if (child.exitCode !== null || child.signalCode !== null) return exited;

  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  const code = await exited;
  clearTimeout(timer);
  return code;
}

/** VmRSS and VmHWM of a process (Linux), in bytes. */
export async function processMemory(pid: number): Promise<{ rss: number; peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string): number => {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return match === null ? 0 : Number(match[1]) * 1024;
  };
  return { rss: kib('VmRSS'), peak: kib('VmHWM') };
}
