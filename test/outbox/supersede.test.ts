import { describe, expect, it } from 'vitest';
import { CrmError } from '../../lib/crm/crm-error';
import { decideAfterFailure, DELIVERY_LEASE_MS, selectClaimable } from '../../lib/outbox/delivery-policy';
import { drainOutbox } from '../../lib/outbox/drain-outbox';
import type { OutboxEntry } from '../../lib/outbox/outbox-entry';
import type { OutboxStore } from '../../lib/outbox/outbox-store';
import { canSendOver, findSupersedingEntry, mayDeliver } from '../../lib/outbox/supersede';
import { openTestStore } from '../support/outbox/in-memory-outbox-store';
import { attemptEntry, dispositionEntry, MINUTE, NOW, SECOND, receiptFor, storedEntry, uuid } from '../support/outbox/outbox-test-entries';
import { putRaw } from '../support/outbox/raw-outbox-records';

const LEAD = 'hubspot|4711|contact|51';
const e400 = () => new CrmError('rejected', 'HubSpot refused the request: Property values were not valid', { status: 400 });
const random = () => 0;

/** Entry n for LEAD, saved n minutes after NOW, in the given state. */
function entry(n: number, over: Partial<OutboxEntry> = {}): OutboxEntry {
  return storedEntry(dispositionEntry(n, { leadKey: LEAD, createdAt: NOW + n * MINUTE }), over);
}

/** Claims the due entries and fails the one given with a 400 (a dead letter). */
async function deadLetter(store: OutboxStore, id: string, at: number) {
  await store.claimDue(at, DELIVERY_LEASE_MS, 10);
  await store.fail(id, decideAfterFailure(e400(), { attempts: 1, now: at, random }), e400());
}

describe('findSupersedingEntry / mayDeliver (pure)', () => {
  it('a later disposition for the same lead supersedes, when delivered or still on its way; the newest one is named', () => {
    const old = entry(1, { state: 'failed' });
    expect(findSupersedingEntry(old, [old, entry(2, { state: 'delivered' })])?.id).toBe(uuid(2));
    expect(findSupersedingEntry(old, [old, entry(2, { state: 'delivered' }), entry(3, { state: 'queued' })])?.id).toBe(uuid(3));
    expect(findSupersedingEntry(old, [old, entry(2, { state: 'parked', parkedFor: 'auth', nextAttemptAt: null })])?.id).toBe(uuid(2));
  });

  it('an earlier one, a failed one, another lead\'s or a contact attempt supersedes nothing', () => {
    const mid = entry(2, { state: 'failed' });
    const otherLead = { ...entry(3, { state: 'delivered' }), leadKey: 'hubspot|4711|contact|99' };
    const attempt = storedEntry(attemptEntry(4, { leadKey: LEAD, createdAt: NOW + 4 * MINUTE }), { state: 'delivered' });
    expect(findSupersedingEntry(mid, [entry(1, { state: 'delivered' }), mid, entry(3, { state: 'failed' }), otherLead, attempt])).toBeNull();
    // Nor is a contact attempt ever superseded: it is a logged engagement, not the lead's state.
    expect(findSupersedingEntry({ ...attempt, state: 'failed' } as OutboxEntry, [entry(5, { state: 'delivered' })])).toBeNull();
  });

  it('the drain may not deliver over a later delivered disposition, unless the rep confirmed exactly that one (or a later one)', () => {
    const later = entry(2, { state: 'delivered' });
    expect(mayDeliver(entry(1, { state: 'delivering' }), [later])).toEqual({ ok: false, by: later });
    expect(mayDeliver(entry(1, { state: 'delivering', confirmedOver: uuid(2) }), [later])).toEqual({ ok: true });
    // Confirmed over 3, but 2 is older than 3: replacing 3 replaces what 2 wrote as well.
    expect(mayDeliver(entry(1, { state: 'delivering', confirmedOver: uuid(3) }), [later, entry(3, { state: 'delivered' })])).toEqual({ ok: true });
    // Confirmed over 2; 3 was delivered since: a new question.
    expect(mayDeliver(entry(1, { state: 'delivering', confirmedOver: uuid(2) }), [later, entry(3, { state: 'delivered' })])).toMatchObject({ ok: false, by: { id: uuid(3) } });
    // A later one still on its way supersedes it too: sending both would write the stale outcome and note first.
    expect(mayDeliver(entry(1, { state: 'delivering' }), [entry(2, { state: 'queued' })])).toMatchObject({ ok: false, by: { id: uuid(2) } });
    expect(mayDeliver(entry(1, { state: 'parked', parkedFor: 'auth' }), [entry(2, { state: 'parked', parkedFor: 'auth' })])).toMatchObject({ ok: false, by: { id: uuid(2) } });
    // A confirmation over a delivered one says nothing about a disposition saved after it.
    expect(mayDeliver(entry(1, { state: 'queued', confirmedOver: uuid(2) }), [entry(2, { state: 'delivered' }), entry(3, { state: 'queued' })])).toMatchObject({ ok: false, by: { id: uuid(3) } });
    // A later one that failed is not in the CRM and may never be: no reason to hold this one.
    expect(mayDeliver(entry(1, { state: 'queued' }), [entry(2, { state: 'failed' })])).toEqual({ ok: true });
  });

  it('per-lead ordering: an older entry put back in the queue waits while a later one for the lead is being sent', () => {
    const inFlight = entry(2, { state: 'delivering', attempts: 1, leaseUntil: NOW + 10 * MINUTE });
    const older = entry(1, { state: 'queued', nextAttemptAt: NOW });
    const otherLead = { ...entry(3, { state: 'queued', nextAttemptAt: NOW }), leadKey: 'hubspot|4711|contact|99' };
    expect(selectClaimable([older, inFlight, otherLead], NOW + 5 * MINUTE).map((e) => e.id)).toEqual([uuid(3)]);
    // The claim lapsed (the worker died): plain order again, one at a time; the later one is resent
    // after the older, so it is still what the CRM ends with.
    expect(selectClaimable([older, inFlight], NOW + 11 * MINUTE).map((e) => e.id)).toEqual([uuid(1)]);
  });
});

