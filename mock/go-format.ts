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

// strconv.Quote keeps what unicode.IsPrint accepts (letters, marks, numbers, punctuation,
// symbols and the ASCII space) and escapes the rest: \xNN below U+0080 and for DEL,
// \uXXXX or \UXXXXXXXX above. So U+2028 and the C1 controls are escaped, é is not.
const NOT_PRINTABLE = /[\p{C}\p{Z}]/u;
const NEEDS_ESCAPE = /["\\\p{C}\p{Z}]/u;

/** Go's `%q` for a string: `foo"bar` becomes `"foo\"bar"`. */
export function goQuote(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return `"${value}"`;

  let out = '"';
  for (const ch of wellFormed(value)) {
    const simple = SIMPLE_ESCAPES[ch];
    if (simple !== undefined) out += simple;
    else if (ch === ' ' || !NOT_PRINTABLE.test(ch)) out += ch;
    else out += escapeRune(ch.codePointAt(0) ?? 0);
  }
  return `${out}"`;
}

function escapeRune(code: number): string {
  if (code < 0x80) return `\\x${code.toString(16).padStart(2, '0')}`;
  if (code < 0x10000) return `\\u${code.toString(16).padStart(4, '0')}`;
  return `\\U${code.toString(16).padStart(8, '0')}`;
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
