import { serveBanner, type BannerInput } from '../../mock/serve-banner';

// The banner is what a user pastes from: it must name the endpoint and the development
// token, count the extra tokens without printing them, and build curl commands that fit
// the scheme.

const base: BannerInput = {
  url: 'https://127.0.0.1:8443',
  token: 'imagesig-dev-token',
  extraTokens: 0,
  profileVersion: '3.11',
  collectionPath: '/oapi/v1/imagesignatures',
  apiVersion: 'v1',
  seed: 1,
  images: [],
  extraImages: ['sha256:' + 'a'.repeat(64)],
};

describe('serveBanner', () => {
  it('names the endpoint and the development token', () => {
    const text = serveBanner(base);
    expect(text).toContain('endpoint: https://127.0.0.1:8443\n');
    expect(text).toContain('token:    imagesig-dev-token\n');
    expect(text).not.toContain('more given with --token');
  });

  it('counts tokens added with --token but never prints them', () => {
    const text = serveBanner({ ...base, extraTokens: 2 });
    expect(text).toContain('and 2 more given with --token');
  });

  it('sends the example requests to the path and apiVersion it is given', () => {
    const grouped = serveBanner({
      ...base,
      collectionPath: '/apis/image.openshift.io/v1/imagesignatures',
      apiVersion: 'image.openshift.io/v1',
    });
    expect(grouped).toContain('"apiVersion":"image.openshift.io/v1"');
    expect(grouped).toMatch(
      /-X POST .* https:\/\/127\.0\.0\.1:8443\/apis\/image\.openshift\.io\/v1\/imagesignatures\n/,
    );
    expect(grouped).not.toContain('/oapi/v1');
  });

  it('adds -k to the curl commands over HTTPS only', () => {
    expect(serveBanner(base)).toMatch(/curl -k -X POST/);
    expect(serveBanner({ ...base, url: 'http://127.0.0.1:9000' })).toMatch(/curl -X POST/);
  });
});
