import { MemorySignatureStore } from '../../mock/memory-store';
import type { StoredSignature } from '../../mock/signature-store';

// The store's own rules, below the HTTP pipeline: duplicates by name or by type and
// content, deletes that free both, the maximum, and creation order kept.

const IMAGE = `sha256:${'ab'.repeat(32)}`;

function signature(id: string, content: string, type = 'atomic'): StoredSignature {
  return {
    metadata: {
      name: `${IMAGE}@${id}`,
      uid: `uid-${id}`,
      creationTimestamp: '2018-07-10T12:00:00Z',
    },
    type,
    content: Buffer.from(content).toString('base64'),
  };
}

async function storeWithImage(maxSignatures?: number): Promise<MemorySignatureStore> {
  const store = new MemorySignatureStore(maxSignatures === undefined ? {} : { maxSignatures });
  await store.addImage(IMAGE, 'registry.example.com/app:1');
  return store;
}

describe('MemorySignatureStore', () => {
  it.each([
    { name: 'the same name', second: signature('a', 'other bytes'), want: 'exists' },
    { name: 'the same type and content', second: signature('b', 'bytes'), want: 'exists' },
    {
      name: 'the same content of another type',
      second: signature('c', 'bytes', 'x'),
      want: 'added',
    },
    { name: 'another name and content', second: signature('d', 'more bytes'), want: 'added' },
  ])('answers $want for $name', async ({ second, want }) => {
    const store = await storeWithImage();
    await expect(store.addSignature(IMAGE, signature('a', 'bytes'))).resolves.toBe('added');
    await expect(store.addSignature(IMAGE, second)).resolves.toBe(want);
  });

  it('frees the name and the content when a signature is deleted', async () => {
    const store = await storeWithImage();
    await store.addSignature(IMAGE, signature('a', 'bytes'));

    await expect(store.deleteSignature(IMAGE, `${IMAGE}@a`)).resolves.toBe('deleted');
    await expect(store.deleteSignature(IMAGE, `${IMAGE}@a`)).resolves.toBe('no-signature');
    await expect(store.addSignature(IMAGE, signature('b', 'bytes'))).resolves.toBe('added');
    await expect(store.addSignature(IMAGE, signature('a', 'new'))).resolves.toBe('added');
  });

  it('answers no-image for an unknown image unless told to create it', async () => {
    const store = await storeWithImage();
    const other = signature('a', 'bytes');
    await expect(store.addSignature('sha256:unknown', other)).resolves.toBe('no-image');
    await expect(store.deleteSignature('sha256:unknown', 'x@y')).resolves.toBe('no-image');
    await expect(store.addSignature('sha256:new', other, { createImage: true })).resolves.toBe(
      'added',
    );
  });

  it('answers full at its maximum, and has room again after a delete', async () => {
    const store = await storeWithImage(2);
    await store.addSignature(IMAGE, signature('a', '1'));
    await store.addSignature(IMAGE, signature('b', '2'));

    await expect(store.addSignature(IMAGE, signature('c', '3'))).resolves.toBe('full');
    await expect(store.addSignature(IMAGE, signature('a', '1'))).resolves.toBe('exists');
    await store.deleteSignature(IMAGE, `${IMAGE}@a`);
    await expect(store.addSignature(IMAGE, signature('c', '3'))).resolves.toBe('added');
  });

  it('keeps signatures in the order they were created', async () => {
    const store = await storeWithImage();
    for (const id of ['c', 'a', 'b']) await store.addSignature(IMAGE, signature(id, id));
    await store.deleteSignature(IMAGE, `${IMAGE}@a`);
    await store.addSignature(IMAGE, signature('a', 'again'));

    const image = await store.getImage(IMAGE);
    expect(image?.signatures.map((sig) => sig.metadata.name.split('@')[1])).toEqual([
      'c',
      'b',
      'a',
    ]);
  });
});
