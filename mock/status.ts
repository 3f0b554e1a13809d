// The one place that builds Kubernetes `Status` bodies. Keys are written in the order Go's
// encoder emits the struct fields: Status (kind, apiVersion, metadata, status, message,
// reason, details, code) and StatusDetails (name, group, kind, uid, causes, retryAfterSeconds).

export type StatusReason =
  | 'BadRequest'
  | 'Unauthorized'
  | 'Forbidden'
  | 'NotFound'
  | 'MethodNotAllowed'
  | 'NotAcceptable'
  | 'AlreadyExists'
  | 'Conflict'
  | 'RequestEntityTooLarge'
  | 'UnsupportedMediaType'
  | 'Invalid'
  | 'InternalError';

/** HTTP code of each reason, as in k8s.io/apimachinery/pkg/api/errors. */
export const STATUS_CODES: Readonly<Record<StatusReason, number>> = {
  BadRequest: 400,
  Unauthorized: 401,
  Forbidden: 403,
  NotFound: 404,
  MethodNotAllowed: 405,
  NotAcceptable: 406,
  AlreadyExists: 409,
  Conflict: 409,
  RequestEntityTooLarge: 413,
  UnsupportedMediaType: 415,
  Invalid: 422,
  InternalError: 500,
};

export type CauseReason =
  | 'FieldValueRequired'
  | 'FieldValueInvalid'
  | 'FieldValueForbidden'
  | 'FieldValueNotSupported'
  | 'FieldValueTooMany';

export interface StatusCause {
  reason: CauseReason;
  message: string;
  field: string;
}

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Success' | 'Failure';
  message?: string;
  reason?: StatusReason;
  details?: StatusDetails;
  code?: number;
}

/** A Status together with the HTTP code it is sent with. */
export interface StatusReply {
  httpCode: number;
  status: Status;
}

export interface DetailsInput {
  name?: string | undefined;
  group?: string | undefined;
  kind?: string | undefined;
  causes?: StatusCause[] | undefined;
}

/** A failure Status for `reason`; `details` of `{}` is kept, as some real errors send it. */
export function failure(
  reason: StatusReason,
  message: string,
  details?: DetailsInput,
): StatusReply {
  const code = STATUS_CODES[reason];
  const status: Status = {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
  };
  if (details !== undefined) status.details = orderedDetails(details);
  status.code = code;
  return { httpCode: code, status };
}

/**
 * A 500 without a reason (StatusReasonUnknown), as ErrorToAPIStatus writes an error that
 * is not an API status, such as one from etcd.
 */
export function unknownFailure(message: string): StatusReply {
  return {
    httpCode: 500,
    status: {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message,
      code: 500,
    },
  };
}

/** The Status a delete answers with: no message, reason, details or code. */
export function success(): StatusReply {
  return {
    httpCode: 200,
    status: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success' },
  };
}

function orderedDetails(input: DetailsInput): StatusDetails {
  const details: StatusDetails = {};
  if (input.name) details.name = input.name;
  if (input.group) details.group = input.group;
  if (input.kind) details.kind = input.kind;
  if (input.causes && input.causes.length > 0) details.causes = input.causes;
  return details;
}
