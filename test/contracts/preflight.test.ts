import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { preflight } from '../../contracts/preflight';
import { startServer, type RunningServer } from '../../mock/start-server';

// The one request `imagesig verify` sends before the suite: it must tell an untrusted
// certificate and an unreachable server apart, and stay silent when the server answers.

let https: RunningServer;
let scratch = '';

beforeAll(async () => {
  https = await startServer((_req, res) => res.end('ok'), {
    http: false,
    host: '127.0.0.1',
    port: 0,
  });
  scratch = await mkdtemp(join(tmpdir(), 'imagesig-preflight-'));
});

afterAll(async () => {
  await https.close();
  await rm(scratch, { recursive: true, force: true });
});

describe('preflight', () => {
  it('names --insecure and --ca-file when the certificate is self-signed', async () => {
    const problem = await preflight(https.url, {});
    expect(problem).toMatch(/does not trust .*--insecure .*--ca-file/);
  });

  it('passes with --insecure', async () => {
    await expect(preflight(https.url, { insecure: true })).resolves.toBeUndefined();
  });

  it('passes with the server certificate as --ca-file', async () => {
    const caFile = join(scratch, 'ca.pem');
    await writeFile(caFile, https.certificate ?? '');
    await expect(preflight(https.url, { caFile })).resolves.toBeUndefined();
  });

  it('says the server cannot be reached when nothing listens', async () => {
    const closed = await startServer((_req, res) => res.end(), {
      http: true,
      host: '127.0.0.1',
      port: 0,
    });
    const url = closed.url;
    await closed.close();
    await expect(preflight(url, {})).resolves.toMatch(/^cannot reach .*ECONNREFUSED/);
  });
});
