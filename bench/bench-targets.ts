// The three servers the bench compares, each started as its own process on 127.0.0.1 and
// a free port: our mock as users run it, Prism's mock of the same document, and bare
// node:http. Their output goes to pipes that are drained, so logging costs what it costs
// when written, without a terminal in the way.
import { randomBytes } from 'node:crypto';

import { PROJECT_ROOT, spawnServer, type ChildServer } from './spawn-server';

export const PRISM_ENTRY = require.resolve('@stoplight/prism-cli/dist/index.js', {
  paths: [PROJECT_ROOT],
});
export const SPEC_FILE = `${PROJECT_ROOT}/spec/openapi.yaml`;

export interface BenchTarget {
  server: ChildServer;
  token: string;
  /** An image the target knows, so creates on it succeed. */
  image: string;
}

export type TargetName = 'ours' | 'prism' | 'bare';

export const TARGET_LABELS: Readonly<Record<TargetName, string>> = {
  ours: 'imagesig mock',
  prism: 'Prism 5.14.2 mock',
  bare: 'bare node:http',
};

/** `sha256:` and 64 random hex digits. */
export function randomImageName(): string {
  return `sha256:${randomBytes(32).toString('hex')}`;
}

export interface OursOptions {
  /** Node flags, e.g. --cpu-prof. */
  nodeArgs?: readonly string[];
  /** More `imagesig serve` flags. */
  extraArgs?: readonly string[];
  /** Keep the banner and the request log in memory, for tests that read them. */
  keepOutput?: boolean;
}

/** `imagesig serve --http`: default log level, every check on; one known image. */
export async function startOurs(options: OursOptions = {}): Promise<BenchTarget> {
  const token = `bench-${randomBytes(8).toString('hex')}`;
  const image = randomImageName();
  const server = await spawnServer({
    args: [
      ...(options.nodeArgs ?? []),
      `${PROJECT_ROOT}/scripts/imagesig.js`,
      'serve',
      '--http',
      '--port',
      '0',
      '--images',
      '0',
      '--image',
      image,
      '--token',
      token,
      ...(options.extraArgs ?? []),
    ],
    ready: /^endpoint: http:\/\/127\.0\.0\.1:(\d+)$/m,
    keepOutput: options.keepOutput ?? false,
  });
  return { server, token, image };
}

/** Prism 5.14.2's mock at its default (info) log level. */
export async function startPrism(): Promise<BenchTarget> {
  const server = await spawnServer({
    args: [PRISM_ENTRY, 'mock', SPEC_FILE, '-h', '127.0.0.1', '-p', '0'],
    ready: /Prism is listening on http:\/\/127\.0\.0\.1:(\d+)/,
  });
  return { server, token: 'any', image: randomImageName() };
}

/** Prism's validation proxy in front of `upstream`; its log (the violations) is kept. */
export function startPrismProxy(upstream: string): Promise<ChildServer> {
  return spawnServer({
    args: [PRISM_ENTRY, 'proxy', SPEC_FILE, upstream, '-h', '127.0.0.1', '-p', '0'],
    ready: /Prism is listening on http:\/\/127\.0\.0\.1:(\d+)/,
    keepOutput: true,
  });
}

export async function startBare(): Promise<BenchTarget> {
  const server = await spawnServer({
    args: ['--require', 'tsx/cjs', `${__dirname}/bare-server.ts`],
    ready: /^listening on (\d+)$/m,
  });
  return { server, token: 'any', image: randomImageName() };
}

export const START: Readonly<Record<TargetName, () => Promise<BenchTarget>>> = {
  ours: () => startOurs(),
  prism: startPrism,
  bare: startBare,
};
