import { pathSegmentProblems, splitSignatureName } from '../../mock/signature-name';

describe('splitSignatureName', () => {
  const cases: Array<[string, string, { imageName: string; signatureName: string } | undefined]> = [
    [
      'splits a digest and an id',
      'sha256:abc@0123',
      { imageName: 'sha256:abc', signatureName: '0123' },
    ],
    ['accepts any image text', 'img@sig', { imageName: 'img', signatureName: 'sig' }],
    ['refuses a name without @', 'abc', undefined],
    ['refuses an empty signature part', 'img@', undefined],
    ['refuses an empty image part', '@sig', undefined],
    ['refuses two @', 'a@b@c', undefined],
    ['refuses a lone @', '@', undefined],
    ['refuses the empty name', '', undefined],
  ];

  it.each(cases)('%s (%j)', (_label, name, want) => {
    expect(splitSignatureName(name)).toEqual(want);
  });
});

describe('pathSegmentProblems', () => {
  const cases: Array<[string, string[]]> = [
    ['sha256:abc@sig', []],
    ['.', ["may not be '.'"]],
    ['..', ["may not be '..'"]],
    ['a/b@c', ["may not contain '/'"]],
    ['a%b@c', ["may not contain '%'"]],
    ['a/%b@c', ["may not contain '/'", "may not contain '%'"]],
    ['...', []],
  ];

  it.each(cases)('lists the problems of %j', (name, want) => {
    expect(pathSegmentProblems(name)).toEqual(want);
  });
});
