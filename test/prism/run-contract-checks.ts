// Runs contracts/ in a child Jest against a base URL and returns every check's outcome,
// so a test can say which checks a target passes (imagesig verify only counts them).
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { PROJECT_ROOT } from '../../bench/spawn-server';

export interface ContractTarget {
  baseUrl: string;
  token: string;
  image: string;
  unprivilegedToken?: string;
  /** IMAGESIG_SKIP: comma-separated tags to leave out. */
  skip?: string;
  /** Jest's --testNamePattern, for checks no tag names. */
  testNamePattern?: string;
}

export type CheckStatus = 'passed' | 'failed' | 'skipped';

export interface CheckResult {
  /** Describe blocks and title, as Jest prints them. */
  name: string;
  status: CheckStatus;
  /** The `[tag]`s in the name. */
  tags: string[];
  /** The first lines of the failure, '' when it passed. */
  failure: string;
}

export interface CheckRun {
  checks: CheckResult[];
  /** Files that could not run at all. */
  brokenFiles: number;
}

interface JestJson {
  numRuntimeErrorTestSuites: number;
  testResults: {
    assertionResults: { fullName: string; status: string; failureMessages: string[] }[];
  }[];
}

export async function runContractChecks(target: ContractTarget): Promise<CheckRun> {
  const scratch = await mkdtemp(join(tmpdir(), 'imagesig-prism-'));
  const jsonFile = join(scratch, 'results.json');
  try {
    await runJest(target, jsonFile);
    const results = JSON.parse(await readFile(jsonFile, 'utf8')) as JestJson;
    return {
      checks: results.testResults.flatMap((file) => file.assertionResults.map(checkResult)),
      brokenFiles: results.numRuntimeErrorTestSuites,
    };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

function runJest(target: ContractTarget, jsonFile: string): Promise<void> {
  const args = [
    require.resolve('jest/bin/jest', { paths: [PROJECT_ROOT] }),
    '--config',
    join(PROJECT_ROOT, 'jest.config.js'),
    '--roots',
    join(PROJECT_ROOT, 'contracts'),
    '--ci',
    '--silent',
    '--json',
    `--outputFile=${jsonFile}`,
  ];
  if (target.testNamePattern !== undefined)
    args.push(`--testNamePattern=${target.testNamePattern}`);

  const child = spawn(process.execPath, args, {
    cwd: PROJECT_ROOT,
    env: contractEnv(target),
    stdio: 'ignore',
  });
  // A failing check makes Jest exit 1; the JSON file says which, so the code is not used.
  return new Promise((done, fail) => {
    child.once('error', fail);
    child.once('close', () => done());
  });
}

function contractEnv(target: ContractTarget): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    IMAGESIG_BASE_URL: target.baseUrl,
    IMAGESIG_TOKEN: target.token,
    IMAGESIG_IMAGE: target.image,
  };
  delete env['IMAGESIG_UNPRIVILEGED_TOKEN'];
  delete env['IMAGESIG_SKIP'];
  if (target.unprivilegedToken !== undefined) {
    env['IMAGESIG_UNPRIVILEGED_TOKEN'] = target.unprivilegedToken;
  }
  if (target.skip !== undefined) env['IMAGESIG_SKIP'] = target.skip;
  return env;
}

function checkResult(assertion: {
  fullName: string;
  status: string;
  failureMessages: string[];
}): CheckResult {
  const status: CheckStatus =
    assertion.status === 'passed' ? 'passed' : assertion.status === 'failed' ? 'failed' : 'skipped';
  const failure = (assertion.failureMessages[0] ?? '').split('\n').slice(0, 4).join('\n');
  return { name: assertion.fullName, status, tags: tagsOf(assertion.fullName), failure };
}

function tagsOf(name: string): string[] {
  return [...name.matchAll(/\[([a-z]+(?::[a-z]+)?)\]/g)].map((match) => match[1] ?? '');
}
