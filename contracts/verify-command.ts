import { existsSync } from 'node:fs';

import { Command } from 'commander';

import { parsePrefixes } from './api-prefix';
import { ContractClient } from './contract-client';
import { supportedMediaTypes } from './media-probe';
import { parseMediaTypes } from './media-type';
import { checkTokenAndImage } from './image-check';
import { servedPrefixes } from './prefix-probe';
import { preflight, PREFLIGHT_DEADLINE_MS } from './preflight';
import { describeRun, runContracts } from './run-contracts';
import { parseSkip } from './tags';
import { externalTarget, parseBaseUrl, TARGET_ENV } from './target';

// `imagesig verify`: the contract suite against any server, with a summary on stdout and
// a JUnit report for CI. Exit 0 only when every check passed, 1 when one failed, 2 on a
// usage error (commander's, or one found here).

const USAGE_EXIT = 2;

interface VerifyFlags {
  baseUrl: string;
  token: string;
  image: string;
  unprivilegedToken?: string;
  insecure?: boolean;
  caFile?: string;
  junit: string;
  prefixes?: string;
  skip?: string;
  mediaTypes?: string;
}

export function verifyCommand(): Command {
  const command = new Command('verify')
    .description('Run the contract suite against a server and write a JUnit XML report')
    .requiredOption('--base-url <url>', 'the server, e.g. https://127.0.0.1:8443')
    .requiredOption('--token <token>', 'a bearer token allowed to create and delete signatures')
    .requiredOption('--image <name>', 'an image that exists on the server (sha256:…)')
    .option('--unprivileged-token <token>', 'a token whose user lacks the image-signer role')
    .option('--insecure', 'do not verify the TLS certificate (like curl -k)')
    .option('--ca-file <file>', 'trust the CA certificates in this PEM file')
    .option('--junit <file>', 'where to write the JUnit XML report', 'reports/contracts-junit.xml')
    .option(
      '--prefixes <list>',
      'comma-separated API prefixes the server serves (default: probe the server)',
    )
    .option('--skip <tags>', 'comma-separated check tags to leave out (see contracts/README.md)')
    .option(
      '--media-types <list>',
      'media types the server claims: json,yaml,protobuf (default: probe the server)',
    );

  return command.action(async (flags: VerifyFlags) => {
    checkFlags(command, flags);
    const problem = await preflight(flags.baseUrl, flags);
    if (problem !== undefined) return fail(problem);

    let media: string[];
    try {
      const probed = await probe(flags);
      if (typeof probed === 'string') return fail(probed);
      media = probed;
    } catch (error) {
      // A server that stops answering mid-probe: one line, not a stack or a bare timeout.
      const reason = error instanceof Error ? error.message : String(error);
      return fail(`${flags.baseUrl} stopped answering the probes before the suite (${reason})`);
    }

    const run = await runContracts({
      ...flags,
      mediaTypes: media.join(','),
      junitFile: flags.junit,
    });

    process.stdout.write(`contracts: ${describeRun(run)}\n`);
    process.stdout.write(`JUnit report: ${run.junitFile}\n`);
    process.exitCode = run.ok ? 0 : 1;
  });
}

function fail(problem: string): void {
  process.stderr.write(`imagesig verify: ${problem}\n`);
  process.exitCode = 1;
}

/**
 * The prefixes and media types to run with (into `flags`, printed on stdout), or the one
 * sentence why the suite cannot run.
 */
async function probe(flags: VerifyFlags): Promise<string[] | string> {
  const prefixes = await claimedPrefixes(flags);
  process.stdout.write(`prefixes: ${prefixes.names.join(', ')} (${prefixes.source})\n`);
  if (prefixes.names.length === 0) return `${flags.baseUrl} serves neither API prefix`;
  flags.prefixes = prefixes.names.join(',');
  const [firstPrefix] = parsePrefixes(flags.prefixes);
  const unusable =
    firstPrefix && (await checkTokenAndImage(probeClient(flags), firstPrefix, flags.image));
  if (unusable) return unusable;

  const media = await claimedMediaTypes(flags);
  process.stdout.write(`media types: ${media.names.join(', ')} (${media.source})\n`);
  return media.names;
}

/** The prefixes to run on: those given, or those the server answers on. */
async function claimedPrefixes(
  flags: VerifyFlags,
): Promise<{ names: string[]; source: 'given' | 'probed' }> {
  if (flags.prefixes !== undefined)
    return { names: parsePrefixes(flags.prefixes), source: 'given' };
  return { names: await servedPrefixes(probeClient(flags)), source: 'probed' };
}

/** The media types to run with: those given, or those the server shows it speaks. */
async function claimedMediaTypes(
  flags: VerifyFlags,
): Promise<{ names: string[]; source: 'given' | 'probed' }> {
  if (flags.mediaTypes !== undefined) {
    return { names: parseMediaTypes(flags.mediaTypes).map((media) => media.name), source: 'given' };
  }
  const [prefix] = parsePrefixes(flags.prefixes).slice(-1);
  const supported =
    prefix === undefined ? [] : await supportedMediaTypes(probeClient(flags), prefix);
  return { names: supported.map((media) => media.name), source: 'probed' };
}

// A client of the target for the probes, outside any Jest run.
function probeClient(flags: VerifyFlags): ContractClient {
  const env = {
    [TARGET_ENV.token]: flags.token,
    [TARGET_ENV.image]: flags.image,
    [TARGET_ENV.insecure]: flags.insecure === true ? '1' : undefined,
    [TARGET_ENV.caFile]: flags.caFile,
  };
  const target = externalTarget(flags.baseUrl, env);
  const probing = { ...target, inProcess: false, close: async () => {} };
  // The probes are small and come before any check: a slow one is a dead server.
  return new ContractClient(probing, { timeoutMs: PREFLIGHT_DEADLINE_MS });
}

// Every mistake in the flags is reported before a single request is sent.
function checkFlags(command: Command, flags: VerifyFlags): void {
  try {
    parseBaseUrl(flags.baseUrl, '--base-url');
    parsePrefixes(flags.prefixes);
    parseSkip(flags.skip);
    parseMediaTypes(flags.mediaTypes);
    if (flags.caFile !== undefined && !existsSync(flags.caFile)) {
      throw new Error(`--ca-file ${flags.caFile} does not exist`);
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    command.error(`error: ${message}`, { exitCode: USAGE_EXIT, code: 'imagesig.usage' });
  }
}
