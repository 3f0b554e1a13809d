import { collectionPath, groupVersionOf, type ApiPrefix } from './api-prefix';
import type { ContractClient } from './contract-client';
import { ALL_MEDIA_TYPES, type MediaType } from './media-type';

// Which media types a target speaks, found with two requests per type that change
// nothing: a GET of the collection (405 on a real server) asking for answers in it, and
// a create whose body, sent in it, fails validation (422; 415 when the type is unknown).

export interface MediaSupport {
  media: MediaType;
  /** The 405 came back in this media type. */
  answers: boolean;
  /** A body in this media type was read (anything but 415). */
  reads: boolean;
}

export async function probeMedia(
  client: ContractClient,
  prefix: ApiPrefix,
  media: MediaType,
): Promise<MediaSupport> {
  const path = collectionPath(prefix);
  const answer = await client.send({ method: 'get', path, accept: media.name });
  // kind and apiVersion set, so that the protobuf envelope names them as well.
  const invalid = { kind: 'ImageSignature', apiVersion: groupVersionOf(prefix), metadata: {} };
  const read = await client.send({
    method: 'post',
    path,
    accept: 'application/json',
    contentType: media.name,
    body: media.encode({ ...invalid, metadata: { name: 'no-at-sign' } }),
  });
  return { media, answers: answer.mediaType === media.name, reads: read.status !== 415 };
}

/** The media types the target both answers in and reads, in the suite's order. */
export async function supportedMediaTypes(
  client: ContractClient,
  prefix: ApiPrefix,
): Promise<MediaType[]> {
  const supported: MediaType[] = [];
  for (const media of ALL_MEDIA_TYPES) {
    const support = await probeMedia(client, prefix, media);
    if (support.answers && support.reads) supported.push(media);
  }
  return supported;
}
