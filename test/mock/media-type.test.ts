import { requestSerializer, responseSerializer } from '../../mock/codec';
import { bareMediaType, negotiate } from '../../mock/media-type';

const OFFERED = ['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf'];

describe('negotiate', () => {
  it.each([
    [undefined, 'application/json'],
    ['', 'application/json'],
    ['*/*', 'application/json'],
    ['*', 'application/json'],
    ['application/*', 'application/json'],
    ['application/json, */*', 'application/json'],
    ['application/yaml', 'application/yaml'],
    ['application/json;q=0.5, application/yaml', 'application/yaml'],
    ['*/*, application/yaml', 'application/yaml'],
    ['application/json;q=0, */*;q=0.1', 'application/yaml'],
    ['APPLICATION/YAML; charset=utf-8', 'application/yaml'],
    ['text/html, application/xhtml+xml', undefined],
    ['application/json;q=0', undefined],
  ])('picks the media type for Accept %j', (accept, want) => {
    expect(negotiate(accept, OFFERED)).toBe(want);
  });
});

describe('bareMediaType', () => {
  it.each([
    ['application/json', 'application/json'],
    ['application/json; charset=utf-8', 'application/json'],
    [' Application/YAML ;x=y', 'application/yaml'],
  ])('reads %j as %s', (header, want) => {
    expect(bareMediaType(header)).toBe(want);
  });
});

describe('codec', () => {
  it('offers protobuf for request bodies and answers', () => {
    const protobuf = 'application/vnd.kubernetes.protobuf';
    expect(responseSerializer(protobuf)?.mediaType).toBe(protobuf);
    expect(requestSerializer(protobuf)?.mediaType).toBe(protobuf);
  });

  it('takes protobuf when the client lists it before JSON, as client-go does', () => {
    const accept = 'application/vnd.kubernetes.protobuf, application/json';
    expect(responseSerializer(accept)?.mediaType).toBe('application/vnd.kubernetes.protobuf');
  });

  it('falls back to JSON past a media type it cannot produce', () => {
    expect(responseSerializer('text/html, application/json')?.mediaType).toBe('application/json');
  });

  it('reads a missing Content-Type as JSON', () => {
    expect(requestSerializer(undefined)?.mediaType).toBe('application/json');
  });

  it('escapes HTML characters in JSON as Go does and ends compact output with a newline', () => {
    const json = responseSerializer('application/json');
    expect(json?.encode({ m: '<a>&b' }, false)).toBe('{"m":"\\u003ca\\u003e\\u0026b"}\n');
    expect(json?.encode({ m: 1 }, true)).toBe('{\n  "m": 1\n}');
  });

  it('writes YAML with sorted keys and unindented lists', () => {
    const yaml = responseSerializer('application/yaml');
    const body = yaml?.encode(
      { kind: 'Status', details: { causes: [{ reason: 'r', field: 'f' }] } },
      true,
    );
    expect(body).toBe('details:\n  causes:\n  - field: f\n    reason: r\nkind: Status\n');
  });

  it('reports a YAML syntax error with the converter prefix', () => {
    const decoded = requestSerializer('application/yaml')?.decode(Buffer.from('a: ['));
    expect(decoded).toMatchObject({ ok: false });
    expect(decoded?.ok === false && decoded.error).toMatch(
      /^error converting YAML to JSON: yaml: /,
    );
  });
});
