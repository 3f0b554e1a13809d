import request from 'supertest';

import {
  FLAVOURS,
  IMAGE,
  SEEDED_CONTENT,
  SEEDED_NAME,
  TOKEN,
  VIEWER_TOKEN,
  signatureBody,
  startTestServer,
  type TestServer,
} from './mock-server';

const LEGACY = '/oapi/v1/imagesignatures';
const GROUP = '/apis/image.openshift.io/v1/imagesignatures';
const NEW_NAME = `${IMAGE}@${'1'.repeat(32)}`;

interface Case {
  label: string;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  headers?: Record<string, string>;
  body?: string;
  status: number;
  reason?: string;
}

const JSON_TYPE = { 'Content-Type': 'application/json' };

// Every error code the pipeline gives, each from the stage that gives it.
const ERROR_CASES: Case[] = [
  {
    label: 'answers 401 for an unknown token before reading a malformed body',
    method: 'post',
    path: LEGACY,
    headers: { Authorization: 'Bearer nobody', ...JSON_TYPE },
    body: '{not json',
    status: 401,
    reason: 'Unauthorized',
  },
  {
    label: 'answers 403 for system:anonymous without a token',
    method: 'post',
    path: LEGACY,
    headers: { Authorization: '', ...JSON_TYPE },
    body: signatureBody(NEW_NAME),
    status: 403,
    reason: 'Forbidden',
  },
  {
    label: 'answers 403 for a user without the image-signer role',
    method: 'post',
    path: GROUP,
    headers: { Authorization: `Bearer ${VIEWER_TOKEN}`, ...JSON_TYPE },
    body: signatureBody(NEW_NAME, undefined, 'image.openshift.io/v1'),
    status: 403,
    reason: 'Forbidden',
  },
  {
    label: 'answers 403 before routing for an unprivileged user',
    method: 'get',
    path: '/no/such/path',
    headers: { Authorization: `Bearer ${VIEWER_TOKEN}` },
    status: 403,
    reason: 'Forbidden',
  },
  {
    label: 'answers 404 for an unknown path',
    method: 'get',
    path: '/oapi/v1/images',
    status: 404,
    reason: 'NotFound',
  },
  {
    label: 'answers 404 for a namespaced path',
    method: 'post',
    path: '/oapi/v1/namespaces/x/imagesignatures',
    status: 404,
    reason: 'NotFound',
  },
  {
    label: 'answers 405 for GET on the collection',
    method: 'get',
    path: LEGACY,
    status: 405,
    reason: 'MethodNotAllowed',
  },
  {
    label: 'answers 405 for DELETE on the collection',
    method: 'delete',
    path: GROUP,
    status: 405,
    reason: 'MethodNotAllowed',
  },
  {
    label: 'answers 405 for PUT on an item',
    method: 'put',
    path: `${LEGACY}/${SEEDED_NAME}`,
    status: 405,
    reason: 'MethodNotAllowed',
  },
  {
    label: 'answers 405 for POST on an item',
    method: 'post',
    path: `${GROUP}/${SEEDED_NAME}`,
    status: 405,
    reason: 'MethodNotAllowed',
  },
  {
    label: 'answers 406 for an Accept it cannot produce',
    method: 'post',
    path: LEGACY,
    headers: { Accept: 'text/html', ...JSON_TYPE },
    body: signatureBody(NEW_NAME),
    status: 406,
    reason: 'NotAcceptable',
  },
  {
    label: 'answers 415 for a text/plain body',
    method: 'post',
    path: LEGACY,
    headers: { 'Content-Type': 'text/plain' },
    body: signatureBody(NEW_NAME),
    status: 415,
    reason: 'UnsupportedMediaType',
  },
  {
    label: 'answers 400 for malformed JSON',
    method: 'post',
    path: LEGACY,
    headers: JSON_TYPE,
    body: '{"a":',
    status: 400,
    reason: 'BadRequest',
  },
  {
    label: 'answers 400 for an empty body',
    method: 'post',
    path: LEGACY,
    headers: JSON_TYPE,
    body: '',
    status: 400,
    reason: 'BadRequest',
  },
  {
    label: 'answers 400 for a JSON array',
    method: 'post',
    path: LEGACY,
    headers: JSON_TYPE,
    body: '[]',
    status: 400,
    reason: 'BadRequest',
  },
  {
    label: 'answers 400 for another kind',
    method: 'post',
    path: LEGACY,
    headers: JSON_TYPE,
    body: '{"kind":"Image","apiVersion":"v1"}',
    status: 400,
    reason: 'BadRequest',
  },
  {
    label: 'answers 400 for invalid base64 content',
    method: 'post',
    path: LEGACY,
    headers: JSON_TYPE,
    body: signatureBody(NEW_NAME, 'not base64!'),
    status: 400,
    reason: 'BadRequest',
  },
  {
    label: 'answers 400 for a group apiVersion on the legacy path',
    method: 'post',
    path: LEGACY,
    headers: JSON_TYPE,
    body: signatureBody(NEW_NAME, undefined, 'image.openshift.io/v1'),
    status: 400,
    reason: 'BadRequest',
  },
  {
    label: 'answers 400 for a legacy apiVersion on the group path',
    method: 'post',
    path: GROUP,
    headers: JSON_TYPE,
    body: signatureBody(NEW_NAME),
    status: 400,
    reason: 'BadRequest',
  },
  {
    label: 'answers 400 for a field of the wrong JSON type',
    method: 'post',
    path: LEGACY,
    headers: JSON_TYPE,
    body: '{"metadata":{"name":"a@b"},"type":7,"content":"eA=="}',
    status: 400,
    reason: 'BadRequest',
  },
  {
    label: 'answers 422 for an invalid signature',
    method: 'post',
    path: LEGACY,
    headers: JSON_TYPE,
    body: '{"metadata":{"name":"foo"}}',
    status: 422,
    reason: 'Invalid',
  },
  {
    label: 'answers 404 for a signature of an unknown image',
    method: 'post',
    path: LEGACY,
    headers: JSON_TYPE,
    body: signatureBody('sha256:unknown@sig'),
    status: 404,
    reason: 'NotFound',
  },
  {
    label: 'answers 409 for a name already taken',
    method: 'post',
    path: LEGACY,
    headers: JSON_TYPE,
    body: signatureBody(SEEDED_NAME, 'eA=='),
    status: 409,
    reason: 'AlreadyExists',
  },
  {
    label: 'answers 409 for the same type and content under a new name',
    method: 'post',
    path: GROUP,
    headers: JSON_TYPE,
    body: signatureBody(NEW_NAME, SEEDED_CONTENT, 'image.openshift.io/v1'),
    status: 409,
    reason: 'AlreadyExists',
  },
  {
    label: 'answers 400 for a delete name without @',
    method: 'delete',
    path: `${LEGACY}/abc`,
    status: 400,
    reason: 'BadRequest',
  },
  {
    label: 'answers 400 for a delete name with two @',
    method: 'delete',
    path: `${LEGACY}/a@b@c`,
    status: 400,
    reason: 'BadRequest',
  },
  {
    label: 'answers 400 for a delete name with an empty side',
    method: 'delete',
    path: `${GROUP}/img@`,
    status: 400,
    reason: 'BadRequest',
  },
  {
    label: 'answers 404 for a delete on an unknown image',
    method: 'delete',
    path: `${LEGACY}/sha256:nope@sig`,
    status: 404,
    reason: 'NotFound',
  },
  {
    label: 'answers 404 for a delete of an unknown signature',
    method: 'delete',
    path: `${LEGACY}/${NEW_NAME}`,
    status: 404,
    reason: 'NotFound',
  },
];

