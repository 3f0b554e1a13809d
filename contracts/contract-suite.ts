import { itemPath } from './api-prefix';
import { ContractClient, type Call, type Reply } from './contract-client';
import { openTarget, targetPrefixes, type Target } from './target';

// What every contract file shares: the target (opened once per file), a client, and a
// record of every signature name a check may have created, deleted again after the file.

// A real cluster may be slow; Jest's default of 5 s per test is too tight for that.
const TEST_TIMEOUT_MS = 60_000;

export interface ContractSuite {
  readonly target: Target;
  readonly client: ContractClient;
  send(call: Call): Promise<Reply>;
  /**
   * Records a name to delete after the file, whether or not the create succeeded; a
   * value that cannot name a stored signature (no @, not a string) is ignored.
   */
  track(name: unknown): void;
}

/** Registers the hooks of a contract file and returns its shared state. */
export function useContractSuite(): ContractSuite {
  let target: Target | undefined;
  let client: ContractClient | undefined;
  const created = new Set<string>();
  jest.setTimeout(TEST_TIMEOUT_MS);

  beforeAll(async () => {
    target = await openTarget();
    client = new ContractClient(target);
  });

  afterAll(async () => {
    try {
      if (client !== undefined) await deleteAll(client, [...created]);
    } finally {
      await target?.close();
    }
  });

  const suite: ContractSuite = {
    get target() {
      if (target === undefined) throw new Error('the contract target is not open yet');
      return target;
    },
    get client() {
      if (client === undefined) throw new Error('the contract target is not open yet');
      return client;
    },
    send: (call) => suite.client.send(call),
    track: (name) => {
      if (typeof name === 'string' && name.includes('@')) created.add(name);
    },
  };
  return suite;
}

// Both prefixes reach the same store, so the first one the target serves will do. A name
// that is already gone (404) is fine; anything else means the cleanup left something.
async function deleteAll(client: ContractClient, names: string[]): Promise<void> {
  const [prefix] = targetPrefixes();
  if (prefix === undefined) return;

  const leftovers: string[] = [];
  for (const name of names) {
    const path = itemPath(prefix, name, 'encoded');
    const reply = await client.send({ method: 'delete', path });
    if (reply.status !== 200 && reply.status !== 404) leftovers.push(`${name} (${reply.status})`);
  }
  if (leftovers.length > 0) {
    throw new Error(`cleanup could not delete: ${leftovers.join(', ')}`);
  }
}
