import type { Reply } from './contract-client';

// Assertions on Kubernetes Status answers. They compare code, reason, kind, status,
// details and causes, never the message text, which differs between server versions.

export interface WantStatus {
  code: number;
  reason?: string;
  status?: 'Success' | 'Failure';
  details?: { name?: string; group?: string; kind?: string };
}

// The group every error of this resource names, on both prefixes (§2.3).
const GROUP = 'image.openshift.io';

/** The Statuses the checks expect, by what happened. */
export const WANT = {
  success: { code: 200, status: 'Success' },
  alreadyExists: (name: string): WantStatus => ({
    code: 409,
    reason: 'AlreadyExists',
    details: { name, group: GROUP, kind: 'imageSignatures' },
  }),
  signatureNotFound: (name: string): WantStatus => ({
    code: 404,
    reason: 'NotFound',
    details: { name, group: GROUP, kind: 'imageSignatures' },
  }),
  imageNotFound: (image: string): WantStatus => ({
    code: 404,
    reason: 'NotFound',
    details: { name: image, group: GROUP, kind: 'images' },
  }),
  invalid: (name?: string): WantStatus => ({
    code: 422,
    reason: 'Invalid',
    details: { ...(name !== undefined && { name }), group: GROUP, kind: 'ImageSignature' },
  }),
  // The authorizer names the group of the request's path: none on the legacy /oapi/v1.
  forbidden: (legacy: boolean): WantStatus => ({
    code: 403,
    reason: 'Forbidden',
    details: { ...(!legacy && { group: GROUP }), kind: 'imagesignatures' },
  }),
} as const satisfies Record<string, WantStatus | ((name: never) => WantStatus)>;

export interface WantCause {
  field: string;
  reason: string;
}

/** Fails with the call, the status and the start of the body when the code differs. */
export function expectCode(reply: Reply, code: number | readonly number[], why = ''): void {
  const codes = typeof code === 'number' ? [code] : code;
  if (codes.includes(reply.status)) return;
  throw new Error(
    `${reply.call} answered ${reply.status}, want ${codes.join(' or ')}${why ? `: ${why}` : ''}\n` +
      `body: ${reply.text.slice(0, 1000)}`,
  );
}

/** The Content-Type is exactly this bare media type (no charset, no parameters). */
export function expectMediaType(reply: Reply, mediaType: string): void {
  expect({ call: reply.call, contentType: reply.headers['content-type'] }).toEqual({
    call: reply.call,
    contentType: mediaType,
  });
}

/** A Status with these fields; `status` defaults to Failure for codes of 400 and up. */
export function expectStatus(reply: Reply, want: WantStatus): void {
  expectCode(reply, want.code);
  const status = want.status ?? (want.code >= 400 ? 'Failure' : 'Success');
  const fields: Record<string, unknown> = { kind: 'Status', apiVersion: 'v1', status };
  if (status === 'Failure') fields['code'] = want.code;
  if (want.reason !== undefined) fields['reason'] = want.reason;
  if (want.details !== undefined) fields['details'] = expect.objectContaining(want.details);
  expect(reply.body).toMatchObject(fields);
}

/** details.causes holds these causes (field and reason); `exactly` forbids any other. */
export function expectCauses(reply: Reply, want: readonly WantCause[], exactly = false): void {
  const causes = causesOf(reply);
  if (exactly) {
    expect(sortCauses(causes)).toEqual(sortCauses(want));
    return;
  }
  expect(causes).toEqual(expect.arrayContaining(want.map((cause) => ({ ...cause }))));
}

function causesOf(reply: Reply): WantCause[] {
  const details = (reply.body as { details?: { causes?: unknown } } | undefined)?.details;
  const causes = Array.isArray(details?.causes)
    ? (details.causes as Record<string, unknown>[])
    : [];
  return causes.map((cause) => ({
    field: String(cause['field']),
    reason: String(cause['reason']),
  }));
}

function sortCauses(causes: readonly WantCause[]): WantCause[] {
  const key = (cause: WantCause) => `${cause.field}\u0000${cause.reason}`;
  return [...causes].sort((a, b) => key(a).localeCompare(key(b)));
}
