// Readers for the JSON shape an encode starts from. Absent and null read as
// Go's zero value, as encoding/json leaves them; a value of the wrong type is
// a caller's bug, so it throws rather than encode something else.

export type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function wrongType(path: string, want: string): TypeError {
  return new TypeError(`${path} must be ${want}`);
}

export function readString(obj: JsonObject, key: string, path: string): string {
  const value = obj[key];
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw wrongType(`${path}.${key}`, 'a string');
  return value;
}

/** An integer, or undefined when absent or null (a Go pointer left nil). */
export function readOptionalInt(obj: JsonObject, key: string, path: string): number | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (!Number.isInteger(value)) throw wrongType(`${path}.${key}`, 'an integer');
  return value as number;
}

export function readOptionalBool(obj: JsonObject, key: string, path: string): boolean | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw wrongType(`${path}.${key}`, 'a boolean');
  return value;
}

export function readObject(obj: JsonObject, key: string, path: string): JsonObject | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) throw wrongType(`${path}.${key}`, 'an object');
  return value;
}

export function readObjects(obj: JsonObject, key: string, path: string): JsonObject[] {
  return readArray(obj, key, path).map((item, i) => {
    if (!isObject(item)) throw wrongType(`${path}.${key}[${i}]`, 'an object');
    return item;
  });
}

export function readStrings(obj: JsonObject, key: string, path: string): string[] {
  return readArray(obj, key, path).map((item, i) => {
    if (typeof item !== 'string') throw wrongType(`${path}.${key}[${i}]`, 'a string');
    return item;
  });
}

function readArray(obj: JsonObject, key: string, path: string): unknown[] {
  const value = obj[key];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw wrongType(`${path}.${key}`, 'an array');
  return value;
}

/** A map of strings with its keys sorted, the order Go writes them in. */
export function readStringMap(obj: JsonObject, key: string, path: string): Record<string, string> {
  const value = readObject(obj, key, path) ?? {};
  const out: Record<string, string> = {};
  for (const name of Object.keys(value).sort()) {
    const item = value[name];
    if (typeof item !== 'string') throw wrongType(`${path}.${key}.${name}`, 'a string');
    setOwn(out, name, item);
  }
  return out;
}

/** `obj[key] = value`, also for a key of `__proto__` (a legal label name). */
export function setOwn<T>(obj: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') {
    Object.defineProperty(obj, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    obj[key] = value;
  }
}

// Go's StdEncoding: padded, standard alphabet; encoding/json drops \r and \n.
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** A `[]byte` field: a base64 string, or undefined for null (a nil slice). */
export function readBytes(obj: JsonObject, key: string, path: string): Buffer | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  const text = typeof value === 'string' ? value.replace(/[\r\n]/g, '') : undefined;
  if (text === undefined || !BASE64.test(text)) throw wrongType(`${path}.${key}`, 'base64');
  return Buffer.from(text, 'base64');
}
