// POST on the collection: the create pipeline after authorization and routing, in the
// real order: Content-Type (415), size (413), query options (422, 4.x), decode (400,
// and unknown fields on 4.x), validate (422), image (404), duplicate (409), then 201
// with the stored signature.
import { randomUUID } from 'node:crypto';

import * as errors from './api-errors';
import { discard, readBody } from './body-reader';
import { INTERPRET_PREFIX, requestSerializer, type Decoded, type Serializer } from './codec';
import { cannotHandleMessage, decodeSignature, unrecognizedMessage } from './decode-signature';
import { continueBody, preparedObject, sendStatus, type Exchange } from './exchange';
import { PROTOBUF_MEDIA_TYPE } from './media-type';
import type { PipelineContext } from './pipeline-context';
import type { Endpoint } from './routes';
import { splitSignatureName } from './signature-name';
import type { StoredSignature } from './signature-store';
import {
  fieldValidationOf,
  unknownFields,
  warningHeaders,
  type FieldValidation,
} from './unknown-fields';
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

  continueBody(exchange);
  const read = await readBody(exchange.req, context.bodyLimit);
  // The rest of an oversized body is drained unread, so the client can finish sending and
  // read the 413 instead of failing with EPIPE.
  if (!read.ok) return sendStatus(exchange, errors.entityTooLarge(context.bodyLimit));

  const directive = fieldValidation(context, exchange);
  if (directive === undefined) return;

  const stored = decodeAndValidate(context, exchange, read.body, serializer, endpoint, directive);
  if (stored === undefined) return;

  await store(context, exchange, stored, endpoint);
}

/** How unknown fields are handled, or undefined once a 422 for the option has been sent. */
function fieldValidation(
  context: PipelineContext,
  exchange: Exchange,
): FieldValidation | undefined {
  // 3.x predates the option: unknown query parameters and fields are ignored.
  if (!context.profile.fieldValidation) return 'Ignore';

  const value = new URLSearchParams(exchange.query).get('fieldValidation');
  const directive = fieldValidationOf(value);
  if (directive === undefined) sendStatus(exchange, errors.invalidFieldValidation(value ?? ''));
  return directive;
}

/** The signature to store, or undefined once a 400, 422 or 500 has been sent. */
function decodeAndValidate(
  context: PipelineContext,
  exchange: Exchange,
  body: Buffer,
  serializer: Serializer,
  endpoint: Endpoint,
  directive: FieldValidation,
): StoredSignature | undefined {
  const defaults = { kind: 'ImageSignature', apiVersion: endpoint.apiVersion };
  // An empty body has no kind to find; protobuf words that itself ("empty data").
  const empty = body.length === 0 && serializer.mediaType !== PROTOBUF_MEDIA_TYPE;
  const decoded = empty ? EMPTY_BODY : serializer.decode(body, defaults);
  if (!decoded.ok) {
    const { error, typeMeta } = decoded;
    const message =
      typeMeta === undefined
        ? unrecognizedMessage(error, body)
        : cannotHandleMessage(typeMeta.kind, typeMeta.apiVersion, error);
    sendStatus(exchange, errors.badRequest(message));
    return undefined;
  }

  const fromText = serializer.mediaType !== PROTOBUF_MEDIA_TYPE;
  const result = decodeSignature(decoded.value, body, endpoint.apiVersion, fromText);
  if (!result.ok) {
    sendStatus(exchange, errors.badRequest(result.message));
    return undefined;
  }
  const strictErrors = decoded.strictErrors ?? [];
  if (
    serializer.namesFields &&
    !checkFields(exchange, decoded.value, strictErrors, endpoint, directive)
  ) {
    return undefined;
  }
  if (!context.profile.generateNameBecomesName && result.generatedName) {
    sendStatus(exchange, errors.internalError('metadata.name was not generated'));
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

/** Applies the field validation directive; false once the Strict 400 has been sent. */
function checkFields(
  exchange: Exchange,
  value: unknown,
  decodeErrors: readonly string[],
  endpoint: Endpoint,
  directive: FieldValidation,
): boolean {
  if (directive === 'Ignore') return true;
  // The decoder's own strict errors (a YAML key set twice) come before unknown fields.
  const unknown = [...decodeErrors, ...unknownFields(value)];
  if (unknown.length === 0) return true;

  if (directive === 'Warn') {
    exchange.res.setHeader('Warning', warningHeaders(unknown));
    return true;
  }
  const reason = `strict decoding error: ${unknown.join(', ')}`;
  sendStatus(
    exchange,
    errors.badRequest(cannotHandleMessage('ImageSignature', endpoint.apiVersion, reason)),
  );
  return false;
}

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

  // The answer is built first: nothing after the store write may fail and leave it stored.
  const created = wireSignature(signature, endpoint, context.profile.selfLink);
  const sendCreated = preparedObject(exchange, 201, created);

  const outcome = await context.store.addSignature(imageName, signature, { createImage });
  if (outcome === 'no-image') return sendStatus(exchange, errors.imageNotFound(imageName));
  if (outcome === 'exists') return sendStatus(exchange, errors.signatureExists(name));
  if (outcome === 'full') return sendStatus(exchange, errors.storeFull());
  sendCreated();
}

/** Fresh server-set identity: a random uid, and now at second precision in UTC. */
export function defaultIdentity(): { newUid: () => string; now: () => string } {
  return { newUid: randomUUID, now: () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') };
}
