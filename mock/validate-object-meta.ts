// The generic ObjectMeta checks (ValidateObjectMeta, core flavour) that can fire for a
// cluster-scoped signature once the server has cleared namespace and clusterName. Go walks
// maps in random order; labels and annotations are checked here in sorted key order.
import type { ObjectMeta } from './api-types';
import { invalidValue, required } from './field-causes';
import { labelValueProblems, qualifiedNameProblems } from './qualified-name';
import { pathSegmentProblems } from './signature-name';
import type { StatusCause } from './status';

type OwnerReference = NonNullable<ObjectMeta['ownerReferences']>[number];

// Finalizers without a '/' must be one of these (helper.IsStandardFinalizerName).
const STANDARD_FINALIZERS: ReadonlySet<string> = new Set([
  'kubernetes',
  'orphan',
  'foregroundDeletion',
]);

/** The causes in order, lazily, so a caller that lists only the first few stops early. */
export function* objectMetaCauses(metadata: ObjectMeta): Generator<StatusCause> {
  yield* nameCauses(metadata);
  yield* generationCauses(metadata.generation);
  yield* labelCauses(metadata.labels ?? {});
  yield* annotationCauses(metadata.annotations ?? {});
  for (const owner of metadata.ownerReferences ?? []) yield* ownerCauses(owner);
  yield* finalizerCauses(metadata.finalizers ?? []);
}

function nameCauses({ name = '', generateName = '' }: ObjectMeta): StatusCause[] {
  const causes: StatusCause[] = [];
  // A generateName is a prefix, so only the "may not contain" rules apply to it.
  for (const problem of pathSegmentProblems(generateName)) {
    if (problem.startsWith('may not contain')) {
      causes.push(invalidValue('metadata.generateName', generateName, problem));
    }
  }
  if (name === '') causes.push(required('metadata.name', 'name or generateName is required'));
  for (const problem of pathSegmentProblems(name)) {
    causes.push(invalidValue('metadata.name', name, problem));
  }
  return causes;
}

function generationCauses(generation: number | undefined): StatusCause[] {
  if (generation === undefined || generation >= 0) return [];
  return [invalidValue('metadata.generation', generation, 'must be greater than or equal to 0')];
}

function* labelCauses(labels: Record<string, string>): Generator<StatusCause> {
  for (const key of Object.keys(labels).sort()) {
    const value = labels[key] ?? '';
    for (const p of qualifiedNameProblems(key)) yield invalidValue('metadata.labels', key, p);
    for (const p of labelValueProblems(value)) yield invalidValue('metadata.labels', value, p);
  }
}

function* annotationCauses(annotations: Record<string, string>): Generator<StatusCause> {
  for (const key of Object.keys(annotations).sort()) {
    for (const p of qualifiedNameProblems(key.toLowerCase())) {
      yield invalidValue('metadata.annotations', key, p);
    }
  }
}

// The path is not indexed: apimachinery 1.11 reports metadata.ownerReferences.kind etc.
function ownerCauses(owner: OwnerReference): StatusCause[] {
  const field = (name: string) => `metadata.ownerReferences.${name}`;
  const causes: StatusCause[] = [];
  const apiVersion = owner.apiVersion ?? '';
  if (ownerVersion(apiVersion) === '') {
    causes.push(invalidValue(field('apiVersion'), apiVersion, 'version must not be empty'));
  }
  for (const key of ['kind', 'name', 'uid'] as const) {
    const value = owner[key] ?? '';
    if (value === '') causes.push(invalidValue(field(key), value, `${key} must not be empty`));
  }
  return causes;
}

// schema.ParseGroupVersion: "v1", "group/v1"; more slashes parse to nothing.
function ownerVersion(apiVersion: string): string {
  const parts = apiVersion.split('/');
  if (parts.length > 2) return '';
  return parts[parts.length - 1] ?? '';
}

function* finalizerCauses(finalizers: string[]): Generator<StatusCause> {
  for (const finalizer of finalizers) {
    for (const p of qualifiedNameProblems(finalizer)) {
      yield invalidValue('metadata.finalizers', finalizer, p);
    }
  }
  for (const [index, finalizer] of finalizers.entries()) {
    if (!finalizer.includes('/') && !STANDARD_FINALIZERS.has(finalizer)) {
      const detail = 'name is neither a standard finalizer name nor is it fully qualified';
      yield invalidValue(`metadata.finalizers[${index}]`, finalizer, detail);
    }
  }
}
