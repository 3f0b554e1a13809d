import { decodeObject, encodeObject, ProtobufDecodeError } from '../../mock/protobuf/codec';
import { FULL_SIGNATURE, FULL_STATUS } from './sample-objects';

const SIGNATURE_V1 = { kind: 'ImageSignature', apiVersion: 'v1' };
const STATUS_V1 = { kind: 'Status', apiVersion: 'v1' };

interface Named {
  kind: string;
  apiVersion: string;
  [field: string]: unknown;
}

function roundTrip(obj: Named): Record<string, unknown> {
  const decoded = decodeObject(encodeObject(obj, { apiVersion: obj.apiVersion, kind: obj.kind }));
  expect(decoded.kind).toBe(obj.kind);
  expect(decoded.apiVersion).toBe(obj.apiVersion);
  return decoded.object;
}

describe('encodeObject and decodeObject', () => {
  const lossless: Array<[string, Named]> = [
    ['a fully populated ImageSignature', FULL_SIGNATURE],
    ['a fully populated Status', FULL_STATUS],
    [
      'the 3.7 create answer',
      {
        kind: 'ImageSignature',
        apiVersion: 'v1',
        metadata: {
          name: 'sha256:abc@0123',
          selfLink: '/oapi/v1/imagesignatures/sha256%3Aabc%400123',
          uid: 'c1b2',
          creationTimestamp: '2017-10-05T12:00:00Z',
        },
        type: 'atomic',
        content: 'aGVsbG8=',
      },
    ],
    ['the delete answer', { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success' }],
    [
      'the 405 answer with its empty details',
      {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'the server does not allow this method on the requested resource',
        reason: 'MethodNotAllowed',
        details: {},
        code: 405,
      },
    ],
    [
      'a signature with empty but present content and nested entities',
      {
        kind: 'ImageSignature',
        apiVersion: 'image.openshift.io/v1',
        metadata: { creationTimestamp: null },
        type: '',
        content: '',
        issuedBy: {},
        issuedTo: { publicKeyID: '' },
      },
    ],
  ];

  it.each(lossless)('round-trips %s unchanged', (_name, obj) => {
    const back = roundTrip(obj);
    expect(back).toEqual(obj);
    expect(JSON.stringify(back)).toBe(JSON.stringify(obj));
  });

  const canonical: Array<[string, object, object]> = [
    [
      'prints a missing creationTimestamp as null and content as null',
      { metadata: { name: 'a@b' }, type: 'atomic' },
      { metadata: { name: 'a@b', creationTimestamp: null }, type: 'atomic', content: null },
    ],
    [
      'drops empty maps, lists and strings that Go omits',
      {
        metadata: { labels: {}, annotations: {}, finalizers: [], ownerReferences: [], uid: '' },
        type: 't',
        content: 'AA==',
        conditions: [],
        signedClaims: {},
        imageIdentity: '',
      },
      { metadata: { creationTimestamp: null }, type: 't', content: 'AA==' },
    ],
    [
      'prints an empty initializers list as null, the nil slice Go decodes',
      { metadata: { initializers: { pending: [] } }, type: 't', content: 'AA==' },
      {
        metadata: { creationTimestamp: null, initializers: { pending: null } },
        type: 't',
        content: 'AA==',
      },
    ],
    [
      'prints times in UTC at second precision',
      {
        metadata: { creationTimestamp: '2017-10-05T14:00:00.987+02:00' },
        type: 't',
        content: 'AA==',
        created: '2017-10-05t12:00:01.5z',
      },
      {
        metadata: { creationTimestamp: '2017-10-05T12:00:00Z' },
        type: 't',
        content: 'AA==',
        created: '2017-10-05T12:00:01Z',
      },
    ],
    [
      "prints Go's zero time as null, as metav1.Time does",
      { metadata: { creationTimestamp: '0001-01-01T00:00:00Z' }, created: '0001-01-01T00:00:00Z' },
      { metadata: { creationTimestamp: null }, type: '', content: null, created: null },
    ],
    [
      'sorts map keys and ignores fields the schema does not have',
      { metadata: { labels: { b: '2', a: '1' } }, type: 't', content: 'AA==', extra: 1 },
      {
        metadata: { creationTimestamp: null, labels: { a: '1', b: '2' } },
        type: 't',
        content: 'AA==',
      },
    ],
    [
      'omits null pointers: deletionTimestamp, created, issuedBy',
      { metadata: { deletionTimestamp: null }, content: 'AA==', created: null, issuedBy: null },
      { metadata: { creationTimestamp: null }, type: '', content: 'AA==' },
    ],
  ];

  it.each(canonical)('%s', (_name, given, want) => {
    const back = decodeObject(encodeObject(given, SIGNATURE_V1)).object;
    expect(JSON.stringify(back)).toBe(JSON.stringify({ ...SIGNATURE_V1, ...want }));
  });

  it('drops the kind and apiVersion of a Status nested in initializers', () => {
    const result = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success' };
    const given = { metadata: { initializers: { pending: [{ name: 'x' }], result } }, type: 't' };
    const meta = decodeObject(encodeObject(given, SIGNATURE_V1)).object.metadata;
    expect(meta).toEqual({
      creationTimestamp: null,
      initializers: { pending: [{ name: 'x' }], result: { metadata: {}, status: 'Success' } },
    });
  });

  it('names the object by the typeMeta argument, not its own kind and apiVersion', () => {
    const body = encodeObject({ ...FULL_STATUS, apiVersion: 'wrong/v9' }, STATUS_V1);
    expect(decodeObject(body).object).toEqual(FULL_STATUS);
  });
});

describe('encodeObject', () => {
  it('writes the prefix, the envelope and its empty fields byte for byte', () => {
    const body = encodeObject({ metadata: {}, status: 'Success' }, STATUS_V1);
    // Written out from gogo's marshal order: ListMeta's three strings, status,
    // message, reason, code; then typeMeta, raw, contentEncoding, contentType.
    const raw = '0a060a0012001a00' + '120753756363657373' + '1a00' + '2200' + '3000';
    const envelope = '0a0c0a027631120653746174757312' + '17' + raw + '1a00' + '2200';
    expect(body.toString('hex')).toBe('6b387300' + envelope);
  });

  it('starts with k8s\\0 and ends with zero-length contentEncoding and contentType', () => {
    const body = encodeObject(FULL_SIGNATURE, SIGNATURE_V1);
    expect([...body.subarray(0, 4)]).toEqual([0x6b, 0x38, 0x73, 0x00]);
    expect(body.subarray(-4).toString('hex')).toBe('1a002200');
  });

  it('rejects a kind it has no message for', () => {
    expect(() => encodeObject({}, { apiVersion: 'v1', kind: 'Image' })).toThrow(TypeError);
  });

  const wrongTypes: Array<[string, object]> = [
    ['content that is not base64', { content: 'not base64!' }],
    ['unpadded base64 content', { content: 'aGVsbG8' }],
    ['a name that is a number', { metadata: { name: 5 } }],
    ['a time that is not RFC3339', { created: '2017-10-05 12:00:00' }],
    ['a day that does not exist', { created: '2017-02-30T00:00:00Z' }],
    ['a label that is not a string', { metadata: { labels: { a: 1 } } }],
    ['a generation with a fraction', { metadata: { generation: 1.5 } }],
    ['conditions that are not a list', { conditions: {} }],
  ];

  it.each(wrongTypes)('throws TypeError for %s', (_name, given) => {
    expect(() => encodeObject(given, SIGNATURE_V1)).toThrow(TypeError);
  });
});
