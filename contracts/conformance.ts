import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { load } from 'js-yaml';

import type { Reply } from './contract-client';

// Checks answers against spec/openapi.yaml: the document, not this file, says which
// statuses an operation may answer and what each body looks like. The document is loaded
// and registered once per process; each response schema is compiled on first use.

const SPEC_FILE = join(__dirname, '..', 'spec', 'openapi.yaml');
const SPEC_ID = 'openapi';

interface ResponseObject {
  $ref?: string;
  content?: Record<string, { schema?: unknown }>;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { responses?: Record<string, ResponseObject> }>>;
  components: { responses?: Record<string, ResponseObject>; schemas?: Record<string, unknown> };
}

let loaded: { document: OpenApiDocument; ajv: Ajv2020 } | undefined;
const validators = new Map<string, ValidateFunction>();

function spec(): { document: OpenApiDocument; ajv: Ajv2020 } {
  if (loaded !== undefined) return loaded;

  const document = load(readFileSync(SPEC_FILE, 'utf8')) as OpenApiDocument;
  // strict off: the document wraps its schemas in OpenAPI keywords (paths, example, …).
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(document, SPEC_ID);
  loaded = { document, ajv };
  return loaded;
}

/**
 * Asserts that `reply` is an answer the document allows for `method operationPath`:
 * the status is listed, the media type is listed for it, and the body validates.
 * `operationPath` is the templated path, e.g. `/oapi/v1/imagesignatures/{name}`.
 */
export function expectConforms(operationPath: string, method: string, reply: Reply): void {
  const pointer = responsePointer(operationPath, method.toLowerCase(), reply);
  validateAt(`${pointer}/schema`, reply, `${method.toUpperCase()} ${operationPath}`);
}

/** Whether the document has an operation `method operationPath`. */
export function documents(operationPath: string, method: string): boolean {
  return spec().document.paths[operationPath]?.[method.toLowerCase()] !== undefined;
}

/** Asserts that `reply`'s body validates against `#/components/schemas/<name>`. */
export function expectSchema(name: string, reply: Reply): void {
  if (spec().document.components.schemas?.[name] === undefined) {
    throw new Error(`spec/openapi.yaml has no schema ${name}`);
  }
  validateAt(`#/components/schemas/${name}`, reply, `schema ${name}`);
}

// The JSON pointer of the media type entry of the documented response for `reply`.
function responsePointer(operationPath: string, method: string, reply: Reply): string {
  const { document } = spec();
  const operation = document.paths[operationPath]?.[method];
  if (operation?.responses === undefined) {
    throw new Error(`spec/openapi.yaml has no operation ${method.toUpperCase()} ${operationPath}`);
  }

  const status = String(reply.status);
  const listed = operation.responses[status];
  if (listed === undefined) {
    const documented = Object.keys(operation.responses).join(', ');
    throw new Error(
      `${reply.call} answered ${status}, which spec/openapi.yaml does not document for ` +
        `${method.toUpperCase()} ${operationPath} (documented: ${documented})`,
    );
  }

  let pointer = `#/paths/${escape(operationPath)}/${method}/responses/${status}`;
  let response = listed;
  if (response.$ref !== undefined) {
    pointer = response.$ref;
    response = resolveResponse(document, response.$ref);
  }
  return `${pointer}/content/${escape(mediaTypeOf(reply, response, pointer))}`;
}

// The document describes a protobuf body as opaque bytes; the suite decodes it to the
// JSON shape, which must then match the schema the JSON answer has.
const PROTOBUF = 'application/vnd.kubernetes.protobuf';

function mediaTypeOf(reply: Reply, response: ResponseObject, pointer: string): string {
  const documented = Object.keys(response.content ?? {});
  if (reply.mediaType !== undefined && documented.includes(reply.mediaType)) {
    return reply.mediaType === PROTOBUF ? 'application/json' : reply.mediaType;
  }
  throw new Error(
    `${reply.call} answered ${reply.status} as ${reply.mediaType ?? 'no Content-Type'}, ` +
      `but ${pointer} documents only ${documented.join(', ') || 'no body'}`,
  );
}

function resolveResponse(document: OpenApiDocument, ref: string): ResponseObject {
  const name = /^#\/components\/responses\/([^/]+)$/.exec(ref)?.[1];
  const response = name === undefined ? undefined : document.components.responses?.[name];
  if (response === undefined) throw new Error(`spec/openapi.yaml: cannot resolve ${ref}`);
  return response;
}

function validateAt(pointer: string, reply: Reply, against: string): void {
  if (reply.decodeError !== undefined) {
    throw new Error(
      `${reply.call} answered ${reply.status} with a body that is ${reply.decodeError}`,
    );
  }
  const validate = validatorAt(pointer);
  if (!validate(reply.body)) {
    throw new Error(
      `${reply.call} answered ${reply.status} with a body that does not match ${against}:\n` +
        `${describeErrors(validate.errors)}\nbody: ${reply.text.slice(0, 2000)}`,
    );
  }
}

function validatorAt(pointer: string): ValidateFunction {
  let validate = validators.get(pointer);
  if (validate === undefined) {
    const { ajv } = spec();
    validate = ajv.getSchema(`${SPEC_ID}${pointer}`);
    if (validate === undefined) throw new Error(`spec/openapi.yaml: no schema at ${pointer}`);
    validators.set(pointer, validate);
  }
  return validate;
}

function describeErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .map((error) => `  ${error.instancePath || '(body)'} ${error.message ?? error.keyword}`)
    .join('\n');
}

// JSON pointer escaping (RFC 6901), then URI escaping of the fragment for Ajv.
function escape(segment: string): string {
  return encodeURIComponent(segment.replace(/~/g, '~0').replace(/\//g, '~1'));
}

/** `expectConforms` bound to one operation of the document, for a describe block. */
export function conformsTo(operationPath: string, method: string): (reply: Reply) => void {
  return (reply) => expectConforms(operationPath, method, reply);
}
