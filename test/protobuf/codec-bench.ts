// Encode and decode speed for one fully populated ImageSignature, next to
// JSON for scale. Not a test (no assertions on time): run it by hand with
// `npx tsx test/protobuf/codec-bench.ts`; it prints ops/s to stdout.
import { decodeObject, encodeObject } from '../../mock/protobuf/codec';
import { FULL_SIGNATURE } from './sample-objects';

const WARMUP = 2_000;
const ROUNDS = 20_000;

function opsPerSecond(run: () => unknown): number {
  for (let i = 0; i < WARMUP; i++) run();
  const start = process.hrtime.bigint();
  for (let i = 0; i < ROUNDS; i++) run();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return Math.round(ROUNDS / seconds);
}

const typeMeta = { apiVersion: FULL_SIGNATURE.apiVersion, kind: FULL_SIGNATURE.kind };
const minimal = {
  metadata: { name: 'sha256:abc@0123', uid: 'c1b2', creationTimestamp: '2017-10-05T12:00:00Z' },
  type: 'atomic',
  content: 'aGVsbG8gd29ybGQ=',
};

for (const [name, obj] of [
  ['full', FULL_SIGNATURE],
  ['minimal', minimal],
] as const) {
  const body = encodeObject(obj, typeMeta);
  const json = JSON.stringify(obj);
  const rows = {
    'protobuf encode': opsPerSecond(() => encodeObject(obj, typeMeta)),
    'protobuf decode': opsPerSecond(() => decodeObject(body)),
    'JSON.stringify': opsPerSecond(() => JSON.stringify(obj)),
    'JSON.parse': opsPerSecond(() => JSON.parse(json)),
  };
  console.log(`${name} ImageSignature: ${body.length} bytes protobuf, ${json.length} bytes JSON`);
  for (const [label, ops] of Object.entries(rows)) console.log(`  ${label}: ${ops} ops/s`);
}
