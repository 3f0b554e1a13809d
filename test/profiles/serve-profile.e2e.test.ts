// `imagesig serve --profile 4` as a process: the legacy /oapi/v1 path is gone (plain-text
// 404) while the grouped path creates, and the banner names the release.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

jest.setTimeout(60_000);

const ROOT = path.resolve(__dirname, '../..');
const IMAGE = `sha256:${'5f'.repeat(32)}`;
const TOKEN = 'imagesig-dev-token';

let child: ChildProcess;
let endpoint: string;
let banner = '';

beforeAll(async () => {
  const args = ['scripts/imagesig.js', 'serve', '--http', '--port', '0', '--images', '0'];
  args.push('--image', IMAGE, '--profile', '4', '--log-level', 'silent');
  child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  endpoint = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      banner += chunk.toString('utf8');
      const found = /^endpoint: (\S+)$/m.exec(banner);
      if (found?.[1] !== undefined) resolve(found[1]);
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${banner}`)));
  });
});

afterAll(async () => {
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  await exited;
});

function create(prefix: string, apiVersion: string, id: string): Promise<Response> {
  const body = {
    kind: 'ImageSignature',
    apiVersion,
    metadata: { name: `${IMAGE}@${id.repeat(32)}` },
    type: 'atomic',
    content: Buffer.from(`profile 4 ${id}`).toString('base64'),
  };
  return fetch(`${endpoint}${prefix}/imagesignatures`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe('imagesig serve --profile 4', () => {
  it('names OpenShift 4 in its banner', () => {
    expect(banner).toMatch(/^imagesig mock of the OpenShift 4 ImageSignature API$/m);
  });

  it('answers /oapi/v1/imagesignatures with a plain-text 404', async () => {
    const response = await create('/oapi/v1', 'v1', '1');

    expect(response.status).toBe(404);
    expect(await response.text()).toBe('404 page not found\n');
  });

  it('answers the grouped path with 201 and no selfLink', async () => {
    const response = await create('/apis/image.openshift.io/v1', 'image.openshift.io/v1', '2');

    expect(response.status).toBe(201);
    const stored = (await response.json()) as { metadata: Record<string, unknown> };
    expect(stored.metadata).not.toHaveProperty('selfLink');
  });
});
