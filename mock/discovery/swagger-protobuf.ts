// Swagger 2.0 as gnostic's protobuf messages (openapi-v2.proto): what /openapi/v2 answers
// to `Accept: application/com.github.proto-openapi.spec.v2@v1.0+protobuf`. JSON objects
// become ordered (name, value) lists and `x-` extensions carry their value as YAML text.
import path from 'node:path';

import { dump } from 'js-yaml';
import { Root } from 'protobufjs';

import type { JsonSchema } from '../../spec/schemas';

/** What clients put in Accept to get the protobuf form. */
export const SWAGGER_PROTOBUF_MEDIA_TYPE =
  'application/com.github.proto-openapi.spec.v2@v1.0+protobuf';

/**
 * What kube-openapi's handler sends back as Content-Type: '@' is not allowed in a media
 * type token, and Go's mime.ParseMediaType (which client-go runs on every answer) refuses
 * the Accept spelling.
 */
export const SWAGGER_PROTOBUF_CONTENT_TYPE =
  'application/com.github.proto-openapi.spec.v2.v1.0+protobuf';

function loadDocumentType() {
  const root = new Root();
  root.loadSync(path.join(__dirname, 'openapi-v2.proto'), { keepCase: true });
  root.resolveAll();
  return root.lookupType('openapi.v2.Document');
}

const DOCUMENT = loadDocumentType();

type Message = Record<string, unknown>;

/** Encodes a Swagger 2.0 document built by swaggerDocument(). */
export function encodeSwagger(document: JsonSchema): Buffer {
  const info = document['info'] as JsonSchema;
  const message: Message = {
    swagger: document['swagger'],
    info: { title: info['title'], version: info['version'] },
    paths: { path: named(document['paths'], pathItem) },
    definitions: { additional_properties: named(document['definitions'], schema) },
  };
  const error = DOCUMENT.verify(message);
  if (error !== null) throw new TypeError(`openapi.v2.Document: ${error}`);
  return Buffer.from(DOCUMENT.encode(DOCUMENT.fromObject(message)).finish());
}

function named(record: unknown, convert: (value: JsonSchema) => Message): Message[] {
  return Object.entries((record ?? {}) as Record<string, JsonSchema>).map(([name, value]) => ({
    name,
    value: convert(value),
  }));
}

function pathItem(item: JsonSchema): Message {
  const result: Message = {};
  for (const method of ['post', 'delete']) {
    const op = item[method] as JsonSchema | undefined;
    if (op !== undefined) result[method] = operation(op);
  }
  result['parameters'] = parameters(item['parameters']);
  return result;
}

function operation(op: JsonSchema): Message {
  const responses = named(op['responses'], (response) => ({
    response: {
      description: response['description'],
      ...(response['schema'] !== undefined && {
        schema: { schema: schema(response['schema'] as JsonSchema) },
      }),
    },
  }));
  return {
    tags: op['tags'],
    description: op['description'],
    operation_id: op['operationId'],
    produces: op['produces'],
    consumes: op['consumes'],
    parameters: parameters(op['parameters']),
    responses: { response_code: responses },
    schemes: op['schemes'],
    vendor_extension: extensions(op),
  };
}

function parameters(list: unknown): Message[] {
  return ((list ?? []) as JsonSchema[]).map((param) => ({ parameter: parameter(param) }));
}

function parameter(param: JsonSchema): Message {
  if (param['in'] === 'body') {
    const { schema: body, ...rest } = param;
    return { body_parameter: { ...rest, schema: schema(body as JsonSchema) } };
  }
  const { uniqueItems, ...rest } = param;
  const sub = { ...rest, unique_items: uniqueItems };
  return param['in'] === 'path'
    ? { non_body_parameter: { path_parameter_sub_schema: sub } }
    : { non_body_parameter: { query_parameter_sub_schema: sub } };
}

function schema(value: JsonSchema): Message {
  const result: Message = {};
  if (typeof value['$ref'] === 'string') result['_ref'] = value['$ref'];
  if (value['format'] !== undefined) result['format'] = value['format'];
  if (value['description'] !== undefined) result['description'] = value['description'];
  if (value['required'] !== undefined) result['required'] = value['required'];
  const more = value['additionalProperties'];
  if (typeof more === 'object' && more !== null) {
    result['additional_properties'] = { schema: schema(more as JsonSchema) };
  }
  if (typeof value['type'] === 'string') result['type'] = { value: [value['type']] };
  if (value['items'] !== undefined)
    result['items'] = { schema: [schema(value['items'] as JsonSchema)] };
  if (value['properties'] !== undefined) {
    result['properties'] = { additional_properties: named(value['properties'], schema) };
  }
  result['vendor_extension'] = extensions(value);
  return result;
}

function extensions(value: JsonSchema): Message[] {
  return Object.entries(value)
    .filter(([key]) => key.startsWith('x-'))
    .map(([name, item]) => ({ name, value: { yaml: dump(item) } }));
}
