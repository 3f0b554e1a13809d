// The discovery documents a real server answers for this one resource: /version, the
// legacy /api and /oapi roots, /apis and the image.openshift.io group. Key order is the
// Go struct order of k8s.io/apimachinery/pkg/apis/meta/v1 (types.go), which is also what
// `kubectl get --raw` prints; only imagesignatures is listed, as the mock serves no other.

/** What `/version` answers: k8s.io/apimachinery/pkg/version.Info. */
export interface VersionInfo {
  major: string;
  minor: string;
  gitVersion: string;
  gitCommit: string;
  gitTreeState: string;
  buildDate: string;
  goVersion: string;
  compiler: string;
  platform: string;
}

/** The discovery facts that differ between releases; a part of the server profile. */
export interface DiscoveryFacts {
  /** The Kubernetes version under /version. */
  readonly kubernetes: VersionInfo;
  /** OpenShift's own version under /version/openshift (3.x only). */
  readonly openshift: VersionInfo | undefined;
  /** Whether the legacy /oapi/v1 API exists (3.x). */
  readonly legacyApi: boolean;
  /** APIResource.singularName: empty in 3.x, filled in 4.x. */
  readonly singularName: string;
  /** Which OpenAPI documents the server publishes. */
  readonly openapi: { readonly v2: boolean; readonly v3: boolean; readonly swagger: boolean };
}

export const IMAGE_GROUP = 'image.openshift.io';
export const IMAGE_GROUP_VERSION = `${IMAGE_GROUP}/v1`;

/** APIResource for imagesignatures (openshift-imagesignature.md §4). */
export function imageSignatureResource(facts: DiscoveryFacts): object {
  return {
    name: 'imagesignatures',
    singularName: facts.singularName,
    namespaced: false,
    kind: 'ImageSignature',
    verbs: ['create', 'delete'],
  };
}

/** `/api` and `/oapi`: APIVersions, with the address the client reached. */
export function apiVersions(serverAddress: string): object {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

/**
 * `/api/v1` and `/oapi/v1`: the legacy lists carry no apiVersion, unlike the group's.
 * The core v1 list is empty, as the mock serves no core resource.
 */
export function legacyResourceList(resources: object[]): object {
  return { kind: 'APIResourceList', groupVersion: 'v1', resources };
}

const GROUP_VERSION = { groupVersion: IMAGE_GROUP_VERSION, version: 'v1' };

function imageGroup(): object {
  return { name: IMAGE_GROUP, versions: [GROUP_VERSION], preferredVersion: GROUP_VERSION };
}

/** `/apis`: APIGroupList; serverAddressByClientCIDRs is omitempty on APIGroup. */
export function apiGroupList(): object {
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: [imageGroup()] };
}

/** `/apis/image.openshift.io`. */
export function apiGroup(): object {
  return { kind: 'APIGroup', apiVersion: 'v1', ...imageGroup() };
}

/** `/apis/image.openshift.io/v1`. */
export function groupResourceList(facts: DiscoveryFacts): object {
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: IMAGE_GROUP_VERSION,
    resources: [imageSignatureResource(facts)],
  };
}
