import { randomBytes } from 'node:crypto';

import { groupVersionOf, type ApiPrefix } from './api-prefix';

// Fresh names and contents for every check, so that no two checks (nor two runs, nor
// another client of the same cluster) touch the same signature.

/** 32 lowercase hex digits, as containers/image names its signatures. */
export function signatureId(): string {
  return randomBytes(16).toString('hex');
}

/** `<image>@<fresh id>`: a name no signature has yet. */
export function freshName(image: string): string {
  return `${image}@${signatureId()}`;
}

/** `sha256:<64 hex>`: an image name that no server knows. */
export function unknownImage(): string {
  return `sha256:${randomBytes(32).toString('hex')}`;
}

/** Random signature bytes, base64 encoded; unique per call. */
export function freshContent(): string {
  return randomBytes(48).toString('base64');
}

export interface SignatureBody {
  kind?: string;
  apiVersion?: string;
  metadata: Record<string, unknown>;
  type?: string;
  content?: string;
  [field: string]: unknown;
}

/** The body containers/image sends, for `prefix`, with fresh content unless given. */
export function signatureBody(
  prefix: ApiPrefix,
  name: string,
  content: string = freshContent(),
): SignatureBody {
  return {
    kind: 'ImageSignature',
    apiVersion: groupVersionOf(prefix),
    metadata: { name },
    type: 'atomic',
    content,
  };
}
