import path from 'node:path';

import fc from 'fast-check';
import { Root } from 'protobufjs';

import { decodeObject, encodeObject, ProtobufDecodeError } from '../../mock/protobuf/codec';
import { FULL_SIGNATURE } from './sample-objects';

// The test's own reading of the .proto, independent of the codec's helpers.
const root = new Root();
root.loadSync(path.join(__dirname, '../../mock/protobuf/imagesignature.proto'), { keepCase: true });
const Unknown = root.lookupType('k8s.io.apimachinery.pkg.runtime.Unknown');
const ImageSignature = root.lookupType('github.com.openshift.api.image.v1.ImageSignature');

const PREFIX = Buffer.from('k8s\0', 'latin1');

function envelope(kind: string, apiVersion: string, raw?: Uint8Array): Buffer {
  const message = Unknown.fromObject({ typeMeta: { apiVersion, kind }, ...(raw && { raw }) });
  return Buffer.concat([PREFIX, Unknown.encode(message).finish()]);
}

function signatureBody(fields: Record<string, unknown>): Buffer {
  const raw = ImageSignature.encode(ImageSignature.fromObject(fields)).finish();
  return envelope('ImageSignature', 'image.openshift.io/v1', raw);
}

function decodeError(body: Uint8Array): ProtobufDecodeError {
  try {
    decodeObject(body);
  } catch (error) {
    if (error instanceof ProtobufDecodeError) return error;
    throw error;
  }
  throw new Error('decodeObject did not throw');
}

const hex = (text: string): Buffer => Buffer.from(text.replace(/ /g, ''), 'hex');

describe('decodeObject', () => {
  it('decodes a message built with protobufjs reflection from the .proto', () => {
    const body = signatureBody({
      metadata: {
        name: 'sha256:abc@sig1',
        creationTimestamp: { seconds: 1507204800 },
        labels: { z: '1', a: '2' },
      },
      type: 'atomic',
      content: Buffer.from('signature bytes'),
      conditions: [{ type: 'Trusted', status: 'True', lastProbeTime: { seconds: 0 } }],
      created: {},
      issuedBy: { signatureGenericEntity: { commonName: 'Root CA' } },
      issuedTo: { publicKeyID: 'ABCD' },
    });

    expect(JSON.stringify(decodeObject(body))).toBe(
      JSON.stringify({
        apiVersion: 'image.openshift.io/v1',
        kind: 'ImageSignature',
        object: {
          kind: 'ImageSignature',
          apiVersion: 'image.openshift.io/v1',
          metadata: {
            name: 'sha256:abc@sig1',
            creationTimestamp: '2017-10-05T12:00:00Z',
            labels: { a: '2', z: '1' },
          },
          type: 'atomic',
          content: Buffer.from('signature bytes').toString('base64'),
          conditions: [
            {
              type: 'Trusted',
              status: 'True',
              lastProbeTime: '1970-01-01T00:00:00Z',
              lastTransitionTime: null,
            },
          ],
          created: null,
          issuedBy: { commonName: 'Root CA' },
          issuedTo: { publicKeyID: 'ABCD' },
        },
      }),
    );
  });

  it('decodes a Status built with reflection, keeping its empty details', () => {
    const Status = root.lookupType('k8s.io.apimachinery.pkg.apis.meta.v1.Status');
    const raw = Status.encode(Status.fromObject({ status: 'Failure', code: 404, details: {} }));
    const { object } = decodeObject(envelope('Status', 'v1', raw.finish()));
    expect(object).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      details: {},
      code: 404,
    });
  });

  it('writes what reflection reads back: nested entities, bytes and times', () => {
    const body = encodeObject(FULL_SIGNATURE, FULL_SIGNATURE);
    const outer = Unknown.toObject(Unknown.decode(body.subarray(4)));
    const inner = ImageSignature.toObject(ImageSignature.decode(outer.raw), { longs: Number });

    expect(outer.typeMeta).toEqual({ apiVersion: 'image.openshift.io/v1', kind: 'ImageSignature' });
    expect(outer.contentEncoding).toBe('');
    expect(outer.contentType).toBe('');
    expect(Buffer.from(inner.content).toString('base64')).toBe(FULL_SIGNATURE.content);
    expect(inner.issuedBy).toEqual({
      signatureGenericEntity: { organization: 'Example CA', commonName: 'Example Root' },
    });
    expect(inner.issuedTo.publicKeyID).toBe('199E2F91FD431D51');
    expect(inner.created).toEqual({ seconds: -14182940, nanos: 0 });
    expect(inner.metadata.creationTimestamp).toEqual({ seconds: 1507204800, nanos: 0 });
  });

  it('skips unknown fields, groups included, as Go does', () => {
    const fields = { metadata: { name: 'a@b' }, type: 't', content: Buffer.from([1]) };
    const raw = ImageSignature.encode(ImageSignature.fromObject(fields)).finish();
    // field 99 varint 1; field 100 a group holding field 1 fixed32; field 101 fixed64.
    const extra = hex('98 06 01  a3 06 0d 01 02 03 04 a4 06  a9 06 0102030405060708');
    const withExtra = envelope('ImageSignature', 'v1', Buffer.concat([raw, extra]));
    const plain = envelope('ImageSignature', 'v1', raw);
    expect(decodeObject(withExtra)).toEqual(decodeObject(plain));
  });

  it('fills an empty kind and version from the defaults, as the endpoint does', () => {
    const body = envelope('', '', ImageSignature.encode({ type: 't' }).finish());
    const decoded = decodeObject(body, { apiVersion: 'v1', kind: 'ImageSignature' });
    expect(decoded).toMatchObject({ kind: 'ImageSignature', apiVersion: 'v1' });
    expect(decoded.object).toMatchObject({ kind: 'ImageSignature', apiVersion: 'v1', type: 't' });
  });

  it('keeps the envelope kind and version over the defaults', () => {
    const defaults = { apiVersion: 'image.openshift.io/v1', kind: 'ImageSignature' };
    expect(decodeObject(envelope('Status', 'v1'), defaults)).toMatchObject({ kind: 'Status' });
  });
});

