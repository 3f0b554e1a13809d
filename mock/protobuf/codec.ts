// The Kubernetes protobuf media type (application/vnd.kubernetes.protobuf):
// "k8s\0", then a runtime.Unknown envelope naming the kind and holding the
// object's own protobuf bytes. See docs/openshift-imagesignature.md §5.
import path from 'node:path';

import { type IConversionOptions, Root, type Type } from 'protobufjs';

import { checkGoWire } from './go-wire-check';
import type { JsonObject } from './json-fields';
import { signatureFromProto, statusFromProto } from './from-proto';
import { ProtobufDecodeError, type TypeMeta } from './protobuf-decode-error';
import { signatureToProto, statusToProto } from './to-proto';

export { ProtobufDecodeError, type TypeMeta } from './protobuf-decode-error';

/** The 4 bytes every Kubernetes protobuf body starts with: `k8s\0`. */
export const PROTOBUF_PREFIX: Buffer = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

/** A decoded body: the envelope's kind and version, and the object as JSON. */
export interface DecodedObject {
  apiVersion: string;
  kind: string;
  object: Record<string, unknown>;
}

interface KindCodec {
  type: Type;
  toProto(json: JsonObject): Record<string, unknown>;
  fromProto(message: Record<string, unknown>): JsonObject;
}

function loadRoot(): Root {
  const root = new Root();
  root.loadSync(path.join(__dirname, 'imagesignature.proto'), { keepCase: true });
  root.resolveAll();
  return root;
}

const ROOT = loadRoot();
const UNKNOWN = ROOT.lookupType('k8s.io.apimachinery.pkg.runtime.Unknown');

const KINDS: ReadonlyMap<string, KindCodec> = new Map([
  [
    'ImageSignature',
    {
      type: ROOT.lookupType('github.com.openshift.api.image.v1.ImageSignature'),
      toProto: signatureToProto,
      fromProto: signatureFromProto,
    },
  ],
  [
    'Status',
    {
      type: ROOT.lookupType('k8s.io.apimachinery.pkg.apis.meta.v1.Status'),
      toProto: (json: JsonObject) => statusToProto(json),
      fromProto: statusFromProto,
    },
  ],
]);

// Only the fields on the wire, so presence survives (nil pointer vs empty).
const WIRE_FIELDS: IConversionOptions = { longs: Number, defaults: false };

function codecFor(kind: string): KindCodec {
  const codec = KINDS.get(kind);
  if (codec === undefined) throw new TypeError(`no protobuf message for kind ${kind}`);
  return codec;
}

/**
 * Encodes an ImageSignature or Status, given in the API's JSON shape, as a
 * protobuf body. `typeMeta` names it in the envelope; the object's own kind
 * and apiVersion are not read. Throws TypeError for a value of the wrong type.
 */
export function encodeObject(obj: object, typeMeta: TypeMeta): Buffer {
  const codec = codecFor(typeMeta.kind);
  const raw = codec.type.encode(codec.toProto(obj as JsonObject)).finish();
  const envelope = UNKNOWN.encode({
    typeMeta: { apiVersion: typeMeta.apiVersion, kind: typeMeta.kind },
    raw,
    // gogo writes these empty strings as zero-length fields, so do we.
    contentEncoding: '',
    contentType: '',
  }).finish();
  return Buffer.concat([PROTOBUF_PREFIX, envelope]);
}

/**
 * Decodes a protobuf body to the JSON the real server would print for it,
 * `kind` and `apiVersion` first. `defaults` fills an empty kind or version,
 * as the endpoint's does on the server. Throws ProtobufDecodeError with the
 * Go decoder's message.
 */
