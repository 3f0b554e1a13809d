// Which discovery document a GET names, for the release a profile copies. Objects are
// negotiated like any answer (JSON or YAML); the OpenAPI documents carry their own media
// types. A path this does not know is left to the resource routes.
import { createHash } from 'node:crypto';

import { buildDocument } from '../../spec/document';
import type { JsonSchema } from '../../spec/schemas';
import {
  apiGroup,
  apiGroupList,
  apiVersions,
  groupResourceList,
  imageSignatureResource,
  legacyResourceList,
  IMAGE_GROUP_VERSION,
  type DiscoveryFacts,
} from './discovery-documents';
import { swaggerDocument } from './swagger-document';
import { encodeSwagger } from './swagger-protobuf';

export type DiscoveryAnswer =
  /** A Kubernetes object, sent in the negotiated media type. */
  | { kind: 'object'; value: object }
  /** An OpenAPI document: JSON, or protobuf when the client asks for it. */
  | { kind: 'document'; json: object; protobuf?: () => Buffer }
  /** The pre-1.10 protobuf endpoint, which answered protobuf whatever was asked. */
  | { kind: 'protobuf'; body: () => Buffer };

export interface DiscoveryRequest {
  /** The decoded path, without the query. */
  path: string;
  /** The Host the client reached, for serverAddressByClientCIDRs. */
  host: string;
}

const V3_GROUP_PATH = `apis/${IMAGE_GROUP_VERSION}`;

/** The answer to GET `path`, or undefined when it is not a discovery path here. */
export function discoveryAnswer(
  request: DiscoveryRequest,
  facts: DiscoveryFacts,
): DiscoveryAnswer | undefined {
  const path = trimTrailingSlashes(request.path);
  const object = (value: object): DiscoveryAnswer => ({ kind: 'object', value });

  switch (path) {
    case '/version':
      return object(facts.kubernetes);
    case '/version/openshift':
      return facts.openshift === undefined ? undefined : object(facts.openshift);
    case '/api':
      return object(apiVersions(request.host));
    case '/api/v1':
      return object(legacyResourceList([]));
    case '/apis':
      return object(apiGroupList());
    case `/apis/image.openshift.io`:
      return object(apiGroup());
    case `/apis/${IMAGE_GROUP_VERSION}`:
      return object(groupResourceList(facts));
    case '/oapi':
      return facts.legacyApi ? object(apiVersions(request.host)) : undefined;
    case '/oapi/v1':
      return facts.legacyApi
        ? object(legacyResourceList([imageSignatureResource(facts)]))
        : undefined;
  }
  return openapiAnswer(path, facts);
}

/** Whether a path belongs to discovery on any release, so GET on it is never a resource. */
export function isDiscoveryPath(path: string): boolean {
  return DISCOVERY_PATHS.has(trimTrailingSlashes(path));
}

const DISCOVERY_PATHS = new Set([
  '/version',
  '/version/openshift',
  '/api',
  '/api/v1',
  '/apis',
  '/apis/image.openshift.io',
  `/apis/${IMAGE_GROUP_VERSION}`,
  '/oapi',
  '/oapi/v1',
  '/openapi/v2',
  '/openapi/v3',
  `/openapi/v3/${V3_GROUP_PATH}`,
  '/swagger.json',
  '/swagger-2.0.0.pb-v1',
]);

function openapiAnswer(path: string, facts: DiscoveryFacts): DiscoveryAnswer | undefined {
  const { openapi } = facts;
  if ((path === '/openapi/v2' && openapi.v2) || (path === '/swagger.json' && openapi.swagger)) {
    return swaggerAnswer(facts);
  }
  if (path === '/swagger-2.0.0.pb-v1' && openapi.swagger) {
    return { kind: 'protobuf', body: () => swaggerFor(facts).protobuf() };
  }
  if (!openapi.v3) return undefined;
  if (path === '/openapi/v3') return { kind: 'document', json: groupDocuments().root };
  if (path === `/openapi/v3/${V3_GROUP_PATH}`)
    return { kind: 'document', json: groupDocuments().document };
  return undefined;
}

function swaggerAnswer(facts: DiscoveryFacts): DiscoveryAnswer {
  const swagger = swaggerFor(facts);
  return { kind: 'document', json: swagger.json, protobuf: swagger.protobuf };
}

interface BuiltSwagger {
  json: JsonSchema;
  protobuf: () => Buffer;
}

// The documents depend only on the release, so each is built once, the protobuf form on
// its first request.
const swaggers = new WeakMap<DiscoveryFacts, BuiltSwagger>();

function swaggerFor(facts: DiscoveryFacts): BuiltSwagger {
  const known = swaggers.get(facts);
  if (known !== undefined) return known;

  const json = swaggerDocument(facts);
  let encoded: Buffer | undefined;
  const built = { json, protobuf: () => (encoded ??= encodeSwagger(json)) };
  swaggers.set(facts, built);
  return built;
}

let grouped: { document: JsonSchema; root: object } | undefined;

// The generated OpenAPI document cut to the grouped paths (4.x has no /oapi), and the v3
// root that addresses it by its hash so that clients can cache it; built on first use.
function groupDocuments(): { document: JsonSchema; root: object } {
  if (grouped !== undefined) return grouped;

  const full = buildDocument();
  const paths = Object.entries(full['paths'] as Record<string, unknown>);
  const own = paths.filter(([key]) => key.startsWith(`/${V3_GROUP_PATH}/`));
  const document = { ...full, paths: Object.fromEntries(own) };
  const hash = createHash('sha512').update(JSON.stringify(document)).digest('hex');
  const serverRelativeURL = `/openapi/v3/${V3_GROUP_PATH}?hash=${hash.toUpperCase()}`;
  grouped = { document, root: { paths: { [V3_GROUP_PATH]: { serverRelativeURL } } } };
  return grouped;
}

function trimTrailingSlashes(path: string): string {
  let end = path.length;
  while (end > 1 && path[end - 1] === '/') end--;
  return path.slice(0, end);
}
