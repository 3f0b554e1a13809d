import { collectionPath, groupVersionOf, type ApiPrefix } from './api-prefix';
import type { ContractClient, Reply } from './contract-client';
import { ALL_MEDIA_TYPES, type MediaType } from './media-type';

// Which media types a target speaks, found with two requests per type that change
// nothing: a GET of the collection (405 on a real server) asking for answers in it, and
// a create whose body, sent in it, fails validation (422; 415 when the type is unknown).

export interface MediaSupport {
  media: MediaType;
  /** The 405 came back in this media type, as a Status that decodes. */
  answers: boolean;
  /** A body in this media type was read: anything but 415, in an answer that decodes. */
  reads: boolean;
  /** Why `answers` or `reads` is false, for a failing check's message. */
  problems: string[];
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
  const answerIssues = answerProblems(answer, media);
  const readIssues = [
    ...(read.status === 415 ? [`${read.call} in ${media.name} answered 415`] : []),
    ...undecodable(read),
  ];
  const answers = answerIssues.length === 0;
  const reads = readIssues.length === 0;
  const problems = [...answerIssues, ...readIssues];
  return { media, answers, reads, problems };
}

// A content type alone proves nothing: a server answering `{"kind":` to everything
// would claim every type. The 405 must decode, in that type, to a Status.
function answerProblems(answer: Reply, media: MediaType): string[] {
  if (answer.mediaType !== media.name) {
    return [`${answer.call} came back as ${answer.mediaType ?? 'no media type'}`];
  }
  const decoding = undecodable(answer);
  if (decoding.length > 0) return decoding;
  const kind = (answer.body as { kind?: unknown } | null | undefined)?.kind;
  return kind === 'Status' ? [] : [`${answer.call} answered a ${String(kind)}, not a Status`];
}

function undecodable(reply: Reply): string[] {
  if (reply.decodeError !== undefined) return [`${reply.call}: ${reply.decodeError}`];
  if (reply.body === undefined) return [`${reply.call} answered no body it could decode`];
  return [];
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
