// What the request pipeline needs, resolved once from MockOptions when a handler is built.
import type { Logger } from './logger';
import type { ServerProfile } from './server-profile';
import type { SignatureStore } from './signature-store';
import type { User } from './authenticate';

export interface PipelineContext {
  store: SignatureStore;
  tokens: ReadonlyMap<string, User>;
  profile: ServerProfile;
  logger: Logger;
  anonymous401: boolean;
  createUnknownImages: boolean;
  bodyLimit: number;
  newUid: () => string;
  /** The current time as a creationTimestamp: RFC 3339, UTC, whole seconds. */
  now: () => string;
}
