// Prints fixtures per second and peak memory for the runs the issue sets targets for.
// Each case runs in a fresh process so its peak RSS is its own:
//   npx tsx scripts/bench-fixtures.ts
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Writable } from 'node:stream';

import { Faker, base, en, generateMersenne32Randomizer } from '@faker-js/faker';

import { entityRandomizer } from '../fixtures/entity-randomizer';
import { formatWriter } from '../fixtures/format-writers';
import { streamSink } from '../fixtures/output-sink';
import { type FixturesRun, writeFixtures } from '../fixtures/run-fixtures';
import { loadSigningKey } from '../fixtures/signing-key';

interface BenchCase {
  label: string;
  count: number;
  as: 'request' | 'stored';
  format: string;
  signed: boolean;
}

const CASES: readonly BenchCase[] = [
  {
    label: '100k unsigned request ndjson',
    count: 100_000,
    as: 'request',
    format: 'ndjson',
    signed: false,
  },
  {
    label: '100k unsigned stored ndjson',
    count: 100_000,
    as: 'stored',
    format: 'ndjson',
    signed: false,
  },
  {
    label: '100k unsigned request json',
    count: 100_000,
    as: 'request',
    format: 'json',
    signed: false,
  },
  {
    label: '100k unsigned stored yaml',
    count: 100_000,
    as: 'stored',
    format: 'yaml',
    signed: false,
  },
  {
    label: '1k signed request ndjson',
    count: 1_000,
    as: 'request',
    format: 'ndjson',
    signed: true,
  },
  { label: '1k signed stored ndjson', count: 1_000, as: 'stored', format: 'ndjson', signed: true },
];

const TEST_KEY = join(__dirname, '..', 'test-keys', 'test-only-private.asc');

interface CaseResult {
  perSecond: number;
  seconds: number;
  bytes: number;
  peakRssMiB: number;
}

async function runCase(bench: BenchCase): Promise<CaseResult> {
  let bytes = 0;
  const sink = streamSink(
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        done();
      },
    }),
  );
  const key = bench.signed ? await loadSigningKey(TEST_KEY) : undefined;
  const run: FixturesRun = {
    seed: 1,
    count: bench.count,
    start: 0,
    as: bench.as,
    format: bench.format,
  };
  const writer = formatWriter(bench.format);
  if (writer === undefined) throw new Error(`no format ${bench.format}`);

  const started = process.hrtime.bigint();
  await writeFixtures(run, sink, writer, key);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const peakRssMiB = process.resourceUsage().maxRSS / 1024;
  return { perSecond: bench.count / seconds, seconds, bytes, peakRssMiB };
}

// The seeding strategies the generator could use, on the same small per-entity workload.
function seedingComparison(): string[] {
  const fresh = (): Faker => new Faker({ locale: [en, base] });
  const twister = new Faker({ locale: [en, base], randomizer: generateMersenne32Randomizer() });
  const ours = new Faker({ locale: [en, base], randomizer: entityRandomizer() });
  const strategies: [string, (index: number) => Faker][] = [
    ['a fresh Faker per entity', () => fresh()],
    ['one Faker re-seeded (Mersenne Twister)', (i) => (twister.seed([1, i]), twister)],
    ['one Faker re-seeded (entity randomizer, used)', (i) => (ours.seed([1, i]), ours)],
  ];
  const count = 20_000;
  return strategies.map(([label, seeded]) => {
    const started = process.hrtime.bigint();
    for (let index = 0; index < count; index++) {
      const faker = seeded(index);
      faker.seed([1, index]);
      faker.string.hexadecimal({ length: 32 });
      faker.internet.domainWord();
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return `${label.padEnd(48)} ${Math.round(count / seconds).toLocaleString('en')} entities/s`;
  });
}

function runChild(index: number): CaseResult {
  const child = spawnSync(process.execPath, ['--require', 'tsx/cjs', __filename, String(index)], {
    encoding: 'utf8',
  });
  if (child.status !== 0) throw new Error(`bench case ${index} failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as CaseResult;
}

async function main(): Promise<void> {
  const only = process.argv[2];
  if (only !== undefined) {
    const bench = CASES[Number(only)];
    if (bench === undefined) throw new Error(`no bench case ${only}`);
    process.stdout.write(JSON.stringify(await runCase(bench)));
    return;
  }

  console.log(`fixtures bench on ${process.version}, one process per case, seed 1`);
  CASES.forEach((bench, index) => {
    const result = runChild(index);
    const rate = Math.round(result.perSecond).toLocaleString('en').padStart(9);
    const mib = (result.bytes / 2 ** 20).toFixed(1);
    console.log(
      `${bench.label.padEnd(30)} ${rate} entities/s  ${result.seconds.toFixed(2)} s  ` +
        `${mib} MiB out  peak RSS ${result.peakRssMiB.toFixed(0)} MiB`,
    );
  });
  console.log('seeding strategies (20k entities, seed + 32 hex digits + a domain word):');
  for (const line of seedingComparison()) console.log(`  ${line}`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench-fixtures: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
});
