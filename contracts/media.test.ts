import { useContractSuite } from './contract-suite';
import { expectCode } from './expect-status';
import { probeMedia } from './media-probe';
import { ALL_MEDIA_TYPES, MEDIA_TYPES, MEDIA_TYPES_ENV, PROTOBUF_MEDIA } from './media-type';
import { collectionPath } from './api-prefix';
import { itTagged } from './tags';
import { targetPrefixes } from './target';

// The media types the target claims (IMAGESIG_MEDIA_TYPES, all three by default) are
// the ones every per-media check runs with; this file holds the target to the claim,
// and says which media types it speaks, so a run's report names them.

const suite = useContractSuite();
const claimed = new Set(MEDIA_TYPES.map((media) => media.name));

describe.each(targetPrefixes())('media types on %s', (prefix) => {
  describe.each(ALL_MEDIA_TYPES.map((media) => [media.name, media] as const))('%s', (_, media) => {
    const unclaimed = claimed.has(media.name) ? undefined : `not claimed by ${MEDIA_TYPES_ENV}`;

    itTagged(
      [media.tag],
      'is answered in and read by the target',
      async () => {
        const support = await probeMedia(suite.client, prefix, media);

        const { answers, reads, problems } = support;
        expect({ media: media.name, answers, reads, problems }).toEqual({
          media: media.name,
          answers: true,
          reads: true,
          problems: [],
        });
      },
      unclaimed,
    );
  });

  itTagged(
    [PROTOBUF_MEDIA.tag],
    'refuses a protobuf body without the k8s\\0 prefix with 400 BadRequest',
    async () => {
      const reply = await suite.send({
        method: 'post',
        path: collectionPath(prefix),
        contentType: PROTOBUF_MEDIA.name,
        body: JSON.stringify({ metadata: { name: 'no-prefix' } }),
      });

      expectCode(reply, 400, 'the real server checks the 4 magic bytes first');
      expect(reply.body).toMatchObject({ kind: 'Status', reason: 'BadRequest' });
    },
    claimed.has(PROTOBUF_MEDIA.name) ? undefined : `not claimed by ${MEDIA_TYPES_ENV}`,
  );
});
