// What Prism's mock can and cannot do, by contract tag, and the Markdown table of a run
// that test/prism/RESULTS.md (and the README) shows.
import type { CheckResult } from './run-contract-checks';

/** Why Prism's mock fails the checks carrying each tag. */
export const PRISM_LACKS: Readonly<Record<string, string>> = {
  stateful: 'is stateless: every create answers the example, every delete succeeds',
  'auth:values': 'checks only that a bearer token is present, never its value or role',
  errors:
    'answers its own problem+json (or the example of the first documented error), ' +
    'not the Kubernetes Status the request calls for',
  'media:yaml': 'has no YAML serializer: 500 "Cannot find serializer"',
  'media:protobuf': 'has no protobuf encoder: it answers the placeholder text "string"',
  'format:json': 'writes its own JSON layout: no trailing newline, no ?pretty or curl indent',
};

/** Checks no tag explains, with the reason Prism fails them. */
export const PRISM_GAPS: readonly { pattern: RegExp; reason: string }[] = [
  {
    pattern: /with a malformed body/,
    reason: 'parses the JSON body before security: 400 invalid_json instead of 401/403',
  },
];

/** The reason Prism fails `check`, or undefined when neither a tag nor a gap explains it. */
export function prismReason(check: CheckResult): string | undefined {
  const gap = PRISM_GAPS.find(({ pattern }) => pattern.test(check.name));
  if (gap !== undefined) return gap.reason;
  const tag = check.tags.find((name) => PRISM_LACKS[name] !== undefined);
  return tag === undefined ? undefined : `[${tag}]`;
}

/** The reasons behind each tag, as a Markdown list. */
export function lacksLegend(): string {
  return Object.entries(PRISM_LACKS)
    .map(([tag, reason]) => `- \`[${tag}]\`: Prism ${reason}.`)
    .join('\n');
}

const PREFIXES = /\/oapi\/v1|\/apis\/image\.openshift\.io\/v1/g;

interface Row {
  name: string;
  outcomes: Set<string>;
  reason: string;
}

/** One row per check with both API prefixes folded together. */
export function resultsTable(checks: readonly CheckResult[]): string {
  const rows = new Map<string, Row>();
  for (const check of checks) {
    const name = check.name.replace(PREFIXES, '{prefix}');
    const row = rows.get(name) ?? { name, outcomes: new Set(), reason: '' };
    row.outcomes.add(check.status);
    if (check.status === 'failed') row.reason = prismReason(check) ?? 'unexplained';
    rows.set(name, row);
  }

  const lines = ['| check | Prism 5.14.2 | why not |', '| --- | --- | --- |'];
  for (const row of [...rows.values()].sort((a, b) => a.name.localeCompare(b.name))) {
    lines.push(`| ${row.name.replaceAll('|', '\\|')} | ${outcome(row.outcomes)} | ${row.reason} |`);
  }
  return lines.join('\n');
}

/** Passed / failed / skipped per tag ('(none)' for checks without tags). */
export function tagSummary(checks: readonly CheckResult[]): string {
  const counts = new Map<string, Record<string, number>>();
  for (const check of checks) {
    for (const tag of check.tags.length === 0 ? ['(none)'] : check.tags) {
      const entry = counts.get(tag) ?? { passed: 0, failed: 0, skipped: 0 };
      entry[check.status] = (entry[check.status] ?? 0) + 1;
      counts.set(tag, entry);
    }
  }
  const lines = ['| tag | passed | failed | skipped |', '| --- | ---: | ---: | ---: |'];
  for (const [tag, entry] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`| ${tag} | ${entry['passed']} | ${entry['failed']} | ${entry['skipped']} |`);
  }
  return lines.join('\n');
}

function outcome(outcomes: Set<string>): string {
  if (outcomes.size > 1) return [...outcomes].sort().join(' / ');
  const [only] = [...outcomes];
  return only === 'passed' ? 'passes' : only === 'failed' ? 'fails' : 'skipped';
}
