// DELETE on an item: split the name (400), find the image (404) and the signature (404),
// then 200 Success. DeleteOptions in the body or the query are accepted and ignored.
import * as errors from './api-errors';
import { discard } from './body-reader';
import { continueBody, sendStatus, type Exchange } from './exchange';
import type { PipelineContext } from './pipeline-context';
import { splitSignatureName } from './signature-name';
import { success } from './status';

export async function deleteSignature(
  context: PipelineContext,
  exchange: Exchange,
  name: string,
): Promise<void> {
  // 3.11 reads the body for DeleteOptions, so a waiting client is told to send it.
  continueBody(exchange);
  discard(exchange.req, 0);

  const split = splitSignatureName(name);
  if (split === undefined) return sendStatus(exchange, errors.badSignatureName());

  const outcome = await context.store.deleteSignature(split.imageName, name);
  if (outcome === 'no-image') return sendStatus(exchange, errors.imageNotFound(split.imageName));
  if (outcome === 'no-signature') return sendStatus(exchange, errors.signatureNotFound(name));
  sendStatus(exchange, success());
}
