import { collectionPath } from './api-prefix';
import { conformsTo } from './conformance';
import { useContractSuite } from './contract-suite';
import { expectMediaType, expectStatus } from './expect-status';
import { JSON_MEDIA } from './media-type';
import { freshName, signatureBody } from './signature-body';
import { describeTagged, itTagged } from './tags';
import { targetPrefixes } from './target';

// How JSON is written (openshift-imagesignature.md §5): compact with a trailing newline,
// two-space indented without one for ?pretty=true and for curl, Wget and browsers, and
// the 406 answer always indented. The checks read answers that no store is involved in:
// 405 to a list, and 406 to a create.

const suite = useContractSuite();

const INDENTED = /^\{\n {2}"kind": "Status",\n/;

describe.each(targetPrefixes())('GET %s/imagesignatures', (prefix) => {
  const path = collectionPath(prefix);
  const conforms = conformsTo(path, 'get');

  describeTagged(['format:json', 'errors', 'media:json'], 'JSON layout', () => {
    itTagged([], 'answers compact JSON ending in a newline by default', async () => {
      const reply = await suite.send({ method: 'get', path });

      expectStatus(reply, { code: 405, reason: 'MethodNotAllowed' });
      expect(reply.text).toMatch(/^\{"kind":"Status",[^\n]*\}\n$/);
    });

    it.each(['true', '1', 'True'])('indents by two spaces for ?pretty=%s', async (pretty) => {
      const reply = await suite.send({ method: 'get', path, query: { pretty } });

      expectMediaType(reply, JSON_MEDIA.name);
      conforms(reply);
      expect(reply.text).toMatch(INDENTED);
      expect(reply.text.endsWith('}')).toBe(true);
    });

    it.each(['curl/8.5.0', 'Wget/1.21.4', 'Mozilla/5.0 (X11; Linux x86_64)'])(
      'indents for the user agent %s',
      async (userAgent) => {
        const reply = await suite.send({ method: 'get', path, userAgent });
        expect(reply.text).toMatch(INDENTED);
      },
    );

    itTagged([], 'stays compact for curl with ?pretty=false', async () => {
      const reply = await suite.send({
        method: 'get',
        path,
        userAgent: 'curl/8.5.0',
        query: { pretty: 'false' },
      });
      expect(reply.text).toMatch(/^\{"kind":"Status",[^\n]*\}\n$/);
    });

    itTagged([], 'indents the 406 answer to a create', async () => {
      const name = freshName(suite.target.image);
      suite.track(name);
      const reply = await suite.send({
        method: 'post',
        path,
        accept: 'text/html',
        contentType: JSON_MEDIA.name,
        body: JSON_MEDIA.encode(signatureBody(prefix, name)),
      });

      expectStatus(reply, { code: 406, reason: 'NotAcceptable' });
      expectMediaType(reply, JSON_MEDIA.name);
      expect(reply.text).toMatch(INDENTED);
    });
  });
});
