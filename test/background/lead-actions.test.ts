import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { leadKeyOf } from '../../lib/background/lead-actions';
import { CrmError } from '../../lib/crm/crm-error';
import { decideAfterFailure, DELIVERY_LEASE_MS } from '../../lib/outbox/delivery-policy';
import { RequestRefusedError } from '../../lib/messaging/request-refused-error';
import type { LeadContext } from '../../lib/crm/crm-port';
import { decodeQualificationInputs, encodeQualificationInputs } from '../../lib/domain/qualification/qualification-inputs';
import { makeLead } from '../domain/qualification/make-lead';
import { putRaw, unreadableDisposition } from '../support/outbox/raw-outbox-records';
import { DEFAULT_SQL_DEFINITION } from '../../lib/domain/qualification/default-sql-definition';
import { evaluateDefinition } from '../../lib/domain/qualification/evaluate-definition';

import { NOW, draft, page, setup } from './lead-actions-kit';

describe('lead actions', () => {
  it('saves a valid disposition to the outbox for the tab\'s lead, clears its evidence, and asks for a drain', async () => {
    const { actions, evidence, kick } = setup();
    await actions.putEvidence(page('101'), 'need', { status: 'met', evidence: { problem: 'Numbers never agree' } });
    // A lead named in the draft is ignored: the page decides.
    const result = await actions.saveDisposition(page('101'), draft({ lead: { crm: 'hubspot', account: '1', id: '999' } }));
    expect(result).toMatchObject({ ok: true, item: { kind: 'disposition', state: 'queued', summary: 'Rejected (Competitor)' } });
    expect(kick).toHaveBeenCalled();
    expect(await evidence.read(leadKeyOf(page('101')))).toEqual({});
    const listed = await actions.listOutbox(page('101'));
    expect(listed.items).toHaveLength(1);
    expect((await actions.listOutbox(page('102'))).items).toHaveLength(0);
  });

  it('records what the definition saw with the disposition: the cached context and the evidence before it is cleared', async () => {
    const lead = makeLead({ ref: { crm: 'sandbox', account: '2400001', id: '101', objectType: 'contact' } });
    const context: LeadContext = {
      lead,
      events: [{ id: 'f1', kind: 'form_submission', occurredAt: NOW - 60_000, source: 'hubspot-forms', title: 'Request a demo' }],
      touches: [],
      sources: [],
      fetchedAt: NOW - 1_000,
    };
    const { actions, outbox } = setup(context);
    await actions.putEvidence(page('101'), 'need', { status: 'met', evidence: { problem: 'Numbers never agree' } });
    const result = await actions.saveDisposition(page('101'), draft());
    if (!result.ok) throw new Error('expected a saved disposition');
    const entry = await (await outbox).get(result.item.id);
    if (entry?.kind !== 'disposition') throw new Error('expected the disposition entry');
    const inputs = entry.payload.qualificationInputs;
    expect(inputs).toMatchObject({ v: 2, evaluatedAt: NOW, repEvidence: { need: { status: 'met', evidence: { problem: 'Numbers never agree' }, at: NOW } } });
    const decoded = decodeQualificationInputs(encodeQualificationInputs(inputs!), lead.ref);
    expect(decoded.ok && decoded.inputs.lead).toEqual(lead);
    // Ages are kept in whole seconds (exact for window rules): 60 s before the decision.
    expect(decoded.ok && decoded.inputs.events).toMatchObject([{ kind: 'form_submission', occurredAt: NOW - 60_000, title: 'Request a demo' }]);
  });

  it('still saves when the lead context cannot be read: without inputs, and without facts it cannot state', async () => {
    const { actions, outbox } = setup();
    const result = await actions.saveDisposition(page('101'), draft({ verdict: 'sales_qualified', sla: { state: 'met', responseTimeMs: 1 } }));
    if (!result.ok) throw new Error('expected a saved disposition');
    const entry = await (await outbox).get(result.item.id);
    if (entry?.kind !== 'disposition') throw new Error('expected the disposition entry');
    expect(entry.payload.qualificationInputs).toBeNull();
    // Recorded against the definition in force; nothing the panel claimed is taken as fact.
    expect(entry.payload.disposition).toMatchObject({ definitionId: DEFAULT_SQL_DEFINITION.id, checklist: [], verdict: null, sla: null, rep: { id: 'unknown' } });
  });

  it('records the checklist, verdict, SLA outcome, rep and brief it computes itself, not the ones the panel states', async () => {
    const owner = { id: '81300101', name: 'Maya Chen', email: null };
    const lead = makeLead({
      ref: { crm: 'sandbox', account: '2400001', id: '101', objectType: 'contact' },
      owner,
      ownerAssignedAt: NOW - 10 * 60_000,
      recentConversion: { name: 'Demo request', at: NOW - 11 * 60_000 },
    });
    const context: LeadContext = {
      lead,
      events: [{ id: 'f1', kind: 'form_submission', occurredAt: NOW - 11 * 60_000, source: 'hubspot-forms', title: 'Demo request' }],
      touches: [{ id: 'c1', kind: 'call', occurredAt: NOW - 5 * 60_000, ownerId: owner.id, automated: false, direction: 'outbound', connected: true, summary: null }],
      sources: [],
      fetchedAt: NOW - 1_000,
    };
    const { actions, outbox } = setup(context);
    await actions.putEvidence(page('101'), 'need', { status: 'met', evidence: { problem: 'Numbers never agree' } });
    const forged = draft({
      rep: { id: 'someone-else', name: 'Mallory' },
      definitionId: 'forged',
      definitionVersion: 99,
      checklist: [{ id: 'budget', label: 'Budget', group: 'bant', status: 'met', decidedBy: 'rep', evidence: null }],
      verdict: 'disqualified',
      sla: { state: 'breached', responseTimeMs: 1, tier: { id: 'x', label: 'X' } },
      responseTimeMs: 1,
    });
    const result = await actions.saveDisposition(page('101'), forged);
    if (!result.ok) throw new Error(`expected a saved disposition: ${JSON.stringify(result.errors)}`);
    const entry = await (await outbox).get(result.item.id);
    if (entry?.kind !== 'disposition') throw new Error('expected the disposition entry');
    const d = entry.payload.disposition;
    expect(d.rep).toEqual({ id: owner.id, name: owner.name });
    expect(d.definitionId).toBe(DEFAULT_SQL_DEFINITION.id);
    expect(d.definitionVersion).toBe(DEFAULT_SQL_DEFINITION.version);
    expect(d.checklist.find((c) => c.id === 'need')).toMatchObject({ status: 'met', decidedBy: 'rep', evidence: { problem: 'Numbers never agree' } });
    expect(d.checklist.find((c) => c.id === 'budget')).not.toMatchObject({ status: 'met', decidedBy: 'rep' });
    const expected = evaluateDefinition(DEFAULT_SQL_DEFINITION, { lead, events: context.events, repEvidence: { need: { status: 'met', evidence: { problem: 'Numbers never agree' }, at: NOW } }, now: NOW });
    expect(d.verdict).toBe(expected.verdict.kind);
    expect(d.verdict).not.toBe('disqualified');
    // Assigned 10 minutes ago, called 5 minutes later: the demo tier's clock stopped at the call.
    expect(d.sla?.state).toMatch(/^met/);
    expect(d.sla?.tier?.id).not.toBe('x');
    expect(d.responseTimeMs).not.toBe(1);
    expect(entry.payload.brief.at(-1)).toMatch(/^Opener: /);
    expect(entry.payload.brief.some((line) => line.startsWith('Agreed next step: '))).toBe(true);
  });

  it('answers recorded evidence with the checklist re-evaluated with it', async () => {
    const lead = makeLead({ ref: { crm: 'sandbox', account: '2400001', id: '101', objectType: 'contact' } });
    const { actions } = setup({ lead, events: [], touches: [], sources: [], fetchedAt: NOW });
    const before = await actions.panelView(page('101'), async () => ({ lead, events: [], touches: [], sources: [], fetchedAt: NOW }));
    expect(before.qualification.criteria.find((c) => c.id === 'need')).toMatchObject({ decidedBy: 'auto' });
    const answer = await actions.putEvidence(page('101'), 'need', { status: 'met', evidence: { problem: 'Numbers never agree' } });
    expect(answer.evidence).toMatchObject({ need: { status: 'met' } });
    expect(answer.qualification?.criteria.find((c) => c.id === 'need')).toMatchObject({ status: 'met', decidedBy: 'rep', evidence: { problem: 'Numbers never agree' } });
    const cleared = await actions.putEvidence(page('101'), 'need', null);
    expect(cleared.qualification?.criteria.find((c) => c.id === 'need')).toMatchObject({ decidedBy: 'auto' });
  });

  it('answers evidence without a checklist when the lead cannot be read', async () => {
    const { actions } = setup();
    expect(await actions.putEvidence(page('101'), 'need', { status: 'met', evidence: { problem: 'Numbers never agree' } })).toMatchObject({ qualification: null });
  });

  it('returns field errors instead of queueing an invalid disposition', async () => {
    const { actions, kick } = setup();
    const result = await actions.saveDisposition(page('101'), draft({ reasonId: null }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.path)).toContain('reasonId');
    expect((await actions.listOutbox(page('101'))).items).toHaveLength(0);
    expect(kick).not.toHaveBeenCalled();
  });

  it('counts logged attempts toward "unreachable"', async () => {
    const { actions } = setup();
    const tooEarly = await actions.saveDisposition(page('101'), draft({ reasonId: 'unreachable' }));
    expect(tooEarly.ok).toBe(false);
    await actions.logAttempt(page('101'), { channel: 'call', connected: false, note: null });
    const listed = await actions.logAttempt(page('101'), { channel: 'email', connected: false, note: null });
    expect(listed.attemptsMade).toBe(2);
    expect((await actions.saveDisposition(page('101'), draft({ reasonId: 'unreachable' }))).ok).toBe(true);
  });

  it('refuses evidence without what the definition asks, and another lead\'s outbox entry', async () => {
    const { actions } = setup();
    await expect(actions.putEvidence(page('101'), 'budget', { status: 'met' })).rejects.toBeInstanceOf(RequestRefusedError);
    const saved = await actions.saveDisposition(page('101'), draft());
    if (!saved.ok) throw new Error('expected a saved disposition');
    await expect(actions.discard(page('102'), saved.item.id)).rejects.toBeInstanceOf(RequestRefusedError);
    await expect(actions.resend(page('102'), saved.item.id)).rejects.toBeInstanceOf(RequestRefusedError);
  });
});

