import { createServer as createHttpsServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';

import { generate } from 'selfsigned';

import { ContractClient } from '../../contracts/contract-client';
import type { Target, TlsOptions } from '../../contracts/target';

// The client against a small HTTPS server of its own, with a self-signed certificate:
// what goes on the wire (paths, headers) and how answers are decoded and trusted.

interface Seen {
  url: string;
  authorization: string | undefined;
  accept: string | undefined;
}

let server: Server;
let baseUrl = '';
let cert = '';
const seen: Seen[] = [];

// Answers by path: /json, /yaml, /broken, and anything else 404.
const ANSWERS: Record<string, { type: string; body: string }> = {
  '/json': { type: 'application/json', body: '{"kind":"Status","code":404}\n' },
  '/yaml': { type: 'application/yaml', body: 'kind: Status\ncode: 404\n' },
  '/broken': { type: 'application/json', body: '{"kind":' },
};

beforeAll(async () => {
  const pems = await generate([{ name: 'commonName', value: 'contracts test' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
  });
  cert = pems.cert;
  server = createHttpsServer({ key: pems.private, cert }, (req, res) => {
    seen.push({
      url: req.url ?? '',
      authorization: req.headers.authorization,
      accept: req.headers.accept,
    });
    req.resume();
    const answer = ANSWERS[req.url ?? ''] ?? { type: 'text/plain', body: 'nothing here' };
    res.writeHead(404, { 'Content-Type': answer.type });
    res.end(answer.body);
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  baseUrl = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((closed) => server.close(closed));
});

function client(tls: Partial<TlsOptions>): ContractClient {
  const target: Target = {
    baseUrl,
    token: 'secret',
    image: 'sha256:ab',
    unprivilegedToken: undefined,
    tls: { insecure: false, ca: undefined, ...tls },
    inProcess: false,
    close: async () => {},
  };
  return new ContractClient(target);
}

describe('ContractClient', () => {
  it('trusts the certificate of a CA file', async () => {
    const reply = await client({ ca: Buffer.from(cert) }).send({ method: 'get', path: '/json' });
    expect(reply).toMatchObject({ status: 404, mediaType: 'application/json' });
    expect(reply.body).toEqual({ kind: 'Status', code: 404 });
  });

  it('refuses a self-signed certificate unless told otherwise', async () => {
    await expect(client({}).send({ method: 'get', path: '/json' })).rejects.toThrow(/certificate/);
  });

  it('skips verification when insecure, like curl -k', async () => {
    const reply = await client({ insecure: true }).send({ method: 'get', path: '/yaml' });
    expect(reply.body).toEqual({ kind: 'Status', code: 404 });
  });

  it('reports a body that does not parse instead of throwing', async () => {
    const reply = await client({ insecure: true }).send({ method: 'get', path: '/broken' });
    expect(reply.body).toBeUndefined();
    expect(reply.decodeError).toMatch(/^not valid application\/json/);
    expect(reply.text).toBe('{"kind":');
  });

  it('sends the bearer token, or none when the token is null', async () => {
    const insecure = client({ insecure: true });
    await insecure.send({ method: 'get', path: '/json' });
    await insecure.send({ method: 'get', path: '/json', token: null, accept: 'text/html' });
    expect(seen.slice(-2)).toEqual([
      { url: '/json', authorization: 'Bearer secret', accept: 'application/json' },
      { url: '/json', authorization: undefined, accept: 'text/html' },
    ]);
  });

  it.each([
    { path: '/x/sha256:ab@cd', want: '/x/sha256:ab@cd' },
    { path: '/x/sha256%3Aab%40cd', want: '/x/sha256%3Aab%40cd' },
  ])('puts $path on the wire as it is', async ({ path, want }) => {
    await client({ insecure: true }).send({ method: 'delete', path });
    expect(seen.at(-1)?.url).toBe(want);
  });

  it('uploads with the same TLS settings and decodes the answer', async () => {
    const reply = await client({ ca: Buffer.from(cert) }).upload({
      method: 'post',
      path: '/json',
      contentType: 'application/json',
      body: 'x'.repeat(1024),
    });
    expect(reply.body).toEqual({ kind: 'Status', code: 404 });
  });
});
