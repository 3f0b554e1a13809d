// Signature names are `<imageName>@<signatureName>` (SplitImageSignatureName in origin's
// pkg/image/apis/image/helper.go); the image part is not checked to be a digest.

export interface SplitName {
  imageName: string;
  signatureName: string;
}

/** The two halves of a name with exactly one '@' and no empty side, else undefined. */
export function splitSignatureName(name: string): SplitName | undefined {
  const at = name.indexOf('@');
  if (at <= 0 || at === name.length - 1) return undefined;
  if (name.indexOf('@', at + 1) !== -1) return undefined;

  return { imageName: name.slice(0, at), signatureName: name.slice(at + 1) };
}

/**
 * apimachinery's ValidatePathSegmentName: the messages for a name that cannot be one
 * segment of a URL path (`.`, `..`, or containing '/' or '%').
 */
export function pathSegmentProblems(name: string): string[] {
  if (name === '.' || name === '..') return [`may not be '${name}'`];

  const problems: string[] = [];
  for (const illegal of ['/', '%']) {
    if (name.includes(illegal)) problems.push(`may not contain '${illegal}'`);
  }
  return problems;
}
