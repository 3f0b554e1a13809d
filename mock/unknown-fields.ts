// Server-side field validation as Kubernetes 1.25+ (OpenShift 4.x) does it for JSON and
// YAML bodies: every field the Go struct does not have is named by its path, the way
// the strict decoder words it (`unknown field "metadata.foo"`, `conditions[0].x`).
// `fieldValidation` decides what happens: Warn (the default) answers with one Warning
// header per field, Strict refuses the body with a 400, Ignore says nothing.
import { schemas, type JsonSchema } from '../spec/schemas';

export const FIELD_VALIDATION_VALUES = ['Ignore', 'Warn', 'Strict'] as const;
export type FieldValidation = (typeof FIELD_VALIDATION_VALUES)[number];

// ObjectMeta of k8s 1.34: initializers (1.14) and clusterName (1.25) are gone,
// managedFields (1.14) has come. The spec's ObjectMeta is the 1.7–1.11 one.
const REMOVED_META = new Set(['initializers', 'clusterName']);
const ADDED_META = new Set(['managedFields']);

/** The `unknown field "<path>"` texts for a decoded ImageSignature body, in body order. */
export function unknownFields(body: unknown): string[] {
  const found: string[] = [];
  walk(body, schemaNamed('ImageSignature'), '', found);
  return found.map((path) => `unknown field ${JSON.stringify(path)}`);
}

/** The directive of a `fieldValidation` query value; undefined for one the server refuses. */
export function fieldValidationOf(value: string | null): FieldValidation | undefined {
  if (value === null || value === '') return 'Warn';
  return (FIELD_VALIDATION_VALUES as readonly string[]).includes(value)
    ? (value as FieldValidation)
    : undefined;
}

/** One Warning header value per text, as the apiserver's warning recorder writes them. */
export function warningHeaders(texts: readonly string[]): string[] {
  return texts.map((text) => `299 - ${JSON.stringify(text)}`);
}

function schemaNamed(name: string): JsonSchema {
  const schema = schemas[name];
  if (schema === undefined) throw new TypeError(`spec/schemas.ts has no ${name}`);
  return schema;
}

function resolve(schema: JsonSchema): JsonSchema {
  const ref = schema['$ref'];
  return typeof ref === 'string' ? schemaNamed(ref.slice(ref.lastIndexOf('/') + 1)) : schema;
}

function walk(value: unknown, schema: JsonSchema, path: string, found: string[]): void {
  const resolved = resolve(schema);
  if (Array.isArray(value)) {
    const items = resolved['items'] as JsonSchema | undefined;
    if (items !== undefined) value.forEach((item, i) => walk(item, items, `${path}[${i}]`, found));
    return;
  }
  const properties = resolved['properties'] as Record<string, JsonSchema> | undefined;
  if (value === null || typeof value !== 'object' || properties === undefined) return;

  const isMeta = resolved === schemas['ObjectMeta'];
  for (const [key, item] of Object.entries(value)) {
    const field = path === '' ? key : `${path}.${key}`;
    const known = isMeta ? knownMetaField(key, properties) : Object.hasOwn(properties, key);
    if (!known) found.push(field);
    else if (properties[key] !== undefined) walk(item, properties[key], field, found);
  }
}

function knownMetaField(key: string, properties: Record<string, JsonSchema>): boolean {
  if (ADDED_META.has(key)) return true;
  return Object.hasOwn(properties, key) && !REMOVED_META.has(key);
}
