import { collectionPath, groupVersionOf, type ApiPrefix } from './api-prefix';
import { conformsTo } from './conformance';
import { useContractSuite } from './contract-suite';
import { expectCauses, expectCode, expectMediaType, expectStatus, WANT } from './expect-status';
import { MEDIA_TYPES, type MediaType } from './media-type';
import {
  freshContent,
  freshName,
  signatureBody,
  unknownImage,
  type SignatureBody,
} from './signature-body';
import { describeTagged, itTagged } from './tags';
import { targetPrefixes } from './target';

// Create (POST on the collection), once per prefix and per media type: the answer to a
// good body, to duplicates, to an unknown image and to a body that fails validation.

const suite = useContractSuite();

// The fields a create clears (openshift-imagesignature.md §2.2 step 5).
const SERVER_MANAGED = [
  'conditions',
  'imageIdentity',
  'signedClaims',
  'created',
  'issuedBy',
  'issuedTo',
];

function create(prefix: ApiPrefix, media: MediaType, body: SignatureBody) {
  suite.track(body.metadata['name']);
  return suite.send({
    method: 'post',
    path: collectionPath(prefix),
    contentType: media.name,
    accept: media.name,
    body: media.encode(body),
  });
}

async function createOrFail(prefix: ApiPrefix, media: MediaType, body: SignatureBody) {
  const reply = await create(prefix, media, body);
  expectCode(reply, 201, 'this check needs the first create to succeed');
  return reply;
}

describe.each(targetPrefixes())('POST %s/imagesignatures', (prefix) => {
  const conforms = conformsTo(collectionPath(prefix), 'post');

  describe.each(MEDIA_TYPES.map((media) => [media.name, media] as const))(
    'with %s bodies and answers',
    (_name, media) => {
      describeTagged([media.tag, 'stateful'], 'a new signature', () => {
        itTagged([], 'answers 201 Created with the stored signature', async () => {
          const name = freshName(suite.target.image);
          const body = signatureBody(prefix, name);
          const reply = await create(prefix, media, body);

          const why =
            'the real server answers 201 Created (200 and 202 are documented, never sent)';
          expectCode(reply, 201, why);
          expectMediaType(reply, media.name);
          conforms(reply);
          expect(reply.body).toMatchObject({
            kind: 'ImageSignature',
            apiVersion: groupVersionOf(prefix),
            metadata: {
              name,
              uid: expect.stringMatching(/\S/),
              creationTimestamp: expect.stringMatching(/\S/),
            },
            type: body.type,
            content: body.content,
          });
        });

        itTagged([], 'drops server-managed fields and clears the namespace', async () => {
          const body: SignatureBody = {
            ...signatureBody(prefix, freshName(suite.target.image)),
            conditions: [{ type: 'Trusted', status: 'True' }],
            imageIdentity: 'registry.example.com/app:1.0',
            signedClaims: { claim: 'value' },
            created: '2018-07-10T12:00:00Z',
            issuedBy: { organization: 'Example', commonName: 'Example CA' },
            issuedTo: { organization: 'Example', commonName: 'Signer', publicKeyID: 'abcd' },
          };
          body.metadata['namespace'] = 'default';
          body.metadata['uid'] = 'chosen-by-the-client';
          const reply = await createOrFail(prefix, media, body);

          conforms(reply);
          const stored = reply.body as Record<string, unknown> & {
            metadata: Record<string, unknown>;
          };
          for (const field of SERVER_MANAGED) expect(stored).not.toHaveProperty(field);
          expect(stored.metadata['namespace'] ?? '').toBe('');
          expect(stored.metadata['uid']).not.toBe('chosen-by-the-client');
        });
      });

      describeTagged([media.tag, 'stateful'], 'a duplicate', () => {
        itTagged([], 'answers 409 AlreadyExists for a name that is taken', async () => {
          const name = freshName(suite.target.image);
          await createOrFail(prefix, media, signatureBody(prefix, name));

          const reply = await create(prefix, media, signatureBody(prefix, name));
          expectMediaType(reply, media.name);
          conforms(reply);
          expectStatus(reply, WANT.alreadyExists(name));
        });

        itTagged([], 'answers 409 AlreadyExists for the same type and content', async () => {
          const content = freshContent();
          const first = signatureBody(prefix, freshName(suite.target.image), content);
          await createOrFail(prefix, media, first);

          const second = freshName(suite.target.image);
          const reply = await create(prefix, media, signatureBody(prefix, second, content));
          conforms(reply);
          expectStatus(reply, WANT.alreadyExists(second));
        });
      });

      describeTagged([media.tag, 'stateful'], 'an unknown image', () => {
        itTagged([], 'answers 404 NotFound naming the image', async () => {
          const image = unknownImage();
          const reply = await create(prefix, media, signatureBody(prefix, freshName(image)));

          expectMediaType(reply, media.name);
          conforms(reply);
          expectStatus(reply, WANT.imageNotFound(image));
        });
      });

      describeTagged([media.tag, 'errors'], 'an invalid body', () => {
        itTagged([], 'answers 422 Invalid listing every cause', async () => {
          const reply = await create(prefix, media, { metadata: { name: 'foo' } });

          expectMediaType(reply, media.name);
          conforms(reply);
          expectStatus(reply, WANT.invalid('foo'));
          const causes = [
            { field: 'metadata.name', reason: 'FieldValueInvalid' },
            { field: 'type', reason: 'FieldValueRequired' },
            { field: 'content', reason: 'FieldValueRequired' },
          ];
          expectCauses(reply, causes, true);
        });
      });
    },
  );
});
