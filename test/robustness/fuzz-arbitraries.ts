// fast-check generators for what a careless or hostile client sends: bodies valid and
// mutated, names with unicode, %-sequences and '@' anywhere, odd header values.
import { dump } from 'js-yaml';
import fc from 'fast-check';

const hex = (length: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: length, maxLength: length });

/** Visible ASCII and space: what an HTTP header value may carry. */
export const headerText = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)),
  maxLength: 80,
});

/** Media types as Accept or Content-Type carry them, well-formed or not. */
export const mediaHeader = fc.oneof(
  fc.constantFrom(
    'application/json',
    'application/yaml',
    'application/vnd.kubernetes.protobuf',
    'application/json; charset=utf-8',
    'application/yaml;q=0.5, application/json;q=0.9',
    'application/json;q=0',
    'text/plain',
    'text/html',
    '*/*',
    'application/*',
    '*/*;q=0.1, image/png',
    ';;;',
    ',',
    '',
  ),
  headerText,
);

/** Pieces names are made of, so that '@', '%' and '/' land in odd places. */
const namePiece = fc.oneof(
  fc.constantFrom('@', '%', '%40', '%3A', '%3a', '%2F', '%25', '%zz', '%E0%A4', '%00'),
  fc.constantFrom('/', '.', '..', ':', 'sha256:', ' ', '\u0000', '\t', '#', '?', '&'),
  fc.constantFrom('é', '😀', '\u202e', '\uffff', 'ｓｈａ２５６', '𝔞'),
  hex(64),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
);

/** Names for metadata.name and for the DELETE path: anything a client might type. */
export function signatureName(image: string): fc.Arbitrary<string> {
  return fc.oneof(
    fc.array(namePiece, { maxLength: 10 }).map((pieces) => pieces.join('')),
    fc
      .tuple(fc.array(namePiece, { maxLength: 4 }), hex(32))
      .map(([p, id]) => `${image}@${p.join('')}${id}`),
    fc
      .tuple(hex(32), fc.array(namePiece, { maxLength: 4 }))
      .map(([id, p]) => `${image}${p.join('')}@${id}`),
    hex(32).map((id) => `${image}@${id}`),
    fc.string({ unit: 'grapheme', maxLength: 200 }),
  );
}

/** A body the mock should store: unique name and content. */
export function validSignature(image: string): fc.Arbitrary<Record<string, unknown>> {
  return fc.record({
    kind: fc.constant('ImageSignature'),
    apiVersion: fc.constant('v1'),
    metadata: hex(32).map((id) => ({ name: `${image}@${id}` })),
    type: fc.constant('atomic'),
    content: fc
      .uint8Array({ minLength: 16, maxLength: 64 })
      .map((bytes) => Buffer.from(bytes).toString('base64')),
  });
}

const FIELD_PATHS: readonly string[][] = [
  ['kind'],
  ['apiVersion'],
  ['metadata'],
  ['metadata', 'name'],
  ['metadata', 'generateName'],
  ['metadata', 'labels'],
  ['metadata', 'annotations'],
  ['metadata', 'namespace'],
  ['metadata', 'uid'],
  ['metadata', 'creationTimestamp'],
  ['metadata', 'finalizers'],
  ['type'],
  ['content'],
  ['conditions'],
  ['imageIdentity'],
  ['signedClaims'],
  ['issuedBy'],
  ['issuedTo', 'publicKeyID'],
  ['created'],
  ['unknownField'],
];

const fieldValue = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 2 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.base64String({ maxLength: 40 }),
  fc.constantFrom(
    'ImageSignature',
    'Image',
    'Status',
    'v1',
    'image.openshift.io/v1',
    'v2',
    '===',
    'a',
    '',
  ),
);

/** A valid body with a few fields removed, replaced or added. */
export function mutatedSignature(image: string): fc.Arbitrary<unknown> {
  const mutation = fc.record({ path: fc.constantFrom(...FIELD_PATHS), value: fieldValue });
  return fc
    .tuple(validSignature(image), fc.array(mutation, { maxLength: 4 }))
    .map(([body, mutations]) => {
      const copy = structuredClone(body);
      for (const { path, value } of mutations) setPath(copy, path, value);
      return copy;
    });
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  if (rest.length === 0) {
    if (value === undefined) delete target[head];
    else target[head] = value;
    return;
  }
  const next = target[head];
  const child = typeof next === 'object' && next !== null && !Array.isArray(next) ? next : {};
  target[head] = child;
  setPath(child as Record<string, unknown>, rest, value);
}

/** Bytes on the wire: an object as JSON or YAML, or text and bytes of any kind. */
export function encodedBody(value: fc.Arbitrary<unknown>): fc.Arbitrary<Buffer> {
  return fc.oneof(
    value.map((body) => Buffer.from(JSON.stringify(body) ?? '')),
    value.map((body) => Buffer.from(dump(body, { skipInvalid: true }))),
    value.map((body) => Buffer.from((JSON.stringify(body) ?? '').slice(0, -3))),
    fc.string({ unit: 'grapheme', maxLength: 200 }).map((text) => Buffer.from(text)),
    fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
  );
}

/** How a name goes into the path: fully encoded, raw where HTTP allows, or mixed. */
export const pathEncoding = fc.constantFrom('component', 'raw', 'reserved-raw');

export function encodeName(name: string, encoding: string): string {
  if (encoding === 'component') return encodeURIComponent(name);
  const keep = encoding === 'raw' ? /[!-~]/ : /[A-Za-z0-9@:%]/;
  let path = '';
  for (const char of name) {
    path += keep.test(char) && char !== '#' && char !== '?' ? char : encodeURIComponent(char);
  }
  return path;
}
