// The mock's view of the generated API types (spec/types.d.ts, from spec/openapi.yaml).
import type { components, operations } from '../spec/types';
import type { Status } from './status';

type Schemas = components['schemas'];
type Json<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;

export type ImageSignature = Schemas['ImageSignature'];
export type ObjectMeta = Schemas['ObjectMeta'];
export type ApiStatus = Schemas['Status'];

export type CreatedResponse = Json<operations['createImageSignature']['responses'][201]>;
export type DeleteResponse = Json<operations['deleteImageSignature']['responses'][200]>;

/** The group/version of an endpoint, as `apiVersion` spells it. */
export type ApiVersion = NonNullable<ImageSignature['apiVersion']>;

// Compile-time checks that what the mock builds is what the spec documents.
type Assignable<From extends To, To> = From;
export type StatusFitsSpec = Assignable<Status, ApiStatus & DeleteResponse>;
