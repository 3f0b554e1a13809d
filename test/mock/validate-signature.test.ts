import type { SignatureDraft } from '../../mock/decode-signature';
import type { StatusCause } from '../../mock/status';
import { validateSignature } from '../../mock/validate-signature';

const NAME = 'sha256:abc@0123';
const FORMAT = 'name must be of format <imageName>@<signatureName>';
const QNAME_RULE =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

const draft = (overrides: Partial<SignatureDraft> = {}): SignatureDraft => ({
  metadata: { name: NAME },
  type: 'atomic',
  content: 'aGVsbG8=',
  ...overrides,
});

const cause = (reason: StatusCause['reason'], field: string, message: string): StatusCause => ({
  reason,
  message,
  field,
});

describe('validateSignature', () => {
  const cases: Array<[string, SignatureDraft, StatusCause[]]> = [
    ['accepts a well-formed signature', draft(), []],
    [
      'lists name, type and content together',
      draft({ metadata: { name: 'foo' }, type: '', content: '' }),
      [
        cause('FieldValueInvalid', 'metadata.name', `Invalid value: "foo": ${FORMAT}`),
        cause('FieldValueRequired', 'type', 'Required value'),
        cause('FieldValueRequired', 'content', 'Required value'),
      ],
    ],
    [
      'requires a name and still reports its format',
      draft({ metadata: {} }),
      [
        cause(
          'FieldValueRequired',
          'metadata.name',
          'Required value: name or generateName is required',
        ),
        cause('FieldValueInvalid', 'metadata.name', `Invalid value: "": ${FORMAT}`),
      ],
    ],
    [
      'forbids labels and annotations',
      draft({ metadata: { name: NAME, labels: { a: 'b' }, annotations: { c: 'd' } } }),
      [
        cause(
          'FieldValueForbidden',
          'metadata.labels',
          'Forbidden: signature labels cannot be set',
        ),
        cause(
          'FieldValueForbidden',
          'metadata.annotations',
          'Forbidden: signature annotations cannot be set',
        ),
      ],
    ],
    ['allows empty labels', draft({ metadata: { name: NAME, labels: {} } }), []],
    [
      'applies the path-segment rules before the format rule',
      draft({ metadata: { name: 'a/b%c' } }),
      [
        cause('FieldValueInvalid', 'metadata.name', `Invalid value: "a/b%c": may not contain '/'`),
        cause('FieldValueInvalid', 'metadata.name', `Invalid value: "a/b%c": may not contain '%'`),
        cause('FieldValueInvalid', 'metadata.name', `Invalid value: "a/b%c": ${FORMAT}`),
      ],
    ],
    [
      'refuses a name of two dots',
      draft({ metadata: { name: '..' } }),
      [
        cause('FieldValueInvalid', 'metadata.name', `Invalid value: "..": may not be '..'`),
        cause('FieldValueInvalid', 'metadata.name', `Invalid value: "..": ${FORMAT}`),
      ],
    ],
    [
      'quotes names the way Go does',
      draft({ metadata: { name: 'a"b' } }),
      [cause('FieldValueInvalid', 'metadata.name', `Invalid value: "a\\"b": ${FORMAT}`)],
    ],
    [
      'checks a generateName prefix for illegal characters only',
      draft({ metadata: { name: NAME, generateName: 'x/' } }),
      [
        cause(
          'FieldValueInvalid',
          'metadata.generateName',
          `Invalid value: "x/": may not contain '/'`,
        ),
      ],
    ],
    [
      'refuses a negative generation',
      draft({ metadata: { name: NAME, generation: -1 } }),
      [
        cause(
          'FieldValueInvalid',
          'metadata.generation',
          'Invalid value: -1: must be greater than or equal to 0',
        ),
      ],
    ],
    [
      'checks label keys and values before forbidding labels',
      draft({ metadata: { name: NAME, labels: { 'bad key': 'ok' } } }),
      [
        cause(
          'FieldValueInvalid',
          'metadata.labels',
          `Invalid value: "bad key": name part ${QNAME_RULE}`,
        ),
        cause(
          'FieldValueForbidden',
          'metadata.labels',
          'Forbidden: signature labels cannot be set',
        ),
      ],
    ],
    [
      'requires every owner reference field',
      draft({
        metadata: {
          name: NAME,
          ownerReferences: [{ apiVersion: '', kind: '', name: 'n', uid: '' }],
        },
      }),
      [
        cause(
          'FieldValueInvalid',
          'metadata.ownerReferences.apiVersion',
          'Invalid value: "": version must not be empty',
        ),
        cause(
          'FieldValueInvalid',
          'metadata.ownerReferences.kind',
          'Invalid value: "": kind must not be empty',
        ),
        cause(
          'FieldValueInvalid',
          'metadata.ownerReferences.uid',
          'Invalid value: "": uid must not be empty',
        ),
      ],
    ],
    [
      'refuses a finalizer that is neither standard nor qualified',
      draft({ metadata: { name: NAME, finalizers: ['orphan', 'example.com/ok', 'custom'] } }),
      [
        cause(
          'FieldValueInvalid',
          'metadata.finalizers[2]',
          'Invalid value: "custom": name is neither a standard finalizer name nor is it fully qualified',
        ),
      ],
    ],
  ];

  it.each(cases)('%s', (_label, given, want) => {
    expect(validateSignature(given)).toEqual(want);
  });
});
