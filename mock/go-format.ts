// Go formatting helpers: the real server's messages are built with Go's fmt and net/url, and
// clients compare them as text.
import { wellFormed } from './well-formed';

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '\u0007': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\u000b': '\\v',
  '\\': '\\\\',
  '"': '\\"',
};

// Control characters and DEL; the rest of Unicode prints as itself under %q.
const NEEDS_ESCAPE = /[\u0000-\u001f"\\\u007f]/;

/** Go's `%q` for a string: `foo"bar` becomes `"foo\"bar"`. */
export function goQuote(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return `"${value}"`;

  let out = '"';
  for (const ch of value) {
    const simple = SIMPLE_ESCAPES[ch];
    if (simple !== undefined) out += simple;
    else if (ch < ' ' || ch === '\u007f')
      out += `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

// encodeURIComponent leaves these alone; url.QueryEscape does not.
const EXTRA_QUERY_ESCAPES = /[!'()*]/g;

/** Go's `url.QueryEscape`: `sha256:a@b` becomes `sha256%3Aa%40b`, a space becomes `+`. */
export function goQueryEscape(value: string): string {
  // Total: a lone surrogate, which encodeURIComponent throws on, escapes as U+FFFD.
  return encodeURIComponent(wellFormed(value))
    .replace(EXTRA_QUERY_ESCAPES, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

/** Go's `strconv.ParseBool`: undefined when the text is not one of Go's spellings. */
export function goParseBool(value: string): boolean | undefined {
  switch (value) {
    case '1':
    case 't':
    case 'T':
    case 'true':
    case 'TRUE':
    case 'True':
      return true;
    case '0':
    case 'f':
    case 'F':
    case 'false':
    case 'FALSE':
    case 'False':
      return false;
    default:
      return undefined;
  }
}
