// Go's mime.ParseMediaType, which the real server runs on Content-Type before it looks for
// a decoder: `application/json;;;` or `application/json; charset` fail to parse and are
// answered 415 even though the media type itself is known. One trailing ';' is allowed.

// RFC 2045 tspecials, which with space and controls may not appear in a token.
const TSPECIALS = '()<>@,;:\\"/[]?=';

/** The lower-case media type of `value`, or undefined where Go's parser returns an error. */
export function goParseMediaType(value: string): string | undefined {
  const semicolon = value.indexOf(';');
  const end = semicolon === -1 ? value.length : semicolon;
  const mediaType = value.slice(0, end).toLowerCase().trim();
  if (!isMediaType(mediaType)) return undefined;
  return paramsParse(value.slice(end)) ? mediaType : undefined;
}

/** checkMediaTypeDisposition: a token, or token/token, and nothing else. */
function isMediaType(text: string): boolean {
  const [type, afterType] = consumeToken(text);
  if (type === '') return false;
  if (afterType === '') return true;
  if (!afterType.startsWith('/')) return false;
  const [subtype, rest] = consumeToken(afterType.slice(1));
  return subtype !== '' && rest === '';
}

/** Whether `; key=value` pairs follow, each key once, as ParseMediaType's loop reads them. */
function paramsParse(text: string): boolean {
  const seen = new Set<string>();
  let rest = text;
  for (;;) {
    rest = rest.trimStart();
    if (rest === '') return true;

    const param = consumeParam(rest);
    if (param === undefined) return rest.trim() === ';';
    if (seen.has(param.key)) return false;
    seen.add(param.key);
    rest = param.rest;
  }
}

function consumeParam(text: string): { key: string; rest: string } | undefined {
  let rest = text.trimStart();
  if (!rest.startsWith(';')) return undefined;
  const [key, afterKey] = consumeToken(rest.slice(1).trimStart());
  if (key === '') return undefined;

  rest = afterKey.trimStart();
  if (!rest.startsWith('=')) return undefined;
  rest = rest.slice(1).trimStart();
  const [item, afterValue] = consumeValue(rest);
  if (item === '' && afterValue === rest) return undefined;
  return { key: key.toLowerCase(), rest: afterValue };
}

function consumeToken(text: string): [string, string] {
  let end = 0;
  while (end < text.length && isTokenChar(text.charCodeAt(end))) end++;
  return [text.slice(0, end), text.slice(end)];
}

function isTokenChar(code: number): boolean {
  return code > 0x20 && code < 0x7f && !TSPECIALS.includes(String.fromCharCode(code));
}

/** A token or a quoted string; ['', text] when neither is there or the quote is unclosed. */
function consumeValue(text: string): [string, string] {
  if (!text.startsWith('"')) return consumeToken(text);

  let value = '';
  for (let index = 1; index < text.length; index++) {
    const ch = text[index] as string;
    if (ch === '"') return [value, text.slice(index + 1)];
    const next = text[index + 1];
    if (ch === '\\' && next !== undefined && TSPECIALS.includes(next)) {
      value += next;
      index++;
    } else if (ch === '\r' || ch === '\n') {
      return ['', text];
    } else {
      value += ch;
    }
  }
  return ['', text];
}