describe('the outbox store refuses to resend a superseded disposition', () => {
  it('dead letter, then a later disposition delivered: a plain resend changes nothing; a confirmed one queues it', async () => {
    const { store } = await openTestStore();
    await store.enqueue(dispositionEntry(1, { leadKey: LEAD, createdAt: NOW }));
    await deadLetter(store, uuid(1), NOW + 1);
    await store.enqueue(dispositionEntry(2, { leadKey: LEAD, createdAt: NOW + 5 * MINUTE }));
    await store.claimDue(NOW + 5 * MINUTE, DELIVERY_LEASE_MS, 10);
    await store.complete(uuid(2), receiptFor(NOW + 5 * MINUTE), NOW + 5 * MINUTE);

    expect(await store.resend(uuid(1), NOW + 6 * MINUTE)).toMatchObject({ status: 'superseded', entry: { id: uuid(1) }, by: { id: uuid(2), state: 'delivered' } });
    // Confirming over some other id is no confirmation.
    expect(await store.resend(uuid(1), NOW + 6 * MINUTE, { confirmOver: uuid(9) })).toMatchObject({ status: 'superseded' });
    expect(await store.get(uuid(1))).toMatchObject({ state: 'failed', confirmedOver: null });

    expect(await store.resend(uuid(1), NOW + 6 * MINUTE, { confirmOver: uuid(2) })).toMatchObject({ status: 'resent', entry: { state: 'queued', confirmedOver: uuid(2) } });
  });

  it('a confirmed resend overwrites the status the later disposition set: it goes out without the status the rep saw', async () => {
    const { store } = await openTestStore();
    const first = dispositionEntry(1, { leadKey: LEAD, createdAt: NOW });
    if (first.kind !== 'disposition') throw new Error('expected a disposition');
    await store.enqueue({ ...first, payload: { ...first.payload, seenLeadStatus: 'NEW' } });
    await deadLetter(store, uuid(1), NOW + 1);
    await store.enqueue(dispositionEntry(2, { leadKey: LEAD, createdAt: NOW + 5 * MINUTE }));
    await store.claimDue(NOW + 5 * MINUTE, DELIVERY_LEASE_MS, 10);
    await store.complete(uuid(2), receiptFor(NOW + 5 * MINUTE), NOW + 5 * MINUTE);
    await store.resend(uuid(1), NOW + 6 * MINUTE, { confirmOver: uuid(2) });
    const resent = await store.get(uuid(1));
    expect(resent?.kind === 'disposition' && 'seenLeadStatus' in resent.payload).toBe(false);
  });

  it('a later disposition still queued: no resend even when "confirmed" (it would not replace anything); discard is allowed', async () => {
    const { store } = await openTestStore();
    await store.enqueue(dispositionEntry(1, { leadKey: LEAD, createdAt: NOW }));
    await deadLetter(store, uuid(1), NOW + 1);
    await store.enqueue(dispositionEntry(2, { leadKey: LEAD, createdAt: NOW + 5 * MINUTE }));
    expect(await store.resend(uuid(1), NOW + 6 * MINUTE, { confirmOver: uuid(2) })).toMatchObject({ status: 'superseded', by: { id: uuid(2), state: 'queued' } });
    expect(await store.discard(uuid(1))).toBe(true);
  });

  it('a parked disposition that a later one supersedes may be discarded; one that nothing supersedes may not', async () => {
    const { store } = await openTestStore();
    await store.enqueue(dispositionEntry(1, { leadKey: LEAD, createdAt: NOW }));
    await store.claimDue(NOW + 1, DELIVERY_LEASE_MS, 10);
    const e401 = new CrmError('auth', 'Reconnect HubSpot', { status: 401 });
    await store.fail(uuid(1), decideAfterFailure(e401, { attempts: 1, now: NOW + 1, random }), e401);
    expect(await store.discard(uuid(1))).toBe(false);
    await store.enqueue(dispositionEntry(2, { leadKey: LEAD, createdAt: NOW + 5 * MINUTE }));
    expect(await store.discard(uuid(1))).toBe(true);
    expect((await store.listAll()).map((e) => e.id)).toEqual([uuid(2)]);
  });
});