describe('a resend never writes an old disposition over a newer one', () => {
  const e400 = new CrmError('rejected', 'HubSpot refused the request: Property values were not valid', { status: 400 });
  const MIN = 60_000;

  /** The rep rejects (dead-lettered by a 400), then accepts five minutes later; `deliverLater` sends the acceptance. */
  async function rejectedThenAccepted(deliverLater: boolean) {
    const kit = setup(null, { clock: { t: NOW } });
    const store = await kit.outbox;
    const first = await kit.actions.saveDisposition(page('101'), draft());
    if (!first.ok) throw new Error('expected a saved disposition');
    await store.claimDue(NOW, DELIVERY_LEASE_MS, 5);
    await store.fail(first.item.id, decideAfterFailure(e400, { attempts: 1, now: NOW, random: () => 0 }), e400);
    kit.clock.t = NOW + 5 * MIN;
    const second = await kit.actions.saveDisposition(page('101'), draft({ outcome: 'accepted', acceptedStage: 'working', reasonId: null }));
    if (!second.ok) throw new Error('expected a saved disposition');
    if (deliverLater) {
      await store.claimDue(kit.clock.t, DELIVERY_LEASE_MS, 5);
      await store.complete(second.item.id, { properties: ['hs_lead_status'], note: null, deliveredAt: kit.clock.t }, kit.clock.t);
    }
    kit.clock.t = NOW + 7 * MIN;
    kit.kick.mockClear();
    return { ...kit, store, oldId: first.item.id, newId: second.item.id };
  }

  it('lists the dead letter as superseded, naming the later disposition and its time', async () => {
    const { actions, oldId, newId } = await rejectedThenAccepted(true);
    const old = (await actions.listOutbox(page('101'))).items.find((i) => i.id === oldId);
    expect(old).toMatchObject({
      state: 'failed',
      tone: 'warning',
      label: "Superseded by your later 'Accepted — working' of 15:05",
      supersededBy: { id: newId, summary: 'Accepted — working', createdAt: NOW + 5 * MIN, delivered: true },
    });
    expect(old?.detail).toContain('HubSpot refused the request: Property values were not valid');
    const newer = (await actions.listOutbox(page('101'))).items.find((i) => i.id === newId);
    expect(newer?.supersededBy).toBeNull();
  });

  it('refuses a plain resend (as a forged message would send it), and leaves the entry as it was', async () => {
    const { actions, store, oldId, kick } = await rejectedThenAccepted(true);
    await expect(actions.resend(page('101'), oldId)).rejects.toThrow(/Not resent: your later 'Accepted — working' of 15:05 is in the CRM/);
    await expect(actions.resend(page('101'), oldId)).rejects.toBeInstanceOf(RequestRefusedError);
    expect(await store.get(oldId)).toMatchObject({ state: 'failed' });
    expect(kick).not.toHaveBeenCalled();
  });

  it('"Send anyway" names the later one: then the old disposition is queued to replace it', async () => {
    const { actions, store, oldId, newId, kick } = await rejectedThenAccepted(true);
    const listed = await actions.resend(page('101'), oldId, { confirmOver: newId });
    expect(listed.items.find((i) => i.id === oldId)).toMatchObject({ state: 'queued', supersededBy: null });
    expect(await store.get(oldId)).toMatchObject({ state: 'queued', confirmedOver: newId });
    expect(kick).toHaveBeenCalled();
  });

  it('a later disposition still queued: superseded without "Send anyway"; the rep can discard the old one', async () => {
    const { actions, oldId, newId } = await rejectedThenAccepted(false);
    const old = (await actions.listOutbox(page('101'))).items.find((i) => i.id === oldId);
    expect(old).toMatchObject({ label: "Superseded by your later 'Accepted — working' of 15:05", supersededBy: { id: newId, delivered: false } });
    await expect(actions.resend(page('101'), oldId, { confirmOver: newId })).rejects.toThrow(/still on its way/);
    const after = await actions.discard(page('101'), oldId);
    expect(after.items.map((i) => i.id)).toEqual([newId]);
  });

  it('a dead letter with nothing later is resent as before', async () => {
    const kit = setup();
    const store = await kit.outbox;
    const saved = await kit.actions.saveDisposition(page('101'), draft());
    if (!saved.ok) throw new Error('expected a saved disposition');
    await store.claimDue(NOW, DELIVERY_LEASE_MS, 5);
    await store.fail(saved.item.id, decideAfterFailure(e400, { attempts: 1, now: NOW, random: () => 0 }), e400);
    expect((await kit.actions.listOutbox(page('101'))).items[0]).toMatchObject({ state: 'failed', tone: 'error', supersededBy: null });
    expect((await kit.actions.resend(page('101'), saved.item.id)).items[0]).toMatchObject({ state: 'queued' });
  });
});

