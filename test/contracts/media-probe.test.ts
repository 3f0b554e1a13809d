import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';

import { ContractClient } from '../../contracts/contract-client';
import { startInProcessMock } from '../../contracts/in-process-mock';
import { probeMedia, supportedMediaTypes } from '../../contracts/media-probe';
import { ALL_MEDIA_TYPES, JSON_MEDIA } from '../../contracts/media-type';
import { externalTarget } from '../../contracts/target';

// The media probe claims a type only on answers that decode: a Status for the 405 GET,
// any decodable answer but a 415 for the create. A content type alone proves nothing.

async function withServer<T>(
  listener: RequestListener,
  use: (client: ContractClient) => Promise<T>,
): Promise<T> {
  const server = createServer(listener);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    return await use(clientOf(url));
  } finally {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  }
}

function clientOf(url: string, token = 't'): ContractClient {
  const target = externalTarget(url, { IMAGESIG_TOKEN: token, IMAGESIG_IMAGE: 'sha256:x' });
  return new ContractClient({ ...target, inProcess: false, close: async () => {} });
}

// Echoes the asked-for type, so only the body can give it away.
const echoing =
  (status: number, body: string): RequestListener =>
  (req, res) => {
    req.resume();
    res.writeHead(status, { 'content-type': req.headers.accept ?? 'application/json' });
    res.end(body);
  };

describe('probeMedia', () => {
  it('claims nothing from a server answering 201 {"kind": to everything', async () => {
    const claimed = await withServer(echoing(201, '{"kind":'), (client) =>
      supportedMediaTypes(client, '/oapi/v1'),
    );
    expect(claimed).toEqual([]);
  });

  it('does not count a 405 that decodes to something other than a Status', async () => {
    const body = JSON.stringify({ kind: 'ImageSignature', apiVersion: 'v1' });
    const support = await withServer(echoing(405, body), (client) =>
      probeMedia(client, '/oapi/v1', JSON_MEDIA),
    );
    expect(support.answers).toBe(false);
    expect(support.reads).toBe(true);
    expect(support.problems).toEqual([
      'GET /oapi/v1/imagesignatures answered a ImageSignature, not a Status',
    ]);
  });

  it('claims every type our mock speaks', async () => {
    const mock = await startInProcessMock();
    try {
      const claimed = await supportedMediaTypes(clientOf(mock.baseUrl, mock.token), '/oapi/v1');
      expect(claimed.map((media) => media.name)).toEqual(
        ALL_MEDIA_TYPES.map((media) => media.name),
      );
    } finally {
      await mock.close();
    }
  });
});