describe.each(FLAVOURS)('mock pipeline through %s', (flavour) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer(flavour);
  });
  afterEach(() => server.close());

  const send = (testCase: Case) => {
    const headers = { Authorization: `Bearer ${TOKEN}`, ...testCase.headers };
    let call = request(server.url)[testCase.method](testCase.path);
    for (const [name, value] of Object.entries(headers)) {
      if (value !== '') call = call.set(name, value);
    }
    return testCase.body === undefined ? call : call.send(testCase.body);
  };

  it.each(ERROR_CASES)('$label', async (testCase) => {
    const response = await send(testCase);
    expect(response.status).toBe(testCase.status);
    expect(response.headers['content-type']).toBe('application/json');
    expect(response.body).toMatchObject({
      kind: 'Status',
      apiVersion: 'v1',
      status: 'Failure',
      reason: testCase.reason,
      code: testCase.status,
    });
  });

  it('answers 201 with the stored signature on the legacy path', async () => {
    const response = await send({
      label: '',
      method: 'post',
      path: LEGACY,
      headers: JSON_TYPE,
      body: signatureBody(NEW_NAME),
      status: 201,
    });
    expect(response.status).toBe(201);
    const link = `${LEGACY}/sha256%3A${'ab'.repeat(32)}%40${'1'.repeat(32)}`;
    expect(response.text).toBe(
      `{"kind":"ImageSignature","apiVersion":"v1","metadata":{"name":"${NEW_NAME}",` +
        `"selfLink":"${link}","uid":"5b3c1f0e-8d6a-4c2b-9e7f-1a2b3c4d5e6f",` +
        `"creationTimestamp":"2018-07-10T12:00:00Z"},"type":"atomic","content":"aGVsbG8="}\n`,
    );
  });

  it('answers 201 with the group apiVersion and selfLink on the group path', async () => {
    const response = await request(server.url)
      .post(GROUP)
      .set('Authorization', `Bearer ${TOKEN}`)
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ metadata: { name: NEW_NAME }, type: 'atomic', content: 'aGVsbG8=' }));
    expect(response.status).toBe(201);
    expect(response.body.apiVersion).toBe('image.openshift.io/v1');
    expect(response.body.metadata.selfLink).toMatch(
      /^\/apis\/image\.openshift\.io\/v1\/imagesignatures\/sha256%3A/,
    );
  });

  it('drops server-managed fields and clears the namespace', async () => {
    const body = {
      kind: 'ImageSignature',
      apiVersion: 'v1',
      metadata: {
        name: NEW_NAME,
        namespace: 'ns',
        uid: 'mine',
        creationTimestamp: '2001-01-01T00:00:00Z',
        clusterName: 'c',
      },
      type: 'atomic',
      content: 'aGVsbG8=',
      conditions: [{ type: 'Trusted', status: 'True' }],
      imageIdentity: 'x',
      signedClaims: { a: 'b' },
      created: '2001-01-01T00:00:00Z',
      issuedBy: { commonName: 'x' },
      issuedTo: { publicKeyID: 'y' },
      unknownField: 1,
    };
    const response = await request(server.url)
      .post(LEGACY)
      .set('Authorization', `Bearer ${TOKEN}`)
      .set('Content-Type', 'application/json')
      .send(JSON.stringify(body));
    expect(response.status).toBe(201);
    expect(Object.keys(response.body)).toEqual([
      'kind',
      'apiVersion',
      'metadata',
      'type',
      'content',
    ]);
    expect(Object.keys(response.body.metadata)).toEqual([
      'name',
      'selfLink',
      'uid',
      'creationTimestamp',
    ]);
    expect(response.body.metadata.uid).toBe('5b3c1f0e-8d6a-4c2b-9e7f-1a2b3c4d5e6f');
  });

  it('lists every validation cause in the 422', async () => {
    const body = { metadata: { name: 'a/b', labels: { x: 'y' } }, content: '' };
    const response = await send({
      label: '',
      method: 'post',
      path: LEGACY,
      headers: JSON_TYPE,
      body: JSON.stringify(body),
      status: 422,
    });
    expect(response.body.details.causes.map((cause: { field: string }) => cause.field)).toEqual([
      'metadata.name',
      'metadata.labels',
      'metadata.name',
      'type',
      'content',
    ]);
    expect(response.body.message).toMatch(
      /^ImageSignature\.image\.openshift\.io "a\/b" is invalid: \[/,
    );
  });

  it('accepts a YAML body and answers in YAML when asked', async () => {
    const yaml = `kind: ImageSignature\napiVersion: v1\nmetadata:\n  name: "${NEW_NAME}"\ntype: atomic\ncontent: aGVsbG8=\n`;
    const response = await request(server.url)
      .post(LEGACY)
      .set('Authorization', `Bearer ${TOKEN}`)
      .set('Content-Type', 'application/yaml')
      .set('Accept', 'application/yaml')
      .send(yaml);
    expect(response.status).toBe(201);
    expect(response.headers['content-type']).toBe('application/yaml');
    expect(response.text).toMatch(
      /^apiVersion: v1\ncontent: aGVsbG8=\nkind: ImageSignature\nmetadata:\n/,
    );
  });

  it('answers errors in YAML too', async () => {
    const response = await request(server.url)
      .delete(`${LEGACY}/abc`)
      .set('Authorization', `Bearer ${TOKEN}`)
      .set('Accept', 'application/yaml');
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toBe('application/yaml');
    expect(response.text).toContain('reason: BadRequest\nstatus: Failure\n');
  });

  it('writes the 406 as indented raw JSON without a trailing newline', async () => {
    const response = await request(server.url)
      .delete(`${LEGACY}/${SEEDED_NAME}`)
      .set('Authorization', `Bearer ${TOKEN}`)
      .set('Accept', 'text/html')
      .set('User-Agent', 'test');
    expect(response.status).toBe(406);
    expect(response.text).toMatch(/^\{\n {2}"kind": "Status",\n/);
    expect(response.text.endsWith('}')).toBe(true);
  });

  it.each([
    ['?pretty=true', 'test', true],
    ['?pretty=1', 'test', true],
    ['?pretty=false', 'curl/8.0', false],
    ['', 'curl/8.0', true],
    ['', 'Wget/1.21', true],
    ['', 'Mozilla/5.0 (X11)', true],
    ['', 'skopeo/5.x', false],
    ['?pretty=nonsense', 'curl/8.0', false],
  ])('pretty-prints for query %j and User-Agent %j: %s', async (query, agent, pretty) => {
    const response = await request(server.url)
      .delete(`${LEGACY}/${SEEDED_NAME}${query}`)
      .set('Authorization', `Bearer ${TOKEN}`)
      .set('User-Agent', agent);
    expect(response.status).toBe(200);
    expect(response.text).toBe(
      pretty
        ? '{\n  "kind": "Status",\n  "apiVersion": "v1",\n  "metadata": {},\n  "status": "Success"\n}'
        : '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Success"}\n',
    );
  });

  it.each([
    ['raw', SEEDED_NAME],
    ['percent-encoded', encodeURIComponent(SEEDED_NAME)],
  ])('deletes a signature named %s, then answers 404', async (_label, pathName) => {
    const remove = () =>
      request(server.url)
        .delete(`${GROUP}/${pathName}?gracePeriodSeconds=0`)
        .set('Authorization', `Bearer ${TOKEN}`)
        .set('Content-Type', 'application/json')
        .send('{"kind":"DeleteOptions","apiVersion":"v1","orphanDependents":false}');
    const first = await remove();
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Success',
    });

    const second = await remove();
    expect(second.status).toBe(404);
    expect(second.body.details).toEqual({
      name: SEEDED_NAME,
      group: 'image.openshift.io',
      kind: 'imageSignatures',
    });
  });

  it('gives one 201 and one 409 to two concurrent creates of the same name', async () => {
    const create = (content: string) =>
      request(server.url)
        .post(LEGACY)
        .set('Authorization', `Bearer ${TOKEN}`)
        .set('Content-Type', 'application/json')
        .send(signatureBody(NEW_NAME, content));
    const statuses = (await Promise.all([create('eA=='), create('eQ==')])).map((r) => r.status);
    expect(statuses.sort()).toEqual([201, 409]);
  });
});

describe.each(FLAVOURS)('mock options through %s', (flavour) => {
  let server: TestServer | undefined;
  afterEach(() => server?.close());

  it('answers 401 to anonymous requests with anonymous401', async () => {
    server = await startTestServer(flavour, { anonymous401: true });
    const response = await request(server.url)
      .post(LEGACY)
      .set('Content-Type', 'application/json')
      .send('{}');
    expect(response.status).toBe(401);
    expect(response.body.reason).toBe('Unauthorized');
  });

  it('creates an unknown image on its first signature with createUnknownImages', async () => {
    server = await startTestServer(flavour, { createUnknownImages: true });
    const response = await request(server.url)
      .post(LEGACY)
      .set('Authorization', `Bearer ${TOKEN}`)
      .set('Content-Type', 'application/json')
      .send(signatureBody('sha256:fresh@sig'));
    expect(response.status).toBe(201);
    expect((await server.store.getImage('sha256:fresh'))?.signatures).toHaveLength(1);
  });
});