describe('the connection notice in the outbox list', () => {
  it('none for a sandbox, or a HubSpot token that does not expire', async () => {
    expect((await setup().actions.listOutbox(page('101'))).connection).toBeNull();
    const { actions } = setup(null, { connection: { crmLabel: 'HubSpot', credential: { expiresAt: null, shortLived: false } } });
    expect((await actions.listOutbox(page('101'))).connection).toBeNull();
  });

  it('warns when the stored token expires within a day, from what was stored (no CRM request)', async () => {
    const { actions } = setup(null, { connection: { crmLabel: 'HubSpot', credential: { expiresAt: NOW + 20 * 60_000, shortLived: true } } });
    const notice = (await actions.listOutbox(page('101'))).connection;
    expect(notice).toMatchObject({ level: 'expiring' });
    expect(notice?.message).toContain('expires at 15:20');
    expect(notice?.message).toContain("Ask your admin to reconnect HubSpot in Baton's options");
  });

  it('says the connection stopped when a 401 parked a write, on any lead', async () => {
    const kit = setup(null, { connection: { crmLabel: 'HubSpot', credential: { expiresAt: null, shortLived: false } } });
    const store = await kit.outbox;
    const saved = await kit.actions.saveDisposition(page('102'), draft());
    if (!saved.ok) throw new Error('expected a saved disposition');
    await store.claimDue(NOW, DELIVERY_LEASE_MS, 5);
    const e401 = new CrmError('auth', 'Reconnect HubSpot', { status: 401 });
    await store.fail(saved.item.id, decideAfterFailure(e401, { attempts: 1, now: NOW, random: () => 0 }), e401);
    const notice = (await kit.actions.listOutbox(page('101'))).connection;
    expect(notice).toMatchObject({ level: 'stopped' });
    expect(notice?.message).toContain('1 change waits in Baton');
  });
});

