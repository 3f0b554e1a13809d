// The in-memory SignatureStore: a Map of images, each holding its signatures in order.
import type {
  AddOptions,
  AddOutcome,
  DeleteOutcome,
  SignatureStore,
  StoredImage,
  StoredSignature,
} from './signature-store';

interface MutableImage {
  name: string;
  dockerReference: string;
  signatures: StoredSignature[];
}

export interface MemoryStoreOptions {
  /** The most signatures held at once, over all images, so memory stays bounded. */
  maxSignatures?: number;
}

/** Default of `maxSignatures`: room for any test run, and a bound on a runaway client. */
export const DEFAULT_MAX_SIGNATURES = 100_000;

export class MemorySignatureStore implements SignatureStore {
  private readonly images = new Map<string, MutableImage>();
  private readonly maxSignatures: number;
  private signatureCount = 0;

  constructor(options: MemoryStoreOptions = {}) {
    this.maxSignatures = options.maxSignatures ?? DEFAULT_MAX_SIGNATURES;
  }

  async getImage(name: string): Promise<StoredImage | undefined> {
    const image = this.images.get(name);
    return image && snapshot(image);
  }

  async listImages(): Promise<StoredImage[]> {
    return [...this.images.values()].map(snapshot);
  }

  async addImage(name: string, dockerReference = ''): Promise<void> {
    if (!this.images.has(name)) this.images.set(name, { name, dockerReference, signatures: [] });
  }

  // No await between the duplicate check and the push: the pair is atomic on one event loop.
  async addSignature(
    imageName: string,
    signature: StoredSignature,
    options: AddOptions = {},
  ): Promise<AddOutcome> {
    const known = this.images.get(imageName);
    if (known === undefined && !options.createImage) return 'no-image';
    if (known?.signatures.some((existing) => isDuplicate(existing, signature))) return 'exists';
    // As on a server whose etcd is out of space: lookups and duplicates answer first.
    if (this.signatureCount >= this.maxSignatures) return 'full';

    const image = known ?? { name: imageName, dockerReference: '', signatures: [] };
    this.images.set(imageName, image);
    image.signatures.push(signature);
    this.signatureCount++;
    return 'added';
  }

  async deleteSignature(imageName: string, signatureName: string): Promise<DeleteOutcome> {
    const image = this.images.get(imageName);
    if (image === undefined) return 'no-image';

    const index = image.signatures.findIndex((sig) => sig.metadata.name === signatureName);
    if (index === -1) return 'no-signature';
    image.signatures.splice(index, 1);
    this.signatureCount--;
    return 'deleted';
  }
}

// The real REST refuses the same name, or the same type with byte-identical content.
function isDuplicate(existing: StoredSignature, candidate: StoredSignature): boolean {
  if (existing.metadata.name === candidate.metadata.name) return true;
  return existing.type === candidate.type && existing.content === candidate.content;
}

function snapshot(image: MutableImage): StoredImage {
  return {
    name: image.name,
    dockerReference: image.dockerReference,
    signatures: [...image.signatures],
  };
}
