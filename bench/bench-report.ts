// Renders the bench's figures as Markdown tables, ready to paste into the README.
import type { TargetName } from './bench-targets';
import type { Scenario } from './bench-scenarios';
import type { ScenarioResult } from './run-scenario';

export interface TargetFigures {
  name: TargetName;
  label: string;
  /** Keyed by scenario name; absent when the scenario does not apply to the target. */
  results: Map<string, ScenarioResult>;
  rssBytes: number;
  peakRssBytes: number;
}

/** The aims of issue 5, on the create-delete mix. */
export const AIMS = { overPrism: 5, ofBare: 0.4 } as const;

const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const int = (value: number): string => Math.round(value).toLocaleString('en-US');

export function resultsTable(scenarios: readonly Scenario[], targets: TargetFigures[]): string {
  const rows = [
    '| scenario | target | req/s | p50 ms | p99 ms | server CPU µs/req | unexpected | codes |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const scenario of scenarios) {
    for (const target of targets) {
      const result = target.results.get(scenario.name);
      if (result === undefined) continue;
      const codes = Object.entries(result.codes)
        .map(([code, count]) => `${code}×${int(count)}`)
        .join(' ');
      rows.push(
        `| ${scenario.name} | ${target.label} | ${int(result.requestsPerSecond)} | ` +
          `${result.p50Ms} | ${result.p99Ms} | ${int(result.serverCpuUs)} | ` +
          `${int(result.unexpected)} | ${codes} |`,
      );
    }
  }
  return rows.join('\n');
}

export function memoryTable(targets: TargetFigures[]): string {
  const rows = ['| target | RSS after the runs | peak RSS |', '| --- | ---: | ---: |'];
  for (const target of targets) {
    rows.push(`| ${target.label} | ${mib(target.rssBytes)} | ${mib(target.peakRssBytes)} |`);
  }
  return rows.join('\n');
}

/** ours/Prism and ours/bare per scenario, with the aims marked on create-delete. */
export function ratioTable(scenarios: readonly Scenario[], targets: TargetFigures[]): string {
  const find = (name: TargetName) => targets.find((target) => target.name === name);
  const ours = find('ours');
  if (ours === undefined) return '(no ratios: our mock was not run)';

  const rows = ['| scenario | ours / Prism | ours / bare node:http |', '| --- | ---: | ---: |'];
  for (const scenario of scenarios) {
    const mine = ours.results.get(scenario.name)?.requestsPerSecond;
    if (mine === undefined) continue;
    const overPrism = ratio(mine, find('prism')?.results.get(scenario.name));
    const ofBare = ratio(mine, find('bare')?.results.get(scenario.name));
    rows.push(`| ${scenario.name} | ${times(overPrism)} | ${percent(ofBare)} |`);
  }
  return rows.join('\n');
}

/** One line per aim: met or missed, on the create-delete mix. */
export function aimLines(targets: TargetFigures[]): string[] {
  const get = (name: TargetName) =>
    targets.find((target) => target.name === name)?.results.get('create-delete');
  const mine = get('ours')?.requestsPerSecond;
  if (mine === undefined) return [];

  const overPrism = ratio(mine, get('prism'));
  const ofBare = ratio(mine, get('bare'));
  const lines: string[] = [];
  if (overPrism !== undefined) {
    const met = overPrism >= AIMS.overPrism ? 'met' : 'MISSED';
    lines.push(`aim ≥${AIMS.overPrism}× Prism on create-delete: ${times(overPrism)} (${met})`);
  }
  if (ofBare !== undefined) {
    const met = ofBare >= AIMS.ofBare ? 'met' : 'MISSED';
    lines.push(
      `aim ≥${AIMS.ofBare * 100}% of bare node:http on create-delete: ${percent(ofBare)} (${met})`,
    );
  }
  return lines;
}

function ratio(mine: number, other: ScenarioResult | undefined): number | undefined {
  if (other === undefined || other.requestsPerSecond === 0) return undefined;
  return mine / other.requestsPerSecond;
}

const times = (value: number | undefined) => (value === undefined ? 'n/a' : `${value.toFixed(1)}×`);
const percent = (value: number | undefined) =>
  value === undefined ? 'n/a' : `${(value * 100).toFixed(0)}%`;
