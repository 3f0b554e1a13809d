// Media-type negotiation as the real server does it: Accept clauses ordered by q-value,
// wildcards allowed, parameters ignored (go-restful's route check and goautoneg).

export const JSON_MEDIA_TYPE = 'application/json';
export const YAML_MEDIA_TYPE = 'application/yaml';
export const PROTOBUF_MEDIA_TYPE = 'application/vnd.kubernetes.protobuf';

interface AcceptClause {
  type: string;
  subtype: string;
  q: number;
}

// Clients send the same few Accept headers again and again; parse each one once.
const CACHE_LIMIT = 256;
const clauseCache = new Map<string, AcceptClause[]>();

/**
 * The first of `offered` that `accept` allows, or undefined (a 406).
 * A missing or empty Accept means `*\/*`.
 */
export function negotiate(
  accept: string | undefined,
  offered: readonly string[],
): string | undefined {
  if (accept === undefined || accept.trim() === '') return offered[0];

  const clauses = acceptClauses(accept);
  // An explicit q=0 refuses that exact type even when a wildcard would allow it.
  const refused = clauses.filter((clause) => clause.q === 0 && clause.subtype !== '*');
  const allowed = offered.filter((type) => !refused.some((clause) => clauseMatches(clause, type)));

  for (const clause of clauses) {
    if (clause.q === 0) break;
    const match = allowed.find((mediaType) => clauseMatches(clause, mediaType));
    if (match !== undefined) return match;
  }
  return undefined;
}

/**
 * go-restful's route check (Route.matchesAccept), made before any handler runs and before
 * negotiation: some entry of Accept, parameters cut and spaces trimmed, is exactly `*\/*`
 * or one of `produced`. Case counts and no other wildcard does, so `application/*`, `*`
 * and `Application/JSON` are refused with 406. A missing or empty Accept means `*\/*`.
 */
export function routeAccepts(accept: string | undefined, produced: readonly string[]): boolean {
  if (accept === undefined || accept === '*/*' || produced.includes(accept)) return true;
  // Go trims header values, so a blank Accept is a missing one.
  if (accept.trim() === '') return true;
  return accept.split(',').some((entry) => {
    const semicolon = entry.indexOf(';');
    const range = (semicolon === -1 ? entry : entry.slice(0, semicolon)).trim();
    return range === '*/*' || produced.includes(range);
  });
}

/** The bare, lower-case media type of a Content-Type header: parameters dropped. */
export function bareMediaType(header: string): string {
  const semicolon = header.indexOf(';');
  return (semicolon === -1 ? header : header.slice(0, semicolon)).trim().toLowerCase();
}

function clauseMatches(clause: AcceptClause, mediaType: string): boolean {
  if (clause.type === '*') return clause.subtype === '*';

  const slash = mediaType.indexOf('/');
  if (clause.type !== mediaType.slice(0, slash)) return false;
  return clause.subtype === '*' || clause.subtype === mediaType.slice(slash + 1);
}

function acceptClauses(accept: string): AcceptClause[] {
  const cached = clauseCache.get(accept);
  if (cached !== undefined) return cached;

  const clauses = parseAccept(accept);
  if (clauseCache.size >= CACHE_LIMIT) clauseCache.clear();
  clauseCache.set(accept, clauses);
  return clauses;
}

function parseAccept(accept: string): AcceptClause[] {
  const clauses: AcceptClause[] = [];
  for (const part of accept.split(',')) {
    const clause = parseClause(part);
    if (clause !== undefined) clauses.push(clause);
  }
  // Higher q first, then specific before wildcard (goautoneg's order); sort is stable.
  return clauses.sort((a, b) => b.q - a.q || wildcards(a) - wildcards(b));
}

function wildcards(clause: AcceptClause): number {
  return (clause.type === '*' ? 1 : 0) + (clause.subtype === '*' ? 1 : 0);
}

function parseClause(part: string): AcceptClause | undefined {
  const [rawRange = '', ...params] = part.split(';');
  // A lone '*' means '*/*', as goautoneg reads it.
  const range = rawRange.trim() === '*' ? '*/*' : rawRange;
  const slash = range.indexOf('/');
  if (slash <= 0) return undefined;

  const type = range.slice(0, slash).trim().toLowerCase();
  const subtype = range
    .slice(slash + 1)
    .trim()
    .toLowerCase();
  if (type === '' || subtype === '') return undefined;
  return { type, subtype, q: qualityOf(params) };
}

function qualityOf(params: string[]): number {
  for (const param of params) {
    const [key = '', value = ''] = param.split('=');
    if (key.trim().toLowerCase() !== 'q') continue;
    const q = Number(value.trim());
    return Number.isFinite(q) ? q : 0;
  }
  return 1;
}
