// The one place that turns bodies into bytes and back, by media type: JSON, YAML and
// Kubernetes protobuf (k8s\0 + runtime.Unknown, in protobuf/codec.ts), in the order the
// real CodecFactory offers them.
import { dump } from 'js-yaml';

import { goJsonSyntaxError } from './go-json-syntax';
import { goParseMediaType } from './go-media-type';
import {
  JSON_MEDIA_TYPE,
  PROTOBUF_MEDIA_TYPE,
  YAML_MEDIA_TYPE,
  negotiate,
  routeAccepts,
} from './media-type';
import { decodeObject, encodeObject, ProtobufDecodeError, type TypeMeta } from './protobuf/codec';
import { mayHoldLoneSurrogates, wellFormedStrings } from './well-formed';
import { parseYamlBody } from './yaml-body';

/** How apimachinery prefixes a failure to read kind and apiVersion from JSON. */
export const INTERPRET_PREFIX = "couldn't get version/kind; json parse error: ";

/**
 * A parsed body, or why not. `typeMeta` is set when the decoder had already read the
 * body's kind and version: the server then words its 400 as `<Kind> in version "<v>"
 * cannot be handled as a ImageSignature: <error>`.
 */
export type Decoded =
  | { ok: true; value: unknown; strictErrors?: readonly string[] }
  | { ok: false; error: string; typeMeta?: TypeMeta | undefined };

export interface Serializer {
  readonly mediaType: string;
  /** Whether the format can carry fields the schema does not know (not protobuf). */
  readonly namesFields: boolean;
  /** `pretty` is the JSON indent switch; other formats ignore it, as the real server does. */
  encode(value: object, pretty: boolean): string | Buffer;
  /**
   * Parses a request body into the JSON data model; `error` is the Go-worded reason.
   * `defaults` (the endpoint's kind and version) fill what the body leaves empty.
   */
  decode(body: Buffer, defaults?: TypeMeta): Decoded;
}

// Go's encoders escape these even inside strings; clients may compare raw bytes.
const NEEDS_GO_ESCAPE = /[<>&\u2028\u2029]/;
const GO_ESCAPED = /[<>&\u2028\u2029]/g;
const GO_ESCAPES: Readonly<Record<string, string>> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

function goJson(value: object, indent?: number): string {
  const text = JSON.stringify(value, null, indent);
  return NEEDS_GO_ESCAPE.test(text) ? text.replace(GO_ESCAPED, (ch) => GO_ESCAPES[ch] ?? ch) : text;
}

/** Go's `json.MarshalIndent(obj, "", "  ")`, as the 406 fallback writes any Status. */
export function rawPrettyJson(value: object): string {
  return goJson(value, 2);
}

const jsonSerializer: Serializer = {
  mediaType: JSON_MEDIA_TYPE,
  namesFields: true,
  // json.Encoder ends compact output with a newline; MarshalIndent adds none.
  encode: (value, pretty) => (pretty ? goJson(value, 2) : `${goJson(value)}\n`),
  decode(body) {
    const text = body.toString('utf8');
    try {
      return { ok: true, value: goStrings(text, JSON.parse(text)) };
    } catch {
      const reason = goJsonSyntaxError(text) ?? 'invalid JSON';
      return { ok: false, error: `${INTERPRET_PREFIX}${reason}` };
    }
  },
};

const yamlSerializer: Serializer = {
  mediaType: YAML_MEDIA_TYPE,
  namesFields: true,
  // The real server marshals to JSON, then converts: keys sorted, lists not indented.
  encode: (value) => dump(sortedKeys(JSON.parse(JSON.stringify(value))), YAML_OPTIONS),
  decode(body) {
    try {
      const text = body.toString('utf8');
      const { value, strictError } = parseYamlBody(text);
      const decoded = { ok: true as const, value: goStrings(text, value) };
      // What a strict decode adds: YAMLToJSONStrict's error, wrapped as YAMLToJSON wraps it.
      if (strictError === undefined) return decoded;
      return { ...decoded, strictErrors: [`error converting YAML to JSON: ${strictError}`] };
    } catch (error) {
      const reason = error instanceof Error ? firstLine(error.message) : String(error);
      return { ok: false, error: `error converting YAML to JSON: yaml: ${reason}` };
    }
  },
};

// Go reads a lone surrogate escape as U+FFFD; only texts with such an escape are walked.
function goStrings(text: string, value: unknown): unknown {
  return mayHoldLoneSurrogates(text) ? wellFormedStrings(value) : value;
}

const YAML_OPTIONS = { indent: 2, seqNoIndent: true, lineWidth: -1 } as const;

const protobufSerializer: Serializer = {
  mediaType: PROTOBUF_MEDIA_TYPE,
  namesFields: false,
  // The envelope names what the object is; only ImageSignature and Status are answered.
  encode(value) {
    const { kind, apiVersion } = value as Partial<TypeMeta>;
    return encodeObject(value, { kind: kind ?? '', apiVersion: apiVersion ?? '' });
  },
  decode(body, defaults) {
    try {
      return { ok: true, value: decodeObject(body, defaults).object };
    } catch (error) {
      if (!(error instanceof ProtobufDecodeError)) throw error;
      return { ok: false, error: error.message, typeMeta: error.typeMeta };
    }
  },
};

const SERIALIZERS: readonly Serializer[] = [jsonSerializer, yamlSerializer, protobufSerializer];
const OFFERED = SERIALIZERS.map((serializer) => serializer.mediaType);

// Kinds with no protobuf message (discovery's) go out only as these.
const TEXT_OFFERED = OFFERED.filter((mediaType) => mediaType !== PROTOBUF_MEDIA_TYPE);

/** The serializer the Accept header allows, or undefined for a 406. */
export function responseSerializer(accept: string | undefined): Serializer | undefined {
  return serializerFor(negotiate(accept, OFFERED));
}

/** Like responseSerializer, for an object with no protobuf form: JSON or YAML only. */
export function textResponseSerializer(accept: string | undefined): Serializer | undefined {
  return serializerFor(negotiate(accept, TEXT_OFFERED));
}

function serializerFor(mediaType: string | undefined): Serializer | undefined {
  return SERIALIZERS.find((serializer) => serializer.mediaType === mediaType);
}

/** Whether go-restful lets the request reach a resource handler, or answers 406 first. */
export function routeProduces(accept: string | undefined): boolean {
  return routeAccepts(accept, OFFERED);
}

/** The serializer for a request body; a missing (or blank, as Go trims it) one means JSON. */
export function requestSerializer(contentType: string | undefined): Serializer | undefined {
  if (contentType === undefined || contentType.trim() === '') return jsonSerializer;
  // mime.ParseMediaType must succeed first: `application/json;;;` is a 415.
  const mediaType = OFFERED.includes(contentType) ? contentType : goParseMediaType(contentType);
  return SERIALIZERS.find((serializer) => serializer.mediaType === mediaType);
}

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== 'object') return value;

  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    sorted[key] = sortedKeys((value as Record<string, unknown>)[key]);
  }
  return sorted;
}

function firstLine(text: string): string {
  const newline = text.indexOf('\n');
  return newline === -1 ? text : text.slice(0, newline);
}
