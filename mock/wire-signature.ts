// The stored signature as an endpoint returns it. Keys are rebuilt in Go's struct order
// (TypeMeta, ObjectMeta, type, content) whatever order the client sent.
import type { CreatedResponse, ObjectMeta } from './api-types';
import { goQueryEscape } from './go-format';
import type { Endpoint } from './routes';
import type { StoredSignature } from './signature-store';

type OwnerReference = NonNullable<ObjectMeta['ownerReferences']>[number];

/** `selfLink` is false for releases after k8s 1.19, which no longer set it. */
export function wireSignature(
  stored: StoredSignature,
  endpoint: Endpoint,
  selfLink = true,
): CreatedResponse {
  const { metadata } = stored;
  const meta: ObjectMeta = { name: metadata.name };
  if (metadata.generateName) meta.generateName = metadata.generateName;
  if (selfLink) meta.selfLink = `${endpoint.collectionPath}/${goQueryEscape(metadata.name)}`;
  meta.uid = metadata.uid;
  if (metadata.resourceVersion) meta.resourceVersion = metadata.resourceVersion;
  if (metadata.generation) meta.generation = metadata.generation;
  meta.creationTimestamp = metadata.creationTimestamp;
  if (metadata.ownerReferences?.length) {
    meta.ownerReferences = metadata.ownerReferences.map(orderedOwner);
  }
  if (metadata.finalizers?.length) meta.finalizers = metadata.finalizers;

  return {
    kind: 'ImageSignature',
    apiVersion: endpoint.apiVersion,
    metadata: meta,
    type: stored.type,
    content: stored.content,
  };
}

function orderedOwner(owner: OwnerReference): OwnerReference {
  const ordered: OwnerReference = {
    apiVersion: owner.apiVersion ?? '',
    kind: owner.kind ?? '',
    name: owner.name ?? '',
    uid: owner.uid ?? '',
  };
  if (typeof owner.controller === 'boolean') ordered.controller = owner.controller;
  if (typeof owner.blockOwnerDeletion === 'boolean') {
    ordered.blockOwnerDeletion = owner.blockOwnerDeletion;
  }
  return ordered;
}
