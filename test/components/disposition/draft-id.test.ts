import { describe, expect, it } from 'vitest';
import { draftIdFor, DRAFT_ID_TTL_MS, type DraftIdStorage } from '../../../components/disposition/draft-id';

function storage(): DraftIdStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
  };
}

const T = Date.UTC(2026, 11, 4, 12);
let n = 0;
const newId = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
const reject = { outcome: 'rejected', acceptedStage: null, reasonId: 'competitor', recycleAt: null, objections: { tags: [], text: null }, note: null };

describe('the disposition id is created once per draft', () => {
  it('the same draft gets the same id: a second click, a resend after a lost answer, a second tab on the same lead', () => {
    const shared = storage(); // localStorage is shared by the panel in every tab
    const first = draftIdFor('hubspot:51', reject, { storage: shared, now: T, newId });
    expect(draftIdFor('hubspot:51', { ...reject }, { storage: shared, now: T + 500, newId })).toBe(first);
    expect(draftIdFor('hubspot:51', JSON.parse(JSON.stringify(reject)), { storage: shared, now: T + 60_000, newId })).toBe(first);
  });

  it('a changed draft, another lead, or a day later gets a new id', () => {
    const shared = storage();
    const first = draftIdFor('hubspot:51', reject, { storage: shared, now: T, newId });
    const accepted = draftIdFor('hubspot:51', { ...reject, outcome: 'accepted' }, { storage: shared, now: T + 1, newId });
    expect(accepted).not.toBe(first);
    // Back to the first choice after the accept: a new decision, a new id.
    expect(draftIdFor('hubspot:51', reject, { storage: shared, now: T + 2, newId })).not.toBe(first);
    expect(draftIdFor('hubspot:52', reject, { storage: shared, now: T + 3, newId })).not.toBe(first);
    const later = draftIdFor('hubspot:52', reject, { storage: shared, now: T + 3 + DRAFT_ID_TTL_MS, newId });
    expect(later).not.toBe(first);
    // Expired ones are pruned as new ones are written.
    expect([...shared.map.keys()].length).toBe(1);
  });

  it('without usable storage it still answers with a UUID', () => {
    const broken: DraftIdStorage = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); }, removeItem: () => {}, length: 0, key: () => null };
    expect(draftIdFor('hubspot:51', reject, { storage: broken })).toMatch(/^[0-9a-f-]{36}$/);
  });
});
