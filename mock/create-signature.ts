// POST on the collection: the create pipeline after authorization and routing, in the
// real order: Content-Type (415), size (413), decode (400), validate (422), image (404),
// duplicate (409), then 201 with the stored signature.
import { randomUUID } from 'node:crypto';

import * as errors from './api-errors';
import { discard, readBody } from './body-reader';
import { INTERPRET_PREFIX, requestSerializer, type Decoded, type Serializer } from './codec';
import { decodeSignature, unrecognizedMessage } from './decode-signature';
import { sendObject, sendStatus, type Exchange } from './exchange';
import type { PipelineContext } from './pipeline-context';
import type { Endpoint } from './routes';
import { splitSignatureName } from './signature-name';
import type { StoredSignature } from './signature-store';
import { validateSignature } from './validate-signature';
import { wireSignature } from './wire-signature';

export async function createSignature(
  context: PipelineContext,
  exchange: Exchange,
  endpoint: Endpoint,
): Promise<void> {
  const serializer = requestSerializer(exchange.req.headers['content-type']);
  if (serializer === undefined) {
    discard(exchange.req, 0);
    return sendStatus(exchange, errors.unsupportedMediaType(context.profile));
  }

  const read = await readBody(exchange.req, context.bodyLimit);
  // The rest of an oversized body is drained unread, so the client can finish sending and
  // read the 413 instead of failing with EPIPE.
  if (!read.ok) return sendStatus(exchange, errors.entityTooLarge(context.bodyLimit));

  const stored = decodeAndValidate(context, exchange, read.body, serializer, endpoint);
  if (stored === undefined) return;

  await store(context, exchange, stored, endpoint);
}

/** The signature to store, or undefined once a 400 or 422 has been sent. */
function decodeAndValidate(
  context: PipelineContext,
  exchange: Exchange,
  body: Buffer,
  serializer: Serializer,
  endpoint: Endpoint,
): StoredSignature | undefined {
  // An empty body has no kind to find, whatever the media type.
  const decoded = body.length === 0 ? EMPTY_BODY : serializer.decode(body);
  if (!decoded.ok) {
    sendStatus(exchange, errors.badRequest(unrecognizedMessage(decoded.error, body)));
    return undefined;
  }

  const result = decodeSignature(decoded.value, body, endpoint.apiVersion);
  if (!result.ok) {
    sendStatus(exchange, errors.badRequest(result.message));
    return undefined;
  }

  const { draft } = result;
  const causes = validateSignature(draft);
  const name = draft.metadata.name ?? '';
  if (causes.length > 0) {
    sendStatus(exchange, errors.invalid(context.profile, name, causes));
    return undefined;
  }

  const metadata = {
    ...draft.metadata,
    name,
    uid: context.newUid(),
    creationTimestamp: context.now(),
  };
  return { metadata, type: draft.type, content: draft.content };
}

const EMPTY_BODY: Decoded = {
  ok: false,
  error: `${INTERPRET_PREFIX}unexpected end of JSON input`,
};

async function store(
  context: PipelineContext,
  exchange: Exchange,
  signature: StoredSignature,
  endpoint: Endpoint,
): Promise<void> {
  const { name } = signature.metadata;
  // Validation has already refused names that do not split.
  const imageName = splitSignatureName(name)?.imageName ?? '';
  const createImage = context.createUnknownImages;

  const outcome = await context.store.addSignature(imageName, signature, { createImage });
  if (outcome === 'no-image') return sendStatus(exchange, errors.imageNotFound(imageName));
  if (outcome === 'exists') return sendStatus(exchange, errors.signatureExists(name));
  sendObject(exchange, 201, wireSignature(signature, endpoint));
}

/** Fresh server-set identity: a random uid, and now at second precision in UTC. */
export function defaultIdentity(): { newUid: () => string; now: () => string } {
  return { newUid: randomUUID, now: () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') };
}
