// Reads a YAML request body as sigs.k8s.io/yaml's YAMLToJSON (yaml.v2) does before the JSON
// decoder sees it: YAML 1.1 scalars (yes/no/on/off are booleans, 0x1F and 010 integers),
// `<<` merge keys, timestamps left as strings, only the first document of a stream, and
// yaml.v2's refusals of anchors that contain themselves and of excessive aliasing, so a
// few hundred bytes of nested aliases cannot expand into gigabytes.
import {
  EVENT_ID,
  FAILSAFE_SCHEMA,
  Schema,
  YAMLException,
  boolYaml11Tag,
  constructFromEvents,
  floatYaml11Tag,
  getScalarValue,
  intYaml11Tag,
  mergeTag,
  nullYaml11Tag,
  parseEvents,
  type Event,
  type ScalarEvent,
} from 'js-yaml';

import { goQuote } from './go-format';

// yaml.v2 decodes a timestamp-like scalar into interface{} as its string, so no timestampTag.
const YAML_V2_SCHEMA = new Schema([
  ...FAILSAFE_SCHEMA.tags,
  nullYaml11Tag,
  boolYaml11Tag,
  intYaml11Tag,
  floatYaml11Tag,
  mergeTag,
]);

/** A body yaml.v2 refuses, worded as yaml.v2 words it (without the `yaml: ` prefix). */
export class YamlBodyError extends Error {}

export interface YamlBody {
  /** The first document in the JSON data model; null for an empty stream. */
  value: unknown;
  /** yaml.v2's UnmarshalStrict complaint (a key set twice in one map), if any. */
  strictError?: string;
}

/**
 * The first document of `text`. A key set twice keeps its last value, as yaml.v2 (which
 * YAMLToJSON uses) does; the strict decoder's complaint about it comes back beside it.
 */
export function parseYamlBody(text: string): YamlBody {
  const events = firstDocument(parseEvents(text, {}));
  checkAliases(events, text);
  const construct = (json: boolean) =>
    constructFromEvents(events, { source: text, schema: YAML_V2_SCHEMA, maxAliases: -1, json });
  try {
    return { value: construct(false)[0] ?? null };
  } catch (error) {
    const strictError = duplicateKeyError(error, events, text);
    if (strictError === undefined) throw error;
    return { value: construct(true)[0] ?? null, strictError };
  }
}

// js-yaml marks the repeated key; yaml.v2 words it `line 4: key "type" already set in map`.
function duplicateKeyError(error: unknown, events: Event[], text: string): string | undefined {
  if (!(error instanceof YAMLException) || error.mark === undefined) return undefined;
  if (!error.reason.startsWith('duplicated mapping key')) return undefined;
  const { line, position } = error.mark;
  const key = events.find(
    (event): event is ScalarEvent => event.type === EVENT_ID.SCALAR && event.valueStart >= position,
  );
  const name = key === undefined ? '' : getScalarValue(text, key);
  return `yaml: unmarshal errors:\n  line ${line + 1}: key ${goQuote(name)} already set in map`;
}

function firstDocument(events: Event[]): Event[] {
  let depth = 0;
  for (let index = 0; index < events.length; index++) {
    const type = events[index]?.type;
    if (type === EVENT_ID.POP) depth--;
    else if (type !== EVENT_ID.SCALAR && type !== EVENT_ID.ALIAS) depth++;
    if (depth === 0) return events.slice(0, index + 1);
  }
  return events;
}

// yaml.v2 decode.go: past 100 aliased nodes and 1,000 nodes in all, the share of nodes
// reached through aliases may not exceed a ratio that falls from 99% to 10% as the
// document grows from 400,000 to 4,000,000 nodes.
const RATIO_LOW = 400_000;
const RATIO_HIGH = 4_000_000;

function allowedAliasRatio(decodeCount: number): number {
  if (decodeCount <= RATIO_LOW) return 0.99;
  if (decodeCount >= RATIO_HIGH) return 0.1;
  return 0.99 - (0.89 * (decodeCount - RATIO_LOW)) / (RATIO_HIGH - RATIO_LOW);
}

// An anchor whose node is still open: an alias to it would contain itself.
const OPEN = -1;

interface Frame {
  anchor: string | undefined;
  /** Nodes in this collection once aliases are expanded, itself included. */
  nodes: number;
}

/** Counts nodes as yaml.v2 decodes them, aliases expanded, and throws where it would. */
function checkAliases(events: readonly Event[], text: string): void {
  const anchors = new Map<string, number>();
  const stack: Frame[] = [{ anchor: undefined, nodes: 0 }];
  let decodeCount = 0;
  let aliasCount = 0;

  for (const event of events) {
    const top = stack[stack.length - 1] as Frame;
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        stack.push({ anchor: undefined, nodes: 0 });
        break;
      case EVENT_ID.SEQUENCE:
      case EVENT_ID.MAPPING: {
        const anchor = anchorName(text, event.anchorStart, event.anchorEnd);
        if (anchor !== undefined) anchors.set(anchor, OPEN);
        stack.push({ anchor, nodes: 1 });
        decodeCount++;
        break;
      }
      case EVENT_ID.SCALAR: {
        const anchor = anchorName(text, event.anchorStart, event.anchorEnd);
        if (anchor !== undefined) anchors.set(anchor, 1);
        top.nodes++;
        decodeCount++;
        break;
      }
      case EVENT_ID.ALIAS: {
        const nodes = aliasedNodes(anchors, text.slice(event.anchorStart, event.anchorEnd));
        top.nodes += nodes;
        decodeCount += nodes;
        aliasCount += nodes;
        if (excessive(aliasCount, decodeCount)) {
          throw new YamlBodyError('document contains excessive aliasing');
        }
        break;
      }
      case EVENT_ID.POP: {
        stack.pop();
        const parent = stack[stack.length - 1];
        if (top.anchor !== undefined) anchors.set(top.anchor, top.nodes);
        if (parent !== undefined) parent.nodes += top.nodes;
        break;
      }
    }
  }
}

function anchorName(text: string, start: number, end: number): string | undefined {
  return start === -1 ? undefined : text.slice(start, end);
}

function aliasedNodes(anchors: ReadonlyMap<string, number>, name: string): number {
  const nodes = anchors.get(name);
  if (nodes === undefined) throw new YamlBodyError(`unknown anchor '${name}' referenced`);
  if (nodes === OPEN) throw new YamlBodyError(`anchor '${name}' value contains itself`);
  return nodes;
}

function excessive(aliasCount: number, decodeCount: number): boolean {
  return (
    aliasCount > 100 &&
    decodeCount > 1000 &&
    aliasCount / decodeCount > allowedAliasRatio(decodeCount)
  );
}