describe('unreadable outbox records in the panel', () => {
  it('lists them as "Unreadable — kept, not sent" with what failed: this lead\'s, and a count for the whole outbox', async () => {
    const { actions, factory } = setup();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    onTestFinished(() => warn.mockRestore());
    await putRaw(factory, unreadableDisposition('00000000-0000-4000-8000-0000000000aa', { state: 'queued', leadKey: leadKeyOf(page('101')), createdAt: NOW - 60_000 }));
    await putRaw(factory, { id: '00000000-0000-4000-8000-0000000000bb', kind: 'disposition', state: 'queued', leadKey: leadKeyOf(page('102')), createdAt: NOW - 60_000 });
    const listed = await actions.listOutbox(page('101'));
    expect(listed.items).toEqual([]);
    expect(listed.unreadable?.total).toBe(2);
    expect(listed.unreadable?.items).toEqual([
      expect.objectContaining({ id: '00000000-0000-4000-8000-0000000000aa', label: 'Unreadable — kept, not sent', createdAt: NOW - 60_000, detail: expect.stringMatching(/cannot read.*Invalid input/) }),
    ]);
    expect(listed.unreadable?.items[0]?.summary).toMatch(/Disposition/);
    expect((await actions.listOutbox(page('103'))).unreadable).toEqual({ total: 2, items: [] });
  });
});

