// The real kubectl against a spawned `imagesig serve` over HTTPS, with the kubeconfig the
// mock prints: discovery, the OpenAPI document kubectl validates with, create, the
// AlreadyExists of the same file, and delete, as a user would type them.
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, '../..');
const IMAGE = `sha256:${'4e'.repeat(32)}`;

function onPath(command: string): string | undefined {
  for (const dir of (process.env['PATH'] ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, command);
    if (dir !== '' && existsSync(candidate)) return candidate;
  }
  return undefined;
}

// IMAGESIG_KUBECTL lists kubectl binaries to run the suites with (path-delimited);
// without it, the kubectl on PATH. .ci/run adds Debian's kubernetes-client when the
// kubectl on PATH is another build.
const KUBECTLS = (process.env['IMAGESIG_KUBECTL'] ?? onPath('kubectl') ?? '')
  .split(path.delimiter)
  .filter((bin) => bin !== '');
if (KUBECTLS.length === 0) {
  // Visible in every run without kubectl; .ci/run installs Debian's kubernetes-client.
  console.warn('test/kubectl: kubectl is not on PATH, so the kubectl tests are skipped');
  describe.skip('kubectl against imagesig serve', () => {
    it('needs kubectl on PATH or in IMAGESIG_KUBECTL', () => undefined);
  });
}

// What kubectl validates with depends on its version: 1.32 (Google's dispatcher here)
// reads /openapi/v3 where the server has it and gives up on a server without
// /openapi/v2; 1.20 (Debian's kubernetes-client) reads only v2 and falls back to
// /swagger-2.0.0.pb-v1. Both are what a user of this mock may have.
function clientMinor(command: string): number {
  const out = execFileSync(command, ['version', '--client', '-o', 'json'], { encoding: 'utf8' });
  const version = JSON.parse(out) as { clientVersion?: { minor?: string } };
  return Number.parseInt(version.clientVersion?.minor ?? '0', 10);
}

interface Served {
  child: ChildProcess;
  dir: string;
  kubeconfig: string;
  /** The request log once the server has written it out (it batches its log writes). */
  log: () => Promise<RequestLine[]>;
}

interface RequestLine {
  method: string;
  path: string;
  status: number;
}

/** Starts serve with --print-kubeconfig and waits for the whole kubeconfig on stdout. */
async function serve(profile: string): Promise<Served> {
  const dir = await mkdtemp(path.join(tmpdir(), 'imagesig-kubectl-'));
  const args = ['scripts/imagesig.js', 'serve', '--port', '0', '--images', '0'];
  args.push('--image', IMAGE, '--profile', profile, '--print-kubeconfig');
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });

  let stderr = '';
  let lastWrite = Date.now();
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
    lastWrite = Date.now();
  });
  const settled = async (): Promise<string> => {
    const deadline = Date.now() + 2_000;
    do await new Promise((wait) => setTimeout(wait, 50));
    while (Date.now() - lastWrite < 150 && Date.now() < deadline);
    return stderr;
  };
  const config = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (/^preferences: \{\}\n/m.test(out)) resolve(out);
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });

  const kubeconfig = path.join(dir, 'kubeconfig');
  await writeFile(kubeconfig, config);
  return { child, dir, kubeconfig, log: async () => requestLines(await settled()) };
}

function requestLines(stderr: string): RequestLine[] {
  return stderr
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { event?: string } & RequestLine)
    .filter((entry) => entry.event === 'request')
    .map(({ method, path: requestPath, status }) => ({ method, path: requestPath, status }));
}

