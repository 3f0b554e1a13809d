// Decoded protobuf (protobufjs `toObject` without defaults, so only the
// fields on the wire are there) to the JSON shape the real server prints:
// Go's encoding/json over the decoded struct, field order and omitempty
// included.
import { type JsonObject, setOwn } from './json-fields';
import { type ProtoTime, timeFromProto } from './proto-time';

type ProtoObject = Record<string, unknown>;

function text(m: ProtoObject, key: string): string {
  const value = m[key];
  return typeof value === 'string' ? value : '';
}

function nested(m: ProtoObject, key: string): ProtoObject | undefined {
  const value = m[key];
  return typeof value === 'object' && value !== null ? (value as ProtoObject) : undefined;
}

function list<T>(m: ProtoObject, key: string): T[] {
  const value = m[key];
  return Array.isArray(value) ? (value as T[]) : [];
}

function time(m: ProtoObject, key: string): string | null {
  return timeFromProto(nested(m, key) as ProtoTime | undefined);
}

/** Copies the named strings that are non-empty (`json:",omitempty"`). */
function omitEmpty(out: JsonObject, m: ProtoObject, keys: readonly string[]): void {
  for (const key of keys) {
    const value = text(m, key);
    if (value !== '') out[key] = value;
  }
}

/** A non-empty map with its keys sorted, as encoding/json writes maps. */
function putMap(out: JsonObject, m: ProtoObject, key: string): void {
  const map = nested(m, key);
  if (map === undefined || Object.keys(map).length === 0) return;
  const sorted: Record<string, unknown> = {};
  for (const name of Object.keys(map).sort()) setOwn(sorted, name, map[name]);
  out[key] = sorted;
}

function putList(
  out: JsonObject,
  m: ProtoObject,
  key: string,
  each: (item: ProtoObject) => unknown,
): void {
  const items = list<ProtoObject>(m, key);
  if (items.length > 0) out[key] = items.map(each);
}

export function signatureFromProto(m: ProtoObject): JsonObject {
  const content = m.content as Uint8Array | undefined;
  const out: JsonObject = {
    metadata: objectMetaFromProto(nested(m, 'metadata') ?? {}),
    type: text(m, 'type'),
    content: content === undefined ? null : Buffer.from(content).toString('base64'),
  };
  putList(out, m, 'conditions', conditionFromProto);
  omitEmpty(out, m, ['imageIdentity']);
  putMap(out, m, 'signedClaims');
  if (m.created !== undefined) out.created = time(m, 'created');

  const issuedBy = nested(m, 'issuedBy');
  if (issuedBy !== undefined) out.issuedBy = entityFromProto(issuedBy);
  const issuedTo = nested(m, 'issuedTo');
  if (issuedTo !== undefined) {
    out.issuedTo = { ...entityFromProto(issuedTo), publicKeyID: text(issuedTo, 'publicKeyID') };
  }
  return out;
}

// JSON inlines the nested SignatureGenericEntity.
function entityFromProto(m: ProtoObject): JsonObject {
  const out: JsonObject = {};
  omitEmpty(out, nested(m, 'signatureGenericEntity') ?? {}, ['organization', 'commonName']);
  return out;
}

// Both times are plain metav1.Time structs, so a zero one prints as null.
function conditionFromProto(m: ProtoObject): JsonObject {
  const out: JsonObject = {
    type: text(m, 'type'),
    status: text(m, 'status'),
    lastProbeTime: time(m, 'lastProbeTime'),
    lastTransitionTime: time(m, 'lastTransitionTime'),
  };
  omitEmpty(out, m, ['reason', 'message']);
  return out;
}

function objectMetaFromProto(m: ProtoObject): JsonObject {
  const out: JsonObject = {};
  omitEmpty(out, m, ['name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion']);
  if (typeof m.generation === 'number' && m.generation !== 0) out.generation = m.generation;
  out.creationTimestamp = time(m, 'creationTimestamp');
  if (m.deletionTimestamp !== undefined) out.deletionTimestamp = time(m, 'deletionTimestamp');
  if (typeof m.deletionGracePeriodSeconds === 'number') {
    out.deletionGracePeriodSeconds = m.deletionGracePeriodSeconds;
  }
  putMap(out, m, 'labels');
  putMap(out, m, 'annotations');
  putList(out, m, 'ownerReferences', ownerReferenceFromProto);

  const initializers = nested(m, 'initializers');
  if (initializers !== undefined) out.initializers = initializersFromProto(initializers);
  putList(out, m, 'finalizers', (finalizer) => finalizer);
  omitEmpty(out, m, ['clusterName']);
  return out;
}

function ownerReferenceFromProto(m: ProtoObject): JsonObject {
  const out: JsonObject = {
    apiVersion: text(m, 'apiVersion'),
    kind: text(m, 'kind'),
    name: text(m, 'name'),
    uid: text(m, 'uid'),
  };
  if (typeof m.controller === 'boolean') out.controller = m.controller;
  if (typeof m.blockOwnerDeletion === 'boolean') out.blockOwnerDeletion = m.blockOwnerDeletion;
  return out;
}

// `pending` has no omitempty: an empty list decodes to a nil slice, `null`.
function initializersFromProto(m: ProtoObject): JsonObject {
  const pending = list<ProtoObject>(m, 'pending');
  const out: JsonObject = {
    pending: pending.length === 0 ? null : pending.map((p) => ({ name: text(p, 'name') })),
  };
  const result = nested(m, 'result');
  if (result !== undefined) out.result = statusFromProto(result);
  return out;
}

/** A Status without kind and apiVersion, which the envelope carries. */
export function statusFromProto(m: ProtoObject): JsonObject {
  const metadata: JsonObject = {};
  omitEmpty(metadata, nested(m, 'metadata') ?? {}, ['selfLink', 'resourceVersion', 'continue']);
  const out: JsonObject = { metadata };
  omitEmpty(out, m, ['status', 'message', 'reason']);

  const details = nested(m, 'details');
  if (details !== undefined) out.details = detailsFromProto(details);
  if (typeof m.code === 'number' && m.code !== 0) out.code = m.code;
  return out;
}

function detailsFromProto(m: ProtoObject): JsonObject {
  const out: JsonObject = {};
  omitEmpty(out, m, ['name', 'group', 'kind', 'uid']);
  putList(out, m, 'causes', (cause) => {
    const json: JsonObject = {};
    omitEmpty(json, cause, ['reason', 'message', 'field']);
    return json;
  });
  if (typeof m.retryAfterSeconds === 'number' && m.retryAfterSeconds !== 0) {
    out.retryAfterSeconds = m.retryAfterSeconds;
  }
  return out;
}
