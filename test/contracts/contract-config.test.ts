import { parsePrefixes, itemPath } from '../../contracts/api-prefix';
import { parseSkip, tagged } from '../../contracts/tags';
import { externalTarget, hasUnprivilegedToken, parseBaseUrl } from '../../contracts/target';

describe('parsePrefixes', () => {
  it.each([
    { given: undefined, want: ['/oapi/v1', '/apis/image.openshift.io/v1'] },
    { given: '', want: ['/oapi/v1', '/apis/image.openshift.io/v1'] },
    { given: '/oapi/v1', want: ['/oapi/v1'] },
    {
      given: ' /apis/image.openshift.io/v1/ ,/oapi/v1',
      want: ['/apis/image.openshift.io/v1', '/oapi/v1'],
    },
    { given: '/oapi/v1,/oapi/v1', want: ['/oapi/v1'] },
  ])('reads $given as $want', ({ given, want }) => {
    expect(parsePrefixes(given)).toEqual(want);
  });

  it.each(['/api/v1', 'oapi', ','])('rejects %p', (given) => {
    expect(() => parsePrefixes(given)).toThrow(/prefix/);
  });
});

describe('itemPath', () => {
  it.each([
    { spelling: 'raw', want: '/oapi/v1/imagesignatures/sha256:ab@cd' },
    { spelling: 'encoded', want: '/oapi/v1/imagesignatures/sha256%3Aab%40cd' },
  ] as const)('spells the name $spelling', ({ spelling, want }) => {
    expect(itemPath('/oapi/v1', 'sha256:ab@cd', spelling)).toBe(want);
  });
});

describe('parseSkip', () => {
  it('reads a comma-separated list of known tags', () => {
    expect([...parseSkip(' stateful, media:yaml ,')]).toEqual(['stateful', 'media:yaml']);
  });

  it('rejects an unknown tag, naming it', () => {
    expect(() => parseSkip('stateful,statefull')).toThrow(/"statefull"/);
  });

  it('puts tags in titles where --testNamePattern can find them', () => {
    expect(tagged('answers 201', ['stateful', 'media:json'])).toBe(
      'answers 201 [stateful] [media:json]',
    );
  });
});

describe('parseBaseUrl', () => {
  it.each([
    { given: 'https://127.0.0.1:8443', want: 'https://127.0.0.1:8443' },
    { given: 'http://127.0.0.1:9000/', want: 'http://127.0.0.1:9000' },
    { given: 'https://example.com/proxy/', want: 'https://example.com/proxy' },
  ])('reads $given as $want', ({ given, want }) => {
    expect(parseBaseUrl(given)).toBe(want);
  });

  it.each(['127.0.0.1:8443', 'ftp://127.0.0.1', 'not a url'])('rejects %p', (given) => {
    expect(() => parseBaseUrl(given, '--base-url')).toThrow(/--base-url/);
  });
});

describe('externalTarget', () => {
  const env = { IMAGESIG_TOKEN: 't', IMAGESIG_IMAGE: 'sha256:ab' };

  it('reads the token, image and TLS settings', () => {
    const target = externalTarget('https://127.0.0.1:8443/', { ...env, IMAGESIG_INSECURE: '1' });
    expect(target).toEqual({
      baseUrl: 'https://127.0.0.1:8443',
      token: 't',
      image: 'sha256:ab',
      unprivilegedToken: undefined,
      tls: { insecure: true, ca: undefined },
    });
  });

  it.each(['IMAGESIG_TOKEN', 'IMAGESIG_IMAGE'])('requires %s', (name) => {
    expect(() => externalTarget('http://127.0.0.1:1', { ...env, [name]: ' ' })).toThrow(name);
  });
});

describe('hasUnprivilegedToken', () => {
  it.each([
    { given: {}, want: true },
    { given: { IMAGESIG_BASE_URL: 'http://127.0.0.1:1' }, want: false },
    {
      given: { IMAGESIG_BASE_URL: 'http://127.0.0.1:1', IMAGESIG_UNPRIVILEGED_TOKEN: 'u' },
      want: true,
    },
  ])('is $want for $given', ({ given, want }) => {
    expect(hasUnprivilegedToken(given)).toBe(want);
  });
});
