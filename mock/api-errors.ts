// Named constructors for every error the mock answers, mirroring
// k8s.io/apimachinery/pkg/api/errors; all bodies go through `failure` in status.ts.
import { goQuote } from './go-format';
import type { ServerProfile } from './server-profile';
import { failure, unknownFailure, type StatusCause, type StatusReply } from './status';

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

/** The 406 body as sent: the Status, or in 3.7 the bare negotiation error. */
export function notAcceptableBody(profile: ServerProfile): object {
  const { status } = notAcceptable(profile);
  if (!profile.notAcceptableIsNegotiationError) return status;

  const { kind: _kind, apiVersion: _apiVersion, details: _details, ...negotiation } = status;
  return negotiation;
}

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

// What the API server answers when etcd is out of space: the store holds --max-signatures
// signatures or --max-store-mib of them.
export const storeFull = (): StatusReply =>
  unknownFailure('etcdserver: mvcc: database space exceeded');

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

/**
 * 422 for a `fieldValidation` value 4.x does not know: CreateOptions fail validation
 * before the body is decoded. The supported list is Go's sorted set, "" included.
 */
export function invalidFieldValidation(value: string): StatusReply {
  const supported = ['', 'Ignore', 'Strict', 'Warn'].map(goQuote).join(', ');
  const detail = `Unsupported value: ${goQuote(value)}: supported values: ${supported}`;
  return failure('Invalid', `CreateOptions.meta.k8s.io "" is invalid: fieldValidation: ${detail}`, {
    group: 'meta.k8s.io',
    kind: 'CreateOptions',
    causes: [{ reason: 'FieldValueNotSupported', message: detail, field: 'fieldValidation' }],
  });
}

/** What the authorizer saw: a resource request (group may be "" on /oapi) or a bare path. */
export type Attributes =
  | { user: string; verb: string; group: string; resource: string; name?: string | undefined }
  | { user: string; verb: string; path: string };

/** 403 as the authorization filter writes it (responsewriters.Forbidden). */
export function forbidden(profile: ServerProfile, attrs: Attributes): StatusReply {
  const denial = denialOf(profile, attrs);
  // OpenShift 3.x's message maker repeats the generic sentence as its reason.
  const reason = profile.denialWording === 'openshift-3' ? `: ${denial}` : '';
  if ('path' in attrs) return failure('Forbidden', `forbidden: ${denial}${reason}`, {});

  const qualified = attrs.group ? `${attrs.resource}.${attrs.group}` : attrs.resource;
  const subject = attrs.name ? `${qualified} ${goQuote(attrs.name)}` : qualified;
  return failure('Forbidden', `${subject} is forbidden: ${denial}${reason}`, {
    name: attrs.name,
    group: attrs.group,
    kind: attrs.resource,
  });
}

/** The plain-text 403 body of k8s 1.7 (3.7): the denial, then OpenShift's reason. */
export function forbiddenText(profile: ServerProfile, attrs: Attributes): string {
  const denial = denialOf(profile, attrs);
  return `${denial}: ${denial}`;
}

/** The plain-text 401 body of k8s 1.7 (3.7), as http.Error writes it. */
export const UNAUTHORIZED_TEXT = 'Unauthorized\n';

function denialOf(profile: ServerProfile, attrs: Attributes): string {
  const user = goQuote(attrs.user);
  if ('path' in attrs) return `User ${user} cannot ${attrs.verb} path ${goQuote(attrs.path)}`;

  if (profile.denialWording === 'rbac') {
    const where = `in API group ${goQuote(attrs.group)} at the cluster scope`;
    return `User ${user} cannot ${attrs.verb} resource ${goQuote(attrs.resource)} ${where}`;
  }
  const qualified = attrs.group ? `${attrs.resource}.${attrs.group}` : attrs.resource;
  return `User ${user} cannot ${attrs.verb} ${qualified} at the cluster scope`;
}
