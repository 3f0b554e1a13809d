// Drives one scenario at one target with autocannon's API and keeps the figures the
// table prints. autocannon ships no types; the little of it used here is typed below.
import { readFile } from 'node:fs/promises';

import type { BenchTarget } from './bench-targets';
import type { BenchStep, CannonRequest, Scenario } from './bench-scenarios';

interface Histogram {
  p50: number;
  p99: number;
  total: number;
}

interface CannonResult {
  requests: Histogram;
  latency: Histogram;
  duration: number;
  errors: number;
  statusCodeStats: Record<string, { count: number }>;
}

type OnResponse = (status: number) => void;

interface CannonOptions {
  url: string;
  connections: number;
  duration: number;
  requests: (CannonRequest & { onResponse: OnResponse })[];
}

// autocannon is CommonJS and ships no declarations.
const autocannon = require('autocannon') as (options: CannonOptions) => Promise<CannonResult>;

export interface RunOptions {
  connections: number;
  /** Seconds of measured load. */
  duration: number;
}

export interface ScenarioResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Server CPU time (user + system) per answered request, in microseconds. */
  serverCpuUs: number;
  /** Answers with another code than the step expects, plus socket errors. */
  unexpected: number;
  codes: Record<string, number>;
}

export async function runScenario(
  target: BenchTarget,
  scenario: Scenario,
  options: RunOptions,
): Promise<ScenarioResult> {
  const steps = await scenario.prepare(target);
  let unexpected = 0;
  const requests = steps.map(({ expect, ...request }: BenchStep) => ({
    ...request,
    onResponse: (status: number) => {
      if (status !== expect) unexpected++;
    },
  }));

  const cpuBefore = await cpuMicros(target.server.pid);
  const result = await autocannon({
    url: target.server.baseUrl,
    connections: options.connections,
    duration: options.duration,
    requests,
  });
  const cpu = (await cpuMicros(target.server.pid)) - cpuBefore;

  const answered = result.requests.total;
  return {
    requestsPerSecond: answered / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    serverCpuUs: answered === 0 ? 0 : cpu / answered,
    unexpected: unexpected + result.errors,
    codes: Object.fromEntries(
      Object.entries(result.statusCodeStats).map(([code, stats]) => [code, Number(stats.count)]),
    ),
  };
}

/** utime + stime of a process from /proc (Linux), in microseconds. */
async function cpuMicros(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1_000_000) / CLOCK_TICKS;
}

// USER_HZ, which is 100 on every Linux that node supports.
const CLOCK_TICKS = 100;
