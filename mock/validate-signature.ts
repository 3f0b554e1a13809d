// ValidateImageSignature on create, as data: every cause in the order the real validator
// appends them (generic ObjectMeta checks first, then the signature's own rules).
import type { SignatureDraft } from './decode-signature';
import { forbidden, invalidValue, required } from './field-causes';
import { splitSignatureName } from './signature-name';
import type { StatusCause } from './status';
import { objectMetaCauses } from './validate-object-meta';

/** Every reason the draft is invalid; empty when it may be stored. */
export function validateSignature(draft: SignatureDraft): StatusCause[] {
  const { metadata } = draft;
  const causes = objectMetaCauses(metadata);

  if (hasEntries(metadata.labels)) {
    causes.push(forbidden('metadata.labels', 'signature labels cannot be set'));
  }
  if (hasEntries(metadata.annotations)) {
    causes.push(forbidden('metadata.annotations', 'signature annotations cannot be set'));
  }
  const name = metadata.name ?? '';
  if (splitSignatureName(name) === undefined) {
    causes.push(
      invalidValue('metadata.name', name, 'name must be of format <imageName>@<signatureName>'),
    );
  }
  if (draft.type === '') causes.push(required('type'));
  if (draft.content === '') causes.push(required('content'));
  return causes;
}

function hasEntries(map: Record<string, string> | undefined): boolean {
  return map !== undefined && Object.keys(map).length > 0;
}
