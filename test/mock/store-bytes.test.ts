import { randomBytes } from 'node:crypto';

import { MemorySignatureStore } from '../../mock/memory-store';
import type { StoredSignature } from '../../mock/signature-store';
import { statusExamples } from '../../spec/examples';
import { freshName, startMockUnderTest } from '../robustness/mock-under-test';

// The byte bound beside the count bound: a few huge signatures fill the store as surely
// as many small ones, and are refused the same way.

const IMAGE = `sha256:${'cd'.repeat(32)}`;

function signature(id: string, contentBytes: number): StoredSignature {
  return {
    metadata: {
      name: `${IMAGE}@${id}`,
      uid: `uid-${id}`,
      creationTimestamp: '2018-07-10T12:00:00Z',
    },
    type: 'atomic',
    content: randomBytes(contentBytes).toString('base64'),
  };
}

// Content of 3n bytes is 4n base64 characters; the name adds its own length.
const sizeOf = (stored: StoredSignature): number =>
  stored.content.length + stored.metadata.name.length;

describe('MemorySignatureStore maxBytes', () => {
  it('answers full when content and name would pass the bound, and not before', async () => {
    const first = signature('a', 300);
    const second = signature('b', 300);
    const store = new MemorySignatureStore({ maxBytes: sizeOf(first) + sizeOf(second) - 1 });
    await store.addImage(IMAGE);

    await expect(store.addSignature(IMAGE, first)).resolves.toBe('added');
    await expect(store.addSignature(IMAGE, second)).resolves.toBe('full');
    await expect(store.addSignature(IMAGE, signature('c', 3))).resolves.toBe('added');
    await expect(store.addSignature(IMAGE, first)).resolves.toBe('exists');
  });

  it('frees the bytes of a deleted signature', async () => {
    const first = signature('a', 3000);
    const store = new MemorySignatureStore({ maxBytes: sizeOf(first) });
    await store.addImage(IMAGE);
    await store.addSignature(IMAGE, first);
    const second = signature('b', 3000);

    await expect(store.addSignature(IMAGE, second)).resolves.toBe('full');
    await expect(store.deleteSignature(IMAGE, first.metadata.name)).resolves.toBe('deleted');
    await expect(store.addSignature(IMAGE, second)).resolves.toBe('added');
  });
});

describe('a store at its byte bound, over HTTP', () => {
  it('answers 500 with the etcd out-of-space Status and stores nothing more', async () => {
    const mock = await startMockUnderTest({ store: { maxBytes: 64 * 1024 } });
    try {
      const big = randomBytes(30 * 1024).toString('base64');
      expect((await mock.create(freshName(mock.image), big)).status).toBe(201);

      const refused = await mock.create(
        freshName(mock.image),
        randomBytes(30 * 1024).toString('base64'),
      );
      expect(refused.status).toBe(500);
      expect(refused.body).toEqual(statusExamples.storeFull);
      const image = await mock.store.getImage(mock.image);
      expect(image?.signatures).toHaveLength(1);
    } finally {
      await mock.close();
    }
  });
});
