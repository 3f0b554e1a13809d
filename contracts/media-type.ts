import { dump, load } from 'js-yaml';

import type { Tag } from './tags';

// The media types the suite speaks, for request bodies and for answers. Each check that
// depends on the representation runs once per entry; protobuf joins as one more entry.

export interface MediaType {
  /** The bare media type, as Content-Type and Accept carry it. */
  name: string;
  tag: Tag;
  encode(value: unknown): string;
  decode(text: string): unknown;
}

export const JSON_MEDIA: MediaType = {
  name: 'application/json',
  tag: 'media:json',
  encode: (value) => JSON.stringify(value),
  decode: (text) => JSON.parse(text) as unknown,
};

export const YAML_MEDIA: MediaType = {
  name: 'application/yaml',
  tag: 'media:yaml',
  encode: (value) => dump(value),
  decode: (text) => load(text),
};

export const MEDIA_TYPES: readonly MediaType[] = [JSON_MEDIA, YAML_MEDIA];

/** The media type of a Content-Type header, without parameters, or undefined. */
export function bareMediaType(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const bare = header.split(';')[0]?.trim().toLowerCase();
  return bare === '' ? undefined : bare;
}

/** The suite's decoder for a bare media type, when it has one. */
export function mediaTypeNamed(name: string | undefined): MediaType | undefined {
  return MEDIA_TYPES.find((media) => media.name === name);
}
