import { labelValueProblems, qualifiedNameProblems } from '../../mock/qualified-name';

describe('qualifiedNameProblems', () => {
  it.each(['MyName', 'my.name', '123-abc', 'example.com/MyName', 'a'])('accepts %j', (value) => {
    expect(qualifiedNameProblems(value)).toEqual([]);
  });

  it.each([
    ['', ['name part must be non-empty', expect.stringMatching(/^name part must consist of/)]],
    ['-a', [expect.stringMatching(/^name part must consist of/)]],
    ['a'.repeat(64), ['name part must be no more than 63 characters']],
    ['/x', ['prefix part must be non-empty']],
    ['Example.com/x', [expect.stringMatching(/^prefix part a DNS-1123 subdomain must consist of/)]],
    [
      'a/b/c',
      [
        expect.stringMatching(
          /^a qualified name must consist of .* with an optional DNS subdomain prefix/,
        ),
      ],
    ],
  ])('refuses %j', (value, want) => {
    expect(qualifiedNameProblems(value)).toEqual(want);
  });
});

describe('labelValueProblems', () => {
  it.each(['', 'MyValue', 'my_value', '12345'])('accepts %j', (value) => {
    expect(labelValueProblems(value)).toEqual([]);
  });

  it.each([
    ['-x', [expect.stringMatching(/^a valid label must be an empty string or consist of/)]],
    ['a'.repeat(64), ['must be no more than 63 characters']],
  ])('refuses %j', (value, want) => {
    expect(labelValueProblems(value)).toEqual(want);
  });
});
