import {
  collectionPath,
  itemPath,
  itemTemplate,
  otherGroupVersion,
  type ApiPrefix,
} from './api-prefix';
import { conformsTo, documents, expectConforms, expectSchema } from './conformance';
import type { Call, Method, Reply } from './contract-client';
import { useContractSuite } from './contract-suite';
import { expectMediaType, expectStatus } from './expect-status';
import { JSON_MEDIA } from './media-type';
import { freshContent, freshName, signatureBody } from './signature-body';
import { describeTagged, itTagged } from './tags';
import { targetPrefixes } from './target';

// Requests the server must refuse before it looks at its store: bodies it cannot decode
// (400), media types it cannot read or write (415, 406), bodies over the limit (413) and
// methods the resource does not have (405).

const suite = useContractSuite();

// The largest body the real server reads (openshift-imagesignature.md §2.2 step 1).
const BODY_LIMIT = 3 * 1024 * 1024;

interface BadBodyCase {
  name: string;
  /** The raw body for a fresh name on `prefix`. */
  given: (prefix: ApiPrefix, name: string) => string;
}

const BAD_BODIES: BadBodyCase[] = [
  { name: 'malformed JSON', given: () => '{"kind":"ImageSignature",' },
  { name: 'an empty body', given: () => '' },
  {
    name: 'a body of another kind',
    given: (prefix, name) => JSON.stringify({ ...signatureBody(prefix, name), kind: 'Image' }),
  },
  {
    name: 'content that is not base64',
    given: (prefix, name) => JSON.stringify({ ...signatureBody(prefix, name), content: '!!*' }),
  },
  {
    name: 'the apiVersion of the other group',
    given: (prefix, name) =>
      JSON.stringify({ ...signatureBody(prefix, name), apiVersion: otherGroupVersion(prefix) }),
  },
];

const UNSUPPORTED = { code: 415, reason: 'UnsupportedMediaType' };
const NOT_ACCEPTABLE = { code: 406, reason: 'NotAcceptable' };

const MEDIA_REFUSALS = [
  { header: 'Content-Type', value: 'text/plain', want: UNSUPPORTED },
  { header: 'Content-Type', value: 'application/xml', want: UNSUPPORTED },
  { header: 'Accept', value: 'text/html', want: NOT_ACCEPTABLE },
  { header: 'Accept', value: 'application/xml', want: NOT_ACCEPTABLE },
  { header: 'Accept', value: 'image/png', want: NOT_ACCEPTABLE },
] as const;

interface WrongMethodCase {
  method: Method;
  on: 'collection' | 'item';
}

const WRONG_METHODS: WrongMethodCase[] = [
  { method: 'get', on: 'collection' },
  { method: 'delete', on: 'collection' },
  { method: 'put', on: 'collection' },
  { method: 'get', on: 'item' },
  { method: 'put', on: 'item' },
  { method: 'patch', on: 'item' },
  { method: 'post', on: 'item' },
];

function post(prefix: ApiPrefix, call: Partial<Call> & { body: string }): Promise<Reply> {
  return suite.send({
    method: 'post',
    path: collectionPath(prefix),
    contentType: JSON_MEDIA.name,
    ...call,
  });
}

describe.each(targetPrefixes())('%s/imagesignatures', (prefix) => {
  const conformsToCreate = conformsTo(collectionPath(prefix), 'post');

  describeTagged(['errors', 'media:json'], 'POST with a body it cannot decode', () => {
    for (const { name, given } of BAD_BODIES) {
      itTagged([], `answers 400 BadRequest for ${name}`, async () => {
        const signature = freshName(suite.target.image);
        suite.track(signature);
        const reply = await post(prefix, { body: given(prefix, signature) });

        expectMediaType(reply, JSON_MEDIA.name);
        conformsToCreate(reply);
        expectStatus(reply, { code: 400, reason: 'BadRequest' });
      });
    }
  });

  describeTagged(['errors'], 'POST with media types it does not speak', () => {
    it.each(MEDIA_REFUSALS)(
      'answers $want.code $want.reason for $header $value',
      async ({ header, value, want }) => {
        const signature = freshName(suite.target.image);
        suite.track(signature);
        const body = JSON.stringify(signatureBody(prefix, signature));
        const media = header === 'Accept' ? { accept: value } : { contentType: value };
        const reply = await post(prefix, { body, ...media });

        expectMediaType(reply, JSON_MEDIA.name);
        conformsToCreate(reply);
        expectStatus(reply, want);
      },
    );

    itTagged([], 'answers 406 NotAcceptable to a delete with Accept text/html', async () => {
      const name = freshName(suite.target.image);
      const reply = await suite.send({
        method: 'delete',
        path: itemPath(prefix, name),
        accept: 'text/html',
      });

      expectMediaType(reply, JSON_MEDIA.name);
      expectConforms(itemTemplate(prefix), 'delete', reply);
      expectStatus(reply, NOT_ACCEPTABLE);
    });
  });

  describeTagged(['errors', 'media:json'], 'POST with a body over 3 MiB', () => {
    itTagged([], 'answers 413 RequestEntityTooLarge', async () => {
      const signature = freshName(suite.target.image);
      suite.track(signature);
      const content = freshContent() + 'A'.repeat(BODY_LIMIT);
      const body = JSON.stringify(signatureBody(prefix, signature, content));
      const reply = await suite.client.upload({
        method: 'post',
        path: collectionPath(prefix),
        contentType: JSON_MEDIA.name,
        body,
      });

      conformsToCreate(reply);
      expectStatus(reply, { code: 413, reason: 'RequestEntityTooLarge' });
    });
  });

  describeTagged(['errors'], 'methods the resource does not have', () => {
    for (const { method, on } of WRONG_METHODS) {
      const template = on === 'collection' ? collectionPath(prefix) : itemTemplate(prefix);
      itTagged(
        [],
        `answers 405 MethodNotAllowed to ${method.toUpperCase()} ${template}`,
        async () => {
          const name = freshName(suite.target.image);
          const path = on === 'collection' ? collectionPath(prefix) : itemPath(prefix, name);
          const withBody = method === 'put' || method === 'patch' || method === 'post';
          const reply = await suite.send({
            method,
            path,
            ...(withBody && {
              contentType: JSON_MEDIA.name,
              body: JSON.stringify(signatureBody(prefix, name)),
            }),
          });

          expectMediaType(reply, JSON_MEDIA.name);
          expectDocumented(template, method, reply);
          expectStatus(reply, { code: 405, reason: 'MethodNotAllowed' });
        },
      );
    }
  });
});

// The document lists some refused methods as operations; the others have no entry, so
// their answer is checked against the Status schema alone.
function expectDocumented(template: string, method: Method, reply: Reply): void {
  if (documents(template, method)) expectConforms(template, method, reply);
  else expectSchema('Status', reply);
}
