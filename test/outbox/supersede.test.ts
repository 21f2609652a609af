import { describe, expect, it } from 'vitest';
import { CrmError } from '../../lib/crm/crm-error';
import { decideAfterFailure, DELIVERY_LEASE_MS, selectClaimable } from '../../lib/outbox/delivery-policy';
import { drainOutbox } from '../../lib/outbox/drain-outbox';
import { createOutboxEntry, type OutboxEntry } from '../../lib/outbox/outbox-entry';
import type { OutboxStore } from '../../lib/outbox/outbox-store';
import { findSupersedingEntry, mayDeliver } from '../../lib/outbox/supersede';
import { attemptEntry, dispositionEntry, MINUTE, NOW, openTestStore, putRaw, receiptFor, uuid } from './outbox-test-kit';

const LEAD = 'hubspot|4711|contact|51';
const e400 = () => new CrmError('rejected', 'HubSpot refused the request: Property values were not valid', { status: 400 });
const random = () => 0;

/** Entry n for LEAD, saved n minutes after NOW, in the given state. */
function entry(n: number, over: Partial<OutboxEntry> = {}): OutboxEntry {
  return { ...createOutboxEntry(dispositionEntry(n, { leadKey: LEAD, createdAt: NOW + n * MINUTE })), ...over } as OutboxEntry;
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
    const attempt = { ...createOutboxEntry(attemptEntry(4, { leadKey: LEAD, createdAt: NOW + 4 * MINUTE })), state: 'delivered' } as OutboxEntry;
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
    // A later one still queued goes out after this one: no reason to hold it.
    expect(mayDeliver(entry(1, { state: 'delivering' }), [entry(2, { state: 'queued' })])).toEqual({ ok: true });
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

  it('two undelivered dispositions for one lead go out oldest first, each once', async () => {
    const { store } = await openTestStore();
    const sent: string[] = [];
    const deliver = async (e: OutboxEntry) => (sent.push(e.id), receiptFor(NOW));
    // Enqueued newest first: the order is the rep's save time, not the order of arrival.
    await store.enqueue(dispositionEntry(2, { leadKey: LEAD, createdAt: NOW + MINUTE }));
    await store.enqueue(dispositionEntry(1, { leadKey: LEAD, createdAt: NOW }));
    expect(await drainOutbox({ store, deliver, now: () => NOW + 2 * MINUTE, random })).toMatchObject({ delivered: 2, failed: 0 });
    expect(sent).toEqual([uuid(1), uuid(2)]);
  });
});
