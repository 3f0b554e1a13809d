// Every string that differs between OpenShift releases lives here, so that the 3.7 and 4.x
// profiles can be added later as data. Source: /work/shared/docs/openshift-imagesignature.md.

export interface ServerProfile {
  /** The OpenShift release whose wire behaviour this profile copies. */
  readonly version: '3.11';
  /** Qualified kind in the 422 message, e.g. `ImageSignature.image.openshift.io`. */
  readonly invalidQualifiedKind: string;
  /** Whether the 422 `details` carry `group` (absent in 3.7). */
  readonly invalidHasGroup: boolean;
  /** Whether the 422 aggregate message drops repeated cause messages (4.x does). */
  readonly dedupeInvalidMessages: boolean;
  readonly notAcceptableMessage: string;
  readonly unsupportedMediaTypeMessage: string;
  /** The reason OpenShift's authorizer appends to a denial, given the generic denial text. */
  forbiddenReason(denial: string): string;
}

const MEDIA_TYPES = 'application/json, application/yaml, application/vnd.kubernetes.protobuf';

export const OPENSHIFT_3_11: ServerProfile = {
  version: '3.11',
  invalidQualifiedKind: 'ImageSignature.image.openshift.io',
  invalidHasGroup: true,
  dedupeInvalidMessages: false,
  notAcceptableMessage: `406: Not Acceptable\n\nAvailable representations: ${MEDIA_TYPES}`,
  unsupportedMediaTypeMessage:
    'the body of the request was in an unknown format - accepted media types include: ' +
    MEDIA_TYPES,
  // OpenShift's message maker repeats the generic sentence as its reason.
  forbiddenReason: (denial) => denial,
};

export const DEFAULT_PROFILE = OPENSHIFT_3_11;
