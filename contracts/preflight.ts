import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

// One request before the suite runs, so that an unreachable server or an untrusted
// certificate is one clear line instead of a failure in every check.

export interface PreflightOptions {
  insecure?: boolean | undefined;
  caFile?: string | undefined;
}

const TLS_HINT = 'pass --insecure (like curl -k) or --ca-file with its CA certificate';

/** Resolves to undefined when the server answered anything, else to what went wrong. */
export function preflight(baseUrl: string, options: PreflightOptions): Promise<string | undefined> {
  const url = new URL(baseUrl);
  const secure = url.protocol === 'https:';
  const tls = secure
    ? {
        rejectUnauthorized: options.insecure !== true,
        ...(options.caFile === undefined ? {} : { ca: readFileSync(options.caFile) }),
      }
    : {};
  const send = secure ? httpsRequest : httpRequest;

  return new Promise((done) => {
    const req = send(url, { method: 'GET', timeout: 10_000, ...tls }, (res) => {
      res.resume();
      done(undefined);
    });
    req.once('timeout', () => req.destroy(new Error('no answer within 10 s')));
    req.once('error', (error: NodeJS.ErrnoException) => done(describe(baseUrl, error)));
    req.end();
  });
}

function describe(baseUrl: string, error: NodeJS.ErrnoException): string {
  const code = error.code ?? '';
  const cause =
    code === '' || error.message.includes(code) ? error.message : `${error.message}, ${code}`;
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/.test(code)) {
    return `${baseUrl} presents a certificate this machine does not trust (${cause}): ${TLS_HINT}`;
  }
  return `cannot reach ${baseUrl} (${cause})`;
}
