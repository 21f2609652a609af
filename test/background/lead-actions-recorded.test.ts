import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { createLeadActions } from '../../lib/background/lead-actions';
import type { LeadContext } from '../../lib/crm/crm-port';
import type { CrmService } from '../../lib/crm/crm-service';
import { openOutboxStore } from '../../lib/outbox/outbox-store';
import { createLeadEvidenceStore } from '../../lib/storage/lead-evidence-store';
import { makeLead } from '../domain/qualification/make-lead';
import { NOW, RULES, draft, page, setup } from './lead-actions-kit';

const context = (): LeadContext => ({
  lead: makeLead({ ref: { crm: 'sandbox', account: '2400001', id: '101', objectType: 'contact' }, owner: { id: '81300101', name: 'Maya Chen', email: null }, leadStatus: 'NEW' }),
  events: [],
  touches: [],
  sources: [],
  fetchedAt: NOW - 1_000,
});

describe('the outcome recorded for a lead (the header shows it)', () => {
  it('is the newest disposition that has not failed, with the reason by its label and who decided', async () => {
    const { actions, clock } = setup(context(), { currentRep: async () => ({ ownerId: '81300222', name: 'Dana Ortiz' }) });
    expect((await actions.listOutbox(page('101'))).recorded).toBeNull();
    const saved = await actions.saveDisposition(page('101'), draft());
    expect(saved.ok).toBe(true);
    clock.t += 60_000;
    const list = await actions.listOutbox(page('101'));
    expect(list.recorded).toEqual({ outcome: 'Rejected — Competitor', by: 'Dana Ortiz', at: NOW });
    // Another lead's outbox says nothing of it.
    expect((await actions.listOutbox(page('102'))).recorded).toBeNull();
  });
});

describe('lead statuses by the CRM\'s own labels', () => {
  function actionsWith(readLeadStatusValues: () => Promise<{ values: { value: string; label: string }[] }>) {
    const factory = new IDBFactory();
    const crmService: CrmService = { getLeadContext: vi.fn(async () => context()), invalidate: vi.fn(), resolvePage: async (p) => p };
    return createLeadActions({
      evidence: createLeadEvidenceStore(factory),
      outbox: () => openOutboxStore({ indexedDB: factory }),
      crmService,
      readRules: async () => RULES,
      kick: vi.fn(),
      readConnection: async () => ({ crmLabel: null, credential: null }),
      now: () => NOW,
      newId: () => '00000000-0000-4000-8000-000000000001',
      readLeadStatusValues,
    });
  }

  it('labels each outcome\'s status, reading the CRM\'s list once for many views', async () => {
    const read = vi.fn(async () => ({ values: [{ value: 'UNQUALIFIED', label: 'Unqualified' }, { value: 'IN_PROGRESS', label: 'In Progress' }, { value: 'NEW', label: 'New lead' }] }));
    const actions = actionsWith(read);
    const view = await actions.panelView(page('101'), async () => context());
    await actions.panelView(page('101'), async () => context());
    expect(read).toHaveBeenCalledTimes(1);
    const rejected = view.outcome.leadStatuses.find((s) => s.outcome === 'rejected' && s.reasonId === null);
    expect(rejected).toMatchObject({ leadStatus: 'UNQUALIFIED', leadStatusLabel: 'Unqualified' });
    // The header's lead status too.
    expect(view.lead).toMatchObject({ leadStatus: 'NEW', leadStatusLabel: 'New lead' });
  });

  it('a CRM that cannot list them costs the rep nothing: no labels, the view still shows', async () => {
    const read = vi.fn(async () => Promise.reject(new Error('forbidden')));
    const view = await actionsWith(read).panelView(page('101'), async () => context());
    expect(view.outcome.leadStatuses.every((s) => s.leadStatusLabel === undefined)).toBe(true);
    expect(view.lead.leadStatusLabel).toBeUndefined();
  });
});
