// A kubeconfig for the running mock, so that kubectl, oc and client-go programs can use it
// as they would a cluster: the endpoint, the development token, and for HTTPS the
// self-signed certificate as the CA to trust (it names 127.0.0.1 and localhost).
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
