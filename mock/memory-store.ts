// The in-memory SignatureStore: a Map of images, each holding its signatures in order of
// creation, indexed by name and by type and content so that a create or a delete costs
// the same on an image with a hundred thousand signatures as on an empty one.
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
  /** By name, in insertion order. */
  signatures: Map<string, StoredSignature>;
  /** Contents by type: the real REST refuses the same type with byte-identical content. */
  contents: Map<string, Set<string>>;
}

function emptyImage(name: string, dockerReference: string): MutableImage {
  return { name, dockerReference, signatures: new Map(), contents: new Map() };
}

export interface MemoryStoreOptions {
  /** The most signatures held at once, over all images, so memory stays bounded. */
  maxSignatures?: number;
  /** The most bytes of content and names held at once, since one signature may be megabytes. */
  maxBytes?: number;
}

/** Default of `maxSignatures`: room for any test run, and a bound on a runaway client. */
export const DEFAULT_MAX_SIGNATURES = 100_000;

/** Default of `maxBytes`: 1 GiB, far above any test run, well below a machine's memory. */
export const DEFAULT_MAX_BYTES = 1024 * 1024 * 1024;

export class MemorySignatureStore implements SignatureStore {
  private readonly images = new Map<string, MutableImage>();
  private readonly maxSignatures: number;
  private readonly maxBytes: number;
  private signatureCount = 0;
  private byteCount = 0;

  constructor(options: MemoryStoreOptions = {}) {
    this.maxSignatures = options.maxSignatures ?? DEFAULT_MAX_SIGNATURES;
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  }

  async getImage(name: string): Promise<StoredImage | undefined> {
    const image = this.images.get(name);
    return image && snapshot(image);
  }

  async listImages(): Promise<StoredImage[]> {
    return [...this.images.values()].map(snapshot);
  }

  async addImage(name: string, dockerReference = ''): Promise<void> {
    if (!this.images.has(name)) this.images.set(name, emptyImage(name, dockerReference));
  }

  // No await between the duplicate check and the push: the pair is atomic on one event loop.
  async addSignature(
    imageName: string,
    signature: StoredSignature,
    options: AddOptions = {},
  ): Promise<AddOutcome> {
    const known = this.images.get(imageName);
    if (known === undefined && !options.createImage) return 'no-image';
    if (known !== undefined && isDuplicate(known, signature)) return 'exists';
    // As on a server whose etcd is out of space: lookups and duplicates answer first.
    const size = sizeOf(signature);
    if (this.signatureCount >= this.maxSignatures) return 'full';
    if (this.byteCount + size > this.maxBytes) return 'full';

    const image = known ?? emptyImage(imageName, '');
    this.images.set(imageName, image);
    image.signatures.set(signature.metadata.name, signature);
    const contents = image.contents.get(signature.type) ?? new Set<string>();
    image.contents.set(signature.type, contents.add(signature.content));
    this.signatureCount++;
    this.byteCount += size;
    return 'added';
  }

  async deleteSignature(imageName: string, signatureName: string): Promise<DeleteOutcome> {
    const image = this.images.get(imageName);
    if (image === undefined) return 'no-image';

    const signature = image.signatures.get(signatureName);
    if (signature === undefined) return 'no-signature';
    image.signatures.delete(signatureName);
    image.contents.get(signature.type)?.delete(signature.content);
    this.signatureCount--;
    this.byteCount -= sizeOf(signature);
    return 'deleted';
  }
}

// The real REST refuses the same name, or the same type with byte-identical content
// (content is canonical base64, so equal strings are equal bytes).
function isDuplicate(image: MutableImage, candidate: StoredSignature): boolean {
  if (image.signatures.has(candidate.metadata.name)) return true;
  return image.contents.get(candidate.type)?.has(candidate.content) === true;
}

// Content is base64, so its length is its size in memory; a name is counted the same way.
function sizeOf(signature: StoredSignature): number {
  return signature.content.length + signature.metadata.name.length;
}

function snapshot(image: MutableImage): StoredImage {
  return {
    name: image.name,
    dockerReference: image.dockerReference,
    signatures: [...image.signatures.values()],
  };
}
