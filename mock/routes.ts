// Which of the two registered operations a request names, and what the authorizer sees.
// Matching is by string prefix, as go-restful's routes are fixed paths plus one {name}.
import type { ApiVersion } from './api-types';
import type { Attributes } from './api-errors';

export interface Endpoint {
  /** The group/version the endpoint serves and answers with. */
  apiVersion: ApiVersion;
  /** The API group the authorizer sees: '' on the legacy /oapi path. */
  group: string;
  /** The collection path, also the base of selfLink. */
  collectionPath: string;
}

const ENDPOINTS: readonly Endpoint[] = [
  { apiVersion: 'v1', group: '', collectionPath: '/oapi/v1/imagesignatures' },
  {
    apiVersion: 'image.openshift.io/v1',
    group: 'image.openshift.io',
    collectionPath: '/apis/image.openshift.io/v1/imagesignatures',
  },
];

export const RESOURCE = 'imagesignatures';

export type Route =
  | { kind: 'create'; endpoint: Endpoint }
  | { kind: 'delete'; endpoint: Endpoint; name: string }
  | { kind: 'method-not-allowed' }
  | { kind: 'not-found' };

interface Target {
  endpoint: Endpoint;
  /** undefined on the collection path. */
  name: string | undefined;
}

/** The route of a decoded path; go-restful ignores leading and trailing slashes. */
export function matchRoute(method: string, path: string): Route {
  const target = resourceTarget(path);
  if (target === undefined) return { kind: 'not-found' };

  if (target.name === undefined) {
    return method === 'POST' ? { kind: 'create', endpoint: target.endpoint } : notAllowed;
  }
  if (method !== 'DELETE') return notAllowed;
  return { kind: 'delete', endpoint: target.endpoint, name: target.name };
}

const notAllowed: Route = { kind: 'method-not-allowed' };

/** Request attributes as k8s's RequestInfoFactory derives them, for the 403 message. */
export function requestAttributes(user: string, method: string, path: string): Attributes {
  const target = resourceTarget(path);
  if (target === undefined) return { user, verb: method.toLowerCase(), path };

  const { endpoint, name } = target;
  return {
    user,
    verb: resourceVerb(method, name),
    group: endpoint.group,
    resource: RESOURCE,
    name,
  };
}

function resourceVerb(method: string, name: string | undefined): string {
  switch (method) {
    case 'GET':
    case 'HEAD':
      return name === undefined ? 'list' : 'get';
    case 'DELETE':
      return name === undefined ? 'deletecollection' : 'delete';
    case 'POST':
      return 'create';
    case 'PUT':
      return 'update';
    default:
      return method.toLowerCase();
  }
}

function resourceTarget(path: string): Target | undefined {
  const trimmed = trimSlashes(path);
  for (const endpoint of ENDPOINTS) {
    if (!trimmed.startsWith(endpoint.collectionPath)) continue;

    const rest = trimmed.slice(endpoint.collectionPath.length);
    if (rest === '') return { endpoint, name: undefined };
    if (rest[0] !== '/' || rest.indexOf('/', 1) !== -1) return undefined;
    return { endpoint, name: rest.slice(1) };
  }
  return undefined;
}

function trimSlashes(path: string): string {
  let end = path.length;
  while (end > 1 && path[end - 1] === '/') end--;
  let start = 0;
  while (start < end - 1 && path[start + 1] === '/') start++;
  return path.slice(start, end);
}
