import { dump, load } from 'js-yaml';

import { decodeProtobuf, encodeProtobuf } from './protobuf-wire';
import type { Tag } from './tags';

// The media types the suite speaks, for request bodies and for answers. Each check that
// depends on the representation runs once per media type the target claims: all three
// unless IMAGESIG_MEDIA_TYPES says otherwise (`imagesig verify` probes the target and
// sets it).

export interface MediaType {
  /** The bare media type, as Content-Type and Accept carry it. */
  name: string;
  /** What IMAGESIG_MEDIA_TYPES calls it. */
  short: 'json' | 'yaml' | 'protobuf';
  tag: Tag;
  encode(value: unknown): string | Buffer;
  decode(bytes: Buffer): unknown;
}

export const JSON_MEDIA: MediaType = {
  name: 'application/json',
  short: 'json',
  tag: 'media:json',
  encode: (value) => JSON.stringify(value),
  decode: (bytes) => JSON.parse(bytes.toString('utf8')) as unknown,
};

export const YAML_MEDIA: MediaType = {
  name: 'application/yaml',
  short: 'yaml',
  tag: 'media:yaml',
  encode: (value) => dump(value),
  decode: (bytes) => load(bytes.toString('utf8')),
};

/** k8s\0 + runtime.Unknown, read and written from the .proto files (protobuf-wire.ts). */
export const PROTOBUF_MEDIA: MediaType = {
  name: 'application/vnd.kubernetes.protobuf',
  short: 'protobuf',
  tag: 'media:protobuf',
  encode: encodeProtobuf,
  decode: decodeProtobuf,
};

export const ALL_MEDIA_TYPES: readonly MediaType[] = [JSON_MEDIA, YAML_MEDIA, PROTOBUF_MEDIA];

export const MEDIA_TYPES_ENV = 'IMAGESIG_MEDIA_TYPES';

/**
 * Parses IMAGESIG_MEDIA_TYPES: comma-separated short names (json, yaml, protobuf) or full
 * media types; unset or empty means all three.
 */
export function parseMediaTypes(value: string | undefined): MediaType[] {
  const items = (value ?? '')
    .split(',')
    .map((item) => item.trim().toLowerCase())
    .filter((item) => item !== '');
  if (items.length === 0) return [...ALL_MEDIA_TYPES];

  return items.map((item) => {
    const media = ALL_MEDIA_TYPES.find((each) => each.short === item || each.name === item);
    if (media === undefined) {
      const known = ALL_MEDIA_TYPES.map((each) => each.short).join(', ');
      throw new Error(`unknown media type "${item}" in ${MEDIA_TYPES_ENV}: use ${known}`);
    }
    return media;
  });
}

/** The media types the per-media checks run with, read once when a file loads. */
export const MEDIA_TYPES: readonly MediaType[] = parseMediaTypes(process.env[MEDIA_TYPES_ENV]);

/** The media type of a Content-Type header, without parameters, or undefined. */
export function bareMediaType(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const bare = header.split(';')[0]?.trim().toLowerCase();
  return bare === '' ? undefined : bare;
}

/** The suite's decoder for a bare media type, when it has one. */
export function mediaTypeNamed(name: string | undefined): MediaType | undefined {
  return ALL_MEDIA_TYPES.find((media) => media.name === name);
}
