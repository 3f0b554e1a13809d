// Answers a discovery GET. Objects go out as JSON or YAML: the mock has no protobuf
// messages for discovery kinds, and a clause asking for a conversion (`as=`, such as
// aggregated discovery's APIGroupDiscoveryList) is passed over, as a 3.11 server passes
// it over, so that a client's plain application/json fallback is what it gets.
import * as errors from '../api-errors';
import { responseSerializer, textResponseSerializer } from '../codec';
import { sendObject, sendRawJson, type Exchange } from '../exchange';
import type { ServerProfile } from '../server-profile';
import type { DiscoveryAnswer } from './discovery-route';
import { SWAGGER_PROTOBUF_CONTENT_TYPE, SWAGGER_PROTOBUF_MEDIA_TYPE } from './swagger-protobuf';

export function sendDiscovery(
  exchange: Exchange,
  answer: DiscoveryAnswer,
  profile: ServerProfile,
): void {
  const accept = exchange.req.headers.accept;
  if (answer.kind === 'protobuf') return sendBytes(exchange, answer.body());
  if (answer.kind === 'document') {
    if (answer.protobuf !== undefined && wantsSwaggerProtobuf(accept)) {
      return sendBytes(exchange, answer.protobuf());
    }
    return sendObject({ ...exchange, serializer: responseSerializer(undefined) }, 200, answer.json);
  }

  const serializer = discoverySerializer(accept);
  if (serializer === undefined) {
    return sendRawJson(exchange, 406, errors.notAcceptableBody(profile));
  }
  sendObject({ ...exchange, serializer }, 200, answer.value);
}

/** Whether an Accept header asks /openapi/v2 for gnostic's protobuf form. */
export function wantsSwaggerProtobuf(accept: string | undefined): boolean {
  return (accept ?? '').toLowerCase().includes(SWAGGER_PROTOBUF_MEDIA_TYPE);
}

/**
 * JSON or YAML as Accept allows once conversions are left out. Protobuf is not offered, so
 * a protobuf clause however spelled (`application /vnd.kubernetes.protobuf`) matches nothing.
 */
export function discoverySerializer(accept: string | undefined) {
  if (accept === undefined || accept.trim() === '') return textResponseSerializer(undefined);

  const usable = accept.split(',').filter((clause) => {
    const params = clause.split(';').slice(1);
    return !params.some((param) => param.split('=')[0]?.trim().toLowerCase() === 'as');
  });
  if (usable.length === 0) return undefined;
  return textResponseSerializer(usable.join(','));
}

function sendBytes(exchange: Exchange, body: Buffer): void {
  const { res } = exchange;
  res.statusCode = 200;
  res.setHeader('Content-Type', SWAGGER_PROTOBUF_CONTENT_TYPE);
  res.setHeader('Content-Length', body.length);
  res.end(body);
}
