import { describe, expect, it } from 'vitest';
import type { LeadActionsDeps } from '../../lib/background/lead-actions';
import type { LeadContext } from '../../lib/crm/crm-port';
import { makeLead } from '../domain/qualification/make-lead';
import { NOW, draft, page, setup } from './lead-actions-kit';

describe('who decided', () => {
  const owner = { id: '81300101', name: 'Maya Chen', email: null };
  const contextOwnedByMaya = (): LeadContext => ({
    lead: makeLead({ ref: { crm: 'sandbox', account: '2400001', id: '101', objectType: 'contact' }, owner }),
    events: [],
    touches: [],
    sources: [],
    fetchedAt: NOW - 1_000,
  });

  async function savedRep(currentRep: LeadActionsDeps['currentRep']) {
    const { actions, outbox } = setup(contextOwnedByMaya(), { currentRep });
    const result = await actions.saveDisposition(page('101'), draft({ rep: { id: 'forged', name: 'Mallory' } }));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const entry = await (await outbox).get(result.item.id);
    if (entry?.kind !== 'disposition') throw new Error('expected the disposition entry');
    return entry.payload.disposition.rep;
  }

  it('records this browser\'s rep, not the lead\'s owner (a colleague may work someone else\'s lead)', async () => {
    expect(await savedRep(async () => ({ ownerId: '81300222', name: 'Sam Ortiz' }))).toEqual({ id: '81300222', name: 'Sam Ortiz' });
  });

  it('falls back to the lead\'s owner while Baton does not know who the rep is, or cannot ask the CRM', async () => {
    expect(await savedRep(async () => null)).toEqual({ id: owner.id, name: owner.name });
    expect(await savedRep(async () => Promise.reject(new Error('offline')))).toEqual({ id: owner.id, name: owner.name });
  });

  it('records the rep on contact attempts too', async () => {
    const { actions, outbox } = setup(contextOwnedByMaya(), { currentRep: async () => ({ ownerId: '81300222', name: 'Sam Ortiz' }) });
    await actions.logAttempt(page('101'), { channel: 'call', connected: false, note: null });
    const attempts = (await (await outbox).listAll()).filter((e) => e.kind === 'contact-attempt');
    expect(attempts).toHaveLength(1);
    expect(attempts[0]?.kind === 'contact-attempt' && attempts[0].payload.attempt.ownerId).toBe('81300222');
  });
});
