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

export function objectMetaCauses(metadata: ObjectMeta): StatusCause[] {
  return [
    ...nameCauses(metadata),
    ...generationCauses(metadata.generation),
    ...labelCauses(metadata.labels ?? {}),
    ...annotationCauses(metadata.annotations ?? {}),
    ...(metadata.ownerReferences ?? []).flatMap(ownerCauses),
    ...finalizerCauses(metadata.finalizers ?? []),
  ];
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

function labelCauses(labels: Record<string, string>): StatusCause[] {
  return Object.keys(labels)
    .sort()
    .flatMap((key) => {
      const value = labels[key] ?? '';
      return [
        ...qualifiedNameProblems(key).map((p) => invalidValue('metadata.labels', key, p)),
        ...labelValueProblems(value).map((p) => invalidValue('metadata.labels', value, p)),
      ];
    });
}

function annotationCauses(annotations: Record<string, string>): StatusCause[] {
  return Object.keys(annotations)
    .sort()
    .flatMap((key) =>
      qualifiedNameProblems(key.toLowerCase()).map((p) =>
        invalidValue('metadata.annotations', key, p),
      ),
    );
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

function finalizerCauses(finalizers: string[]): StatusCause[] {
  const causes = finalizers.flatMap((finalizer) =>
    qualifiedNameProblems(finalizer).map((p) => invalidValue('metadata.finalizers', finalizer, p)),
  );
  finalizers.forEach((finalizer, index) => {
    if (!finalizer.includes('/') && !STANDARD_FINALIZERS.has(finalizer)) {
      const detail = 'name is neither a standard finalizer name nor is it fully qualified';
      causes.push(invalidValue(`metadata.finalizers[${index}]`, finalizer, detail));
    }
  });
  return causes;
}
