// The API's JSON shape to the plain objects protobufjs encodes. A field is
// set exactly when Go's generated marshaller writes it: plain strings and
// numbers always (so empty ones go out as zero-length fields, as gogo does),
// pointers, slices and maps only when non-nil or non-empty.
import {
  type JsonObject,
  readBytes,
  readObject,
  readObjects,
  readOptionalBool,
  readOptionalInt,
  readString,
  readStringMap,
  readStrings,
} from './json-fields';
import { timeToProto } from './proto-time';

type ProtoObject = Record<string, unknown>;

/** Copies the named string fields, '' when absent. */
function strings(json: JsonObject, path: string, keys: readonly string[]): ProtoObject {
  const out: ProtoObject = {};
  for (const key of keys) out[key] = readString(json, key, path);
  return out;
}

export function signatureToProto(json: JsonObject): ProtoObject {
  const path = 'ImageSignature';
  const out: ProtoObject = {
    metadata: objectMetaToProto(readObject(json, 'metadata', path) ?? {}, `${path}.metadata`),
    ...strings(json, path, ['type', 'imageIdentity']),
    conditions: readObjects(json, 'conditions', path).map((c, i) =>
      conditionToProto(c, `${path}.conditions[${i}]`),
    ),
    signedClaims: readStringMap(json, 'signedClaims', path),
  };

  const content = readBytes(json, 'content', path);
  if (content !== undefined) out.content = content;
  if (json.created != null) out.created = timeToProto(json.created, `${path}.created`);

  const issuedBy = readObject(json, 'issuedBy', path);
  if (issuedBy !== undefined) {
    out.issuedBy = { signatureGenericEntity: entityToProto(issuedBy, `${path}.issuedBy`) };
  }
  const issuedTo = readObject(json, 'issuedTo', path);
  if (issuedTo !== undefined) {
    out.issuedTo = {
      signatureGenericEntity: entityToProto(issuedTo, `${path}.issuedTo`),
      publicKeyID: readString(issuedTo, 'publicKeyID', `${path}.issuedTo`),
    };
  }
  return out;
}

// JSON inlines SignatureGenericEntity into the issuer and subject.
function entityToProto(json: JsonObject, path: string): ProtoObject {
  return strings(json, path, ['organization', 'commonName']);
}

function conditionToProto(json: JsonObject, path: string): ProtoObject {
  return {
    ...strings(json, path, ['type', 'status', 'reason', 'message']),
    lastProbeTime: timeToProto(json.lastProbeTime, `${path}.lastProbeTime`),
    lastTransitionTime: timeToProto(json.lastTransitionTime, `${path}.lastTransitionTime`),
  };
}

const OBJECT_META_STRINGS = [
  'name',
  'generateName',
  'namespace',
  'selfLink',
  'uid',
  'resourceVersion',
  'clusterName',
] as const;

function objectMetaToProto(json: JsonObject, path: string): ProtoObject {
  const out: ProtoObject = {
    ...strings(json, path, OBJECT_META_STRINGS),
    generation: readOptionalInt(json, 'generation', path) ?? 0,
    creationTimestamp: timeToProto(json.creationTimestamp, `${path}.creationTimestamp`),
    labels: readStringMap(json, 'labels', path),
    annotations: readStringMap(json, 'annotations', path),
    ownerReferences: readObjects(json, 'ownerReferences', path).map((o, i) =>
      ownerReferenceToProto(o, `${path}.ownerReferences[${i}]`),
    ),
    finalizers: readStrings(json, 'finalizers', path),
  };

  if (json.deletionTimestamp != null) {
    out.deletionTimestamp = timeToProto(json.deletionTimestamp, `${path}.deletionTimestamp`);
  }
  const grace = readOptionalInt(json, 'deletionGracePeriodSeconds', path);
  if (grace !== undefined) out.deletionGracePeriodSeconds = grace;
  const initializers = readObject(json, 'initializers', path);
  if (initializers !== undefined) {
    out.initializers = initializersToProto(initializers, `${path}.initializers`);
  }
  return out;
}

function ownerReferenceToProto(json: JsonObject, path: string): ProtoObject {
  const out = strings(json, path, ['apiVersion', 'kind', 'name', 'uid']);
  const controller = readOptionalBool(json, 'controller', path);
  if (controller !== undefined) out.controller = controller;
  const block = readOptionalBool(json, 'blockOwnerDeletion', path);
  if (block !== undefined) out.blockOwnerDeletion = block;
  return out;
}

function initializersToProto(json: JsonObject, path: string): ProtoObject {
  const out: ProtoObject = {
    pending: readObjects(json, 'pending', path).map((p, i) =>
      strings(p, `${path}.pending[${i}]`, ['name']),
    ),
  };
  const result = readObject(json, 'result', path);
  if (result !== undefined) out.result = statusToProto(result, `${path}.result`);
  return out;
}

/** A Status; its kind and apiVersion travel in the envelope, not here. */
export function statusToProto(json: JsonObject, path = 'Status'): ProtoObject {
  const metadata = readObject(json, 'metadata', path) ?? {};
  const out: ProtoObject = {
    metadata: strings(metadata, `${path}.metadata`, ['selfLink', 'resourceVersion', 'continue']),
    ...strings(json, path, ['status', 'message', 'reason']),
    code: readOptionalInt(json, 'code', path) ?? 0,
  };

  const details = readObject(json, 'details', path);
  if (details !== undefined) out.details = detailsToProto(details, `${path}.details`);
  return out;
}

function detailsToProto(json: JsonObject, path: string): ProtoObject {
  return {
    ...strings(json, path, ['name', 'group', 'kind', 'uid']),
    causes: readObjects(json, 'causes', path).map((c, i) =>
      strings(c, `${path}.causes[${i}]`, ['reason', 'message', 'field']),
    ),
    retryAfterSeconds: readOptionalInt(json, 'retryAfterSeconds', path) ?? 0,
  };
}
