// `imagesig serve` end to end: a real process on HTTPS and a free port, sent the seed's
// curl POST and DELETE as the banner prints them, and the request containers/image sends.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { request as httpsRequest } from 'node:https';
import path from 'node:path';

jest.setTimeout(60_000);

const ROOT = path.resolve(__dirname, '../..');

interface Reply {
  status: number;
  contentType: string | undefined;
  text: string;
}

interface Banner {
  endpoint: string;
  token: string;
  images: string[];
  postBody: string;
  postUrl: string;
  deleteUrl: string;
}

function send(
  url: string,
  method: string,
  headers: Record<string, string>,
  body?: string,
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    // Like curl -k: the certificate is self-signed and made at start.
    const req = httpsRequest(url, { method, headers, rejectUnauthorized: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          contentType: res.headers['content-type'],
          text: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Reads stdout until the banner's last line, then picks it apart. */
function readBanner(child: ChildProcess): Promise<Banner> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const lines = out.split('\n');
      const deleteAt = lines.findIndex((line) => line === 'delete it again:');
      if (deleteAt === -1 || lines.length < deleteAt + 3) return;
      resolve(parseBanner(lines));
    });
    child.once('exit', (code) => reject(new Error(`serve exited early with ${code}: ${out}`)));
  });
}

function parseBanner(lines: string[]): Banner {
  const field = (prefix: string) =>
    lines
      .find((line) => line.startsWith(prefix))
      ?.slice(prefix.length)
      .trim() ?? '';
  const post = lines[lines.indexOf('create a signature:') + 1] ?? '';
  const remove = lines[lines.indexOf('delete it again:') + 1] ?? '';
  return {
    endpoint: field('endpoint:'),
    token: field('token:'),
    images: lines
      .filter((line) => /^ {2}sha256:/.test(line))
      .map((line) => line.trim().split(/\s+/)[0] ?? ''),
    postBody: /-d '([^']*)'/.exec(post)?.[1] ?? '',
    postUrl: post.trim().split(' ').pop() ?? '',
    deleteUrl: remove.trim().split(' ').pop() ?? '',
  };
}

describe('imagesig serve', () => {
  let child: ChildProcess;
  let banner: Banner;
  let stderr = '';

  beforeAll(async () => {
    child = spawn(process.execPath, ['scripts/imagesig.js', 'serve', '--port', '0'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    banner = await readBanner(child);
  });

  afterAll(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });

  it('prints an HTTPS endpoint on 127.0.0.1 with the port it bound', () => {
    expect(banner.endpoint).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(banner.endpoint).not.toMatch(/:0$/);
    expect(banner.images.length).toBe(3);
  });

  it('answers the printed curl POST with 201 and the stored signature', async () => {
    const reply = await send(
      banner.postUrl,
      'POST',
      {
        Authorization: `Bearer ${banner.token}`,
        Accept: 'application/json',
        'Content-Type': 'application/json',
        'User-Agent': 'curl/8.5.0',
      },
      banner.postBody,
    );
    expect(reply.status).toBe(201);
    expect(reply.contentType).toBe('application/json');
    const stored = JSON.parse(reply.text);
    expect(stored.metadata.name).toBe(JSON.parse(banner.postBody).metadata.name);
    expect(stored.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    // curl's User-Agent turns pretty printing on.
    expect(reply.text).toMatch(/^\{\n {2}"kind": "ImageSignature"/);
  });

  it('answers the request containers/image sends with 201', async () => {
    const image = banner.images[1] ?? '';
    const body = JSON.stringify({
      kind: 'ImageSignature',
      apiVersion: 'v1',
      metadata: { name: `${image}@${randomBytes(16).toString('hex')}` },
      type: 'atomic',
      content: randomBytes(64).toString('base64'),
    });
    const reply = await send(
      `${banner.endpoint}/oapi/v1/imagesignatures`,
      'POST',
      {
        Authorization: `Bearer ${banner.token}`,
        Accept: 'application/json, */*',
        'User-Agent': 'skopeo/5.x',
        'Content-Type': 'application/json',
      },
      body,
    );
    expect(reply.status).toBe(201);
    expect(reply.text.endsWith('}\n')).toBe(true);
  });

  it('answers the printed DELETE with 200 Success, and the same DELETE again with 404', async () => {
    const headers = { Authorization: `Bearer ${banner.token}`, Accept: 'application/json' };
    const first = await send(banner.deleteUrl, 'DELETE', headers);
    expect(first.status).toBe(200);
    expect(JSON.parse(first.text)).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Success',
    });

    const again = await send(banner.deleteUrl, 'DELETE', headers);
    expect(again.status).toBe(404);
    expect(JSON.parse(again.text)).toMatchObject({ reason: 'NotFound', code: 404 });
  });

  // A log line is written when its response finishes, which can be after the client has it.
  const logLines = (count: number): Promise<string[]> =>
    new Promise((resolve) => {
      const check = () => {
        const lines = stderr.split('\n').filter((line) => line !== '');
        if (lines.length < count) return;
        child.stderr?.off('data', check);
        resolve(lines);
      };
      child.stderr?.on('data', check);
      check();
    });

  it('logs one JSON line per request on stderr, without the token', async () => {
    const lines = (await logLines(4)).map((line) => JSON.parse(line));
    expect(lines.map((line) => line.status)).toEqual([201, 201, 200, 404]);
    expect(lines[0]).toMatchObject({
      event: 'request',
      method: 'POST',
      path: '/oapi/v1/imagesignatures',
    });
    expect(typeof lines[0].durationMs).toBe('number');
    expect(stderr).not.toContain(banner.token);
  });

  it('exits 0 on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) =>
      child.once('exit', (code) => resolve(code)),
    );
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