describe('the panel names the disposition: one draft, one entry', () => {
  const DRAFT_ID = '6f1c2a0e-8a4b-4c1d-9e2f-0123456789ab';

  it('uses the draft\'s id as the disposition id', async () => {
    const { actions, outbox } = setup();
    const result = await actions.saveDisposition(page('101'), draft({ id: DRAFT_ID }));
    expect(result).toMatchObject({ ok: true, item: { id: DRAFT_ID } });
    expect((await (await outbox).get(DRAFT_ID))?.payload).toMatchObject({ disposition: { id: DRAFT_ID } });
  });

  it('a double click, a resend after a lost answer, or a second tab with the same draft: one entry, and the resend gets its status', async () => {
    const { actions, outbox, clock } = setup();
    const first = await actions.saveDisposition(page('101'), draft({ id: DRAFT_ID }));
    // The second tab / the second click, concurrently with a third.
    clock.t = NOW + 2_000;
    const [second, third] = await Promise.all([actions.saveDisposition(page('101'), draft({ id: DRAFT_ID })), actions.saveDisposition(page('101'), draft({ id: DRAFT_ID }))]);
    expect(first.ok && second.ok && third.ok).toBe(true);
    if (!first.ok || !second.ok || !third.ok) return;
    expect(second.item).toMatchObject({ id: DRAFT_ID, createdAt: first.item.createdAt, state: 'queued' });
    expect(third.item.id).toBe(DRAFT_ID);
    const all = await (await outbox).listAll();
    expect(all.map((e) => e.id)).toEqual([DRAFT_ID]);
    expect(all[0]?.createdAt).toBe(NOW);
    // Once it was sent, a resend says so (the existing entry's status), and queues nothing.
    const store = await outbox;
    await store.claimDue(clock.t, DELIVERY_LEASE_MS, 5);
    await store.complete(DRAFT_ID, { properties: ['hs_lead_status'], note: null, deliveredAt: clock.t }, clock.t);
    const again = await actions.saveDisposition(page('101'), draft({ id: DRAFT_ID }));
    expect(again).toMatchObject({ ok: true, item: { id: DRAFT_ID, state: 'delivered', label: 'Saved to CRM' } });
    expect(await store.listAll()).toHaveLength(1);
  });

  it('refuses the id of a different decision, or of another lead\'s entry, and an id that is not a UUID', async () => {
    const { actions } = setup();
    await actions.saveDisposition(page('101'), draft({ id: DRAFT_ID }));
    await expect(actions.saveDisposition(page('101'), draft({ id: DRAFT_ID, outcome: 'accepted', acceptedStage: 'working', reasonId: null }))).rejects.toThrow(RequestRefusedError);
    await expect(actions.saveDisposition(page('102'), draft({ id: DRAFT_ID }))).rejects.toThrow(RequestRefusedError);
    expect(await actions.saveDisposition(page('101'), draft({ id: 'not-a-uuid' }))).toMatchObject({ ok: false, errors: [expect.objectContaining({ path: 'id' })] });
  });
});

