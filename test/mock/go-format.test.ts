import { decodeGoBase64 } from '../../mock/go-base64';
import { goParseBool, goQueryEscape, goQuote } from '../../mock/go-format';
import { goJsonSyntaxError } from '../../mock/go-json-syntax';

describe('goQuote', () => {
  it.each([
    ['foo', '"foo"'],
    ['a"b', '"a\\"b"'],
    ['back\\slash', '"back\\\\slash"'],
    ['tab\there', '"tab\\there"'],
    ['nul\u0000', '"nul\\x00"'],
    ['é', '"é"'],
    ['del\u007f', '"del\\x7f"'],
    ['line\u2028sep', '"line\\u2028sep"'],
    ['c1\u0085', '"c1\\u0085"'],
    ['nbsp\u00a0', '"nbsp\\u00a0"'],
    ['bom\ufeff', '"bom\\ufeff"'],
    ['tag\u{e0001}', '"tag\\U000e0001"'],
    ['中 文', '"中 文"'],
  ])('quotes %j as %s', (value, want) => {
    expect(goQuote(value)).toBe(want);
  });
});

describe('goQueryEscape', () => {
  it.each([
    ['sha256:abc@0123', 'sha256%3Aabc%400123'],
    ['a b', 'a+b'],
    ["!'()*", '%21%27%28%29%2A'],
    ['-_.~', '-_.~'],
    ['a/b', 'a%2Fb'],
  ])('escapes %j as %s', (value, want) => {
    expect(goQueryEscape(value)).toBe(want);
  });
});

describe('goParseBool', () => {
  it.each([
    ['1', true],
    ['t', true],
    ['T', true],
    ['TRUE', true],
    ['true', true],
    ['True', true],
    ['0', false],
    ['false', false],
    ['yes', undefined],
    ['tRuE', undefined],
    ['', undefined],
  ])('parses %j as %s', (value, want) => {
    expect(goParseBool(value)).toBe(want);
  });
});

describe('goJsonSyntaxError', () => {
  it.each([
    ['', 'unexpected end of JSON input'],
    ['{', 'unexpected end of JSON input'],
    ['{"a":"b', 'unexpected end of JSON input'],
    ['abc', "invalid character 'a' looking for beginning of value"],
    ['{a:1}', "invalid character 'a' looking for beginning of object key string"],
    ['{"a" 1}', "invalid character '1' after object key"],
    ['{"a":1 "b":2}', `invalid character '"' after object key:value pair`],
    ['[1 2]', "invalid character '2' after array element"],
    ['[1,]', "invalid character ']' looking for beginning of value"],
    ['{"a":1}x', "invalid character 'x' after top-level value"],
    ['{"a":tru}', "invalid character '}' in literal true (expecting 'e')"],
    ['{"a":-x}', "invalid character 'x' in numeric literal"],
    ['{"a":1.}', "invalid character '}' after decimal point in numeric literal"],
    ['{"a":"\\q"}', "invalid character 'q' in string escape code"],
    ['{"a":"\u0001"}', "invalid character '\\x01' in string literal"],
    ["'a'", "invalid character '\\'' looking for beginning of value"],
  ])('words %j as Go does', (text, want) => {
    expect(goJsonSyntaxError(text)).toBe(want);
  });

  it.each(['{}', '[]', '{"a":[1,2.5e3,true,null,"x\\u00e9"]}', ' 0 '])(
    'finds nothing wrong in %j',
    (text) => {
      expect(goJsonSyntaxError(text)).toBeUndefined();
    },
  );
});

describe('decodeGoBase64', () => {
  it.each([
    ['aGVsbG8=', 'hello'],
    ['aGVs\r\nbG8=', 'hello'],
    ['aGVsbA==', 'hell'],
    ['', ''],
  ])('decodes %j', (text, want) => {
    expect(decodeGoBase64(text)).toEqual({ ok: true, bytes: Buffer.from(want) });
  });

  it.each([
    ['aGV!bG8=', 3],
    ['abc', 0],
    ['abcde', 4],
    ['a===', 1],
    ['ab=', 3],
    ['ab=c', 2],
    ['abc=d', 4],
    ['aGVsbG8', 4],
  ])('refuses %j at input byte %i', (text, offset) => {
    expect(decodeGoBase64(text)).toEqual({ ok: false, offset });
  });
});
