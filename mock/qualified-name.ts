// apimachinery's IsQualifiedName and IsValidLabelValue, which ValidateObjectMeta applies to
// label keys and values, annotation keys and finalizers. Messages are Go's, verbatim.

const QUALIFIED_NAME_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const QUALIFIED_NAME = new RegExp(`^${QUALIFIED_NAME_FMT}$`);
const NAME_EXAMPLES = "(e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is";
const NAME_RULE = `must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character ${NAME_EXAMPLES} '${QUALIFIED_NAME_FMT}')`;

const DNS1123_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*';
const DNS1123 = new RegExp(`^${DNS1123_FMT}$`);
const DNS1123_RULE = `a DNS-1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '${DNS1123_FMT}')`;

const LABEL_VALUE_FMT = `(${QUALIFIED_NAME_FMT})?`;
const LABEL_VALUE = new RegExp(`^${LABEL_VALUE_FMT}$`);

const NAME_LIMIT = 63;
const PREFIX_LIMIT = 253;

/** The problems of a qualified name such as `example.com/MyName`; empty when valid. */
export function qualifiedNameProblems(value: string): string[] {
  const parts = value.split('/');
  if (parts.length > 2) {
    return [
      `a qualified name ${NAME_RULE} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ];
  }

  const problems: string[] = [];
  const name = parts.length === 2 ? (parts[1] ?? '') : value;
  if (parts.length === 2) problems.push(...prefixProblems(parts[0] ?? ''));

  if (name === '') problems.push('name part must be non-empty');
  else if (name.length > NAME_LIMIT)
    problems.push(`name part must be no more than ${NAME_LIMIT} characters`);
  // Go also applies the pattern to an empty name part, so both messages appear.
  if (!QUALIFIED_NAME.test(name)) problems.push(`name part ${NAME_RULE}`);
  return problems;
}

function prefixProblems(prefix: string): string[] {
  if (prefix === '') return ['prefix part must be non-empty'];
  const problems: string[] = [];
  if (prefix.length > PREFIX_LIMIT)
    problems.push(`prefix part must be no more than ${PREFIX_LIMIT} characters`);
  if (!DNS1123.test(prefix)) problems.push(`prefix part ${DNS1123_RULE}`);
  return problems;
}

/** The problems of a label value; the empty string is valid. */
export function labelValueProblems(value: string): string[] {
  const problems: string[] = [];
  if (value.length > NAME_LIMIT) problems.push(`must be no more than ${NAME_LIMIT} characters`);
  if (!LABEL_VALUE.test(value)) {
    problems.push(
      `a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '${LABEL_VALUE_FMT}')`,
    );
  }
  return problems;
}
