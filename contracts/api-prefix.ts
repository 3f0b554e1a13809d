// The two URL prefixes that serve ImageSignatures, and the group version each one
// expects in request bodies and answers with (openshift-imagesignature.md §2.2 step 3).

export const API_PREFIXES = ['/oapi/v1', '/apis/image.openshift.io/v1'] as const;

export type ApiPrefix = (typeof API_PREFIXES)[number];

const GROUP_VERSIONS: Record<ApiPrefix, string> = {
  '/oapi/v1': 'v1',
  '/apis/image.openshift.io/v1': 'image.openshift.io/v1',
};

/** The apiVersion a body must carry, and a created signature carries, on `prefix`. */
export function groupVersionOf(prefix: ApiPrefix): string {
  return GROUP_VERSIONS[prefix];
}

/** The apiVersion of the other prefix: a valid version that this prefix must refuse. */
export function otherGroupVersion(prefix: ApiPrefix): string {
  return prefix === '/oapi/v1' ? GROUP_VERSIONS['/apis/image.openshift.io/v1'] : 'v1';
}

/** The path of the collection (create) operation, as the OpenAPI document names it. */
export function collectionPath(prefix: ApiPrefix): string {
  return `${prefix}/imagesignatures`;
}

/** The templated path of the item (delete) operation, as the OpenAPI document names it. */
export function itemTemplate(prefix: ApiPrefix): string {
  return `${prefix}/imagesignatures/{name}`;
}

/**
 * The URL path of one signature. `raw` sends `sha256:abc@id` as it is, `encoded` sends
 * `sha256%3Aabc%40id`; the server must treat both as the same name.
 */
export function itemPath(
  prefix: ApiPrefix,
  name: string,
  spelling: 'raw' | 'encoded' = 'raw',
): string {
  const segment = spelling === 'raw' ? name : encodeURIComponent(name);
  return `${collectionPath(prefix)}/${segment}`;
}

/** Parses `IMAGESIG_API_PREFIXES`: a comma-separated list of the prefixes above. */
export function parsePrefixes(value: string | undefined): ApiPrefix[] {
  if (value === undefined || value.trim() === '') return [...API_PREFIXES];

  const prefixes: ApiPrefix[] = [];
  for (const item of value.split(',')) {
    const prefix = item.trim().replace(/\/+$/, '');
    if (prefix === '') continue;
    if (!isApiPrefix(prefix)) {
      throw new Error(`unknown API prefix "${prefix}": use ${API_PREFIXES.join(' or ')}`);
    }
    if (!prefixes.includes(prefix)) prefixes.push(prefix);
  }
  if (prefixes.length === 0) throw new Error('IMAGESIG_API_PREFIXES names no prefix');
  return prefixes;
}

function isApiPrefix(value: string): value is ApiPrefix {
  return (API_PREFIXES as readonly string[]).includes(value);
}
