// Each documented difference between OpenShift 3.7, 3.11 and 4.x, once per profile, over
// real HTTP (openshift-imagesignature.md §2.3, §3, §5; server-profile.ts holds the data).
import { PROFILES, type ProfileVersion } from '../../mock/server-profile';
import { IMAGE, TOKEN, VIEWER_TOKEN, startTestServer, type TestServer } from '../mock/mock-server';

const GROUP = '/apis/image.openshift.io/v1/imagesignatures';
const LEGACY = '/oapi/v1/imagesignatures';
const MEDIA = 'application/json, application/yaml, application/vnd.kubernetes.protobuf';

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: Record<string, unknown> | undefined;
}

const servers = new Map<ProfileVersion, TestServer>();

beforeAll(async () => {
  for (const version of Object.keys(PROFILES) as ProfileVersion[]) {
    servers.set(version, await startTestServer('createHandler', { profile: PROFILES[version] }));
  }
});

afterAll(() => Promise.all([...servers.values()].map((server) => server.close())));

async function call(
  version: ProfileVersion,
  method: string,
  path: string,
  init: { token?: string | null; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { Accept: 'application/json', ...init.headers };
  const token = init.token === undefined ? TOKEN : init.token;
  if (token !== null) headers['Authorization'] = `Bearer ${token}`;
  const server = servers.get(version);
  if (server === undefined) throw new Error(`no server for ${version}`);

  const response = await fetch(`${server.url}${path}`, {
    method,
    headers,
    ...(init.body !== undefined && { body: init.body }),
  });
  const text = await response.text();
  let json: Record<string, unknown> | undefined;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

let counter = 0;
function freshName(): string {
  counter += 1;
  return `${IMAGE}@${String(counter).padStart(32, '0')}`;
}

function body(extra: Record<string, unknown> = {}, metadata: Record<string, unknown> = {}) {
  return JSON.stringify({
    kind: 'ImageSignature',
    apiVersion: 'image.openshift.io/v1',
    metadata: { name: freshName(), ...metadata },
    type: 'atomic',
    content: Buffer.from(`content ${counter}`).toString('base64'),
    ...extra,
  });
}

const post = (version: ProfileVersion, text: string, query = '', path = GROUP) =>
  call(version, 'POST', `${path}${query}`, {
    headers: { 'Content-Type': 'application/json' },
    body: text,
  });

describe('401 for an unknown token', () => {
  it('is plain text in 3.7', async () => {
    const answer = await call('3.7', 'POST', GROUP, { token: 'nobody-knows-this' });

    expect(answer.status).toBe(401);
    expect(answer.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.text).toBe('Unauthorized\n');
  });

  it.each<ProfileVersion>(['3.11', '4'])('is a Status in %s', async (version) => {
    const answer = await call(version, 'POST', GROUP, { token: 'nobody-knows-this' });

    expect(answer.status).toBe(401);
    expect(answer.headers.get('content-type')).toBe('application/json');
    expect(answer.json).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'Unauthorized',
      reason: 'Unauthorized',
      code: 401,
    });
  });
});

describe('403 for a user without the image-signer role', () => {
  const denial =
    'User "viewer" cannot create imagesignatures.image.openshift.io at the cluster scope';

  it('is plain text in 3.7, the denial followed by the reason', async () => {
    const answer = await call('3.7', 'POST', GROUP, { token: VIEWER_TOKEN });

    expect(answer.status).toBe(403);
    expect(answer.headers.get('content-type')).toBe('text/plain');
    expect(answer.text).toBe(`${denial}: ${denial}`);
  });

  it('is a Status with OpenShift wording in 3.11', async () => {
    const answer = await call('3.11', 'POST', GROUP, { token: VIEWER_TOKEN });

    expect(answer.status).toBe(403);
    expect(answer.json).toMatchObject({
      message: `imagesignatures.image.openshift.io is forbidden: ${denial}: ${denial}`,
      reason: 'Forbidden',
      details: { group: 'image.openshift.io', kind: 'imagesignatures' },
    });
  });

  it('is a Status with RBAC wording and no reason in 4', async () => {
    const answer = await call('4', 'DELETE', `${GROUP}/${IMAGE}@x`, { token: VIEWER_TOKEN });

    expect(answer.status).toBe(403);
    expect(answer.json).toMatchObject({
      message:
        `imagesignatures.image.openshift.io "${IMAGE}@x" is forbidden: User "viewer" cannot ` +
        'delete resource "imagesignatures" in API group "image.openshift.io" at the cluster scope',
      details: { name: `${IMAGE}@x`, group: 'image.openshift.io', kind: 'imagesignatures' },
    });
  });
});

