// Discovery as kubectl and client-go read it, per profile, over real HTTP: the documents,
// who may read them, the aggregated-discovery fallback, and the OpenAPI documents.
import path from 'node:path';

import { load } from 'js-yaml';
import { Root } from 'protobufjs';

import { PROFILES, type ProfileVersion } from '../../mock/server-profile';
import { TOKEN, startTestServer, type TestServer } from '../mock/mock-server';

const AGGREGATED =
  'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,' +
  'application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList';
const SWAGGER_PB = 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf';

const servers = new Map<ProfileVersion, TestServer>();

beforeAll(async () => {
  for (const version of Object.keys(PROFILES) as ProfileVersion[]) {
    servers.set(version, await startTestServer('createHandler', { profile: PROFILES[version] }));
  }
});

afterAll(() => Promise.all([...servers.values()].map((server) => server.close())));

interface Answer {
  status: number;
  contentType: string | null;
  bytes: Buffer;
  json: () => Record<string, unknown>;
}

async function get(
  version: ProfileVersion,
  requestPath: string,
  headers: Record<string, string> = {},
  token: string | null = TOKEN,
): Promise<Answer> {
  const server = servers.get(version);
  if (server === undefined) throw new Error(`no server for ${version}`);
  const auth: Record<string, string> = token === null ? {} : { Authorization: `Bearer ${token}` };
  const response = await fetch(`${server.url}${requestPath}`, {
    headers: { Accept: 'application/json, */*', ...auth, ...headers },
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    bytes,
    json: () => JSON.parse(bytes.toString('utf8')) as Record<string, unknown>,
  };
}

const ALL: ProfileVersion[] = ['3.7', '3.11', '4'];
const host = (version: ProfileVersion) => new URL(servers.get(version)?.url ?? '').host;

describe('/version', () => {
  it.each([
    ['3.7', 'v1.7.6+a08f5eeb62', '7+'],
    ['3.11', 'v1.11.0+d4cacc0', '11+'],
    ['4', 'v1.34.1', '34'],
  ] as const)('names the Kubernetes version of %s', async (version, gitVersion, minor) => {
    const answer = await get(version, '/version');

    expect(answer.status).toBe(200);
    expect(answer.json()).toMatchObject({ major: '1', minor, gitVersion, platform: 'linux/amd64' });
  });

  it.each<ProfileVersion>(['3.7', '3.11'])('has /version/openshift in %s', async (version) => {
    const answer = await get(version, '/version/openshift');

    expect(answer.json()).toMatchObject({ major: '3', gitVersion: expect.stringMatching(/^v3\./) });
  });

  it('has no /version/openshift in 4', async () => {
    expect((await get('4', '/version/openshift')).status).toBe(404);
  });
});

describe('API roots and lists', () => {
  it.each(ALL)('answers /api with APIVersions and the address reached (%s)', async (version) => {
    const answer = await get(version, '/api');

    expect(answer.bytes.toString('utf8')).toBe(
      `{"kind":"APIVersions","versions":["v1"],"serverAddressByClientCIDRs":` +
        `[{"clientCIDR":"0.0.0.0/0","serverAddress":"${host(version)}"}]}\n`,
    );
  });

  it.each(ALL)('answers /apis with the image.openshift.io group (%s)', async (version) => {
    const gv = { groupVersion: 'image.openshift.io/v1', version: 'v1' };
    expect((await get(version, '/apis')).json()).toEqual({
      kind: 'APIGroupList',
      apiVersion: 'v1',
      groups: [{ name: 'image.openshift.io', versions: [gv], preferredVersion: gv }],
    });
    expect((await get(version, '/apis/image.openshift.io')).json()).toEqual({
      kind: 'APIGroup',
      apiVersion: 'v1',
      name: 'image.openshift.io',
      versions: [gv],
      preferredVersion: gv,
    });
  });

  it.each([
    ['3.7', ''],
    ['3.11', ''],
    ['4', 'imagesignature'],
  ] as const)(
    'lists imagesignatures, cluster-scoped, create and delete only (%s)',
    async (version, singularName) => {
      const answer = await get(version, '/apis/image.openshift.io/v1');

      expect(answer.bytes.toString('utf8')).toBe(
        '{"kind":"APIResourceList","apiVersion":"v1","groupVersion":"image.openshift.io/v1",' +
          `"resources":[{"name":"imagesignatures","singularName":"${singularName}",` +
          '"namespaced":false,"kind":"ImageSignature","verbs":["create","delete"]}]}\n',
      );
    },
  );

  it.each<ProfileVersion>(['3.7', '3.11'])(
    'lists the legacy resource under /oapi/v1 in %s',
    async (version) => {
      const answer = await get(version, '/oapi/v1');

      expect(answer.json()).toEqual({
        kind: 'APIResourceList',
        groupVersion: 'v1',
        resources: [
          {
            name: 'imagesignatures',
            singularName: '',
            namespaced: false,
            kind: 'ImageSignature',
            verbs: ['create', 'delete'],
          },
        ],
      });
      expect((await get(version, '/oapi')).json()).toMatchObject({ kind: 'APIVersions' });
    },
  );

  it('has no /oapi in 4: a plain-text 404', async () => {
    const answer = await get('4', '/oapi/v1');

    expect(answer.status).toBe(404);
    expect(answer.bytes.toString('utf8')).toBe('404 page not found\n');
  });

  it('answers an empty core v1 list, as the mock serves no core resource', async () => {
    expect((await get('3.11', '/api/v1')).json()).toEqual({
      kind: 'APIResourceList',
      groupVersion: 'v1',
      resources: [],
    });
  });

  it('answers in YAML when asked', async () => {
    const answer = await get('3.11', '/apis', { Accept: 'application/yaml' });

    expect(answer.contentType).toBe('application/yaml');
    expect(load(answer.bytes.toString('utf8'))).toMatchObject({ kind: 'APIGroupList' });
  });
});

describe('aggregated discovery', () => {
  it('falls back to a plain APIGroupList with Content-Type application/json', async () => {
    const answer = await get('3.11', '/apis', { Accept: `${AGGREGATED},application/json` });

    expect(answer.status).toBe(200);
    expect(answer.contentType).toBe('application/json');
    expect(answer.json()).toMatchObject({ kind: 'APIGroupList' });
  });

  it('answers 406 when the client takes nothing but the aggregated form', async () => {
    const answer = await get('3.11', '/apis', { Accept: AGGREGATED });

    expect(answer.status).toBe(406);
    expect(answer.json()).toMatchObject({ reason: 'NotAcceptable' });
  });
});

describe('who may read discovery', () => {
  it('lets anonymous users read it (system:discovery)', async () => {
    const answer = await get('3.11', '/apis/image.openshift.io/v1', {}, null);

    expect(answer.status).toBe(200);
  });

  it('still answers 401 to a token nobody knows', async () => {
    const answer = await get('3.11', '/apis', {}, 'nobody-knows-this');

    expect(answer.status).toBe(401);
  });
});

describe('OpenAPI documents', () => {
  const gvk = (group: string) => ({ group, kind: 'ImageSignature', version: 'v1' });

  it('serves Swagger 2.0 as JSON at /openapi/v2, each kind findable by its GVK', async () => {
    const answer = await get('3.11', '/openapi/v2');
    const document = answer.json() as {
      swagger: string;
      definitions: Record<string, Record<string, unknown>>;
    };

    expect(document.swagger).toBe('2.0');
    const signature = document.definitions['com.github.openshift.api.image.v1.ImageSignature'];
    expect(signature?.['x-kubernetes-group-version-kind']).toEqual([
      gvk(''),
      gvk('image.openshift.io'),
    ]);
    expect(signature?.['required']).toEqual(['type', 'content']);
  });

  it('serves the same document as gnostic protobuf when kubectl asks for it', async () => {
    const answer = await get('3.11', '/openapi/v2', { Accept: SWAGGER_PB });

    expect(answer.contentType).toBe('application/com.github.proto-openapi.spec.v2.v1.0+protobuf');
    const root = new Root();
    root.loadSync(path.join(__dirname, '../../mock/discovery/openapi-v2.proto'), {
      keepCase: true,
    });
    const type = root.lookupType('openapi.v2.Document');
    const document = type.toObject(type.decode(answer.bytes)) as {
      swagger: string;
      definitions: { additional_properties: { name: string }[] };
    };
    expect(document.swagger).toBe('2.0');
    expect(document.definitions.additional_properties.map((entry) => entry.name)).toContain(
      'com.github.openshift.api.image.v1.ImageSignature',
    );
  });

  it('drops the legacy group from the GVKs in 4', async () => {
    const document = (await get('4', '/openapi/v2')).json() as {
      definitions: Record<string, Record<string, unknown>>;
    };
    const signature = document.definitions['com.github.openshift.api.image.v1.ImageSignature'];
    expect(signature?.['x-kubernetes-group-version-kind']).toEqual([gvk('image.openshift.io')]);
  });

  it('has no /openapi/v2 in 3.7, only /swagger.json and /swagger-2.0.0.pb-v1', async () => {
    expect((await get('3.7', '/openapi/v2')).status).toBe(404);
    expect((await get('3.7', '/swagger.json')).json()).toMatchObject({ swagger: '2.0' });
    const pb = await get('3.7', '/swagger-2.0.0.pb-v1');
    expect(pb.contentType).toBe('application/com.github.proto-openapi.spec.v2.v1.0+protobuf');
  });

  it.each<ProfileVersion>(['3.7', '3.11'])('has no /openapi/v3 in %s', async (version) => {
    expect((await get(version, '/openapi/v3')).status).toBe(404);
  });

  it('lists and serves the group document under /openapi/v3 in 4', async () => {
    const root = (await get('4', '/openapi/v3')).json() as {
      paths: Record<string, { serverRelativeURL: string }>;
    };
    const entry = root.paths['apis/image.openshift.io/v1'];
    expect(entry?.serverRelativeURL).toMatch(
      /^\/openapi\/v3\/apis\/image\.openshift\.io\/v1\?hash=/,
    );

    const group = (await get('4', entry?.serverRelativeURL ?? '')).json() as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(group.paths)).toEqual([
      '/apis/image.openshift.io/v1/imagesignatures',
      '/apis/image.openshift.io/v1/imagesignatures/{name}',
    ]);
  });
});
