// `npm run bench`: our mock, Prism's mock and bare node:http on this machine, each in its
// own process, driven in alternating rounds by autocannon on 127.0.0.1 with the same
// request mixes. Prints Markdown tables (req/s, p50/p99, memory, ratios) on stdout and
// progress on stderr. A benchmark, not a test: the aims are reported, never asserted.
//   npm run bench -- [--duration 2] [--rounds 2] [--connections 10] [--targets ours,prism,bare]
//                    [--cpu-prof DIR]   (a .cpuprofile of our mock, for where the time goes)
import { resolve } from 'node:path';

import { Command, InvalidArgumentError } from 'commander';

import {
  aimLines,
  memoryTable,
  ratioTable,
  resultsTable,
  type TargetFigures,
} from '../bench/bench-report';
import { SCENARIOS, type Scenario } from '../bench/bench-scenarios';
import {
  START,
  TARGET_LABELS,
  startOurs,
  type BenchTarget,
  type TargetName,
} from '../bench/bench-targets';
import { runScenario, type RunOptions, type ScenarioResult } from '../bench/run-scenario';

interface BenchFlags extends RunOptions {
  warmup: number;
  rounds: number;
  targets: TargetName[];
  scenarios: string[];
  /** Folder for a V8 CPU profile of our mock (node --cpu-prof). */
  cpuProf?: string;
}

async function main(flags: BenchFlags): Promise<void> {
  const running = new Map<TargetName, BenchTarget>();
  try {
    for (const name of flags.targets) {
      progress(`starting ${TARGET_LABELS[name]}`);
      const target = await startTarget(name, flags);
      running.set(name, target);
      await warmUp(target, flags);
    }
    const results = await runRounds(running, flags);
    const figures: TargetFigures[] = [];
    for (const [name, target] of running) {
      const memory = await target.server.memory();
      const best = results.get(name) ?? new Map<string, ScenarioResult>();
      figures.push({ name, label: TARGET_LABELS[name], results: best, ...memoryFields(memory) });
    }
    process.stdout.write(report(figures, flags));
  } finally {
    for (const target of running.values()) await target.server.stop();
  }
}

// Rounds alternate between the targets, so a change in the machine's load during the run
// falls on all of them; each target keeps its best round per scenario.
async function runRounds(running: Map<TargetName, BenchTarget>, flags: BenchFlags) {
  const best = new Map<TargetName, Map<string, ScenarioResult>>();
  for (const scenario of chosen(flags)) {
    for (let round = 1; round <= flags.rounds; round++) {
      for (const [name, target] of running) {
        if (scenario.needsYaml && name === 'bare') continue;
        progress(`${scenario.name}, round ${round}: ${TARGET_LABELS[name]}`);
        const result = await runScenario(target, scenario, flags);
        const mine = best.get(name) ?? new Map<string, ScenarioResult>();
        const previous = mine.get(scenario.name);
        if (previous === undefined || result.requestsPerSecond > previous.requestsPerSecond) {
          mine.set(scenario.name, result);
        }
        best.set(name, mine);
      }
    }
  }
  return best;
}

function memoryFields(memory: { rss: number; peak: number }) {
  return { rssBytes: memory.rss, peakRssBytes: memory.peak };
}

function report(figures: TargetFigures[], flags: BenchFlags): string {
  const legend = chosen(flags).map((scenario) => `- ${scenario.name}: ${scenario.summary}`);
  const setup =
    `${flags.connections} connections, best of ${flags.rounds} rounds of ${flags.duration} s ` +
    `per scenario after ${flags.warmup} s of warm-up, node ${process.version}`;
  return [
    `## Throughput (${setup})`,
    '',
    resultsTable(chosen(flags), figures),
    '',
    ...legend,
    '',
    '## Memory',
    '',
    memoryTable(figures),
    '',
    '## Ratios (req/s)',
    '',
    ratioTable(chosen(flags), figures),
    '',
    ...aimLines(figures),
    '',
  ].join('\n');
}

function startTarget(name: TargetName, flags: BenchFlags): Promise<BenchTarget> {
  if (name !== 'ours' || flags.cpuProf === undefined) return START[name]();
  return startOurs({ nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${resolve(flags.cpuProf)}`] });
}

// The first seconds run cold code; they are driven but not counted.
async function warmUp(target: BenchTarget, flags: BenchFlags): Promise<void> {
  const [first] = SCENARIOS;
  if (first === undefined || flags.warmup === 0) return;
  await runScenario(target, first, { connections: flags.connections, duration: flags.warmup });
}

function chosen(flags: BenchFlags): Scenario[] {
  return SCENARIOS.filter((scenario) => flags.scenarios.includes(scenario.name));
}

function progress(line: string): void {
  process.stderr.write(`bench: ${line}\n`);
}

function positive(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 60) {
    throw new InvalidArgumentError('expected a whole number from 0 to 60');
  }
  return parsed;
}

function targetList(value: string): TargetName[] {
  const names = value.split(',').map((item) => item.trim());
  for (const name of names) {
    if (!(name in START)) throw new InvalidArgumentError(`unknown target "${name}"`);
  }
  return names as TargetName[];
}

function scenarioList(value: string): string[] {
  const names = value.split(',').map((item) => item.trim());
  const known = SCENARIOS.map(({ name }) => name);
  for (const name of names) {
    if (!known.includes(name)) throw new InvalidArgumentError(`unknown scenario "${name}"`);
  }
  return names;
}

const command = new Command('bench')
  .description('Throughput of our mock against Prism and bare node:http')
  .option('--duration <s>', 'seconds of load per scenario and round', positive, 2)
  .option('--rounds <n>', 'rounds per scenario, alternating between targets', positive, 2)
  .option('--warmup <s>', 'seconds of unmeasured load first, per target', positive, 1)
  .option('--connections <n>', 'concurrent connections', positive, 10)
  .option('--targets <list>', 'which targets, in order', targetList, ['ours', 'prism', 'bare'])
  .option(
    '--scenarios <list>',
    'which scenarios',
    scenarioList,
    SCENARIOS.map(({ name }) => name),
  )
  .option('--cpu-prof <dir>', 'write a V8 CPU profile of our mock into this folder')
  .action((flags: BenchFlags) => main(flags));

command.parseAsync().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
