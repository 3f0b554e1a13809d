// The Swagger 2.0 document a real server publishes at /openapi/v2, cut down to this one
// resource. Clients read it for their own schema checks: kubectl looks each definition up
// by its `x-kubernetes-group-version-kind` and rejects unknown and missing fields before
// it sends anything. The definitions are spec/schemas.ts, renamed to the Go package
// paths the real document uses and turned back into Swagger 2.0 (no null types).
import { schemas, type JsonSchema } from '../../spec/schemas';
import { IMAGE_GROUP, type DiscoveryFacts } from './discovery-documents';

const IMAGE_PACKAGE = 'com.github.openshift.api.image.v1';
const META_PACKAGE = 'io.k8s.apimachinery.pkg.apis.meta.v1';
const IMAGE_TYPES = new Set([
  'ImageSignature',
  'SignatureCondition',
  'SignatureIssuer',
  'SignatureSubject',
]);

const GVK = 'x-kubernetes-group-version-kind';

interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

/** The full definition name of one of spec/schemas.ts's schemas. */
export function definitionName(schema: string): string {
  return `${IMAGE_TYPES.has(schema) ? IMAGE_PACKAGE : META_PACKAGE}.${schema}`;
}

const SIGNATURE = definitionName('ImageSignature');

/** The Swagger 2.0 document for this profile, as a JSON object. */
export function swaggerDocument(facts: DiscoveryFacts): JsonSchema {
  return {
    swagger: '2.0',
    info: { title: 'OpenShift API (with Kubernetes)', version: facts.kubernetes.gitVersion },
    paths: swaggerPaths(facts),
    definitions: definitions(facts),
  };
}

function definitions(facts: DiscoveryFacts): JsonSchema {
  const result: JsonSchema = {};
  for (const [name, schema] of Object.entries(schemas)) {
    const converted = toSwaggerSchema(schema) as JsonSchema;
    const kinds = definitionKinds(name, facts);
    if (kinds.length > 0) converted[GVK] = kinds;
    result[definitionName(name)] = converted;
  }
  return result;
}

// The kinds a client may look a definition up by: the legacy group "" exists in 3.x only.
function definitionKinds(name: string, facts: DiscoveryFacts): GroupVersionKind[] {
  if (name === 'ImageSignature') return groupKinds(name, facts);
  if (name === 'Status') return [{ group: '', version: 'v1', kind: name }];
  if (name === 'DeleteOptions') {
    return [{ group: '', version: 'v1', kind: name }, ...groupKinds(name, facts).slice(-1)];
  }
  return [];
}

function groupKinds(kind: string, facts: DiscoveryFacts): GroupVersionKind[] {
  const grouped = { group: IMAGE_GROUP, version: 'v1', kind };
  return facts.legacyApi ? [{ group: '', version: 'v1', kind }, grouped] : [grouped];
}

// OpenAPI 3.1 → Swagger 2.0 for the keywords spec/schemas.ts uses.
function toSwaggerSchema(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toSwaggerSchema);
  if (value === null || typeof value !== 'object') return value;

  const result: JsonSchema = {};
  for (const [key, item] of Object.entries(value)) {
    if (key === 'contentEncoding' || key === 'enum') continue;
    if (key === 'additionalProperties' && typeof item === 'boolean') continue;
    if (key === '$ref' && typeof item === 'string') {
      result[key] = `#/definitions/${definitionName(item.slice(item.lastIndexOf('/') + 1))}`;
    } else if (key === 'type' && Array.isArray(item)) {
      result[key] = item.find((type) => type !== 'null');
    } else if (key === 'properties') {
      result[key] = mapValues(item as JsonSchema, toSwaggerSchema);
    } else {
      result[key] = toSwaggerSchema(item);
    }
  }
  return result;
}

function mapValues(record: JsonSchema, map: (value: unknown) => unknown): JsonSchema {
  return Object.fromEntries(Object.entries(record).map(([key, item]) => [key, map(item)]));
}

const MEDIA = ['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf'];
const definitionRef = (name: string): JsonSchema => ({ $ref: `#/definitions/${name}` });

const PRETTY = {
  uniqueItems: true,
  type: 'string',
  description: "If 'true', then the output is pretty printed.",
  name: 'pretty',
  in: 'query',
};

function swaggerPaths(facts: DiscoveryFacts): JsonSchema {
  const prefixes = [`/apis/${IMAGE_GROUP}/v1`];
  if (facts.legacyApi) prefixes.unshift('/oapi/v1');

  const paths: JsonSchema = {};
  for (const prefix of prefixes) {
    const group = prefix === '/oapi/v1' ? '' : IMAGE_GROUP;
    const suffix = prefix === '/oapi/v1' ? '' : 'ImageOpenshiftIoV1';
    paths[`${prefix}/imagesignatures`] = {
      post: operation(`create${suffix}ImageSignature`, group, 'post', [
        { name: 'body', in: 'body', required: true, schema: definitionRef(SIGNATURE) },
      ]),
      parameters: [PRETTY],
    };
    paths[`${prefix}/imagesignatures/{name}`] = {
      delete: operation(`delete${suffix}ImageSignature`, group, 'delete', [
        { name: 'body', in: 'body', schema: definitionRef(definitionName('DeleteOptions')) },
      ]),
      parameters: [
        {
          uniqueItems: true,
          type: 'string',
          description: 'name of the ImageSignature',
          name: 'name',
          in: 'path',
          required: true,
        },
        PRETTY,
      ],
    };
  }
  return paths;
}

function operation(id: string, group: string, action: string, parameters: object[]): JsonSchema {
  const created = action === 'post';
  const body = definitionRef(created ? SIGNATURE : definitionName('Status'));
  const ok = { description: 'OK', schema: body };
  return {
    description: created ? 'create an ImageSignature' : 'delete an ImageSignature',
    consumes: ['*/*'],
    produces: MEDIA,
    schemes: ['https'],
    tags: [group === '' ? 'oapi' : 'imageOpenshiftIo_v1'],
    operationId: id,
    parameters,
    responses: created
      ? { '200': ok, '201': { description: 'Created', schema: body }, '401': UNAUTHORIZED }
      : { '200': ok, '401': UNAUTHORIZED },
    'x-kubernetes-action': action,
    [GVK]: { group, kind: 'ImageSignature', version: 'v1' },
  };
}

const UNAUTHORIZED = { description: 'Unauthorized' };
