import path from 'node:path';

import { Root, type Type } from 'protobufjs';

// The suite's own reading of application/vnd.kubernetes.protobuf, straight from the .proto
// files with protobufjs: `k8s\0`, then a runtime.Unknown whose typeMeta names the kind and
// whose raw holds the object (openshift-imagesignature.md §5). It shares nothing with the
// mock's encoder but the .proto text, so a mistake in one shows up against the other.

const PROTO_FILE = path.join(__dirname, '..', 'mock', 'protobuf', 'imagesignature.proto');
export const PROTOBUF_MAGIC = Buffer.from('k8s\u0000', 'latin1');

interface Messages {
  unknown: Type;
  kinds: ReadonlyMap<string, Type>;
}

let loaded: Messages | undefined;

function messages(): Messages {
  if (loaded !== undefined) return loaded;
  const root = new Root();
  root.loadSync(PROTO_FILE, { keepCase: true });
  root.resolveAll();
  loaded = {
    unknown: root.lookupType('k8s.io.apimachinery.pkg.runtime.Unknown'),
    kinds: new Map([
      ['ImageSignature', root.lookupType('github.com.openshift.api.image.v1.ImageSignature')],
      ['Status', root.lookupType('k8s.io.apimachinery.pkg.apis.meta.v1.Status')],
    ]),
  };
  return loaded;
}

function kindType(kind: string): Type {
  const type = messages().kinds.get(kind);
  if (type === undefined) throw new Error(`the suite has no protobuf message for kind ${kind}`);
  return type;
}

type Json = Record<string, unknown>;

/**
 * A protobuf request body for a signature given in its JSON shape. The envelope's
 * typeMeta comes from the body's kind and apiVersion (empty when the body has none).
 */
export function encodeProtobuf(value: unknown): Buffer {
  const json = (value ?? {}) as Json;
  const kind = typeof json['kind'] === 'string' ? json['kind'] : '';
  const apiVersion = typeof json['apiVersion'] === 'string' ? json['apiVersion'] : '';
  const type = kindType(kind || 'ImageSignature');
  const raw = type.encode(type.fromObject(toProtoShape(json) as Json)).finish();
  return encodeEnvelope({ apiVersion, kind }, raw);
}

/** `k8s\0` and a runtime.Unknown around any raw bytes, for bodies broken on purpose. */
export function encodeEnvelope(
  typeMeta: { apiVersion: string; kind: string },
  raw: Uint8Array,
): Buffer {
  const { unknown } = messages();
  const envelope = unknown.encode(unknown.fromObject({ typeMeta, raw }));
  return Buffer.concat([PROTOBUF_MAGIC, envelope.finish()]);
}

/** The object a protobuf answer holds, in its JSON shape, with the envelope's kind. */
export function decodeProtobuf(bytes: Buffer): Json {
  if (!bytes.subarray(0, 4).equals(PROTOBUF_MAGIC)) {
    throw new Error(`no k8s\\0 prefix (starts with ${bytes.subarray(0, 4).toString('hex')})`);
  }
  const { unknown } = messages();
  const envelope = unknown.toObject(unknown.decode(bytes.subarray(4)), { defaults: false });
  const typeMeta = (envelope['typeMeta'] ?? {}) as { kind?: string; apiVersion?: string };
  const type = kindType(typeMeta.kind ?? '');
  const raw = (envelope['raw'] as Uint8Array | undefined) ?? new Uint8Array(0);
  const object = type.toObject(type.decode(raw), { bytes: String, longs: Number, defaults: false });
  return {
    kind: typeMeta.kind,
    apiVersion: typeMeta.apiVersion,
    ...(fromProtoShape(object) as Json),
  };
}

// JSON and protobuf differ in three ways here: times are {seconds, nanos}, the issuer and
// subject nest their organisation and common name, and kind/apiVersion live outside.
const TIME_FIELDS = new Set([
  'created',
  'creationTimestamp',
  'deletionTimestamp',
  'lastProbeTime',
  'lastTransitionTime',
]);

function toProtoShape(value: unknown, key = ''): unknown {
  if (TIME_FIELDS.has(key) && typeof value === 'string') return toTime(value);
  if (Array.isArray(value)) return value.map((item) => toProtoShape(item));
  if (value === null || typeof value !== 'object') return value;

  const json = value as Json;
  const out: Json = {};
  for (const [name, item] of Object.entries(json)) out[name] = toProtoShape(item, name);
  if (key === 'issuedBy' || key === 'issuedTo') {
    const { organization, commonName, ...rest } = out;
    return { ...rest, signatureGenericEntity: { organization, commonName } };
  }
  return out;
}

// gogo writes every non-pointer field, empty or not; Go's JSON leaves out the empty ones
// except these, which have no omitempty.
const ALWAYS_PRINTED = new Set(['type', 'content', 'publicKeyID', 'status']);

function fromProtoShape(value: unknown, key = ''): unknown {
  if (TIME_FIELDS.has(key) && isTime(value)) return fromTime(value);
  if (Array.isArray(value)) return value.map((item) => fromProtoShape(item));
  if (value === null || typeof value !== 'object') return value;

  const out: Json = {};
  for (const [name, item] of Object.entries(value as Json)) {
    if ((item === '' || item === 0) && !ALWAYS_PRINTED.has(name)) continue;
    out[name] = fromProtoShape(item, name);
  }
  const entity = out['signatureGenericEntity'] as Json | undefined;
  if (entity !== undefined) {
    delete out['signatureGenericEntity'];
    return { ...entity, ...out };
  }
  return out;
}

function toTime(text: string): { seconds: number; nanos: number } {
  const millis = Date.parse(text);
  if (Number.isNaN(millis)) throw new Error(`not an RFC 3339 time: ${text}`);
  return { seconds: Math.floor(millis / 1000), nanos: (millis % 1000) * 1e6 };
}

function isTime(value: unknown): value is { seconds?: number; nanos?: number } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// metav1.Time prints RFC 3339 in UTC at second precision; the zero time prints null.
function fromTime(time: { seconds?: number; nanos?: number }): string | null {
  if (!time.seconds && !time.nanos) return null;
  return new Date((time.seconds ?? 0) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
