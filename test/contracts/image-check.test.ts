import { ContractClient } from '../../contracts/contract-client';
import { checkTokenAndImage } from '../../contracts/image-check';
import { externalTarget } from '../../contracts/target';
import { createHandler } from '../../mock/create-handler';
import { MemorySignatureStore } from '../../mock/memory-store';
import { startServer, type RunningServer } from '../../mock/start-server';

// `imagesig verify` refuses to start a run that can only fail: a token the server does
// not take, a user without the role, or an image the server does not have.

const TOKEN = 'image-check-token';
const VIEWER = 'image-check-viewer';
const IMAGE = `sha256:${'ef'.repeat(32)}`;

let server: RunningServer;
let store: MemorySignatureStore;

beforeAll(async () => {
  store = new MemorySignatureStore();
  await store.addImage(IMAGE);
  const handler = createHandler({ store, tokens: [TOKEN], unprivilegedTokens: [VIEWER] });
  server = await startServer(handler, { http: true, host: '127.0.0.1', port: 0 });
});

afterAll(() => server.close());

function check(token: string, image: string): Promise<string | undefined> {
  const target = externalTarget(server.url, { IMAGESIG_TOKEN: token, IMAGESIG_IMAGE: image });
  const client = new ContractClient({ ...target, inProcess: false, close: async () => {} });
  return checkTokenAndImage(client, '/oapi/v1', image);
}

describe('checkTokenAndImage', () => {
  it.each([
    { name: 'a known token and image', token: TOKEN, image: IMAGE, want: undefined },
    { name: 'an unknown token', token: 'nope', image: IMAGE, want: /--token \(401/ },
    { name: 'a user without the role', token: VIEWER, image: IMAGE, want: /403 Forbidden/ },
    {
      name: 'an image the server lacks',
      token: TOKEN,
      image: `sha256:${'00'.repeat(32)}`,
      want: /--image\) does not exist/,
    },
  ])('answers $want for $name, changing nothing', async ({ token, image, want }) => {
    const problem = await check(token, image);

    if (want === undefined) expect(problem).toBeUndefined();
    else expect(problem).toMatch(want);
    expect((await store.getImage(IMAGE))?.signatures).toEqual([]);
  });
});
