// StatusCause constructors worded as field.Error.ErrorBody() words them in apimachinery.
import { goQuote } from './go-format';
import type { StatusCause } from './status';

export const required = (field: string, detail?: string): StatusCause => ({
  reason: 'FieldValueRequired',
  message: detail ? `Required value: ${detail}` : 'Required value',
  field,
});

export const invalidValue = (
  field: string,
  value: string | number,
  detail: string,
): StatusCause => ({
  reason: 'FieldValueInvalid',
  message: `Invalid value: ${typeof value === 'string' ? goQuote(value) : value}: ${detail}`,
  field,
});

export const forbidden = (field: string, detail: string): StatusCause => ({
  reason: 'FieldValueForbidden',
  message: `Forbidden: ${detail}`,
  field,
});

/**
 * The mock's own last cause when a body has more than `limit` (validate-signature's
 * MAX_CAUSES): the real server would list them all.
 */
export const tooMany = (field: string, limit: number, listed: number): StatusCause => ({
  reason: 'FieldValueTooMany',
  message: `Too many: more than ${limit} causes: only the first ${listed} are listed`,
  field,
});
