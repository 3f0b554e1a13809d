// `imagesig serve`: the mock on HTTPS (or --http), seeded, logging one line per request.
import { writeFile } from 'node:fs/promises';

import { Command, InvalidArgumentError, Option } from 'commander';

import { DEFAULT_DEV_TOKEN } from './authenticate';
import { createHandler } from './create-handler';
import { defaultIdentity } from './create-signature';
import { kubeconfig } from './kubeconfig';
import { createLogger, LOG_LEVELS, type LogLevel } from './logger';
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_SIGNATURES, MemorySignatureStore } from './memory-store';
import { seedStore } from './seed-store';
import { serveBanner } from './serve-banner';
import {
  DEFAULT_PROFILE,
  PROFILE_VERSIONS,
  PROFILES,
  type ProfileVersion,
  type ServerProfile,
} from './server-profile';
import { DEFAULT_REQUEST_TIMEOUT_MS, startServer } from './start-server';

const MIB = 1024 * 1024;

interface ServeFlags {
  http: boolean;
  host: string;
  port: number;
  seed: number;
  images: number;
  token: string[];
  unprivilegedToken: string[];
  anonymous401: boolean;
  image: string[];
  createUnknownImages: boolean;
  logLevel: LogLevel;
  maxSignatures: number;
  maxStoreMib: number;
  requestTimeout: number;
  profile: ProfileVersion;
  kubeconfig: string | undefined;
  printKubeconfig: boolean;
}

export function serveCommand(): Command {
  return new Command('serve')
    .description('Serve the stateful mock of the ImageSignature API (HTTPS, self-signed)')
    .option('--http', 'serve plain HTTP instead of HTTPS', false)
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .option('--port <port>', 'port to bind; 0 picks a free one', integer(0, 65535), 8443)
    .option('--seed <n>', 'seed of the generated images', integer(0, 2 ** 31 - 1), 1)
    .option('--images <n>', 'how many seeded images to load', integer(0, 100000), 3)
    .option('--token <token>', 'also accept this image-signer token (repeatable)', collect, [])
    .option(
      '--unprivileged-token <token>',
      'accept this token for a user without the image-signer role: 403 (repeatable)',
      collect,
      [],
    )
    .option('--anonymous-401', 'answer 401 instead of 403 to requests without a token', false)
    .option('--image <name>', 'add a known image without signatures (repeatable)', collect, [])
    .option('--create-unknown-images', 'create an unknown image on its first signature', false)
    .option(
      '--max-signatures <n>',
      'most signatures stored at once; past it a create answers 500, as when etcd is full',
      integer(1, 10_000_000),
      DEFAULT_MAX_SIGNATURES,
    )
    .option(
      '--max-store-mib <n>',
      'most MiB of signature content and names stored at once; past it a create answers 500',
      integer(1, 1024 * 1024),
      DEFAULT_MAX_BYTES / MIB,
    )
    .option(
      '--request-timeout <s>',
      'seconds a client may take to send a request; slower ones get 408 and are cut off',
      integer(1, 3600),
      DEFAULT_REQUEST_TIMEOUT_MS / 1000,
    )
    .addOption(
      new Option('--profile <release>', 'the OpenShift release whose answers to copy')
        .choices(PROFILE_VERSIONS)
        .default(DEFAULT_PROFILE.version),
    )
    .option('--kubeconfig <file>', 'write a kubeconfig for this server to <file> once listening')
    .option(
      '--print-kubeconfig',
      'print the kubeconfig on stdout instead of the banner (which goes to stderr)',
      false,
    )
    .addOption(
      new Option('--log-level <level>', 'request log level on stderr')
        .choices(LOG_LEVELS)
        .default('info'),
    )
    .action((flags: ServeFlags) => serve(flags));
}

async function serve(flags: ServeFlags): Promise<void> {
  const store = new MemorySignatureStore({
    maxSignatures: flags.maxSignatures,
    maxBytes: flags.maxStoreMib * MIB,
  });
  const seeded = await seedStore(store, {
    seed: flags.seed,
    images: flags.images,
    extraImages: flags.image,
    now: defaultIdentity().now(),
  });

  const logger = createLogger({ level: flags.logLevel });
  const handler = createHandler({
    store,
    tokens: [DEFAULT_DEV_TOKEN, ...flags.token],
    unprivilegedTokens: flags.unprivilegedToken,
    anonymous401: flags.anonymous401,
    createUnknownImages: flags.createUnknownImages,
    profile: PROFILES[flags.profile],
    logger,
  });
  const running = await startServer(handler, {
    ...flags,
    logger,
    requestTimeoutMs: flags.requestTimeout * 1000,
  });

  const config = kubeconfig({
    url: running.url,
    token: DEFAULT_DEV_TOKEN,
    certificate: running.certificate,
  });
  // Written before the banner, so that whoever waits for the banner finds the file.
  if (flags.kubeconfig !== undefined) await writeFile(flags.kubeconfig, config, { mode: 0o600 });

  const banner = serveBanner({
    url: running.url,
    token: DEFAULT_DEV_TOKEN,
    extraTokens: flags.token.length,
    profileVersion: flags.profile,
    ...exampleEndpoint(PROFILES[flags.profile]),
    seed: flags.seed,
    images: seeded,
    extraImages: flags.image,
  });
  if (flags.printKubeconfig) {
    process.stderr.write(banner);
    process.stdout.write(config);
  } else {
    process.stdout.write(banner);
  }
  closeOnSignal(() => running.close());
}

// The banner's curl commands use /oapi/v1 where the release has it (4.x has not).
function exampleEndpoint(profile: ServerProfile): { collectionPath: string; apiVersion: string } {
  return profile.discovery.legacyApi
    ? { collectionPath: '/oapi/v1/imagesignatures', apiVersion: 'v1' }
    : {
        collectionPath: '/apis/image.openshift.io/v1/imagesignatures',
        apiVersion: 'image.openshift.io/v1',
      };
}

// Closing the server lets the event loop drain, so the process exits 0 by itself.
function closeOnSignal(close: () => Promise<void>): void {
  const onSignal = (): void => {
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
    close().catch((error: unknown) => {
      process.stderr.write(`imagesig: ${String(error)}\n`);
      process.exitCode = 1;
    });
  };
  process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
}

function integer(min: number, max: number): (value: string) => number {
  return (value) => {
    const parsed = Number(value);
    if (!/^\d+$/.test(value) || parsed < min || parsed > max) {
      throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}`);
    }
    return parsed;
  };
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
