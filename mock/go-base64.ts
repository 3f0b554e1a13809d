// Go's base64.StdEncoding.DecodeString, which decodes `content`: padded standard alphabet,
// '\r' and '\n' skipped. Errors give the byte offset Go reports ("illegal base64 data at
// input byte N"), so the offsets follow Go's decodeQuantum exactly.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALID = new Uint8Array(256);
for (const ch of ALPHABET) VALID[ch.charCodeAt(0)] = 1;

const PAD = 0x3d;
const CR = 0x0d;
const LF = 0x0a;

export type Base64Result = { ok: true; bytes: Buffer } | { ok: false; offset: number };

export function decodeGoBase64(text: string): Base64Result {
  const src = Buffer.from(text, 'utf8');
  let si = 0;
  while (si < src.length) {
    const step = quantum(src, si);
    if (typeof step === 'object') return { ok: false, offset: step.offset };
    if (step === si) break;
    si = step;
  }
  // Valid input: Node's decoder yields the same bytes and skips the same newlines.
  return { ok: true, bytes: Buffer.from(text, 'base64') };
}

/** Decodes one quantum from `si`: the next index, or Go's error offset. */
function quantum(src: Buffer, start: number): number | { offset: number } {
  let si = start;
  for (let j = 0; j < 4; j++) {
    if (si === src.length) return j === 0 ? si : { offset: si - j };

    const byte = src[si++] ?? 0;
    if (VALID[byte] === 1) continue;
    if (byte === LF || byte === CR) {
      j--;
      continue;
    }
    if (byte !== PAD || j < 2) return { offset: si - 1 };
    return padding(src, si, j);
  }
  return si;
}

function padding(src: Buffer, after: number, j: number): number | { offset: number } {
  let si = skipNewlines(src, after);
  if (j === 2) {
    if (si === src.length) return { offset: src.length };
    if (src[si] !== PAD) return { offset: si - 1 };
    si = skipNewlines(src, si + 1);
  }
  // Anything after the padding is trailing garbage.
  return si < src.length ? { offset: si } : si;
}

function skipNewlines(src: Buffer, from: number): number {
  let si = from;
  while (si < src.length && (src[si] === LF || src[si] === CR)) si++;
  return si;
}
