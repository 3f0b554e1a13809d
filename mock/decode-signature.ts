// Turns a parsed request body into the signature the server would go on to validate, or the
// 400 message the real decoder gives. Order and wording follow k8s 1.11's create handler:
// find kind/version, default them from the URL, decode the fields, then compare versions.
import type { ApiVersion, ObjectMeta } from './api-types';
import { INTERPRET_PREFIX } from './codec';
import { fieldTypeProblem, jsonKind } from './field-types';
import { decodeGoBase64 } from './go-base64';
import { goQuote } from './go-format';
import { jsonNumberLiteral } from './json-number-literal';

/** What survives decoding and wiping: the fields validation and storage look at. */
export interface SignatureDraft {
  metadata: ObjectMeta;
  type: string;
  /** Canonical base64 of the content bytes; '' when absent or empty. */
  content: string;
}

export type DraftResult =
  /** `generatedName`: the name came from a lone generateName (3.x's GenerateName quirk). */
  { ok: true; draft: SignatureDraft; generatedName: boolean } | { ok: false; message: string };

const KIND = 'ImageSignature';

const KNOWN_VERSIONS: readonly string[] = ['v1', 'image.openshift.io/v1'];

// Interpret() unmarshals into this anonymous struct; Go prints its type in the error.
const FIND_KIND_TYPE =
  'struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }';

/**
 * `body` is the raw request (for the error summary), `value` what the codec parsed;
 * `fromText` says it came from JSON or YAML, where times are text Go parses and numbers
 * keep their literal, not from protobuf, where both are already typed.
 */
export function decodeSignature(
  value: unknown,
  body: Buffer,
  endpoint: ApiVersion,
  fromText = true,
): DraftResult {
  const found = findKind(value);
  if (typeof found === 'string') return unrecognized(`${INTERPRET_PREFIX}${found}`, body);

  const apiVersion = found.apiVersion || endpoint;
  const kind = found.kind || KIND;
  const cannot = (reason: string): DraftResult => ({
    ok: false,
    message: cannotHandleMessage(kind, apiVersion, reason),
  });

  if (kind !== KIND || !KNOWN_VERSIONS.includes(apiVersion)) {
    return cannot(`no kind ${goQuote(kind)} is registered for version ${goQuote(apiVersion)}`);
  }
  const object = (value ?? {}) as Record<string, unknown>;
  // A protobuf-decoded object is typed by construction; walking it again (1.5M empty
  // owner references fit in 3 MB) would only spend the event loop.
  const typeProblem = fromText
    ? fieldTypeProblem(object, {
        numberText: (path) => jsonNumberLiteral(body.toString('utf8'), path),
      })
    : undefined;
  if (typeProblem !== undefined) return cannot(typeProblem);

  const content = decodeContent(object['content']);
  if (typeof content === 'number') return cannot(`illegal base64 data at input byte ${content}`);

  if (apiVersion !== endpoint) {
    const message = `the API version in the data (${apiVersion}) does not match the expected API version (${endpoint})`;
    return { ok: false, message };
  }
  const type = typeof object['type'] === 'string' ? object['type'] : '';
  const metadata = wipedMetadata(object['metadata']);
  const generatedName =
    !(object['metadata'] as ObjectMeta | null | undefined)?.name && !!metadata.name;
  return { ok: true, draft: { metadata, type, content }, generatedName };
}

/** The 400 message for a body whose kind and version were read but not its fields. */
export function cannotHandleMessage(kind: string, apiVersion: string, reason: string): string {
  const version = apiVersion.slice(apiVersion.lastIndexOf('/') + 1);
  return `${kind} in version ${goQuote(version)} cannot be handled as a ${KIND}: ${reason}`;
}

/** The body's own kind and apiVersion, or Go's unmarshal error. */
function findKind(value: unknown): { kind: string; apiVersion: string } | string {
  if (value === null) return { kind: '', apiVersion: '' };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return `json: cannot unmarshal ${jsonKind(value)} into Go value of type ${FIND_KIND_TYPE}`;
  }
  const record = value as Record<string, unknown>;
  for (const field of ['apiVersion', 'kind']) {
    const item = record[field];
    if (item !== undefined && item !== null && typeof item !== 'string') {
      return `json: cannot unmarshal ${jsonKind(item)} into Go struct field .${field} of type string`;
    }
  }
  return { kind: asString(record['kind']), apiVersion: asString(record['apiVersion']) };
}

/** The 400 message for a body the decoder could not read at all. */
export function unrecognizedMessage(reason: string, body: Buffer): string {
  return `the object provided is unrecognized (must be of type ${KIND}): ${reason} (${summarize(body)})`;
}

function unrecognized(reason: string, body: Buffer): { ok: false; message: string } {
  return { ok: false, message: unrecognizedMessage(reason, body) };
}

/** apimachinery's summarizeData: the first 30 bytes, as text after '{', else as hex. */
function summarize(body: Buffer, limit = 30): string {
  if (body.length === 0) return '<empty>';
  const head = body.subarray(0, limit);
  const more = body.length > limit ? ' ...' : '';
  return (body[0] === 0x7b ? head.toString('utf8') : head.toString('hex')) + more;
}

/** The canonical base64 of the content, '' for null or empty, or Go's error offset. */
function decodeContent(content: unknown): string | number {
  if (typeof content !== 'string' || content === '') return '';
  const decoded = decodeGoBase64(content);
  return decoded.ok ? decoded.bytes.toString('base64') : decoded.offset;
}

// Client metadata that survives create. The server sets uid, creationTimestamp and
// selfLink itself; it clears deletion*, clusterName and namespace (the resource is
// cluster-scoped); initializers are not supported; unknown fields are dropped, as in 3.x.
const KEPT_METADATA: readonly string[] = [
  'name',
  'generateName',
  'resourceVersion',
  'generation',
  'labels',
  'annotations',
  'ownerReferences',
  'finalizers',
];

function wipedMetadata(metadata: unknown): ObjectMeta {
  const source = (metadata ?? {}) as Record<string, unknown>;
  const kept: Record<string, unknown> = {};
  for (const key of KEPT_METADATA) {
    const item = source[key];
    if (item !== null && item !== undefined) kept[key] = zeroForNull(key, item);
  }
  // The 3.x strategy's GenerateName returns its input, so the prefix becomes the name.
  if (!kept['name'] && typeof kept['generateName'] === 'string')
    kept['name'] = kept['generateName'];
  return kept as ObjectMeta;
}

// Go decodes a null list item or map value as its zero value: an empty owner, ''.
function zeroForNull(key: string, item: unknown): unknown {
  const zero = key === 'ownerReferences' ? {} : '';
  if (Array.isArray(item)) return item.map((element: unknown) => element ?? zero);
  if (typeof item !== 'object' || item === null) return item;
  return Object.fromEntries(Object.entries(item).map(([name, value]) => [name, value ?? zero]));
}

function asString(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
