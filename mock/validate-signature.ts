// ValidateImageSignature on create, as data: every cause in the order the real validator
// appends them (generic ObjectMeta checks first, then the signature's own rules).
import type { ObjectMeta } from './api-types';
import type { SignatureDraft } from './decode-signature';
import { goQuote } from './go-format';
import { pathSegmentProblems, splitSignatureName } from './signature-name';
import type { StatusCause } from './status';

const required = (field: string, detail?: string): StatusCause => ({
  reason: 'FieldValueRequired',
  message: detail ? `Required value: ${detail}` : 'Required value',
  field,
});

const invalidValue = (field: string, value: string | number, detail: string): StatusCause => ({
  reason: 'FieldValueInvalid',
  message: `Invalid value: ${typeof value === 'string' ? goQuote(value) : value}: ${detail}`,
  field,
});

const forbidden = (field: string, detail: string): StatusCause => ({
  reason: 'FieldValueForbidden',
  message: `Forbidden: ${detail}`,
  field,
});

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

/** The generic ValidateObjectMeta checks that can fire for a cluster-scoped signature. */
function objectMetaCauses(metadata: ObjectMeta): StatusCause[] {
  const causes: StatusCause[] = [];
  const { name = '', generateName = '', generation } = metadata;

  if (generateName !== '') {
    for (const problem of pathSegmentProblems(generateName).filter(isContainRule)) {
      causes.push(invalidValue('metadata.generateName', generateName, problem));
    }
  }
  if (name === '') causes.push(required('metadata.name', 'name or generateName is required'));
  for (const problem of pathSegmentProblems(name)) {
    causes.push(invalidValue('metadata.name', name, problem));
  }
  if (generation !== undefined && generation < 0) {
    causes.push(
      invalidValue('metadata.generation', generation, 'must be greater than or equal to 0'),
    );
  }
  return causes;
}

// A generateName is a prefix, so only the "may not contain" rules apply to it.
function isContainRule(problem: string): boolean {
  return problem.startsWith('may not contain');
}

function hasEntries(map: Record<string, string> | undefined): boolean {
  return map !== undefined && Object.keys(map).length > 0;
}
