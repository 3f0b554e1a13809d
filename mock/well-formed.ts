// Go strings are bytes and its JSON decoder turns a lone UTF-16 surrogate escape
// (`"\ud800"`) into U+FFFD; JSON.parse keeps the lone surrogate, which later breaks
// encodeURIComponent and Buffer round trips. These helpers make text well formed the
// way Go would have read it.

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ANY_SURROGATE = /[\uD800-\uDFFF]/;

// A JSON text can only produce a lone surrogate through a \uD800–\uDFFF escape.
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;

/** `text` with every lone surrogate replaced by U+FFFD. */
export function wellFormed(text: string): string {
  return ANY_SURROGATE.test(text) ? text.replace(LONE_SURROGATE, '\uFFFD') : text;
}

/** Whether JSON.parse of `text` may hold lone surrogates, so wellFormedStrings is needed. */
export function mayHoldLoneSurrogates(jsonText: string): boolean {
  return SURROGATE_ESCAPE.test(jsonText);
}

/**
 * The parsed JSON value with every string and key well formed. Walks with an explicit
 * stack, since a valid body may nest far deeper than the call stack allows.
 */
export function wellFormedStrings(value: unknown): unknown {
  const root: Record<string, unknown> = { value };
  const pending = [root];
  for (let holder = pending.pop(); holder !== undefined; holder = pending.pop()) {
    for (const key of Object.keys(holder)) {
      const item = holder[key];
      if (typeof item === 'string') {
        holder[key] = wellFormed(item);
      } else if (item !== null && typeof item === 'object') {
        const fixed = Array.isArray(item) ? item : withWellFormedKeys(item);
        holder[key] = fixed;
        pending.push(fixed as Record<string, unknown>);
      }
    }
  }
  return root['value'];
}

// Rebuilt only when a key changes, keeping the body's key order (Go reports in that order).
function withWellFormedKeys(object: object): object {
  const keys = Object.keys(object);
  if (!keys.some((key) => ANY_SURROGATE.test(key))) return object;
  return Object.fromEntries(Object.entries(object).map(([key, item]) => [wellFormed(key), item]));
}
