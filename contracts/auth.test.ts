import { collectionPath, itemPath, itemTemplate, type ApiPrefix } from './api-prefix';
import { expectConforms } from './conformance';
import type { Call, Method } from './contract-client';
import { useContractSuite } from './contract-suite';
import { expectCode, expectMediaType, expectStatus, WANT } from './expect-status';
import { JSON_MEDIA } from './media-type';
import { freshName, signatureBody, signatureId } from './signature-body';
import { itTagged } from './tags';
import { hasUnprivilegedToken, targetPrefixes, TARGET_ENV } from './target';

// Authentication and authorization, which the real server checks before anything else
// (openshift-imagesignature.md §2.3): an unknown token is 401 even for a body it could
// not decode, no token is 401 or 403 (servers differ), a user without the image-signer
// role is 403.

const suite = useContractSuite();

interface Operation {
  name: string;
  method: Method;
  template: (prefix: ApiPrefix) => string;
  call: (prefix: ApiPrefix, image: string) => Call;
}

const OPERATIONS: Operation[] = [
  {
    name: 'a create',
    method: 'post',
    template: collectionPath,
    call: (prefix, image) => {
      const name = freshName(image);
      suite.track(name);
      const body = JSON.stringify(signatureBody(prefix, name));
      return { method: 'post', path: collectionPath(prefix), contentType: JSON_MEDIA.name, body };
    },
  },
  {
    name: 'a create with a malformed body',
    method: 'post',
    template: collectionPath,
    call: (prefix) => ({
      method: 'post',
      path: collectionPath(prefix),
      contentType: JSON_MEDIA.name,
      body: '{"kind":',
    }),
  },
  {
    name: 'a delete',
    method: 'delete',
    template: itemTemplate,
    call: (prefix, image) => ({ method: 'delete', path: itemPath(prefix, freshName(image)) }),
  },
  {
    name: 'a list, which the resource does not have',
    method: 'get',
    template: collectionPath,
    call: (prefix) => ({ method: 'get', path: collectionPath(prefix) }),
  },
];

const UNPRIVILEGED = hasUnprivilegedToken();

describe.each(targetPrefixes())('%s/imagesignatures', (prefix) => {
  for (const operation of OPERATIONS) {
    const send = (token: string | null) =>
      suite.send({ ...operation.call(prefix, suite.target.image), token });
    const conforms = (reply: Parameters<typeof expectConforms>[2]) =>
      expectConforms(operation.template(prefix), operation.method, reply);

    describe(operation.name, () => {
      itTagged(['auth:values'], 'answers 401 Unauthorized for an unknown token', async () => {
        const reply = await send(`unknown-${signatureId()}`);

        expectMediaType(reply, JSON_MEDIA.name);
        conforms(reply);
        expectStatus(reply, { code: 401, reason: 'Unauthorized' });
      });

      itTagged([], 'answers 401 Unauthorized or 403 Forbidden without a token', async () => {
        const reply = await send(null);

        expectCode(reply, [401, 403]);
        expectMediaType(reply, JSON_MEDIA.name);
        conforms(reply);
        const reason = reply.status === 401 ? 'Unauthorized' : 'Forbidden';
        expectStatus(reply, { code: reply.status, reason });
      });

      const forbidden = 'answers 403 Forbidden for a user without the image-signer role';
      itTagged(
        ['auth:values'],
        forbidden,
        async () => {
          const reply = await send(suite.target.unprivilegedToken ?? null);

          expectMediaType(reply, JSON_MEDIA.name);
          conforms(reply);
          expectStatus(reply, WANT.forbidden(prefix === '/oapi/v1'));
        },
        UNPRIVILEGED ? undefined : `set ${TARGET_ENV.unprivilegedToken} or --unprivileged-token`,
      );
    });
  }
});
