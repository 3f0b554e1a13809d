import { randomBytes } from 'node:crypto';

import { itemPath, type ApiPrefix } from './api-prefix';
import type { ContractClient } from './contract-client';

// Before the suite: does the token work, and does the image exist? A DELETE of a
// signature name nobody has changes nothing, and a real server tells the two 404s
// apart by details.kind: `images` when the image is missing, `imageSignatures` when
// only the signature is.

/** Undefined when the run can go ahead, else one sentence saying what is wrong. */
export async function checkTokenAndImage(
  client: ContractClient,
  prefix: ApiPrefix,
  image: string,
): Promise<string | undefined> {
  const name = `${image}@${randomBytes(16).toString('hex')}`;
  const reply = await client.send({ method: 'delete', path: itemPath(prefix, name, 'encoded') });

  if (reply.status === 401) return 'the server does not accept --token (401 Unauthorized)';
  if (reply.status === 403) return 'the user of --token may not delete signatures (403 Forbidden)';
  const details = (reply.body as { details?: { kind?: unknown } } | undefined)?.details;
  if (reply.status === 404 && details?.kind === 'images') {
    return `the image ${image} (--image) does not exist on the server`;
  }
  return undefined;
}
