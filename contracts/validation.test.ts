import { collectionPath } from './api-prefix';
import { conformsTo } from './conformance';
import { useContractSuite } from './contract-suite';
import { expectCauses, expectMediaType, expectStatus, WANT, type WantCause } from './expect-status';
import { JSON_MEDIA } from './media-type';
import { freshName, signatureBody, signatureId, type SignatureBody } from './signature-body';
import { describeTagged, itTagged } from './tags';
import { targetPrefixes } from './target';

// Validation of a create body (openshift-imagesignature.md §2.2 step 6): each rule on its
// own, answered 422 Invalid with a cause naming the field and the kind of fault.

const suite = useContractSuite();

interface InvalidCase {
  name: string;
  /** Turns a valid body for `image` into the invalid one. */
  given: (body: SignatureBody, image: string) => void;
  want: WantCause;
}

const CASES: InvalidCase[] = [
  {
    name: 'a name without @',
    given: (body) => (body.metadata['name'] = `nohash${signatureId()}`),
    want: { field: 'metadata.name', reason: 'FieldValueInvalid' },
  },
  {
    name: 'an empty name',
    given: (body) => (body.metadata['name'] = ''),
    want: { field: 'metadata.name', reason: 'FieldValueRequired' },
  },
  {
    name: 'a name with a slash',
    given: (body, image) => (body.metadata['name'] = `${image}@a/${signatureId()}`),
    want: { field: 'metadata.name', reason: 'FieldValueInvalid' },
  },
  {
    name: 'a name with a percent sign',
    given: (body, image) => (body.metadata['name'] = `${image}@a%${signatureId()}`),
    want: { field: 'metadata.name', reason: 'FieldValueInvalid' },
  },
  {
    name: 'no type',
    given: (body) => delete body.type,
    want: { field: 'type', reason: 'FieldValueRequired' },
  },
  {
    name: 'an empty type',
    given: (body) => (body.type = ''),
    want: { field: 'type', reason: 'FieldValueRequired' },
  },
  {
    name: 'no content',
    given: (body) => delete body.content,
    want: { field: 'content', reason: 'FieldValueRequired' },
  },
  {
    name: 'null content',
    given: (body) => Object.assign(body, { content: null }),
    want: { field: 'content', reason: 'FieldValueRequired' },
  },
  {
    name: 'labels',
    given: (body) => (body.metadata['labels'] = { team: 'signers' }),
    want: { field: 'metadata.labels', reason: 'FieldValueForbidden' },
  },
  {
    name: 'annotations',
    given: (body) => (body.metadata['annotations'] = { note: 'signed' }),
    want: { field: 'metadata.annotations', reason: 'FieldValueForbidden' },
  },
];

describe.each(targetPrefixes())('POST %s/imagesignatures', (prefix) => {
  const conforms = conformsTo(collectionPath(prefix), 'post');

  describeTagged(['errors', 'media:json'], 'validation', () => {
    for (const { name, given, want } of CASES) {
      itTagged([], `answers 422 Invalid with a ${want.field} cause for ${name}`, async () => {
        const body = signatureBody(prefix, freshName(suite.target.image));
        given(body, suite.target.image);
        suite.track(body.metadata['name']);

        const reply = await suite.send({
          method: 'post',
          path: collectionPath(prefix),
          contentType: JSON_MEDIA.name,
          body: JSON_MEDIA.encode(body),
        });
        expectMediaType(reply, JSON_MEDIA.name);
        conforms(reply);
        expectStatus(reply, WANT.invalid());
        expectCauses(reply, [want]);
      });
    }
  });
});
