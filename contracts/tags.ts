// Every check names what it needs from the target in its title, as `[tag]`, so a run
// against a limited target (Prism's stateless mock, a server without YAML) can leave
// those checks out with IMAGESIG_SKIP or Jest's --testNamePattern. contracts/README.md
// lists the tags.

export const TAGS = [
  'stateful',
  'auth:values',
  'errors',
  'format:json',
  'media:json',
  'media:yaml',
  'media:protobuf',
] as const;

export type Tag = (typeof TAGS)[number];

/** Parses `IMAGESIG_SKIP`, a comma-separated list of tags. */
export function parseSkip(value: string | undefined): Set<Tag> {
  const skipped = new Set<Tag>();
  for (const item of (value ?? '').split(',')) {
    const tag = item.trim();
    if (tag === '') continue;
    if (!isTag(tag))
      throw new Error(`unknown tag "${tag}" in IMAGESIG_SKIP: use ${TAGS.join(', ')}`);
    skipped.add(tag);
  }
  return skipped;
}

/** `name [tag] [tag]`: the title Jest reports and --testNamePattern matches. */
export function tagged(name: string, tags: readonly Tag[]): string {
  return [name, ...tags.map((tag) => `[${tag}]`)].join(' ');
}

/** A describe block that is skipped, visibly, when one of its tags is in IMAGESIG_SKIP. */
export function describeTagged(tags: readonly Tag[], name: string, body: () => void): void {
  const skipped = skippedBy(tags);
  const title = tagged(name, tags);
  if (skipped === undefined) describe(title, body);
  else describe.skip(`${title} (skipped: IMAGESIG_SKIP has ${skipped})`, body);
}

/**
 * A test that is skipped, visibly, when one of its tags is in IMAGESIG_SKIP, or when
 * `unavailable` gives a reason (a target without a second token, say).
 */
export function itTagged(
  tags: readonly Tag[],
  name: string,
  body: () => Promise<void>,
  unavailable?: string,
): void {
  const skipped = skippedBy(tags);
  const title = tagged(name, tags);
  if (skipped !== undefined) it.skip(`${title} (skipped: IMAGESIG_SKIP has ${skipped})`, body);
  else if (unavailable !== undefined) it.skip(`${title} (skipped: ${unavailable})`, body);
  else it(title, body);
}

function skippedBy(tags: readonly Tag[]): Tag | undefined {
  const skip = parseSkip(process.env['IMAGESIG_SKIP']);
  return tags.find((tag) => skip.has(tag));
}

function isTag(value: string): value is Tag {
  return (TAGS as readonly string[]).includes(value);
}
