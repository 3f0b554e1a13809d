// The mock's public API, for embedding it in other programs and tests.
export { createApp } from './create-app';
export { createHandler, type MockOptions } from './create-handler';
export { ANONYMOUS_USER, DEFAULT_DEV_TOKEN } from './authenticate';
export { MemorySignatureStore } from './memory-store';
export type {
  AddOptions,
  AddOutcome,
  DeleteOutcome,
  SignatureStore,
  StoredImage,
  StoredSignature,
} from './signature-store';
export { seedStore, type SeedOptions } from './seed-store';
export { createLogger, type Logger, type LogLevel } from './logger';
export {
  OPENSHIFT_3_7,
  OPENSHIFT_3_11,
  OPENSHIFT_4,
  PROFILES,
  PROFILE_VERSIONS,
  DEFAULT_PROFILE,
  type ProfileVersion,
  type ServerProfile,
} from './server-profile';
export { kubeconfig, type KubeconfigInput } from './kubeconfig';
export { serveCommand } from './serve-command';
