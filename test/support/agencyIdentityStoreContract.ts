import { expect, it } from 'vitest';
import { isGongkaiError } from '../../src/errors/GongkaiError.ts';
import type { AgencyIdentityStore } from '../../src/panel/agency/AgencyIdentityStore.ts';
import { resolveAgencyKey } from '../../src/panel/agency/resolveAgencyKey.ts';

const by = { by: 'reviewer', at: '2026-12-03T05:00:00Z' };

/** The AgencyIdentityStore contract: the file store runs the same function when it implements the interface. */
export function agencyIdentityStoreContract(create: () => AgencyIdentityStore | Promise<AgencyIdentityStore>): void {
  it('confirms an identity with its names, found by key', async () => {
    const store = await create();
    await store.confirm({ ...by, key: '上海市科学技术委员会', displayName: '上海市科学技术委员会', names: ['上海市 科委'], evidence: [] });
    expect(await store.get('上海市科学技术委员会')).toMatchObject({ names: ['上海市科委'], decidedBy: 'reviewer' });
    expect(await store.get('上海市科委')).toBeUndefined();
  });

  it('merges a key into another, transitively, and finds the identity by a merged key', async () => {
    const store = await create();
    await store.merge({ ...by, from: '市科学技术委员会', into: '上海市科学技术委员会', evidence: [{ rule: 'region-prefix', from: '市科学技术委员会', to: '上海市科学技术委员会', confidence: 0.7, detail: '' }] });
    await store.confirm({ ...by, key: '上海科委', displayName: '上海科委', names: ['上海科委'], evidence: [] });
    const merged = await store.merge({ ...by, from: '上海科委', into: '市科学技术委员会', evidence: [] });
    expect(merged.key).toBe('上海市科学技术委员会');
    expect(merged.mergedKeys.sort()).toEqual(['上海科委', '市科学技术委员会']);
    expect(merged.names).toEqual(['上海科委']);
    expect((await store.get('上海科委'))?.key).toBe('上海市科学技术委员会');
    expect(await store.list()).toHaveLength(1);
    const resolved = resolveAgencyKey('市科委', await store.list());
    expect(resolved).toMatchObject({ key: '上海市科学技术委员会', confirmed: true });
  });

  it('refuses to merge a key into itself, or keys a reviewer kept apart', async () => {
    const store = await create();
    await store.keepApart({ ...by, keys: ['上海市人民政府办公厅', '上海市人民政府'] });
    for (const attempt of [
      () => store.merge({ ...by, from: '上海市人民政府办公厅', into: '上海市人民政府', evidence: [] }),
      () => store.merge({ ...by, from: '上海市人民政府', into: '上海市人民政府', evidence: [] }),
    ]) {
      await expect(attempt()).rejects.toSatisfy((error) => isGongkaiError(error, 'conflict'));
    }
    expect((await store.get('上海市人民政府'))?.keptApart).toEqual(['上海市人民政府办公厅']);
  });

  it('hands out copies: changing a returned identity changes nothing stored', async () => {
    const store = await create();
    const identity = await store.confirm({ ...by, key: 'k', displayName: 'k', names: ['a'], evidence: [] });
    identity.names.push('b');
    expect((await store.get('k'))?.names).toEqual(['a']);
  });
}