describe('406 for an Accept the server cannot produce', () => {
  it('is the bare negotiation error in 3.7, without kind or apiVersion', async () => {
    const answer = await call('3.7', 'POST', GROUP, { headers: { Accept: 'text/html' } });

    expect(answer.status).toBe(406);
    expect(answer.text).toBe(
      JSON.stringify(
        {
          metadata: {},
          status: 'Failure',
          message: `only the following media types are accepted: ${MEDIA}`,
          reason: 'NotAcceptable',
          code: 406,
        },
        null,
        2,
      ),
    );
  });

  it.each<ProfileVersion>(['3.11', '4'])('is the indented Status in %s', async (version) => {
    const answer = await call(version, 'POST', GROUP, { headers: { Accept: 'text/html' } });

    expect(answer.status).toBe(406);
    expect(answer.text).toMatch(/^\{\n {2}"kind": "Status",/);
    expect(answer.json).toMatchObject({
      message: `406: Not Acceptable\n\nAvailable representations: ${MEDIA}`,
      details: {},
    });
  });
});

describe('415 for an unknown Content-Type', () => {
  const prefix =
    'the body of the request was in an unknown format - accepted media types include: ';

  it('lists the streaming media types in 3.7 (a k8s 1.7 bug)', async () => {
    const answer = await call('3.7', 'POST', GROUP, {
      headers: { 'Content-Type': 'text/plain' },
      body: 'x',
    });

    expect(answer.status).toBe(415);
    expect(answer.json?.['message']).toBe(
      `${prefix}application/json;stream=watch, application/vnd.kubernetes.protobuf;stream=watch`,
    );
  });

  it.each<ProfileVersion>(['3.11', '4'])('lists the three media types in %s', async (version) => {
    const answer = await call(version, 'POST', GROUP, {
      headers: { 'Content-Type': 'text/plain' },
      body: 'x',
    });

    expect(answer.status).toBe(415);
    expect(answer.json?.['message']).toBe(`${prefix}${MEDIA}`);
  });
});

describe('422 for a body that fails validation', () => {
  const invalid = JSON.stringify({ metadata: { name: 'foo' } });

  it('names the bare kind and no group in 3.7', async () => {
    const answer = await post('3.7', invalid);

    expect(answer.status).toBe(422);
    expect(answer.json?.['message']).toMatch(/^ImageSignature "foo" is invalid: \[/);
    expect(answer.json?.['details']).not.toHaveProperty('group');
  });

  it.each<ProfileVersion>(['3.11', '4'])('names the group in %s', async (version) => {
    const answer = await post(version, invalid);

    expect(answer.status).toBe(422);
    expect(answer.json?.['message']).toMatch(
      /^ImageSignature\.image\.openshift\.io "foo" is invalid/,
    );
    expect(answer.json?.['details']).toMatchObject({ group: 'image.openshift.io' });
  });
});

describe('selfLink on the stored signature', () => {
  it.each<ProfileVersion>(['3.7', '3.11'])('is set in %s', async (version) => {
    const answer = await post(version, body());

    expect(answer.status).toBe(201);
    expect((answer.json?.['metadata'] as Record<string, unknown>)['selfLink']).toMatch(
      /^\/apis\/image\.openshift\.io\/v1\/imagesignatures\/sha256%3A/,
    );
  });

  it('is absent in 4', async () => {
    const answer = await post('4', body());

    expect(answer.status).toBe(201);
    expect(answer.json?.['metadata']).not.toHaveProperty('selfLink');
  });
});

describe('the legacy /oapi/v1 path', () => {
  it.each<ProfileVersion>(['3.7', '3.11'])('creates signatures in %s', async (version) => {
    const answer = await post(version, body({ apiVersion: 'v1' }), '', LEGACY);

    expect(answer.status).toBe(201);
    expect(answer.json).toMatchObject({ kind: 'ImageSignature', apiVersion: 'v1' });
  });

  it('answers a plain-text 404 in 4, while the grouped path creates', async () => {
    const legacy = await post('4', body({ apiVersion: 'v1' }), '', LEGACY);
    const grouped = await post('4', body());

    expect(legacy.status).toBe(404);
    expect(legacy.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(legacy.text).toBe('404 page not found\n');
    expect(grouped.status).toBe(201);
  });

  it('is a non-resource path in 4, so a user without rights gets the path denial', async () => {
    const answer = await call('4', 'POST', LEGACY, { token: VIEWER_TOKEN });

    expect(answer.status).toBe(403);
    expect(answer.json?.['message']).toBe(
      'forbidden: User "viewer" cannot post path "/oapi/v1/imagesignatures"',
    );
  });
});

describe('unknown fields in a JSON body', () => {
  const withUnknown = () => body({ bogus: 1 }, { clusterName: 'east' });

  it.each<ProfileVersion>(['3.7', '3.11'])('are dropped silently in %s', async (version) => {
    const answer = await post(version, withUnknown(), '?fieldValidation=Strict');

    expect(answer.status).toBe(201);
    expect(answer.headers.get('warning')).toBeNull();
  });

  it('draw one Warning header per field in 4 by default', async () => {
    const answer = await post('4', withUnknown());

    expect(answer.status).toBe(201);
    expect(answer.headers.get('warning')).toBe(
      '299 - "unknown field \\"metadata.clusterName\\"", 299 - "unknown field \\"bogus\\""',
    );
  });

  it('answer 400 with fieldValidation=Strict in 4', async () => {
    const answer = await post('4', withUnknown(), '?fieldValidation=Strict');

    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({
      reason: 'BadRequest',
      message:
        'ImageSignature in version "v1" cannot be handled as a ImageSignature: strict decoding ' +
        'error: unknown field "metadata.clusterName", unknown field "bogus"',
    });
  });

  it('pass without a warning with fieldValidation=Ignore in 4', async () => {
    const answer = await post('4', withUnknown(), '?fieldValidation=Ignore');

    expect(answer.status).toBe(201);
    expect(answer.headers.get('warning')).toBeNull();
  });

  it('cannot be judged with a fieldValidation 4 does not know: 422 CreateOptions', async () => {
    const answer = await post('4', withUnknown(), '?fieldValidation=Loud');

    expect(answer.status).toBe(422);
    expect(answer.json).toMatchObject({
      reason: 'Invalid',
      details: {
        group: 'meta.k8s.io',
        kind: 'CreateOptions',
        causes: [{ reason: 'FieldValueNotSupported', field: 'fieldValidation' }],
      },
    });
  });
});

describe('a body with only generateName', () => {
  const generated = () =>
    JSON.stringify({ metadata: { generateName: freshName() }, type: 'atomic', content: 'eA==' });

  it.each<ProfileVersion>(['3.7', '3.11'])('stores it under that name in %s', async (version) => {
    const answer = await post(version, generated());

    expect(answer.status).toBe(201);
  });

  it('answers 500 in 4, where the name is never generated', async () => {
    const answer = await post('4', generated());

    expect(answer.status).toBe(500);
    expect(answer.json?.['message']).toBe(
      'Internal error occurred: metadata.name was not generated',
    );
  });
});
