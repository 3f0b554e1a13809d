import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

// One request before the suite runs, so that an unreachable server or an untrusted
// certificate is one clear line instead of a failure in every check.

export interface PreflightOptions {
  insecure?: boolean | undefined;
  caFile?: string | undefined;
  /** How long the whole answer may take, however steadily its bytes trickle in. */
  deadlineMs?: number | undefined;
}

/** Default of `deadlineMs`: ample for a cluster far away, short for a person waiting. */
export const PREFLIGHT_DEADLINE_MS = 10_000;

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

  const deadlineMs = options.deadlineMs ?? PREFLIGHT_DEADLINE_MS;

  return new Promise((done) => {
    // `timeout` alone is an idle timeout, which a server sending a byte now and then
    // never trips: the deadline covers the whole answer, headers and body.
    const deadline = setTimeout(() => {
      req.destroy();
      done(`${baseUrl} sent no complete answer within ${seconds(deadlineMs)}`);
    }, deadlineMs);
    const finish = (problem: string | undefined): void => {
      clearTimeout(deadline);
      done(problem);
    };
    const req = send(url, { method: 'GET', ...tls }, (res) => {
      res.resume();
      res.once('end', () => finish(undefined));
      res.once('error', (error: NodeJS.ErrnoException) => finish(describe(baseUrl, error)));
    });
    req.once('error', (error: NodeJS.ErrnoException) => finish(describe(baseUrl, error)));
    req.end();
  });
}

function seconds(ms: number): string {
  return `${ms / 1000} s`;
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