describe('decodeObject errors', () => {
  const PREFIX_MESSAGE =
    'provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]';
  const prefixCases: Array<[string, Buffer, string]> = [
    ['a JSON body', Buffer.from('{"kind":"ImageSignature"}'), PREFIX_MESSAGE],
    ['three bytes of the prefix', Buffer.from('k8s'), PREFIX_MESSAGE],
    ['a wrong fourth byte', Buffer.from('k8s\x01\x0a\x00', 'latin1'), PREFIX_MESSAGE],
    ['an empty body', Buffer.alloc(0), 'empty data'],
    ['the prefix alone', PREFIX, 'empty body'],
  ];

  it.each(prefixCases)('rejects %s', (_name, body, message) => {
    const error = decodeError(body);
    expect(error.message).toBe(message);
    expect(error.name).toBe('ProtobufDecodeError');
    expect(error.typeMeta).toBeUndefined();
  });

  // Envelope bytes after the prefix, with the text Go's generated.pb.go gives.
  const envelopeCases: Array<[string, string, string]> = [
    ['a varint where typeMeta belongs', '08 01', 'proto: wrong wireType = 0 for field TypeMeta'],
    ['wire type 7 on typeMeta', '0f', 'proto: wrong wireType = 7 for field TypeMeta'],
    ['field number 0', '00', 'proto: Unknown: illegal tag 0 (wire type 0)'],
    ['a stray end group', '0c', 'proto: Unknown: wiretype end group for non-group'],
    ['a length past the end', '0a 05 0a', 'unexpected EOF'],
    ['a tag cut short', '8a', 'unexpected EOF'],
    ['an unknown field of wire type 7', '3f', 'proto: illegal wireType 7'],
    ['an unknown fixed64 cut short', '39 0102', 'unexpected EOF'],
    ['an unclosed group', '3b 08 01', 'unexpected EOF'],
    ['an 11-byte varint', '0a ffffffffffffffffffff 01', 'proto: integer overflow'],
    [
      'a length with bit 63 set',
      '0a 80808080808080808001',
      'proto: negative length found during unmarshaling',
    ],
    [
      'a string field given a varint',
      '0a 04 08 01 12 00',
      'proto: wrong wireType = 0 for field APIVersion',
    ],
  ];

  it.each(envelopeCases)('reports %s as Go does', (_name, bytes, message) => {
    expect(decodeError(Buffer.concat([PREFIX, hex(bytes)])).message).toBe(message);
  });

  const objectCases: Array<[string, string, string]> = [
    ['metadata as a varint', '08 01', 'proto: wrong wireType = 0 for field ObjectMeta'],
    [
      'a time with a string for seconds',
      '3a 02 0a 00',
      'proto: wrong wireType = 2 for field Seconds',
    ],
    ['a time with field 0', '3a 01 00', 'proto: Timestamp: illegal tag 0 (wire type 0)'],
    ['a label map entry cut short', '0a 04 5a 02 0a 05', 'unexpected EOF'],
    ['an owner uid given a varint', '0a 04 6a 02 20 00', 'proto: wrong wireType = 0 for field UID'],
    [
      'a subject key id as a varint',
      '4a 02 10 01',
      'proto: wrong wireType = 0 for field PublicKeyID',
    ],
    ['content cut short', '1a 09 00', 'unexpected EOF'],
  ];

  it.each(objectCases)(
    'reports %s inside raw, naming the kind it read',
    (_name, bytes, message) => {
      const error = decodeError(envelope('ImageSignature', 'v1', hex(bytes)));
      expect(error.message).toBe(message);
      expect(error.typeMeta).toEqual({ apiVersion: 'v1', kind: 'ImageSignature' });
    },
  );

  it('reports a Status code sent as a string', () => {
    const error = decodeError(envelope('Status', 'v1', hex('32 00')));
    expect(error.message).toBe('proto: wrong wireType = 2 for field Code');
  });

  it('reports a missing kind and version with the envelope Go printed', () => {
    expect(decodeError(envelope('', 'v1')).message).toBe(
      `Object 'Kind' is missing in 'runtime.TypeMeta{APIVersion:"v1", Kind:""}'`,
    );
    expect(decodeError(envelope('ImageSignature', 'a/b/c')).message).toBe(
      `Object 'apiVersion' is missing in 'runtime.TypeMeta{APIVersion:"a/b/c", Kind:"ImageSignature"}'`,
    );
  });

  it('reports a kind it has no message for, with that kind', () => {
    const error = decodeError(envelope('Image', 'image.openshift.io/v1'));
    expect(error.message).toBe('no kind "Image" is registered for version "image.openshift.io/v1"');
    expect(error.typeMeta).toEqual({ apiVersion: 'image.openshift.io/v1', kind: 'Image' });
  });

  it('throws only ProtobufDecodeError for every truncation of a full body', () => {
    const body = encodeObject(FULL_SIGNATURE, FULL_SIGNATURE);
    const decodable: number[] = [];
    for (let length = 0; length < body.length; length++) {
      try {
        decodeObject(body.subarray(0, length));
        decodable.push(length);
      } catch (error) {
        expect(error).toBeInstanceOf(ProtobufDecodeError);
      }
    }
    // Only cuts between the envelope's own fields leave a whole message:
    // after typeMeta (prefix, tag, length, 39 bytes), before each empty field.
    expect(decodable).toEqual([4 + 2 + 39, body.length - 4, body.length - 2]);
  });

  it('reports a raw object cut short as unexpected EOF', () => {
    const full = encodeObject(FULL_SIGNATURE, FULL_SIGNATURE);
    const raw = Unknown.decode(full.subarray(4)) as unknown as { raw: Uint8Array };
    const cut = envelope('ImageSignature', 'v1', raw.raw.subarray(0, raw.raw.length - 7));
    expect(decodeError(cut).message).toBe('unexpected EOF');
  });

  it('throws only ProtobufDecodeError for random bytes, in the envelope or in raw', () => {
    const bytes = fc.uint8Array({ maxLength: 64 });
    fc.assert(
      fc.property(bytes, fc.boolean(), (garbage, inRaw) => {
        const body = inRaw
          ? envelope('ImageSignature', 'v1', garbage)
          : Buffer.concat([PREFIX, garbage]);
        try {
          decodeObject(body);
        } catch (error) {
          return error instanceof ProtobufDecodeError;
        }
        return true;
      }),
      { numRuns: 3000, seed: 4 },
    );
  });
});
