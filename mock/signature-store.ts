// The state behind the routes. Every call is asynchronous so that a shared store (for
// several mock replicas behind one address) can replace the in-memory one unchanged.
import type { ObjectMeta } from './api-types';

/** A signature as the server keeps it inside its image; selfLink and apiVersion are per endpoint. */
export interface StoredSignature {
  /** Server-set uid and creationTimestamp, plus the client metadata that survives create. */
  metadata: ObjectMeta & { name: string; uid: string; creationTimestamp: string };
  type: string;
  /** Canonical base64 of the content bytes. */
  content: string;
}

export interface StoredImage {
  name: string;
  dockerReference: string;
  signatures: readonly StoredSignature[];
}

/**
 * `added` stores the signature; `exists` means a signature of that name, or of the same
 * type and content bytes, is already on the image; `no-image` that the image is unknown;
 * `full` that the store holds its configured maximum and adds nothing more.
 */
export type AddOutcome = 'added' | 'exists' | 'no-image' | 'full';

export type DeleteOutcome = 'deleted' | 'no-signature' | 'no-image';

export interface AddOptions {
  /** Creates the image when it is unknown instead of answering `no-image`. */
  createImage?: boolean;
}

export interface SignatureStore {
  getImage(name: string): Promise<StoredImage | undefined>;
  listImages(): Promise<StoredImage[]>;
  /** Adds an image with no signatures; an existing image is left as it is. */
  addImage(name: string, dockerReference?: string): Promise<void>;
  /** Checks for duplicates and adds in one step, so two racing creates cannot both win. */
  addSignature(
    imageName: string,
    signature: StoredSignature,
    options?: AddOptions,
  ): Promise<AddOutcome>;
  deleteSignature(imageName: string, signatureName: string): Promise<DeleteOutcome>;
}
