// Every string and switch that differs between OpenShift releases lives here, as data:
// one profile per release line. Source: /work/shared/docs/openshift-imagesignature.md
// (§2.3 for the error bodies, §3 for selfLink, §2 for unknown fields) and, for
// discovery, discovery/release-facts.ts.
import type { DiscoveryFacts } from './discovery/discovery-documents';
import { DISCOVERY_3_11, DISCOVERY_3_7, DISCOVERY_4 } from './discovery/release-facts';

export const PROFILE_VERSIONS = ['3.7', '3.11', '4'] as const;
export type ProfileVersion = (typeof PROFILE_VERSIONS)[number];

/** How the authorizer words a denial. */
export type DenialWording =
  /** OpenShift 3.x: `cannot create imagesignatures.image.openshift.io`, plus a reason. */
  | 'openshift-3'
  /** Kubernetes RBAC (4.x): `cannot create resource "imagesignatures" in API group "…"`. */
  | 'rbac';

export interface ServerProfile {
  /** The OpenShift release whose wire behaviour this profile copies. */
  readonly version: ProfileVersion;
  /** Qualified kind in the 422 message, e.g. `ImageSignature.image.openshift.io`. */
  readonly invalidQualifiedKind: string;
  /** Whether the 422 `details` carry `group` (absent in 3.7). */
  readonly invalidHasGroup: boolean;
  /** Whether the 422 aggregate message drops repeated cause messages (4.x does). */
  readonly dedupeInvalidMessages: boolean;
  readonly notAcceptableMessage: string;
  /**
   * 3.7 writes the negotiation error in place of the Status: no kind, apiVersion or
   * details. Later releases keep the Status.
   */
  readonly notAcceptableIsNegotiationError: boolean;
  readonly unsupportedMediaTypeMessage: string;
  /** 3.7 (k8s 1.7) writes 401 and 403 as plain text, not as a Status. */
  readonly authErrorsAsText: boolean;
  readonly denialWording: DenialWording;
  /** Whether stored objects carry metadata.selfLink (gone in k8s 1.20). */
  readonly selfLink: boolean;
  /**
   * 4.x: unknown fields in JSON and YAML bodies draw a Warning header, or a 400 with
   * `fieldValidation=Strict`; 3.x drops them silently.
   */
  readonly fieldValidation: boolean;
  /** 3.x turns a lone generateName into the name; 4.x answers 500 instead. */
  readonly generateNameBecomesName: boolean;
  readonly discovery: DiscoveryFacts;
}

const MEDIA_TYPES = 'application/json, application/yaml, application/vnd.kubernetes.protobuf';
// k8s 1.7 printed the streaming serializers' list by mistake; fixed by 1.11.
const STREAMING_MEDIA_TYPES =
  'application/json;stream=watch, application/vnd.kubernetes.protobuf;stream=watch';
const UNKNOWN_FORMAT =
  'the body of the request was in an unknown format - accepted media types include: ';

export const OPENSHIFT_3_11: ServerProfile = {
  version: '3.11',
  invalidQualifiedKind: 'ImageSignature.image.openshift.io',
  invalidHasGroup: true,
  dedupeInvalidMessages: false,
  notAcceptableMessage: `406: Not Acceptable\n\nAvailable representations: ${MEDIA_TYPES}`,
  notAcceptableIsNegotiationError: false,
  unsupportedMediaTypeMessage: UNKNOWN_FORMAT + MEDIA_TYPES,
  authErrorsAsText: false,
  denialWording: 'openshift-3',
  selfLink: true,
  fieldValidation: false,
  generateNameBecomesName: true,
  discovery: DISCOVERY_3_11,
};

export const OPENSHIFT_3_7: ServerProfile = {
  ...OPENSHIFT_3_11,
  version: '3.7',
  // The legacy group "" was installed first, so the kind is not qualified.
  invalidQualifiedKind: 'ImageSignature',
  invalidHasGroup: false,
  notAcceptableMessage: `only the following media types are accepted: ${MEDIA_TYPES}`,
  notAcceptableIsNegotiationError: true,
  unsupportedMediaTypeMessage: UNKNOWN_FORMAT + STREAMING_MEDIA_TYPES,
  authErrorsAsText: true,
  discovery: DISCOVERY_3_7,
};

export const OPENSHIFT_4: ServerProfile = {
  ...OPENSHIFT_3_11,
  version: '4',
  dedupeInvalidMessages: true,
  denialWording: 'rbac',
  selfLink: false,
  fieldValidation: true,
  generateNameBecomesName: false,
  discovery: DISCOVERY_4,
};

export const PROFILES: Readonly<Record<ProfileVersion, ServerProfile>> = {
  '3.7': OPENSHIFT_3_7,
  '3.11': OPENSHIFT_3_11,
  '4': OPENSHIFT_4,
};

export const DEFAULT_PROFILE = OPENSHIFT_3_11;
