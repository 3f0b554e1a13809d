// meta/v1 Time between its JSON form (RFC3339 at second precision, null for
// Go's zero time) and its protobuf form (Unix seconds and nanos, an empty
// message for the zero time), as k8s 1.7-1.11 time.go and time_proto.go do.
import { ProtobufDecodeError } from './protobuf-decode-error';

/** The protobuf meta/v1 Time as protobufjs reads and writes it. */
export interface ProtoTime {
  seconds?: number;
  nanos?: number;
}

// Go's zero time.Time, 0001-01-01T00:00:00Z, in Unix seconds.
const ZERO_TIME_SECONDS = -62135596800;

// The range a JavaScript Date holds, 8.64e15 ms either side of 1970.
const MAX_DATE_SECONDS = 8.64e12;

const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;

/** A JSON time (RFC3339 string, or null for the zero time) as a proto Time. */
export function timeToProto(value: unknown, path: string): ProtoTime {
  if (value === null || value === undefined) return {};
  const match = typeof value === 'string' ? RFC3339.exec(value) : null;
  if (match === null) throw new TypeError(`${path} must be an RFC3339 time or null`);

  const [, year, month, day, hour, minute, second, fraction, sign, offH, offM] = match;
  const date = new Date(0);
  date.setUTCFullYear(Number(year), Number(month) - 1, Number(day));
  date.setUTCHours(Number(hour), Number(minute), Number(second));
  const valid =
    date.getUTCDate() === Number(day) &&
    date.getUTCHours() === Number(hour) &&
    date.getUTCMinutes() === Number(minute) &&
    date.getUTCSeconds() === Number(second);
  if (!valid) throw new TypeError(`${path} is not a valid time: ${value}`);

  const offset = sign === undefined ? 0 : (Number(offH) * 60 + Number(offM)) * 60;
  const seconds = date.getTime() / 1000 - (sign === '-' ? -offset : offset);
  const nanos = Number((fraction ?? '').padEnd(9, '0').slice(0, 9));
  if (seconds === ZERO_TIME_SECONDS && nanos === 0) return {};
  return { seconds, nanos };
}

/** A proto Time as JSON: Go's `t.UTC().Format(time.RFC3339)`, or null. */
export function timeFromProto(time: ProtoTime | undefined): string | null {
  if (time === undefined || (time.seconds === undefined && time.nanos === undefined)) return null;

  // Go's time.Unix carries whole seconds out of nanos.
  const carry = Math.floor((time.nanos ?? 0) / 1e9);
  const seconds = (time.seconds ?? 0) + carry;
  if (seconds === ZERO_TIME_SECONDS && (time.nanos ?? 0) === carry * 1e9) return null;
  if (Math.abs(seconds) > MAX_DATE_SECONDS) {
    throw new ProtobufDecodeError(`time ${seconds}s from 1970 is out of the supported range`);
  }

  const date = new Date(seconds * 1000);
  const year = date.getUTCFullYear();
  const yearText = (year < 0 ? '-' : '') + String(Math.abs(year)).padStart(4, '0');
  return (
    yearText +
    date
      .toISOString()
      .replace(/^[+-]?\d+/, '')
      .replace(/\.\d{3}Z$/, 'Z')
  );
}