describe('the lead status the rep saw travels with the disposition', () => {
  const contextWith = (leadStatus: string | null): LeadContext => ({
    lead: makeLead({ ref: { crm: 'sandbox', account: '2400001', id: '101', objectType: 'contact' }, leadStatus }),
    events: [],
    touches: [],
    sources: [],
    fetchedAt: NOW - 1_000,
  });

  it('records the status from the lead context at save time (null when the lead had none)', async () => {
    for (const status of ['OPEN', null]) {
      const { actions, outbox } = setup(contextWith(status));
      const result = await actions.saveDisposition(page('101'), draft());
      if (!result.ok) throw new Error('expected a saved disposition');
      const entry = await (await outbox).get(result.item.id);
      expect(entry?.kind === 'disposition' && entry.payload.seenLeadStatus).toBe(status);
    }
  });

  it('leaves it out when the lead could not be read (a writer then has nothing to compare with)', async () => {
    const { actions, outbox } = setup(null);
    const result = await actions.saveDisposition(page('101'), draft());
    if (!result.ok) throw new Error('expected a saved disposition');
    const entry = await (await outbox).get(result.item.id);
    expect(entry?.kind === 'disposition' && 'seenLeadStatus' in entry.payload ? entry.payload.seenLeadStatus : 'absent').toBe('absent');
  });
});

describe('the panel with a long queue', () => {
  it('a save and the lead\'s list read that lead\'s entries and the counts from indexes, never the whole outbox again', async () => {
    const { IDBObjectStore: FakeIDBObjectStore } = await import('fake-indexeddb');
    const { actions, clock } = setup();
    // The first list of a store reads every record once, for the unreadable ones (see knownUnreadable).
    await actions.listOutbox(page('100'));
    const spy = vi.spyOn(FakeIDBObjectStore.prototype, 'getAll');
    onTestFinished(() => spy.mockRestore());
    for (let n = 1; n <= 30; n++) {
      clock.t = NOW + n * 1_000;
      const saved = await actions.saveDisposition(page(String(200 + n)), draft());
      expect(saved.ok).toBe(true);
    }
    const listed = await actions.listOutbox(page('230'));
    expect(listed.items).toHaveLength(1);
    expect(listed.unreadable).toEqual({ total: 0, items: [] });
    expect(spy).not.toHaveBeenCalled();
  });
});
