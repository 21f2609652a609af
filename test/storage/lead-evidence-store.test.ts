import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createLeadEvidenceStore } from '../../lib/storage/lead-evidence-store';

describe('lead evidence store', () => {
  it('keeps evidence per lead across store instances (reloads) until cleared', async () => {
    const factory = new IDBFactory();
    const first = createLeadEvidenceStore(factory);
    await first.write('hubspot|1|contact|7', { budget: { status: 'met', evidence: { amount: 25000, currency: 'USD' } } });
    await first.write('hubspot|1|contact|8', { need: { status: 'unmet' } });
    const second = createLeadEvidenceStore(factory);
    expect(await second.read('hubspot|1|contact|7')).toEqual({ budget: { status: 'met', evidence: { amount: 25000, currency: 'USD' } } });
    await second.clear('hubspot|1|contact|7');
    expect(await second.read('hubspot|1|contact|7')).toEqual({});
    expect(await second.read('hubspot|1|contact|8')).toEqual({ need: { status: 'unmet' } });
  });

  it('refuses evidence that does not meet the definition rules', async () => {
    const store = createLeadEvidenceStore(new IDBFactory());
    await expect(store.write('k', { budget: { status: 'met' } })).rejects.toThrow(/budget/);
  });
});