export function decodeObject(buf: Uint8Array, defaults?: TypeMeta): DecodedObject {
  const body = withoutPrefix(buf);
  const envelope = decodeChecked(UNKNOWN, body);
  const typeMeta = resolveTypeMeta(nestedTypeMeta(envelope), defaults);

  const codec = KINDS.get(typeMeta.kind);
  if (codec === undefined) {
    const message = `no kind ${JSON.stringify(typeMeta.kind)} is registered for version ${JSON.stringify(typeMeta.apiVersion)}`;
    throw new ProtobufDecodeError(message, typeMeta);
  }

  const raw = envelope.raw instanceof Uint8Array ? envelope.raw : new Uint8Array(0);
  let message: Record<string, unknown>;
  try {
    message = decodeChecked(codec.type, raw);
  } catch (error) {
    if (error instanceof ProtobufDecodeError)
      throw new ProtobufDecodeError(error.message, typeMeta);
    throw error;
  }
  const object = {
    kind: typeMeta.kind,
    apiVersion: typeMeta.apiVersion,
    ...codec.fromProto(message),
  };
  return { apiVersion: typeMeta.apiVersion, kind: typeMeta.kind, object };
}

// The checks of the Go protobuf serializer's Decode, in its order and words.
function withoutPrefix(buf: Uint8Array): Uint8Array {
  if (buf.length === 0) throw new ProtobufDecodeError('empty data');
  if (buf.length < PROTOBUF_PREFIX.length || !PROTOBUF_PREFIX.equals(buf.subarray(0, 4))) {
    throw new ProtobufDecodeError(
      'provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]',
    );
  }
  if (buf.length === PROTOBUF_PREFIX.length) throw new ProtobufDecodeError('empty body');
  return buf.subarray(PROTOBUF_PREFIX.length);
}

function decodeChecked(type: Type, bytes: Uint8Array): Record<string, unknown> {
  checkGoWire(type, bytes);
  try {
    return type.toObject(type.decode(bytes), WIRE_FIELDS);
  } catch (error) {
    // The Go-style walk passed, so this is protobufjs being stricter.
    throw new ProtobufDecodeError(error instanceof Error ? error.message : String(error));
  }
}

function nestedTypeMeta(envelope: Record<string, unknown>): TypeMeta {
  const meta = (envelope.typeMeta ?? {}) as Partial<TypeMeta>;
  return { apiVersion: meta.apiVersion ?? '', kind: meta.kind ?? '' };
}

interface GroupVersion {
  group: string;
  version: string;
}

// schema.ParseGroupVersion; an unparsable one counts as empty, as in Go.
function parseGroupVersion(apiVersion: string): GroupVersion {
  if (apiVersion === '' || apiVersion === '/') return { group: '', version: '' };
  const parts = apiVersion.split('/');
  if (parts.length === 1) return { group: '', version: apiVersion };
  if (parts.length === 2) return { group: parts[0]!, version: parts[1]! };
  return { group: '', version: '' };
}

function formatGroupVersion({ group, version }: GroupVersion): string {
  return group === '' ? version : `${group}/${version}`;
}

// copyKindDefaults, then the serializer's missing-kind and missing-version
// errors, which quote the envelope's TypeMeta with Go's %#v.
function resolveTypeMeta(sent: TypeMeta, defaults: TypeMeta | undefined): TypeMeta {
  let gv = parseGroupVersion(sent.apiVersion);
  let kind = sent.kind;
  if (defaults !== undefined) {
    const fallback = parseGroupVersion(defaults.apiVersion);
    if (kind === '') kind = defaults.kind;
    if (gv.version === '' && fallback.version !== '') gv = fallback;
  }

  const shown = `runtime.TypeMeta{APIVersion:${JSON.stringify(sent.apiVersion)}, Kind:${JSON.stringify(sent.kind)}}`;
  if (kind === '') throw new ProtobufDecodeError(`Object 'Kind' is missing in '${shown}'`);
  if (gv.version === '')
    throw new ProtobufDecodeError(`Object 'apiVersion' is missing in '${shown}'`);
  return { apiVersion: formatGroupVersion(gv), kind };
}
