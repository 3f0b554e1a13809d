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

export class MemorySignatureStore implements SignatureStore {
  private readonly images = new Map<string, MutableImage>();

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
    let image = this.images.get(imageName);
    if (image === undefined) {
      if (!options.createImage) return 'no-image';
      image = { name: imageName, dockerReference: '', signatures: [] };
      this.images.set(imageName, image);
    }
    if (image.signatures.some((existing) => isDuplicate(existing, signature))) return 'exists';

    image.signatures.push(signature);
    return 'added';
  }

  async deleteSignature(imageName: string, signatureName: string): Promise<DeleteOutcome> {
    const image = this.images.get(imageName);
    if (image === undefined) return 'no-image';

    const index = image.signatures.findIndex((sig) => sig.metadata.name === signatureName);
    if (index === -1) return 'no-signature';
    image.signatures.splice(index, 1);
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
