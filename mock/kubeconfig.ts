// A kubeconfig for the running mock, so that kubectl, oc and client-go programs can use it
// as they would a cluster: the endpoint, the development token, and for HTTPS the
// self-signed certificate as the CA to trust (it names 127.0.0.1 and localhost).
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

import { dump } from 'js-yaml';

export interface KubeconfigInput {
  /** Base URL of the running server, e.g. https://127.0.0.1:8443. */
  url: string;
  token: string;
  /** The server's certificate (PEM); absent on plain HTTP. */
  certificate?: string | undefined;
}

const NAME = 'imagesig';

export function kubeconfig(input: KubeconfigInput): string {
  const cluster: Record<string, string> = { server: input.url };
  if (input.certificate !== undefined) {
    cluster['certificate-authority-data'] = Buffer.from(input.certificate).toString('base64');
  }
  return dump(
    {
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name: NAME, cluster }],
      users: [{ name: `${NAME}-signer`, user: { token: input.token } }],
      contexts: [{ name: NAME, context: { cluster: NAME, user: `${NAME}-signer` } }],
      'current-context': NAME,
      preferences: {},
    },
    { lineWidth: -1 },
  );
}

/**
 * Writes `text` to `path` with mode 0600 whatever was there: a new file beside it, renamed
 * over the target, so an existing 0644 file or a symlink is replaced, not written through.
 */
export async function writeKubeconfig(path: string, text: string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, text, { mode: 0o600, flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
