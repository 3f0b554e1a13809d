// The request mixes the bench drives at every target. Each step names the status code a
// correct stateful server answers, so a fast wrong answer shows up as "unexpected".
import { randomBytes } from 'node:crypto';

import type { BenchTarget } from './bench-targets';

const COLLECTION = '/oapi/v1/imagesignatures';

/** One request of autocannon's `requests` sequence (the fields the bench uses). */
export interface CannonRequest {
  method: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (request: CannonRequest, context: Record<string, unknown>) => CannonRequest;
}

/** A request and the code a stateful server that speaks YAML answers it with. */
export interface BenchStep extends CannonRequest {
  expect: number;
}

export interface Scenario {
  name: string;
  /** What the numbers mean, for the table's legend. */
  summary: string;
  /** Excluded from the bare node:http baseline, which speaks no YAML. */
  needsYaml?: boolean;
  /** Sets up server state the mix relies on; returns the request sequence. */
  prepare(target: BenchTarget): Promise<BenchStep[]>;
}

function headers(target: BenchTarget, accept = 'application/json'): Record<string, string> {
  return {
    authorization: `Bearer ${target.token}`,
    'content-type': 'application/json',
    accept,
  };
}

// Unique per request across connections and runs: a per-run prefix and a counter.
function nameSource(image: string): () => { name: string; content: string } {
  const run = randomBytes(8).toString('hex');
  let next = 0;
  return () => {
    const id = `${run}${(next++).toString(16).padStart(16, '0')}`;
    return { name: `${image}@${id}`, content: Buffer.from(id, 'hex').toString('base64') };
  };
}

function signatureBody(name: string, content: string): string {
  return JSON.stringify({
    kind: 'ImageSignature',
    apiVersion: 'v1',
    metadata: { name },
    type: 'atomic',
    content,
  });
}

function createDeletePair(target: BenchTarget, accept: string): BenchStep[] {
  const fresh = nameSource(target.image);
  return [
    {
      method: 'POST',
      path: COLLECTION,
      headers: headers(target, accept),
      expect: 201,
      setupRequest(request, context) {
        const { name, content } = fresh();
        context['name'] = name;
        return { ...request, body: signatureBody(name, content) };
      },
    },
    {
      method: 'DELETE',
      headers: headers(target, accept),
      expect: 200,
      setupRequest(request, context) {
        const name = encodeURIComponent(String(context['name']));
        return { ...request, path: `${COLLECTION}/${name}` };
      },
    },
  ];
}

export const SCENARIOS: readonly Scenario[] = [
  {
    name: 'create-delete',
    summary: 'POST a new signature (unique name and content), then DELETE it',
    prepare: async (target) => createDeletePair(target, 'application/json'),
  },
  {
    name: 'duplicate',
    summary: 'POST a signature that is already stored: 409 AlreadyExists',
    async prepare(target) {
      const { name, content } = nameSource(target.image)();
      const body = signatureBody(name, content);
      await fetch(`${target.server.baseUrl}${COLLECTION}`, {
        method: 'POST',
        headers: headers(target),
        body,
      });
      return [{ method: 'POST', path: COLLECTION, headers: headers(target), body, expect: 409 }];
    },
  },
  {
    name: 'invalid',
    summary: 'POST a body without type or content, name without @: 422 Invalid',
    prepare: async (target) => [
      {
        method: 'POST',
        path: COLLECTION,
        headers: headers(target),
        body: JSON.stringify({ kind: 'ImageSignature', apiVersion: 'v1', metadata: { name: 'x' } }),
        expect: 422,
      },
    ],
  },
  {
    name: 'yaml',
    summary: 'the create-delete pair with Accept: application/yaml',
    needsYaml: true,
    prepare: async (target) => createDeletePair(target, 'application/yaml'),
  },
];
