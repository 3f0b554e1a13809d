// Bearer-token authentication as k8s 1.11 does it, with OpenShift's anonymous fallback: a
// request without a usable bearer header becomes system:anonymous; a bearer token nobody
// knows is a 401 before anything else happens.

/** The development token `imagesig serve` always accepts; a fixed, public string. */
export const DEFAULT_DEV_TOKEN = 'imagesig-dev-token';

export const ANONYMOUS_USER = 'system:anonymous';

export interface User {
  name: string;
  /** Holds the system:image-signer role (create and delete imagesignatures). */
  imageSigner: boolean;
}

export type Authentication =
  { kind: 'user'; user: User } | { kind: 'anonymous' } | { kind: 'rejected' };

export interface TokenOptions {
  /** Tokens of image signers; defaults to the development token. */
  tokens?: readonly string[] | undefined;
  /** Tokens of authenticated users without the image-signer role. */
  unprivilegedTokens?: readonly string[] | undefined;
}

const SIGNER: User = { name: 'developer', imageSigner: true };
const UNPRIVILEGED: User = { name: 'viewer', imageSigner: false };

/** A lookup from token to user, built once per server. */
export function tokenTable(options: TokenOptions): ReadonlyMap<string, User> {
  const table = new Map<string, User>();
  for (const token of options.unprivilegedTokens ?? []) table.set(token, UNPRIVILEGED);
  for (const token of options.tokens ?? [DEFAULT_DEV_TOKEN]) table.set(token, SIGNER);
  return table;
}

/**
 * Reads `Authorization` the way the bearer authenticator does: the scheme is
 * case-insensitive, the token is the second space-separated part, and an empty or
 * non-bearer header has no opinion (so anonymous).
 */
export function authenticate(
  header: string | undefined,
  tokens: ReadonlyMap<string, User>,
): Authentication {
  const auth = header?.trim() ?? '';
  if (auth === '') return { kind: 'anonymous' };

  const parts = auth.split(' ');
  const token = parts[1] ?? '';
  if (parts.length < 2 || parts[0]?.toLowerCase() !== 'bearer' || token === '') {
    return { kind: 'anonymous' };
  }
  const user = tokens.get(token);
  return user === undefined ? { kind: 'rejected' } : { kind: 'user', user };
}
