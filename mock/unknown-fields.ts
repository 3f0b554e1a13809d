// Server-side field validation as Kubernetes 1.25+ (OpenShift 4.x) does it for JSON and
// YAML bodies: every field the Go struct does not have is named by its path, the way
// the strict decoder words it (`unknown field "metadata.foo"`, `conditions[0].x`).
// `fieldValidation` decides what happens: Warn (the default) answers with Warning
// headers, bounded as the apiserver bounds them; Strict refuses the body with a 400;
// Ignore says nothing.
import { schemas, type JsonSchema } from '../spec/schemas';
import { goQuote } from './go-format';

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
  // sigs.k8s.io/json words it with %q.
  return found.map((path) => `unknown field ${goQuote(path)}`);
}

/** The directive of a `fieldValidation` query value; undefined for one the server refuses. */
export function fieldValidationOf(value: string | null): FieldValidation | undefined {
  if (value === null || value === '') return 'Warn';
  return (FIELD_VALIDATION_VALUES as readonly string[]).includes(value)
    ? (value as FieldValidation)
    : undefined;
}

// The apiserver's warning recorder (k8s.io/apiserver/pkg/endpoints/filters/warning.go):
// once the texts pass 4096 runes in all it starts over, cutting each text to 256 runes,
// and adds nothing more after that replay.
const TOTAL_RUNES = 4 * 1024;
const ITEM_RUNES = 256;

// unicode.IsControl: C0, DEL and C1. net.NewWarningHeader refuses such a text.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** The Warning header values the apiserver's recorder writes for these texts. */
export function warningHeaders(texts: readonly string[]): string[] {
  const seen = new Set<string>();
  const ordered: string[] = [];
  let headers: string[] = [];
  let written = 0;
  let truncating = false;
  for (const text of texts) {
    if (text === '' || seen.has(text)) continue;
    if (truncating && written >= TOTAL_RUNES) break;
    seen.add(text);
    ordered.push(text);

    const runes = [...text];
    const kept = truncating ? runes.slice(0, ITEM_RUNES) : runes;
    if (truncating || written + kept.length <= TOTAL_RUNES) {
      written += addHeader(headers, kept);
      continue;
    }
    truncating = true;
    headers = [];
    written = 0;
    for (const earlier of ordered) written += addHeader(headers, [...earlier].slice(0, ITEM_RUNES));
  }
  return headers;
}

/** Adds one `299 - "text"` value unless Go would refuse the text; returns the runes written. */
function addHeader(headers: string[], runes: readonly string[]): number {
  const text = runes.join('');
  if (CONTROL.test(text)) return 0;
  const value = `299 - "${text.replace(/["\\]/g, '\\$&')}"`;
  // Go writes the UTF-8 bytes as they are; node takes a header value as Latin-1 bytes.
  headers.push(Buffer.from(value, 'utf8').toString('latin1'));
  return runes.length;
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
