import { API_PREFIXES, collectionPath, itemPath, itemTemplate, type ApiPrefix } from './api-prefix';
import { conformsTo } from './conformance';
import { useContractSuite } from './contract-suite';
import { expectCode, expectMediaType, expectStatus, WANT } from './expect-status';
import { JSON_MEDIA, MEDIA_TYPES } from './media-type';
import { freshName, signatureBody, signatureId, unknownImage } from './signature-body';
import { describeTagged, itTagged } from './tags';
import { targetPrefixes } from './target';

// Delete (DELETE on the item), once per prefix: a stored signature goes with 200 Success
// and is then gone (404); raw and %-encoded names are the same name; bad names are 400.

const suite = useContractSuite();
const PREFIXES = targetPrefixes();

/** Creates a fresh signature through `prefix` and returns its name. */
async function stored(prefix: ApiPrefix): Promise<string> {
  const name = freshName(suite.target.image);
  suite.track(name);
  const reply = await suite.send({
    method: 'post',
    path: collectionPath(prefix),
    contentType: JSON_MEDIA.name,
    body: JSON_MEDIA.encode(signatureBody(prefix, name)),
  });
  expectCode(reply, 201, 'a create must succeed before the delete can be checked');
  return name;
}

describe.each(PREFIXES)('DELETE %s/imagesignatures/{name}', (prefix) => {
  const conforms = conformsTo(itemTemplate(prefix), 'delete');
  const remove = (path: string, accept: string = JSON_MEDIA.name) =>
    suite.send({ method: 'delete', path, accept });

  describe.each(MEDIA_TYPES.map((media) => [media.name, media] as const))(
    'answered in %s',
    (_name, media) => {
      describeTagged([media.tag, 'stateful'], 'a stored signature', () => {
        itTagged([], 'answers 200 Success, then 404 NotFound once it is gone', async () => {
          const name = await stored(prefix);

          const first = await remove(itemPath(prefix, name), media.name);
          expectMediaType(first, media.name);
          conforms(first);
          expectStatus(first, WANT.success);

          const again = await remove(itemPath(prefix, name), media.name);
          expectMediaType(again, media.name);
          conforms(again);
          expectStatus(again, WANT.signatureNotFound(name));
        });
      });

      describeTagged([media.tag, 'stateful'], 'an unknown image', () => {
        itTagged([], 'answers 404 NotFound naming the image', async () => {
          const image = unknownImage();
          const reply = await remove(itemPath(prefix, `${image}@${signatureId()}`), media.name);

          expectMediaType(reply, media.name);
          conforms(reply);
          expectStatus(reply, WANT.imageNotFound(image));
        });
      });
    },
  );

  describeTagged(['stateful', 'media:json'], 'name spellings', () => {
    it.each([
      ['raw', 'encoded'],
      ['encoded', 'raw'],
    ] as const)('deletes by the %s name, then answers 404 to the %s name', async (first, then) => {
      const name = await stored(prefix);

      const deleted = await remove(itemPath(prefix, name, first));
      conforms(deleted);
      expectStatus(deleted, WANT.success);

      const gone = await remove(itemPath(prefix, name, then));
      conforms(gone);
      expectStatus(gone, WANT.signatureNotFound(name));
    });

    itTagged([], 'ignores a DeleteOptions body', async () => {
      const name = await stored(prefix);
      const options = { kind: 'DeleteOptions', apiVersion: 'v1', gracePeriodSeconds: 0 };
      const reply = await suite.send({
        method: 'delete',
        path: itemPath(prefix, name, 'encoded'),
        contentType: JSON_MEDIA.name,
        body: JSON.stringify(options),
      });

      conforms(reply);
      expectStatus(reply, WANT.success);
    });
  });

  const other = API_PREFIXES.find((candidate) => candidate !== prefix) ?? prefix;
  describeTagged(['stateful', 'media:json'], 'one store behind both prefixes', () => {
    itTagged(
      [],
      `deletes a signature created through ${other}`,
      async () => {
        const name = await stored(other);
        const reply = await remove(itemPath(prefix, name, 'encoded'));

        conforms(reply);
        expectStatus(reply, WANT.success);
      },
      PREFIXES.includes(other) ? undefined : `the target does not serve ${other}`,
    );
  });

  describeTagged(['errors', 'media:json'], 'a name without exactly one @', () => {
    const id = signatureId();
    it.each([
      ['no @', `sha256:${id}`],
      ['an empty signature part', `sha256:${id}@`],
      ['an empty image part', `@${id}`],
      ['two @', `sha256:${id}@a@b`],
    ])('answers 400 BadRequest for %s', async (_case, name) => {
      for (const spelling of ['raw', 'encoded'] as const) {
        const reply = await remove(itemPath(prefix, name, spelling));

        expectMediaType(reply, JSON_MEDIA.name);
        conforms(reply);
        expectStatus(reply, { code: 400, reason: 'BadRequest' });
      }
    });
  });
});