describe('draining never delivers an older disposition after a newer one', () => {
  it('an older entry queued after a newer one was delivered (a resend from before this check) is set aside, not sent', async () => {
    const { store, factory } = await openTestStore();
    const sent: string[] = [];
    const deliver = async (e: OutboxEntry) => (sent.push(e.id), receiptFor(NOW));
    // The state an older Baton could leave: the newer one delivered, the old one queued again.
    await putRaw(factory, { ...entry(2), state: 'delivered', deliveredAt: NOW + 2 * MINUTE, nextAttemptAt: null, receipt: receiptFor(NOW + 2 * MINUTE) });
    const { confirmedOver: _omitted, ...legacy } = entry(1, { state: 'queued', nextAttemptAt: NOW + 3 * MINUTE, attempts: 1, lastError: { kind: 'rejected', message: 'refused', status: 400 } });
    await putRaw(factory, legacy);

    const result = await drainOutbox({ store, deliver, now: () => NOW + 3 * MINUTE, random });
    expect(sent).toEqual([]);
    expect(result).toMatchObject({ delivered: 0, failed: 1, nextWakeAt: null });
    expect(await store.get(uuid(1))).toMatchObject({ state: 'failed', lastError: { kind: 'superseded', status: null }, message: 'Not sent: a later disposition for this lead is already in the CRM.' });
  });

  it('the rep confirmed "send anyway": delivered over the later one', async () => {
    const { store } = await openTestStore();
    const sent: string[] = [];
    const deliver = async (e: OutboxEntry) => (sent.push(e.id), receiptFor(NOW));
    await store.enqueue(dispositionEntry(1, { leadKey: LEAD, createdAt: NOW }));
    await deadLetter(store, uuid(1), NOW + 1);
    await store.enqueue(dispositionEntry(2, { leadKey: LEAD, createdAt: NOW + 5 * MINUTE }));
    await drainOutbox({ store, deliver, now: () => NOW + 5 * MINUTE, random });
    expect(sent).toEqual([uuid(2)]);
    await store.resend(uuid(1), NOW + 6 * MINUTE, { confirmOver: uuid(2) });
    await drainOutbox({ store, deliver, now: () => NOW + 6 * MINUTE, random });
    expect(sent).toEqual([uuid(2), uuid(1)]);
    expect(await store.get(uuid(1))).toMatchObject({ state: 'delivered' });
  });

  it('two undelivered dispositions for one lead: only the newer is sent; the older is set aside naming it', async () => {
    const { store } = await openTestStore();
    const sent: string[] = [];
    const deliver = async (e: OutboxEntry) => (sent.push(e.id), receiptFor(NOW));
    // Enqueued newest first: "newer" is the rep's save time, not the order of arrival.
    await store.enqueue(dispositionEntry(2, { leadKey: LEAD, createdAt: NOW + MINUTE }));
    await store.enqueue(dispositionEntry(1, { leadKey: LEAD, createdAt: NOW }));
    expect(await drainOutbox({ store, deliver, now: () => NOW + 2 * MINUTE, random })).toMatchObject({ delivered: 1, failed: 1 });
    expect(sent).toEqual([uuid(2)]);
    expect(await store.get(uuid(1))).toMatchObject(SET_ASIDE);
  });
});

