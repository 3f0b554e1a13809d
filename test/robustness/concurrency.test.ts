// Many clients at once over real HTTP: races on one name have exactly one winner, and
// storms of creates and deletes leave a store that every answer agrees with.
import { randomBytes } from 'node:crypto';

import { freshName, startMockUnderTest, type MockUnderTest } from './mock-under-test';

jest.setTimeout(30_000);

let mock: MockUnderTest;
beforeAll(async () => {
  mock = await startMockUnderTest();
});
afterAll(() => mock.close());

const create = (name: string, content?: string) => mock.create(name, content);
const remove = (name: string) => mock.remove(name);
const fresh = () => freshName(mock.image);

function countCodes(codes: number[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const code of codes) counts[code] = (counts[code] ?? 0) + 1;
  return counts;
}

async function storedNames(): Promise<string[]> {
  const image = (await mock.store.listImages()).find(({ name }) => name === mock.image);
  return (image?.signatures ?? []).map((signature) => signature.metadata.name);
}

describe('the mock under concurrent clients', () => {
  it('answers 201 to exactly one of 200 concurrent creates of a name, 409 to the rest', async () => {
    const name = fresh();
    const replies = await Promise.all(Array.from({ length: 200 }, () => create(name)));

    expect(countCodes(replies.map((reply) => reply.status))).toEqual({ 201: 1, 409: 199 });
    expect((await storedNames()).filter((stored) => stored === name)).toEqual([name]);
    await remove(name);
  });

  it('answers 201 to exactly one of 100 concurrent creates of the same content', async () => {
    const content = randomBytes(24).toString('base64');
    const replies = await Promise.all(Array.from({ length: 100 }, () => create(fresh(), content)));

    expect(countCodes(replies.map((reply) => reply.status))).toEqual({ 201: 1, 409: 99 });
    const winner = replies.find((reply) => reply.status === 201);
    await remove((winner?.body as { metadata: { name: string } }).metadata.name);
  });

  it('answers 200 to exactly one of 100 concurrent deletes of a name, 404 to the rest', async () => {
    const name = fresh();
    expect((await create(name)).status).toBe(201);
    const replies = await Promise.all(Array.from({ length: 100 }, () => remove(name)));

    expect(countCodes(replies.map((reply) => reply.status))).toEqual({ 200: 1, 404: 99 });
    expect(await storedNames()).not.toContain(name);
  });

  it('keeps the store consistent with every answer of a create/delete storm', async () => {
    const names = Array.from({ length: 8 }, fresh);
    const before = await storedNames();
    const operations = Array.from({ length: 1200 }, (_, index) => {
      const name = names[index % names.length] ?? '';
      return { name, kind: index % 3 === 0 ? 'delete' : 'create' } as const;
    });

    const replies = await Promise.all(
      operations.map(async (operation) => {
        const reply =
          operation.kind === 'create' ? await create(operation.name) : await remove(operation.name);
        return { ...operation, status: reply.status };
      }),
    );

    // Starting absent, a name's successful creates and deletes alternate, so their
    // difference is 1 exactly when the name is stored at the end.
    const stored = await storedNames();
    for (const name of names) {
      const mine = replies.filter((reply) => reply.name === name);
      const created = mine.filter(
        (reply) => reply.kind === 'create' && reply.status === 201,
      ).length;
      const deleted = mine.filter(
        (reply) => reply.kind === 'delete' && reply.status === 200,
      ).length;
      expect({ name, balance: created - deleted }).toEqual({
        name,
        balance: stored.includes(name) ? 1 : 0,
      });
    }
    const unexpected = replies.filter(({ kind, status }) =>
      kind === 'create' ? status !== 201 && status !== 409 : status !== 200 && status !== 404,
    );
    expect(unexpected).toEqual([]);
    // The storm really interleaved: names were deleted and created again.
    const deletes = replies.filter(({ kind, status }) => kind === 'delete' && status === 200);
    expect(deletes.length).toBeGreaterThan(names.length);
    expect(new Set(stored).size).toBe(stored.length);
    expect(stored.filter((name) => !names.includes(name))).toEqual(before);

    await Promise.all(names.map(remove));
  });
});