async function stop(served: Served): Promise<void> {
  const exited = new Promise((done) => served.child.once('exit', done));
  served.child.kill('SIGTERM');
  await exited;
  await rm(served.dir, { recursive: true, force: true });
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** kubectl with its own home and cache, so nothing leaks in from the machine or out. */
function runKubectl(bin: string, served: Served, args: string[]): Promise<Run> {
  const all = ['--kubeconfig', served.kubeconfig, '--cache-dir', path.join(served.dir, 'cache')];
  all.push('--request-timeout', '20s', ...args);
  const env = { PATH: process.env['PATH'] ?? '', HOME: served.dir };
  return new Promise((resolve) => {
    execFile(bin, all, { env, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
      resolve({ code, stdout, stderr });
    });
  });
}

async function signatureFile(dir: string, name: string): Promise<string> {
  const file = path.join(dir, `${name.replace(/[:@]/g, '-')}.yaml`);
  const content = Buffer.from(`kubectl signature ${name}`).toString('base64');
  const yaml = [
    'apiVersion: image.openshift.io/v1',
    'kind: ImageSignature',
    'metadata:',
    `  name: "${name}"`,
    'type: atomic',
    `content: ${content}`,
    '',
  ].join('\n');
  await writeFile(file, yaml);
  return file;
}

function only(method: string, requestPath: string): Omit<RequestLine, 'status'> {
  return { method, path: requestPath };
}

for (const bin of KUBECTLS) {
  const minor = clientMinor(bin);
  const legacy = minor < 21;
  const kubectl = (served: Served, args: string[]): Promise<Run> => runKubectl(bin, served, args);

  describe(`kubectl 1.${minor} (${bin})`, () => {
    describe('kubectl against imagesig serve (default profile, 3.11)', () => {
      let served: Served;
      const name = `${IMAGE}@${'a1'.repeat(16)}`;

      beforeAll(async () => {
        served = await serve('3.11');
      });

      afterAll(() => stop(served));

      it('creates a signature from a file, validating it with the served OpenAPI document', async () => {
        const file = await signatureFile(served.dir, name);
        const run = await kubectl(served, ['create', '-f', file]);

        expect(run).toMatchObject({ code: 0, stderr: '' });
        expect(run.stdout).toBe(`imagesignature.image.openshift.io/${name} created\n`);
        const log = await served.log();
        expect(log).toContainEqual({ ...only('GET', '/openapi/v2'), status: 200 });
        expect(log).toContainEqual({
          ...only('POST', '/apis/image.openshift.io/v1/imagesignatures'),
          status: 201,
        });
      });

      it('reports AlreadyExists for the same file again', async () => {
        const file = await signatureFile(served.dir, name);
        const run = await kubectl(served, ['create', '-f', file]);

        expect(run.code).toBe(1);
        expect(run.stderr).toContain('Error from server (AlreadyExists)');
        expect(run.stderr).toContain(`imageSignatures.image.openshift.io "${name}" already exists`);
      });

      it('refuses a file with an unknown field before sending it', async () => {
        const file = await signatureFile(served.dir, `${IMAGE}@${'b2'.repeat(16)}`);
        await writeFile(file, 'bogus: 1\n', { flag: 'a' });
        const before = (await served.log()).length;
        const run = await kubectl(served, ['create', '-f', file]);

        expect(run.code).toBe(1);
        expect(run.stderr).toContain('unknown field "bogus"');
        const after = (await served.log()).slice(before);
        expect(after.filter((line) => line.method === 'POST')).toEqual([]);
      });

      it('deletes the signature by name', async () => {
        const run = await kubectl(served, ['delete', 'imagesignature', name]);

        expect(run).toMatchObject({ code: 0, stderr: '' });
        expect(run.stdout).toBe(`imagesignature.image.openshift.io "${name}" deleted\n`);
      });

      it('reports NotFound for a name that is gone', async () => {
        const run = await kubectl(served, ['delete', 'imagesignature', name]);

        expect(run.code).toBe(1);
        expect(run.stderr).toContain('Error from server (NotFound)');
      });
    });

    describe('kubectl against imagesig serve --profile 4', () => {
      let served: Served;
      const name = `${IMAGE}@${'c3'.repeat(16)}`;

      beforeAll(async () => {
        served = await serve('4');
      });

      afterAll(() => stop(served));

      it('creates and deletes on the grouped path, validating with the OpenAPI document it reads', async () => {
        const file = await signatureFile(served.dir, name);
        const created = await kubectl(served, ['create', '-f', file]);
        const deleted = await kubectl(served, ['delete', 'imagesignature', name]);

        expect(created).toMatchObject({ code: 0, stderr: '' });
        expect(deleted).toMatchObject({ code: 0, stderr: '' });
        const log = await served.log();
        const document = legacy ? '/openapi/v2' : '/openapi/v3';
        expect(log).toContainEqual({ ...only('GET', document), status: 200 });
        expect(log).toContainEqual({
          ...only('DELETE', `/apis/image.openshift.io/v1/imagesignatures/${name}`),
          status: 200,
        });
      });
    });

    describe('kubectl against imagesig serve --profile 3.7', () => {
      let served: Served;
      const name = `${IMAGE}@${'d4'.repeat(16)}`;

      beforeAll(async () => {
        served = await serve('3.7');
      });

      afterAll(() => stop(served));

      (legacy ? it.skip : it)(
        'cannot validate, as k8s 1.7 has no /openapi/v2, and creates with --validate=false',
        async () => {
          const file = await signatureFile(served.dir, name);
          const validated = await kubectl(served, ['create', '-f', file]);
          const unvalidated = await kubectl(served, ['create', '--validate=false', '-f', file]);

          expect(validated.code).toBe(1);
          expect(validated.stderr).toContain('failed to download openapi');
          expect(unvalidated).toMatchObject({ code: 0, stderr: '' });
          expect(await served.log()).toContainEqual({ ...only('GET', '/openapi/v2'), status: 404 });
        },
      );

      (legacy ? it : it.skip)(
        'validates with /swagger-2.0.0.pb-v1 when /openapi/v2 is missing (kubectl 1.20 and older)',
        async () => {
          const file = await signatureFile(served.dir, `${IMAGE}@${'e5'.repeat(16)}`);
          const run = await kubectl(served, ['create', '-f', file]);

          expect(run).toMatchObject({ code: 0, stderr: '' });
          const log = await served.log();
          expect(log).toContainEqual({ ...only('GET', '/openapi/v2'), status: 404 });
          expect(log).toContainEqual({ ...only('GET', '/swagger-2.0.0.pb-v1'), status: 200 });
        },
      );
    });
  });
}
