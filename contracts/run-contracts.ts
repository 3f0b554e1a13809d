import { spawn } from 'node:child_process';
import { Transform } from 'node:stream';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { MEDIA_TYPES_ENV } from './media-type';
import { TARGET_ENV } from './target';

// Runs the contract files in a child Jest, the way `npm test` runs them, with the target
// in the environment and jest-junit writing the report. A child process keeps the
// caller's own state (and its Jest, when the caller is a test) out of the run.

export interface ContractRunOptions {
  baseUrl: string;
  token: string;
  image: string;
  unprivilegedToken?: string | undefined;
  insecure?: boolean | undefined;
  caFile?: string | undefined;
  /** Comma-separated prefixes, as IMAGESIG_API_PREFIXES takes them. */
  prefixes?: string | undefined;
  /** Comma-separated tags to leave out, as IMAGESIG_SKIP takes them. */
  skip?: string | undefined;
  /** Comma-separated media types the target claims, as IMAGESIG_MEDIA_TYPES takes them. */
  mediaTypes?: string | undefined;
  junitFile: string;
}

export interface ContractRun {
  passed: number;
  failed: number;
  skipped: number;
  /** Test files that could not run at all (a syntax error, a target that never opened). */
  brokenFiles: number;
  junitFile: string;
  ok: boolean;
}

interface JestJson {
  success: boolean;
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numRuntimeErrorTestSuites: number;
}

const PROJECT_ROOT = resolve(__dirname, '..');

/** Runs the suite against `options.baseUrl`; Jest's own output goes to stderr. */
export async function runContracts(options: ContractRunOptions): Promise<ContractRun> {
  const junitFile = resolve(options.junitFile);
  const scratch = await mkdtemp(join(tmpdir(), 'imagesig-verify-'));
  const jsonFile = join(scratch, 'results.json');
  try {
    const exitCode = await spawnJest(jsonFile, childEnv(options, junitFile));
    const results = await readResults(jsonFile);
    const run = summarize(results, junitFile);
    return { ...run, ok: run.ok && exitCode === 0 };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

function childEnv(options: ContractRunOptions, junitFile: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  const set = (name: string, value: string | undefined) => {
    if (value === undefined || value === '') delete env[name];
    else env[name] = value;
  };

  set(TARGET_ENV.baseUrl, options.baseUrl);
  set(TARGET_ENV.token, options.token);
  set(TARGET_ENV.image, options.image);
  set(TARGET_ENV.unprivilegedToken, options.unprivilegedToken);
  set(TARGET_ENV.insecure, options.insecure === true ? '1' : undefined);
  set(TARGET_ENV.caFile, options.caFile === undefined ? undefined : resolve(options.caFile));
  set(TARGET_ENV.prefixes, options.prefixes);
  if (options.skip !== undefined) set('IMAGESIG_SKIP', options.skip);
  if (options.mediaTypes !== undefined) set(MEDIA_TYPES_ENV, options.mediaTypes);

  set('JEST_JUNIT_OUTPUT_FILE', junitFile);
  set('JEST_JUNIT_SUITE_NAME', 'imagesig contracts: {title}');
  set('JEST_JUNIT_REPORT_TEST_SUITE_ERRORS', 'true');
  return env;
}

function spawnJest(jsonFile: string, env: NodeJS.ProcessEnv): Promise<number> {
  const args = [
    require.resolve('jest/bin/jest'),
    '--config',
    join(PROJECT_ROOT, 'jest.config.js'),
    '--roots',
    join(PROJECT_ROOT, 'contracts'),
    '--ci',
    '--reporters=default',
    '--reporters=jest-junit',
    '--json',
    `--outputFile=${jsonFile}`,
  ];
  // stdout carries only the summary; Jest's report goes to stderr, less the line naming
  // the scratch JSON file, which is gone by the time anyone reads it.
  const child = spawn(process.execPath, args, {
    cwd: PROJECT_ROOT,
    env,
    stdio: ['ignore', process.stderr, 'pipe'],
  });
  child.stderr?.pipe(dropLines(/^Test results written to: /)).pipe(process.stderr);
  return new Promise((done, fail) => {
    child.once('error', fail);
    child.once('close', (code, signal) => done(code ?? (signal === null ? 1 : 128)));
  });
}

function dropLines(pattern: RegExp): Transform {
  let rest = '';
  return new Transform({
    transform(chunk: Buffer, _encoding, next) {
      const lines = (rest + chunk.toString('utf8')).split('\n');
      rest = lines.pop() ?? '';
      next(
        null,
        lines
          .filter((line) => !pattern.test(line))
          .map((line) => `${line}\n`)
          .join(''),
      );
    },
    flush(next) {
      next(null, pattern.test(rest) ? '' : rest);
    },
  });
}

async function readResults(jsonFile: string): Promise<JestJson> {
  try {
    return JSON.parse(await readFile(jsonFile, 'utf8')) as JestJson;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`jest wrote no results (${reason}); see its output above`);
  }
}

function summarize(results: JestJson, junitFile: string): ContractRun {
  const run = {
    passed: results.numPassedTests,
    failed: results.numFailedTests,
    skipped: results.numPendingTests + results.numTodoTests,
    brokenFiles: results.numRuntimeErrorTestSuites,
    junitFile,
  };
  return { ...run, ok: results.success && run.failed === 0 && run.brokenFiles === 0 };
}

/** `42 passed, 0 failed, 3 skipped`, plus broken files when there are any. */
export function describeRun(run: ContractRun): string {
  const counts = [`${run.passed} passed`, `${run.failed} failed`, `${run.skipped} skipped`];
  if (run.brokenFiles > 0) counts.push(`${run.brokenFiles} test files could not run`);
  return counts.join(', ');
}
