// Prism's validation proxy in front of `imagesig serve`: the whole contract suite goes
// through it, and every answer our mock gives must conform to our own document.
//
// Prism runs without --errors: with it, Prism answers the suite's deliberately invalid
// requests itself and they never reach the mock. Without it Prism forwards everything
// and logs each violation it finds, request or response; the test reads that log.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { startBare, startOurs, startPrismProxy, type BenchTarget } from '../../bench/bench-targets';
import type { ChildServer } from '../../bench/spawn-server';
import { runContractChecks, type CheckRun } from './run-contract-checks';

jest.setTimeout(60_000);

/** The response violations in Prism's log, one string per violation. */
function responseViolations(log: string): string[] {
  return [...log.matchAll(/Violation: (response\S*.*)$/gm)].map((match) => match[1] ?? '');
}

const forwarded = (log: string): number => log.match(/> Forwarding "/g)?.length ?? 0;

describe('Prism validation proxy in front of imagesig serve', () => {
  const viewer = `viewer-${randomBytes(8).toString('hex')}`;
  let mock: BenchTarget;
  let proxy: ChildServer;
  let run: CheckRun;

  beforeAll(async () => {
    mock = await startOurs({ extraArgs: ['--unprivileged-token', viewer] });
    proxy = await startPrismProxy(mock.server.baseUrl);
    run = await runContractChecks({
      baseUrl: proxy.baseUrl,
      token: mock.token,
      unprivilegedToken: viewer,
      image: mock.image,
      // Prism cannot read YAML answers ("Response body must be object"), re-encodes JSON
      // in its own layout and forwards protobuf bodies as altered text (the mock then
      // answers 400); the suite checks all three directly against the mock.
      skip: 'media:yaml,media:protobuf,format:json',
      // Prism answers a malformed JSON body itself (400 invalid_json), before forwarding.
      testNamePattern: '^(?!.*malformed)',
    });
  });

  afterAll(async () => {
    await proxy?.stop();
    await mock?.server.stop();
  });

  it('passes every contract check through the proxy', () => {
    expect(run.brokenFiles).toBe(0);
    const failed = run.checks.filter((check) => check.status === 'failed');
    expect(failed.map(({ name, failure }) => ({ name, failure }))).toEqual([]);
    expect(run.checks.filter((check) => check.status === 'passed').length).toBeGreaterThan(50);
  });

  it('reports no violation in any answer of the mock', () => {
    const log = proxy.stdout() + proxy.stderr();
    expect(forwarded(log)).toBeGreaterThan(50);
    expect(responseViolations(log)).toEqual([]);
  });
});

describe('the proxy violation check', () => {
  it('catches a server whose answers break the document', async () => {
    // A Status whose code is a string, and a field the schema does not have.
    const broken = createServer((req, res) => {
      req.resume();
      res.writeHead(422, { 'content-type': 'application/json' });
      res.end('{"kind":"Status","metadata":{},"status":"Failure","code":"422","colour":"red"}\n');
    });
    await new Promise<void>((listening) => broken.listen(0, '127.0.0.1', listening));
    const { port } = broken.address() as AddressInfo;
    const proxy = await startPrismProxy(`http://127.0.0.1:${port}`);
    try {
      const reply = await fetch(`${proxy.baseUrl}/oapi/v1/imagesignatures`, {
        method: 'POST',
        headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'ImageSignature', apiVersion: 'v1', metadata: { name: 'x' } }),
      });
      expect(reply.status).toBe(422);
      await reply.text();
      await waitFor(() => responseViolations(proxy.stdout()).length >= 2);
      expect(responseViolations(proxy.stdout()).sort()).toEqual([
        expect.stringMatching(/^response\.body .*additional properties; found 'colour'/),
        expect.stringMatching(/^response\.body\.code .*must be integer/),
      ]);
    } finally {
      await proxy.stop();
      broken.close();
    }
  });
});

// Prism may log a violation just after it has sent the answer.
async function waitFor(condition: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 50 && !condition(); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
