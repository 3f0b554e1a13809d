import { readFileSync, writeFileSync } from 'node:fs';

import { SPEC_PATH, TYPES_PATH, renderSpec, renderTypes } from '../spec/generate';

// Usage: build-generated.ts spec | types | check
// `check` regenerates both files in memory and fails on any difference from the tree.

async function check(): Promise<number> {
  const spec = renderSpec();
  const types = await renderTypes(spec);
  let stale = 0;
  for (const [path, want] of [
    [SPEC_PATH, spec],
    [TYPES_PATH, types],
  ] as const) {
    const have = readFileSync(path, 'utf8');
    if (have !== want) {
      process.stderr.write(`${path} is stale: run npm run build:spec && npm run build:types\n`);
      stale += 1;
    }
  }
  if (stale === 0) process.stdout.write('generated files are up to date\n');
  return stale === 0 ? 0 : 1;
}

async function main(mode: string | undefined): Promise<number> {
  if (mode === 'spec') {
    writeFileSync(SPEC_PATH, renderSpec());
    return 0;
  }
  if (mode === 'types') {
    writeFileSync(TYPES_PATH, await renderTypes(readFileSync(SPEC_PATH, 'utf8')));
    return 0;
  }
  if (mode === 'check') return check();
  process.stderr.write('usage: build-generated.ts spec | types | check\n');
  return 2;
}

main(process.argv[2]).then((code) => (process.exitCode = code));
