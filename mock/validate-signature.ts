// ValidateImageSignature on create, as data: every cause in the order the real validator
// appends them (generic ObjectMeta checks first, then the signature's own rules).
import type { SignatureDraft } from './decode-signature';
import { forbidden, invalidValue, required, tooMany } from './field-causes';
import { splitSignatureName } from './signature-name';
import type { StatusCause } from './status';
import { objectMetaCauses } from './validate-object-meta';

/**
 * The most causes one answer lists. The real server lists every cause, but a 1 MB body of
 * empty ownerReferences has a million of them: hundreds of megabytes of answer and seconds
 * of work for every client. Past this many the last cause says how the list was cut.
 */
export const MAX_CAUSES = 1000;

/** Why the draft is invalid, at most MAX_CAUSES reasons; empty when it may be stored. */
export function validateSignature(draft: SignatureDraft): StatusCause[] {
  const causes: StatusCause[] = [];
  for (const cause of signatureCauses(draft)) {
    causes.push(cause);
    if (causes.length > MAX_CAUSES) break;
  }
  if (causes.length <= MAX_CAUSES) return causes;

  const listed = causes.slice(0, MAX_CAUSES - 1);
  const firstUnlisted = causes[MAX_CAUSES - 1] as StatusCause;
  return [...listed, tooMany(firstUnlisted.field, MAX_CAUSES, listed.length)];
}

function* signatureCauses(draft: SignatureDraft): Generator<StatusCause> {
  const { metadata } = draft;
  yield* objectMetaCauses(metadata);

  if (hasEntries(metadata.labels)) {
    yield forbidden('metadata.labels', 'signature labels cannot be set');
  }
  if (hasEntries(metadata.annotations)) {
    yield forbidden('metadata.annotations', 'signature annotations cannot be set');
  }
  const name = metadata.name ?? '';
  if (splitSignatureName(name) === undefined) {
    yield invalidValue('metadata.name', name, 'name must be of format <imageName>@<signatureName>');
  }
  if (draft.type === '') yield required('type');
  if (draft.content === '') yield required('content');
}

function hasEntries(map: Record<string, string> | undefined): boolean {
  return map !== undefined && Object.keys(map).length > 0;
}
