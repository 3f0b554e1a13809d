// Named constructors for every error the mock answers, mirroring
// k8s.io/apimachinery/pkg/api/errors; all bodies go through `failure` in status.ts.
import { goQuote } from './go-format';
import type { ServerProfile } from './server-profile';
import { failure, type StatusCause, type StatusReply } from './status';

const IMAGE_GROUP = 'image.openshift.io';

// rest.go names the resource in camel case, on both the legacy and the group path.
const SIGNATURES = 'imageSignatures';
const IMAGES = 'images';

export const unauthorized = (): StatusReply => failure('Unauthorized', 'Unauthorized');

export const routeNotFound = (): StatusReply =>
  failure('NotFound', 'the server could not find the requested resource', {});

export const methodNotAllowed = (): StatusReply =>
  failure(
    'MethodNotAllowed',
    'the server does not allow this method on the requested resource',
    {},
  );

export const notAcceptable = (profile: ServerProfile): StatusReply =>
  failure('NotAcceptable', profile.notAcceptableMessage, {});

export const unsupportedMediaType = (profile: ServerProfile): StatusReply =>
  failure('UnsupportedMediaType', profile.unsupportedMediaTypeMessage);

export const entityTooLarge = (limit: number): StatusReply =>
  failure('RequestEntityTooLarge', `Request entity too large: limit is ${limit}`);

export const badRequest = (message: string): StatusReply => failure('BadRequest', message);

export const badSignatureName = (): StatusReply =>
  badRequest('ImageSignatures must be accessed with <imageName>@<signatureName>');

export const signatureExists = (name: string): StatusReply =>
  failure('AlreadyExists', `${SIGNATURES}.${IMAGE_GROUP} ${goQuote(name)} already exists`, {
    name,
    group: IMAGE_GROUP,
    kind: SIGNATURES,
  });

export const signatureNotFound = (name: string): StatusReply => notFound(SIGNATURES, name);

export const imageNotFound = (imageName: string): StatusReply => notFound(IMAGES, imageName);

function notFound(resource: string, name: string): StatusReply {
  return failure('NotFound', `${resource}.${IMAGE_GROUP} ${goQuote(name)} not found`, {
    name,
    group: IMAGE_GROUP,
    kind: resource,
  });
}

export const internalError = (message: string): StatusReply =>
  failure('InternalError', `Internal error occurred: ${message}`);

/** 422 listing every cause; the brackets go when there is exactly one message. */
export function invalid(profile: ServerProfile, name: string, causes: StatusCause[]): StatusReply {
  let messages = causes.map((cause) => `${cause.field}: ${cause.message}`);
  if (profile.dedupeInvalidMessages) messages = [...new Set(messages)];

  const aggregate = messages.length === 1 ? messages[0] : `[${messages.join(', ')}]`;
  const message = `${profile.invalidQualifiedKind} ${goQuote(name)} is invalid: ${aggregate}`;
  return failure('Invalid', message, {
    name,
    group: profile.invalidHasGroup ? IMAGE_GROUP : undefined,
    kind: 'ImageSignature',
    causes,
  });
}

/** What the authorizer saw: a resource request (group may be "" on /oapi) or a bare path. */
export type Attributes =
  | { user: string; verb: string; group: string; resource: string; name?: string | undefined }
  | { user: string; verb: string; path: string };

/** 403 as the 3.x authorization filter writes it (responsewriters.Forbidden). */
export function forbidden(profile: ServerProfile, attrs: Attributes): StatusReply {
  if ('path' in attrs) {
    const denial = `User ${goQuote(attrs.user)} cannot ${attrs.verb} path ${goQuote(attrs.path)}`;
    return failure('Forbidden', `forbidden: ${denial}: ${profile.forbiddenReason(denial)}`, {});
  }

  const qualified = attrs.group ? `${attrs.resource}.${attrs.group}` : attrs.resource;
  const denial = `User ${goQuote(attrs.user)} cannot ${attrs.verb} ${qualified} at the cluster scope`;
  const subject = attrs.name ? `${qualified} ${goQuote(attrs.name)}` : qualified;
  return failure(
    'Forbidden',
    `${subject} is forbidden: ${denial}: ${profile.forbiddenReason(denial)}`,
    {
      name: attrs.name,
      group: attrs.group,
      kind: attrs.resource,
    },
  );
}
