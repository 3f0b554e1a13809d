// Fills a store with the seeded world of fixtures/: images 0..count-1 of `seed`, each with
// the signatures it is generated with, plus any named empty images.
import { createHash } from 'node:crypto';

import { seededImage, type SeededImage, type SignatureRequest } from '../fixtures/seeded-image';
import type { SignatureStore, StoredSignature } from './signature-store';

export interface SeedOptions {
  seed: number;
  /** How many seeded images to load. */
  images: number;
  /** Names of extra images that start without signatures. */
  extraImages?: readonly string[];
  /** creationTimestamp of the preloaded signatures. */
  now: string;
}

/** The store refused a seeded signature: it is smaller than the seeded world. */
export class SeedStoreFullError extends Error {
  override readonly name = 'SeedStoreFullError';
  constructor(readonly stored: number) {
    super(`the store is full after ${stored} seeded signatures`);
  }
}

/** Loads the seeded world and returns the seeded images, for the start-up listing. */
export async function seedStore(
  store: SignatureStore,
  options: SeedOptions,
): Promise<SeededImage[]> {
  const seeded: SeededImage[] = [];
  let stored = 0;
  for (let index = 0; index < options.images; index++) {
    const image = seededImage(options.seed, index);
    await store.addImage(image.name, image.dockerReference);
    for (const request of image.signatures) {
      const outcome = await store.addSignature(image.name, storedFrom(request, options.now));
      // A silently dropped signature would still be listed at start-up.
      if (outcome === 'full') throw new SeedStoreFullError(stored);
      stored++;
    }
    seeded.push(image);
  }
  for (const name of options.extraImages ?? []) await store.addImage(name);
  return seeded;
}

function storedFrom(request: SignatureRequest, now: string): StoredSignature {
  const { name } = request.metadata;
  return {
    metadata: { name, uid: uidFor(name), creationTimestamp: now },
    type: request.type,
    content: Buffer.from(request.content, 'base64').toString('base64'),
  };
}

// A version-4-shaped uid derived from the name, so the same seed lists the same uids.
function uidFor(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex');
  const variant = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `4${hex.slice(13, 16)}`,
    `${variant}${hex.slice(17, 20)}`,
    hex.slice(20, 32),
  ].join('-');
}
