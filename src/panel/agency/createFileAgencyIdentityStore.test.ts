import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { agencyIdentityStoreContract } from '../../../test/support/agencyIdentityStoreContract.ts';
import { isGongkaiError } from '../../errors/GongkaiError.ts';
import { createFileAgencyIdentityStore } from './createFileAgencyIdentityStore.ts';

const directories: string[] = [];
async function freshPath(): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'gongkai-agencies-'));
  directories.push(directory);
  return join(directory, 'agencies.json');
}
afterAll(async () => {
  for (const directory of directories) await rm(directory, { recursive: true, force: true });
});

describe('createFileAgencyIdentityStore', () => {
  agencyIdentityStoreContract(async () => createFileAgencyIdentityStore(await freshPath()));

  it('keeps identities and the audit trail across a reopen', async () => {
    const path = await freshPath();
    const store = await createFileAgencyIdentityStore(path);
    await store.merge({ by: 'alice', at: '2026-12-03T07:00:00Z', from: '省教育厅', into: '河北省教育厅', evidence: [{ rule: 'region-prefix', from: '省教育厅', to: '河北省教育厅', confidence: 0.7, detail: '' }] });
    await store.confirm({ by: 'bob', at: '2026-12-03T07:05:00Z', key: '河北省教育厅', displayName: '河北省教育厅', names: ['河北省教育厅'], evidence: [] });
    const reopened = await createFileAgencyIdentityStore(path);
    expect((await reopened.get('省教育厅'))?.key).toBe('河北省教育厅');
    expect((await reopened.decisions()).map((decision) => [decision.kind, decision.by])).toEqual([['merge', 'alice'], ['confirm', 'bob']]);
  });

  it('refuses a corrupt file and leaves it as it is', async () => {
    const path = await freshPath();
    await writeFile(path, '{"schemaVersion":1,"identities":[{}]');
    await expect(createFileAgencyIdentityStore(path)).rejects.toSatisfy((error) => isGongkaiError(error, 'store-corrupt'));
    expect(await readFile(path, 'utf8')).toBe('{"schemaVersion":1,"identities":[{}]');
  });

  it('a refused decision (conflict) writes nothing', async () => {
    const path = await freshPath();
    const store = await createFileAgencyIdentityStore(path);
    await store.keepApart({ by: 'alice', at: '2026-12-03T07:00:00Z', keys: ['A', 'B'] });
    const before = await readFile(path, 'utf8');
    await expect(store.merge({ by: 'alice', at: '2026-12-03T07:01:00Z', from: 'A', into: 'B', evidence: [] })).rejects.toSatisfy((error) => isGongkaiError(error, 'conflict'));
    expect(await readFile(path, 'utf8')).toBe(before);
    expect(await store.decisions()).toHaveLength(1);
  });
});
