// The literal text of one number in a JSON document, for Go's `cannot unmarshal number
// 1e300 into ... int64` message: JSON.parse keeps only the double, which prints as 1e+300
// and rounds 12345678901234567890. Used on the error path only.

export type JsonPath = readonly (string | number)[];

interface Frame {
  array: boolean;
  /** The key or index of the value being read in this container. */
  key: string | number;
  expectKey: boolean;
}

const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** The last number literal at `path` in a JSON `text`, or undefined (also for non-JSON). */
export function jsonNumberLiteral(text: string, path: JsonPath): string | undefined {
  try {
    return scan(text, path);
  } catch {
    return undefined;
  }
}

function scan(text: string, path: JsonPath): string | undefined {
  const frames: Frame[] = [];
  let found: string | undefined;
  let pos = 0;
  while (pos < text.length) {
    const ch = text[pos] as string;
    const top = frames[frames.length - 1];
    if (ch === '{' || ch === '[') {
      frames.push({ array: ch === '[', key: ch === '[' ? 0 : '', expectKey: ch === '{' });
    } else if (ch === '}' || ch === ']') {
      frames.pop();
    } else if (ch === ',' && top !== undefined) {
      if (top.array) top.key = (top.key as number) + 1;
      else top.expectKey = true;
    } else if (ch === ':' && top !== undefined) {
      top.expectKey = false;
    } else if (ch === '"') {
      const end = stringEnd(text, pos);
      if (top?.expectKey) top.key = JSON.parse(text.slice(pos, end)) as string;
      pos = end;
      continue;
    } else if (ch === '-' || (ch >= '0' && ch <= '9')) {
      NUMBER.lastIndex = pos;
      const literal = NUMBER.exec(text)?.[0] ?? ch;
      if (samePath(frames, path)) found = literal;
      pos += literal.length;
      continue;
    }
    pos++;
  }
  return found;
}

/** The index just past the closing quote of the string that opens at `start`. */
function stringEnd(text: string, start: number): number {
  let pos = start + 1;
  while (pos < text.length && text[pos] !== '"') pos += text[pos] === '\\' ? 2 : 1;
  return pos + 1;
}

function samePath(frames: readonly Frame[], path: JsonPath): boolean {
  return frames.length === path.length && frames.every((frame, i) => frame.key === path[i]);
}
