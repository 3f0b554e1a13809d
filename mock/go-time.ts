// metav1.Time's UnmarshalJSON: time.Parse(time.RFC3339, s) as Go 1.10 runs it, for the
// error the real decoder answers with, e.g. `parsing time "yesterday" as
// "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"`.

const RFC3339 = '2006-01-02T15:04:05Z07:00';

class ParseFault extends Error {}

/** Go's error text for a value that does not parse as RFC 3339, or undefined when it does. */
export function goRfc3339Problem(value: string): string | undefined {
  try {
    parse(value);
    return undefined;
  } catch (error) {
    if (error instanceof ParseFault) return `parsing time ${quote(value)}${error.message}`;
    throw error;
  }
}

// Go 1.10's quote adds the marks and escapes nothing.
function quote(text: string): string {
  return `"${text}"`;
}

function cannotParse(rest: string, layoutElement: string): ParseFault {
  return new ParseFault(
    ` as ${quote(RFC3339)}: cannot parse ${quote(rest)} as ${quote(layoutElement)}`,
  );
}

function outOfRange(what: string): ParseFault {
  return new ParseFault(`: ${what} out of range`);
}

/** The layout's chunks in order: a literal prefix, then the element after it. */
const CHUNKS: readonly { prefix: string; element: string }[] = [
  { prefix: '', element: '2006' },
  { prefix: '-', element: '01' },
  { prefix: '-', element: '02' },
  { prefix: 'T', element: '15' },
  { prefix: ':', element: '04' },
  { prefix: ':', element: '05' },
  { prefix: '', element: 'Z07:00' },
];

function parse(value: string): void {
  let rest = value;
  const fields: Record<string, number> = {};
  for (const { prefix, element } of CHUNKS) {
    if (!rest.startsWith(prefix)) throw cannotParse(rest, prefix);
    rest = rest.slice(prefix.length);
    rest = parseElement(element, rest, fields);
  }
  if (rest !== '') throw new ParseFault(`: extra text: ${quote(rest)}`);

  const { year = 0, month = 0, day = 0 } = fields;
  if (day < 1 || day > daysIn(month, year)) throw outOfRange('day');
}

/** Reads one layout element from the front of `rest` and returns what follows it. */
function parseElement(element: string, rest: string, fields: Record<string, number>): string {
  switch (element) {
    case '2006': {
      if (!/^\d{4}/.test(rest)) throw cannotParse(rest, element);
      fields['year'] = Number(rest.slice(0, 4));
      return rest.slice(4);
    }
    case '01': {
      const [month, after] = getnum(rest, true);
      // Go checks the range first, so a non-number month reads "month out of range".
      if (month <= 0 || month > 12) throw outOfRange('month');
      fields['month'] = month;
      return after;
    }
    case '02':
      return number(element, rest, true, 99, 'day', fields);
    case '15':
      return number(element, rest, false, 23, 'hour', fields);
    case '04':
      return number(element, rest, true, 59, 'minute', fields);
    case '05':
      return fraction(number(element, rest, true, 59, 'second', fields));
    default:
      return zone(rest);
  }
}

/** A one- or two-digit number; a bad one fails as "cannot parse", a big one as range. */
function number(
  element: string,
  rest: string,
  fixed: boolean,
  max: number,
  name: string,
  fields: Record<string, number>,
): string {
  const [value, after] = getnum(rest, fixed);
  if (value < 0) throw cannotParse(rest, element);
  if (value > max) throw outOfRange(name);
  fields[name] = value;
  return after;
}

// A fraction after the seconds is read even though the layout has none.
function fraction(rest: string): string {
  if (rest.length < 2 || rest[0] !== '.' || !isDigit(rest, 1)) return rest;
  let end = 2;
  while (end < rest.length && isDigit(rest, end)) end++;
  return rest.slice(end);
}

function zone(rest: string): string {
  if (rest.startsWith('Z')) return rest.slice(1);
  const bad = cannotParse(rest, 'Z07:00');
  if (rest.length < 6 || rest[3] !== ':') throw bad;
  if (!isAtoi(rest.slice(1, 3)) || !isAtoi(rest.slice(4, 6))) throw bad;
  if (rest[0] !== '+' && rest[0] !== '-') throw bad;
  return rest.slice(6);
}

/** Go's getnum: one or two digits (two when fixed); -1 for Go's errBad. */
function getnum(text: string, fixed: boolean): [number, string] {
  if (!isDigit(text, 0)) return [-1, text];
  if (!isDigit(text, 1)) {
    return fixed ? [-1, text] : [Number(text[0]), text.slice(1)];
  }
  return [Number(text.slice(0, 2)), text.slice(2)];
}

// Go's atoi: an optional sign, then digits only (none at all reads as 0).
function isAtoi(text: string): boolean {
  return /^[+-]?\d*$/.test(text);
}

function isDigit(text: string, index: number): boolean {
  const ch = text[index];
  return ch !== undefined && ch >= '0' && ch <= '9';
}

function daysIn(month: number, year: number): number {
  if (month === 2) return isLeap(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isLeap(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}