const e401 = () => new CrmError('auth', 'Reconnect HubSpot: the access token was rejected', { status: 401 });
const eDaily = () => new CrmError('rate_limited', 'HubSpot daily limit reached', { status: 429, limit: 'daily' });
const e503 = () => new CrmError('server', 'HubSpot had a problem (HTTP 503)', { status: 503 });
const SET_ASIDE = { state: 'failed', lastError: { kind: 'superseded', status: null }, message: 'Not sent: a later disposition for this lead replaces it.', nextAttemptAt: null, parkedFor: null };

/** A fake CRM: answers each call with the next scripted error for that id, else success; `during` runs mid-call. */
function scriptedCrm(script: Record<string, Array<() => Error>> = {}, during?: (entry: OutboxEntry) => Promise<void>) {
  const sent: string[] = [];
  const delivered: string[] = [];
  const deliver = async (e: OutboxEntry) => {
    sent.push(e.id);
    await during?.(e);
    const next = script[e.id]?.shift();
    if (next) throw next();
    delivered.push(e.id);
    return receiptFor(NOW);
  };
  return { deliver, sent, delivered };
}

describe('an older disposition parked or in flight when a newer one is saved', () => {
  it('401: the parked one is set aside when the newer is saved; after the reconnect only the newest is delivered', async () => {
    const { store } = await openTestStore();
    const crm = scriptedCrm({ [uuid(1)]: [e401], [uuid(3)]: [e401] });
    const drain = (at: number) => drainOutbox({ store, deliver: crm.deliver, now: () => at, random });
    await store.enqueue(dispositionEntry(1, { leadKey: LEAD, createdAt: NOW }));
    await drain(NOW + 1);
    expect(await store.get(uuid(1))).toMatchObject({ state: 'parked', parkedFor: 'auth' });
    // Two more changes of mind while disconnected; the drain each save kicks meets the same 401.
    await store.enqueue(dispositionEntry(2, { leadKey: LEAD, createdAt: NOW + MINUTE }));
    await store.enqueue(dispositionEntry(3, { leadKey: LEAD, createdAt: NOW + 2 * MINUTE }));
    expect(await drain(NOW + 2 * MINUTE)).toMatchObject({ delivered: 0, failed: 2, parked: 1 });
    expect(crm.sent).toEqual([uuid(1), uuid(3)]);
    expect(await store.get(uuid(1))).toMatchObject(SET_ASIDE);
    expect(await store.get(uuid(2))).toMatchObject(SET_ASIDE);
    expect(await store.get(uuid(3))).toMatchObject({ state: 'parked', parkedFor: 'auth' });
    // The panel names the newest as what replaced them; Send anyway is not on offer while it is on its way.
    const lead = await store.listByLead(LEAD);
    const by = findSupersedingEntry((await store.get(uuid(1)))!, lead);
    expect(by?.id).toBe(uuid(3));
    expect(canSendOver(by!)).toBe(false);
    expect(await store.resend(uuid(1), NOW + 3 * MINUTE, { confirmOver: uuid(3) })).toMatchObject({ status: 'superseded', by: { id: uuid(3) } });

    await store.resumeParked(NOW + 10 * MINUTE, 'auth');
    expect(await drain(NOW + 10 * MINUTE)).toMatchObject({ delivered: 1, failed: 0, nextWakeAt: null });
    expect(crm.delivered).toEqual([uuid(3)]);
    // Now the newest is in the CRM: the explicit Send anyway path is offered and works; Discard too.
    expect(canSendOver(findSupersedingEntry((await store.get(uuid(1)))!, await store.listByLead(LEAD))!)).toBe(true);
    expect(await store.resend(uuid(1), NOW + 11 * MINUTE)).toMatchObject({ status: 'superseded' });
    expect(await store.discard(uuid(2))).toBe(true);
    expect(await store.resend(uuid(1), NOW + 11 * MINUTE, { confirmOver: uuid(3) })).toMatchObject({ status: 'resent' });
    await drain(NOW + 11 * MINUTE);
    expect(crm.delivered).toEqual([uuid(3), uuid(1)]);
  });

  it('DAILY: the parked one is set aside; after the reset only the newer is delivered', async () => {
    const { store } = await openTestStore();
    const crm = scriptedCrm({ [uuid(1)]: [eDaily] });
    const drain = (at: number) => drainOutbox({ store, deliver: crm.deliver, now: () => at, random });
    await store.enqueue(dispositionEntry(1, { leadKey: LEAD, createdAt: NOW }));
    await drain(NOW + 1);
    const parked = await store.get(uuid(1));
    expect(parked).toMatchObject({ state: 'parked', parkedFor: 'daily_limit' });
    await store.enqueue(dispositionEntry(2, { leadKey: LEAD, createdAt: NOW + MINUTE }));
    // The account is still held for the daily limit: nothing is sent, but the old one is set aside.
    const held = await drain(NOW + MINUTE);
    expect(held).toMatchObject({ delivered: 0, failed: 1, nextWakeAt: parked!.nextAttemptAt });
    expect(crm.sent).toEqual([uuid(1)]);
    expect(await store.get(uuid(1))).toMatchObject(SET_ASIDE);
    await drain(parked!.nextAttemptAt!);
    expect(crm.delivered).toEqual([uuid(2)]);
    expect(await store.get(uuid(1))).toMatchObject(SET_ASIDE);
  });

  it('saved while the older one is in flight: the older one answers first; if it fails, it is set aside and never retried', async () => {
    const { store } = await openTestStore();
    let saved = false;
    const saveNewer = async (e: OutboxEntry) => {
      if (e.id !== uuid(1) || saved) return;
      saved = true;
      await store.enqueue(dispositionEntry(2, { leadKey: LEAD, createdAt: NOW + MINUTE }));
    };
    const crm = scriptedCrm({ [uuid(1)]: [e503] }, saveNewer);
    await store.enqueue(dispositionEntry(1, { leadKey: LEAD, createdAt: NOW }));
    const result = await drainOutbox({ store, deliver: crm.deliver, now: () => NOW + MINUTE, random });
    // The newer one did not overtake the older one's live claim (per-lead ordering) ...
    expect(crm.sent[0]).toBe(uuid(1));
    // ... and once the older one's send failed, it was set aside rather than retried.
    const after = await drainOutbox({ store, deliver: crm.deliver, now: () => NOW + 2 * MINUTE, random });
    expect(result.delivered + after.delivered).toBe(1);
    expect(crm.sent).toEqual([uuid(1), uuid(2)]);
    expect(crm.delivered).toEqual([uuid(2)]);
    expect(await store.get(uuid(1))).toMatchObject(SET_ASIDE);
  });

  it('saved while the older one is in flight and succeeds: both delivered, in order, each once', async () => {
    const { store } = await openTestStore();
    const crm = scriptedCrm({}, async (e) => {
      if (e.id === uuid(1)) await store.enqueue(dispositionEntry(2, { leadKey: LEAD, createdAt: NOW + MINUTE }));
    });
    await store.enqueue(dispositionEntry(1, { leadKey: LEAD, createdAt: NOW }));
    await drainOutbox({ store, deliver: crm.deliver, now: () => NOW + MINUTE, random });
    expect(crm.delivered).toEqual([uuid(1), uuid(2)]);
  });

  it('the worker died mid-send of the older one: after the lease it is set aside, not resent; the newer goes once', async () => {
    const { store } = await openTestStore();
    const crm = scriptedCrm();
    await store.enqueue(dispositionEntry(1, { leadKey: LEAD, createdAt: NOW }));
    await store.claimDue(NOW + 1, DELIVERY_LEASE_MS, 1); // claimed, then the worker died
    await store.enqueue(dispositionEntry(2, { leadKey: LEAD, createdAt: NOW + SECOND }));
    // While the claim is live, nothing for the lead goes out.
    expect(await drainOutbox({ store, deliver: crm.deliver, now: () => NOW + 2 * SECOND, random })).toMatchObject({ delivered: 0, nextWakeAt: NOW + 1 + DELIVERY_LEASE_MS });
    await drainOutbox({ store, deliver: crm.deliver, now: () => NOW + 1 + DELIVERY_LEASE_MS, random });
    expect(crm.sent).toEqual([uuid(2)]);
    expect(await store.get(uuid(1))).toMatchObject(SET_ASIDE);
  });

  it('contact attempts are not dispositions: each one is delivered, around a superseded disposition', async () => {
    const { store } = await openTestStore();
    const crm = scriptedCrm({ [uuid(1)]: [e401], [uuid(2)]: [e401] });
    const drain = (at: number) => drainOutbox({ store, deliver: crm.deliver, now: () => at, random });
    await store.enqueue(attemptEntry(1, { leadKey: LEAD, createdAt: NOW }));
    await store.enqueue(dispositionEntry(2, { leadKey: LEAD, createdAt: NOW + 1 }));
    await drain(NOW + 2);
    expect(await store.get(uuid(1))).toMatchObject({ state: 'parked', parkedFor: 'auth' });
    await store.enqueue(attemptEntry(3, { leadKey: LEAD, createdAt: NOW + MINUTE }));
    // A later attempt does not supersede the queued disposition (only a later disposition does).
    await drain(NOW + MINUTE);
    expect(await store.get(uuid(2))).toMatchObject({ state: 'queued' });
    await store.enqueue(dispositionEntry(4, { leadKey: LEAD, createdAt: NOW + 2 * MINUTE }));
    await store.enqueue(attemptEntry(5, { leadKey: LEAD, createdAt: NOW + 3 * MINUTE }));
    await drain(NOW + 3 * MINUTE);
    expect(await store.get(uuid(2))).toMatchObject(SET_ASIDE);
    expect(await store.get(uuid(3))).toMatchObject({ state: 'queued' });
    await store.resumeParked(NOW + 10 * MINUTE, 'auth');
    await drain(NOW + 10 * MINUTE);
    await drain(NOW + 11 * MINUTE);
    // The parked attempt still goes first (per-lead order); disposition 2 is set aside for 4.
    expect(crm.delivered).toEqual([uuid(1), uuid(3), uuid(4), uuid(5)]);
    expect(await store.get(uuid(2))).toMatchObject(SET_ASIDE);
    for (const id of [1, 3, 5]) expect(await store.get(uuid(id)), String(id)).toMatchObject({ state: 'delivered' });
  });
});
