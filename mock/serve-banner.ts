// What `imagesig serve` prints on stdout at start: where it listens, the token, the seeded
// images and signatures, and curl commands that work as pasted.
import { randomBytes } from 'node:crypto';

import type { SeededImage } from '../fixtures/seeded-image';

export interface BannerInput {
  url: string;
  token: string;
  /** How many more tokens --token added; their values are never printed. */
  extraTokens: number;
  profileVersion: string;
  /** Where the example commands send their requests, and the apiVersion that path wants. */
  collectionPath: string;
  apiVersion: string;
  seed: number;
  images: readonly SeededImage[];
  extraImages: readonly string[];
}

export function serveBanner(input: BannerInput): string {
  const lines = [
    `imagesig mock of the OpenShift ${input.profileVersion} ImageSignature API`,
    `endpoint: ${input.url}`,
    `token:    ${input.token}`,
    ...(input.extraTokens > 0
      ? [`          and ${input.extraTokens} more given with --token`]
      : []),
    '',
    `seeded images (seed ${input.seed}):`,
    ...imageLines(input),
  ];
  const example = input.images[0] ?? exampleImage(input.extraImages[0]);
  if (example !== undefined) lines.push('', ...curlLines(input, example));
  return `${lines.join('\n')}\n`;
}

function imageLines(input: BannerInput): string[] {
  const lines: string[] = [];
  for (const image of input.images) {
    lines.push(`  ${image.name}  ${image.dockerReference}`);
    for (const signature of image.signatures)
      lines.push(`    signature ${signature.metadata.name}`);
  }
  for (const name of input.extraImages) lines.push(`  ${name}  (no signatures)`);
  if (lines.length === 0) lines.push('  (none)');
  return lines;
}

function exampleImage(name: string | undefined): SeededImage | undefined {
  return name === undefined ? undefined : { name, dockerReference: '', signatures: [] };
}

/** A POST of a new signature on `image` and the DELETE that removes it again. */
function curlLines(input: BannerInput, image: SeededImage): string[] {
  const name = `${image.name}@${randomBytes(16).toString('hex')}`;
  const body = JSON.stringify({
    kind: 'ImageSignature',
    apiVersion: input.apiVersion,
    metadata: { name },
    type: 'atomic',
    content: randomBytes(32).toString('base64'),
  });
  const insecure = input.url.startsWith('https:') ? ' -k' : '';
  const auth = `-H "Authorization: Bearer ${input.token}" -H 'Accept: application/json'`;
  const collection = `${input.url}${input.collectionPath}`;
  return [
    'create a signature:',
    `  curl${insecure} -X POST ${auth} -H 'Content-Type: application/json' -d '${body}' ${collection}`,
    'delete it again:',
    `  curl${insecure} -X DELETE ${auth} ${collection}/${encodeURIComponent(name)}`,
  ];
}
