import { readFileSync } from 'node:fs';

import { parsePrefixes, type ApiPrefix } from './api-prefix';
import { startInProcessMock } from './in-process-mock';

// Where the suite sends its requests. Everything comes from the environment, so that
// `imagesig verify` (and any CI job) can point the same Jest files at any server; with
// no base URL the suite starts our own mock in-process and tests that.

export const TARGET_ENV = {
  baseUrl: 'IMAGESIG_BASE_URL',
  token: 'IMAGESIG_TOKEN',
  image: 'IMAGESIG_IMAGE',
  unprivilegedToken: 'IMAGESIG_UNPRIVILEGED_TOKEN',
  insecure: 'IMAGESIG_INSECURE',
  caFile: 'IMAGESIG_CA_FILE',
  prefixes: 'IMAGESIG_API_PREFIXES',
} as const;

export interface TlsOptions {
  /** Skip certificate verification, like `curl -k`. */
  insecure: boolean;
  /** Extra trusted certificates (PEM), from IMAGESIG_CA_FILE. */
  ca: Buffer | undefined;
}

/** A server under test, ready for requests. */
export interface Target {
  baseUrl: string;
  token: string;
  /** The name of an image that exists on the target (`sha256:…`). */
  image: string;
  /** A token whose user lacks the image-signer role, when one is configured. */
  unprivilegedToken: string | undefined;
  tls: TlsOptions;
  /** Whether the suite started the target itself (our mock, in-process). */
  inProcess: boolean;
  close(): Promise<void>;
}

type Env = Record<string, string | undefined>;

/** The prefixes the target serves; read synchronously, as describe blocks need them. */
export function targetPrefixes(env: Env = process.env): ApiPrefix[] {
  return parsePrefixes(env[TARGET_ENV.prefixes]);
}

/**
 * Whether the 403 checks can run: the in-process mock always has a token without the
 * image-signer role; another target only when IMAGESIG_UNPRIVILEGED_TOKEN names one.
 */
export function hasUnprivilegedToken(env: Env = process.env): boolean {
  return (
    nonEmpty(env[TARGET_ENV.baseUrl]) === undefined ||
    nonEmpty(env[TARGET_ENV.unprivilegedToken]) !== undefined
  );
}

/** Resolves the target from the environment, starting the in-process mock when unset. */
export async function openTarget(env: Env = process.env): Promise<Target> {
  const baseUrl = nonEmpty(env[TARGET_ENV.baseUrl]);
  if (baseUrl === undefined) {
    const mock = await startInProcessMock();
    return { ...mock, tls: { insecure: false, ca: undefined }, inProcess: true };
  }
  return { ...externalTarget(baseUrl, env), inProcess: false, close: async () => {} };
}

/** The target described by the environment, checked; throws a usage message on a gap. */
export function externalTarget(baseUrl: string, env: Env): Omit<Target, 'inProcess' | 'close'> {
  const url = parseBaseUrl(baseUrl);
  const token = required(env, TARGET_ENV.token);
  const image = required(env, TARGET_ENV.image);
  const caFile = nonEmpty(env[TARGET_ENV.caFile]);

  return {
    baseUrl: url,
    token,
    image,
    unprivilegedToken: nonEmpty(env[TARGET_ENV.unprivilegedToken]),
    tls: {
      insecure: isTrue(env[TARGET_ENV.insecure]),
      ca: caFile === undefined ? undefined : readFileSync(caFile),
    },
  };
}

/** `https://host:port[/path]` without a trailing slash; only http and https. */
export function parseBaseUrl(value: string, label: string = TARGET_ENV.baseUrl): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${label} is not a URL: "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`${label} must be an http or https URL: "${value}"`);
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

function required(env: Env, name: string): string {
  const value = nonEmpty(env[name]);
  if (value === undefined) {
    throw new Error(`${name} is required when ${TARGET_ENV.baseUrl} is set`);
  }
  return value;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

// Accepts what people type for "on" in an environment variable.
function isTrue(value: string | undefined): boolean {
  return ['1', 'true', 'yes', 'on'].includes((value ?? '').trim().toLowerCase());
}
