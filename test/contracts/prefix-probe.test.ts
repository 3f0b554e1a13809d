import { ContractClient } from '../../contracts/contract-client';
import { servedPrefixes } from '../../contracts/prefix-probe';
import { externalTarget } from '../../contracts/target';
import { createHandler } from '../../mock/create-handler';
import { MemorySignatureStore } from '../../mock/memory-store';
import { PROFILES, type ProfileVersion } from '../../mock/server-profile';
import { startServer } from '../../mock/start-server';

// `imagesig verify` finds the prefixes a server has with one refused create each: a
// 3.x server has both, OpenShift 4 only the grouped one, and nothing is stored.

const TOKEN = 'prefix-probe-token';
const IMAGE = `sha256:${'cd'.repeat(32)}`;

async function probe(version: ProfileVersion): Promise<{ prefixes: string[]; stored: number }> {
  const store = new MemorySignatureStore();
  await store.addImage(IMAGE);
  const handler = createHandler({ store, tokens: [TOKEN], profile: PROFILES[version] });
  const server = await startServer(handler, { http: true, host: '127.0.0.1', port: 0 });
  try {
    const env = { IMAGESIG_TOKEN: TOKEN, IMAGESIG_IMAGE: IMAGE };
    const target = externalTarget(server.url, env);
    const client = new ContractClient({ ...target, inProcess: false, close: async () => {} });
    const prefixes = await servedPrefixes(client);
    const image = await store.getImage(IMAGE);
    return { prefixes, stored: image?.signatures.length ?? -1 };
  } finally {
    await server.close();
  }
}

describe('servedPrefixes', () => {
  it.each([
    { version: '3.7', want: ['/oapi/v1', '/apis/image.openshift.io/v1'] },
    { version: '3.11', want: ['/oapi/v1', '/apis/image.openshift.io/v1'] },
    { version: '4', want: ['/apis/image.openshift.io/v1'] },
  ] as const)('finds $want on profile $version and stores nothing', async ({ version, want }) => {
    await expect(probe(version)).resolves.toEqual({ prefixes: want, stored: 0 });
  });
});
