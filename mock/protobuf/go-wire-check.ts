// Go's generated (gogo) unmarshallers reject malformed input that protobufjs
// quietly skips, such as a known field with the wrong wire type, and they say
// so in words clients see in the 400. This walk runs before protobufjs
// decodes and fails the way the real server's generated.pb.go code does.
import { Type, type Field } from 'protobufjs';

import { ProtobufDecodeError } from './protobuf-decode-error';

const UNEXPECTED_EOF = 'unexpected EOF';
const INTEGER_OVERFLOW = 'proto: integer overflow';
const NEGATIVE_LENGTH = 'proto: negative length found during unmarshaling';

// Go struct field names where they are not the capitalised proto name.
const GO_FIELD_NAMES: Readonly<Record<string, string>> = {
  'ImageSignature.metadata': 'ObjectMeta',
  'Status.metadata': 'ListMeta',
  'StatusCause.reason': 'Type',
};

const VARINT_TYPES: ReadonlySet<string> = new Set(['int32', 'int64', 'bool']);

function goFieldName(type: Type, field: Field): string {
  const known = GO_FIELD_NAMES[`${type.name}.${field.name}`];
  if (known !== undefined) return known;

  const name =
    field.name === 'apiVersion' ? 'APIVersion' : field.name === 'uid' ? 'UID' : field.name;
  return name.charAt(0).toUpperCase() + name.slice(1);
}

// meta/v1 Time unmarshals through its Timestamp twin, whose name Go prints.
function goTypeName(type: Type): string {
  return type.name === 'Time' ? 'Timestamp' : type.name;
}

function fail(message: string): never {
  throw new ProtobufDecodeError(message);
}

/** Walks `bytes` as a `type` message; throws ProtobufDecodeError as Go would. */
export function checkGoWire(type: Type, bytes: Uint8Array): void {
  new GoWireWalk(bytes).message(type, 0, bytes.length);
}

class GoWireWalk {
  private pos = 0;

  private end = 0;

  constructor(private readonly buf: Uint8Array) {}

  message(type: Type, start: number, end: number): void {
    this.pos = start;
    this.end = end;
    while (this.pos < end) {
      const tagStart = this.pos;
      const wire = this.varint();
      const wireType = this.buf[tagStart]! & 7;
      const fieldNum = this.fieldNumber(tagStart, wire);
      if (wireType === 4) fail(`proto: ${goTypeName(type)}: wiretype end group for non-group`);
      if (fieldNum <= 0) {
        const shown = Number.isSafeInteger(wire) ? wire : this.bigVarint(tagStart);
        fail(`proto: ${goTypeName(type)}: illegal tag ${fieldNum} (wire type ${shown})`);
      }

      const field = type.fieldsById[fieldNum];
      if (field === undefined) this.skipUnknown(tagStart);
      else this.known(type, field, wireType);
    }
  }

  private known(type: Type, field: Field, wireType: number): void {
    const want = VARINT_TYPES.has(field.type) ? 0 : 2;
    if (wireType !== want) {
      fail(`proto: wrong wireType = ${wireType} for field ${goFieldName(type, field)}`);
    }
    if (want === 0) {
      this.varint();
      return;
    }

    const start = this.length();
    const post = this.pos;
    const outerEnd = this.end;
    if (field.map) this.mapEntry(start, post);
    else if (field.resolvedType instanceof Type) this.message(field.resolvedType, start, post);
    this.pos = post;
    this.end = outerEnd;
  }

  // Go reads a map entry's key and value as strings whatever their wire type.
  private mapEntry(start: number, end: number): void {
    this.pos = start;
    this.end = end;
    while (this.pos < end) {
      const tagStart = this.pos;
      const wire = this.varint();
      const fieldNum = this.fieldNumber(tagStart, wire);
      if (fieldNum === 1 || fieldNum === 2) this.length();
      else this.skipUnknown(tagStart);
    }
  }

  /**
   * Reads a length prefix and checks the bytes are there; returns where they
   * start and leaves `pos` where they end.
   */
  private length(): number {
    const length = this.lengthPrefix();
    const start = this.pos;
    if (start + length > this.end) fail(UNEXPECTED_EOF);
    this.pos = start + length;
    return start;
  }

  // Go reads lengths into an int, so a set top bit makes them negative.
  private lengthPrefix(): number {
    const start = this.pos;
    const length = this.varint();
    if (!Number.isSafeInteger(length) && BigInt.asIntN(64, this.bigVarint(start)) < 0n) {
      fail(NEGATIVE_LENGTH);
    }
    return length;
  }

  // Go's skipGenerated, with groups counted instead of recursed into.
  private skipUnknown(tagStart: number): void {
    this.pos = tagStart;
    let depth = 0;
    do {
      const start = this.pos;
      this.varint();
      const wireType = this.buf[start]! & 7;
      if (wireType === 3) depth += 1;
      else if (wireType === 4) depth = Math.max(0, depth - 1);
      else this.skipPayload(wireType);
    } while (depth > 0);
    if (this.pos > this.end) fail(UNEXPECTED_EOF);
  }

  private skipPayload(wireType: number): void {
    if (wireType === 0) this.varint();
    else if (wireType === 1) this.pos += 8;
    else if (wireType === 5) this.pos += 4;
    else if (wireType === 2) {
      // Read the prefix first: it moves pos past itself. Bounds checked after.
      const length = this.lengthPrefix();
      this.pos += length;
    } else fail(`proto: illegal wireType ${wireType}`);
  }

  // int32(wire >> 3) only sees the tag's low 35 bits, so a number is exact.
  private fieldNumber(tagStart: number, wire: number): number {
    if (wire < 2 ** 31) return Math.floor(wire / 8);
    return Number(BigInt.asIntN(32, this.bigVarint(tagStart) >> 3n));
  }

  /** A varint as a number: exact below 2^53, which is all a sane body holds. */
  private varint(): number {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      if (shift >= 64) fail(INTEGER_OVERFLOW);
      if (this.pos >= this.end) fail(UNEXPECTED_EOF);
      const byte = this.buf[this.pos++]!;
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
  }

  // Re-reads an already checked varint exactly, as Go's uint64.
  private bigVarint(start: number): bigint {
    let value = 0n;
    for (let i = start, shift = 0n; ; i++, shift += 7n) {
      const byte = this.buf[i]!;
      value |= BigInt(byte & 0x7f) << shift;
      if (byte < 0x80) return BigInt.asUintN(64, value);
    }
  }
}
