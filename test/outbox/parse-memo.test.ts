import { describe, expect, it } from 'vitest';
import { contentKey, createParseMemo } from '../../lib/outbox/parse-memo';
import { openTestStore } from '../support/outbox/in-memory-outbox-store';
import { dispositionEntry, uuid } from '../support/outbox/outbox-test-entries';
import { putRaw } from '../support/outbox/raw-outbox-records';

describe('parse memo', () => {
  it('content keys tell apart what JSON would merge (undefined, NaN) and refuse non-plain data', () => {
    expect(contentKey({ a: 1 })).toBe(contentKey({ a: 1 }));
    expect(contentKey({ a: undefined })).not.toBe(contentKey({}));
    expect(contentKey({ a: Number.NaN })).not.toBe(contentKey({ a: null }));
    expect(contentKey({ a: new Date(0) })).toBeNull();
    expect(contentKey({ a: new Map() })).toBeNull();
    expect(contentKey({ a: 1n })).toBeNull();
  });

  it('hands out copies: changing one never changes what the next reader gets', () => {
    const memo = createParseMemo<{ list: number[] }>(2);
    memo.set('k', { list: [1] });
    memo.get('k')!.list.push(2);
    expect(memo.get('k')).toEqual({ list: [1] });
    memo.set('k2', { list: [2] });
    memo.set('k3', { list: [3] });
    expect(memo.get('k')).toBeUndefined();
  });

  it('a record that was readable and is then corrupted in storage is reported unreadable, not served from memory', async () => {
    const kit = await openTestStore();
    const entry = await kit.store.enqueue(dispositionEntry(1));
    expect(await kit.store.listAll()).toHaveLength(1);
    await putRaw(kit.factory, { ...entry, attempts: -1 });
    expect(await kit.store.listAll()).toHaveLength(0);
    expect((await kit.store.listUnreadable()).map((u) => u.id)).toEqual([uuid(1)]);
  });

  it('an entry read twice and changed by the caller reads back as stored', async () => {
    const kit = await openTestStore();
    await kit.store.enqueue(dispositionEntry(1));
    const [first] = await kit.store.listAll();
    if (first?.kind !== 'disposition') throw new Error('expected a disposition');
    first.payload.brief.push('changed by a caller');
    (first as { state: string }).state = 'delivered';
    const [again] = await kit.store.listAll();
    expect(again).toMatchObject({ state: 'queued', payload: { brief: ['Asked for pricing twice this week'] } });
  });
});
