// Prism's mock of our document against the contract suite's stateless checks: what a
// user of Prism today gets, check by check. `npm run prism:results` writes the table to
// test/prism/RESULTS.md.
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { randomImageName, startPrism, type BenchTarget } from '../../bench/bench-targets';
import { PRISM_GAPS, lacksLegend, prismReason, resultsTable, tagSummary } from './prism-results';
import { runContractChecks, type CheckRun } from './run-contract-checks';

jest.setTimeout(60_000);

const SKIP = 'stateful';

describe('Prism 5.14.2 mock under the contract suite', () => {
  let prism: BenchTarget;
  let run: CheckRun;

  beforeAll(async () => {
    prism = await startPrism();
    run = await runContractChecks({
      baseUrl: prism.server.baseUrl,
      token: 'prism-any-token',
      unprivilegedToken: 'prism-viewer-token',
      image: randomImageName(),
      skip: SKIP,
    });
    if (process.env['IMAGESIG_WRITE_PRISM_RESULTS'] === '1') await writeResults(run);
  });

  afterAll(() => prism?.server.stop());

  it('runs every contract file', () => {
    expect(run.brokenFiles).toBe(0);
    expect(run.checks.filter((check) => check.status !== 'skipped').length).toBeGreaterThan(50);
  });

  it('passes the checks that need nothing but the document', () => {
    const documentOnly = run.checks.filter(
      (check) =>
        check.tags.length === 0 && !PRISM_GAPS.some(({ pattern }) => pattern.test(check.name)),
    );
    expect(documentOnly.length).toBeGreaterThan(0);
    expect(documentOnly.filter((check) => check.status !== 'passed')).toEqual([]);
  });

  it('fails only checks that need what Prism lacks', () => {
    const unexplained = run.checks.filter(
      (check) => check.status === 'failed' && prismReason(check) === undefined,
    );
    expect(unexplained.map(({ name, failure }) => ({ name, failure }))).toEqual([]);
  });

  it('fails the checks on token values, YAML and Kubernetes Status bodies', () => {
    for (const tag of ['auth:values', 'media:yaml', 'errors']) {
      const tagged = run.checks.filter((check) => check.tags.includes(tag));
      expect({ tag, failed: tagged.some((check) => check.status === 'failed') }).toEqual({
        tag,
        failed: true,
      });
    }
  });

  it('leaves out the stateful checks', () => {
    const stateful = run.checks.filter((check) => check.tags.includes('stateful'));
    expect(stateful.length).toBeGreaterThan(0);
    expect(stateful.every((check) => check.status === 'skipped')).toBe(true);
  });
});

async function writeResults(run: CheckRun): Promise<void> {
  const text = [
    '# Prism 5.14.2 mock under the contract suite',
    '',
    'Written by `npm run prism:results` (test/prism/prism-mock.test.ts): Prism serves',
    '`spec/openapi.yaml` with `prism mock`, and the contract suite runs against it with',
    `\`IMAGESIG_SKIP=${SKIP}\` (Prism keeps no state, so those checks are left out) and a`,
    'second token for the 403 checks. Both API prefixes run every check; a row folds them.',
    '',
    '## By tag',
    '',
    tagSummary(run.checks),
    '',
    'A failing check is explained by the first of its tags Prism lacks:',
    '',
    lacksLegend(),
    '',
    '## By check',
    '',
    resultsTable(run.checks),
    '',
    '## Through the validation proxy',
    '',
    'test/prism/prism-proxy.test.ts puts `prism proxy` in front of `imagesig serve --http`',
    'and runs the suite through it, without the checks Prism gets in the way of: YAML and',
    'protobuf (Prism cannot read YAML answers and alters binary bodies), the JSON layout',
    '(Prism re-encodes JSON) and malformed JSON (Prism answers it itself). Every other',
    'check passes and Prism logs no violation in any answer of the mock.',
    '',
  ].join('\n');
  const file = join(__dirname, 'RESULTS.md');
  await writeFile(file, text);
  // Formatted as `npm test`'s prettier check wants it; prettier's API needs ESM hooks Jest lacks.
  const prettier = require.resolve('prettier/bin/prettier.cjs');
  execFileSync(process.execPath, [prettier, '--write', '--log-level', 'warn', file]);
}
