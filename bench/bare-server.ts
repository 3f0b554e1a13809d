// The bench's baseline: bare node:http answering the same JSON as the mock, with a Map
// store and the same create/delete semantics, and nothing else (no auth, YAML or Status
// registry). Run as `node -r tsx/cjs bench/bare-server.ts`; prints `listening on PORT`.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const COLLECTION = '/oapi/v1/imagesignatures';
const store = new Map<string, object>();

function reply(res: ServerResponse, code: number, body: object): void {
  const text = `${JSON.stringify(body)}\n`;
  res.writeHead(code, { 'Content-Type': 'application/json', 'Content-Length': text.length });
  res.end(text);
}

const status = (code: number, reason: string) => ({
  kind: 'Status',
  status: 'Failure',
  reason,
  code,
});

function create(req: IncomingMessage, res: ServerResponse): void {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    let body: { metadata?: { name?: unknown }; type?: unknown; content?: unknown };
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return reply(res, 400, status(400, 'BadRequest'));
    }
    const name = body.metadata?.name;
    if (typeof name !== 'string' || !name.includes('@') || !body.type || !body.content) {
      return reply(res, 422, status(422, 'Invalid'));
    }
    if (store.has(name)) return reply(res, 409, status(409, 'AlreadyExists'));

    const stored = { ...body, metadata: { name, uid: `${store.size}` } };
    store.set(name, stored);
    reply(res, 201, stored);
  });
}

function remove(res: ServerResponse, name: string): void {
  if (!store.delete(name)) return reply(res, 404, status(404, 'NotFound'));
  reply(res, 200, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success' });
}

const server = createServer((req, res) => {
  const url = req.url ?? '/';
  if (req.method === 'POST' && url === COLLECTION) return create(req, res);
  if (req.method === 'DELETE' && url.startsWith(`${COLLECTION}/`)) {
    req.resume();
    return remove(
      res,
      url
        .slice(COLLECTION.length + 1)
        .replaceAll('%3A', ':')
        .replaceAll('%40', '@'),
    );
  }
  req.resume();
  reply(res, 404, status(404, 'NotFound'));
});

server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening on ${(server.address() as AddressInfo).port}\n`);
});
process.on('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
});
