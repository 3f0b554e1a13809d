// `imagesig serve`: the mock on HTTPS (or --http), seeded, logging one line per request.
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

import { Command, InvalidArgumentError, Option } from 'commander';

import { seededImageIdentity } from '../fixtures/seeded-image';
import { DEFAULT_DEV_TOKEN } from './authenticate';
import { createHandler } from './create-handler';
import { defaultIdentity } from './create-signature';
import { kubeconfig, writeKubeconfig } from './kubeconfig';
import { createLogger, LOG_LEVELS, type LogLevel } from './logger';
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_SIGNATURES, MemorySignatureStore } from './memory-store';
import { seedStore, SeedStoreFullError } from './seed-store';
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

// Exit code of a usage error, as the root CLI maps commander's own errors.
const USAGE_EXIT = 2;

/** A flag the run cannot honour: one line on stderr and exit 2, before anything listens. */
class ServeUsageError extends Error {
  override readonly name = 'ServeUsageError';
}

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
  const command = new Command('serve')
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
    );
  command.action(async (flags: ServeFlags) => {
    try {
      await serve(flags);
    } catch (error) {
      if (!(error instanceof ServeUsageError)) throw error;
      command.error(`error: ${error.message}`, { exitCode: USAGE_EXIT, code: 'imagesig.serve' });
    }
  });
  return command;
}

async function serve(flags: ServeFlags): Promise<void> {
  checkSeedFits(flags);
  if (flags.kubeconfig !== undefined) checkKubeconfigDirectory(flags.kubeconfig);
  const store = new MemorySignatureStore({
    maxSignatures: flags.maxSignatures,
    maxBytes: flags.maxStoreMib * MIB,
  });
  const seeded = await seedInto(store, flags);

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
  // Written before the banner, so that whoever waits for the banner finds the file; a
  // failure closes the server, so the process exits 1 instead of serving half set up.
  if (flags.kubeconfig !== undefined) {
    const file = flags.kubeconfig;
    await writeKubeconfig(file, config).catch(async (error: unknown) => {
      await running.close();
      throw new Error(`cannot write --kubeconfig ${file}: ${String(error)}`);
    });
  }

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
  // Before the banner: whoever waits for it and then signals must find the handler.
  closeOnSignal(() => running.close());
  if (flags.printKubeconfig) {
    process.stderr.write(banner);
    process.stdout.write(config);
  } else {
    process.stdout.write(banner);
  }
}

// A store smaller than the seeded world would drop signatures the banner still lists.
function checkSeedFits(flags: ServeFlags): void {
  let needed = 0;
  for (let index = 0; index < flags.images; index++) {
    needed += seededImageIdentity(flags.seed, index).signatureCount;
  }
  if (needed > flags.maxSignatures) {
    throw new ServeUsageError(
      `--max-signatures ${flags.maxSignatures} is below the ${needed} seeded signatures ` +
        `of --images ${flags.images}: raise it or seed fewer images`,
    );
  }
}

async function seedInto(
  store: MemorySignatureStore,
  flags: ServeFlags,
): Promise<Awaited<ReturnType<typeof seedStore>>> {
  try {
    return await seedStore(store, {
      seed: flags.seed,
      images: flags.images,
      extraImages: flags.image,
      now: defaultIdentity().now(),
    });
  } catch (error) {
    if (!(error instanceof SeedStoreFullError)) throw error;
    throw new ServeUsageError(
      `--max-store-mib ${flags.maxStoreMib} cannot hold the seeded signatures of ` +
        `--images ${flags.images} (full after ${error.stored}): raise it or seed fewer images`,
    );
  }
}

// Checked before listening, so a mistyped path is a usage error, not a half-started server.
function checkKubeconfigDirectory(file: string): void {
  if (statSync(file, { throwIfNoEntry: false })?.isDirectory() === true) {
    throw new ServeUsageError(`cannot write --kubeconfig ${file}: it is a directory`);
  }
  const directory = dirname(resolve(file));
  if (statSync(directory, { throwIfNoEntry: false })?.isDirectory() !== true) {
    throw new ServeUsageError(
      `cannot write --kubeconfig ${file}: directory ${directory} does not exist`,
    );
  }
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
