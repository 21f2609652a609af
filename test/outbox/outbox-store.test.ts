import { IDBDatabase as FakeIDBDatabase } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { CrmError } from '../../lib/crm/crm-error';
import { decideAfterFailure, DELIVERY_LEASE_MS } from '../../lib/outbox/delivery-policy';
import { openTestStore } from '../support/outbox/in-memory-outbox-store';
import { attemptEntry, dispositionEntry, MINUTE, NOW, receiptFor, uuid } from '../support/outbox/outbox-test-entries';
import { putRaw, unreadableDisposition } from '../support/outbox/raw-outbox-records';

const random = () => 0.5;

describe('outbox store', () => {
  it('enqueues a queued, due-now entry keyed by the disposition id', async () => {
    const { store } = await openTestStore();
    const entry = await store.enqueue(dispositionEntry(1));
    expect(entry).toMatchObject({ id: uuid(1), kind: 'disposition', state: 'queued', attempts: 0, nextAttemptAt: NOW + 1, lastError: null, receipt: null });
    expect(await store.get(uuid(1))).toEqual(entry);
  });

  it('enqueuing the same id twice is a no-op that returns the stored entry', async () => {
    const { store } = await openTestStore();
    const first = await store.enqueue(dispositionEntry(1));
    const again = await store.enqueue({ ...dispositionEntry(1), createdAt: NOW + 5 * MINUTE });
    expect(again).toEqual(first);
    expect(await store.listAll()).toHaveLength(1);
  });

  it('refuses a malformed write before anything is stored', async () => {
    const { store } = await openTestStore();
    const bad = dispositionEntry(1);
    await expect(store.enqueue({ ...bad, leadKey: '' })).rejects.toThrow();
    await expect(store.enqueue({ ...attemptEntry(2), payload: { ...attemptEntry(2).payload, attempt: { id: 'not-a-uuid' } } } as never)).rejects.toThrow();
    expect(await store.listAll()).toEqual([]);
  });

  it('keeps contact attempts with their own id and receipt shape', async () => {
    const { store } = await openTestStore();
    await store.enqueue(attemptEntry(3));
    const [claimed] = await store.claimDue(NOW + MINUTE, DELIVERY_LEASE_MS);
    expect(claimed).toMatchObject({ id: uuid(3), kind: 'contact-attempt' });
    expect(await store.complete(uuid(3), { id: 'call-9', reused: true }, NOW + MINUTE)).toMatchObject({ state: 'delivered', receipt: { id: 'call-9', reused: true } });
  });

  it('survives a restart: entries and their states are still there after reopening', async () => {
    const kit = await openTestStore();
    await kit.store.enqueue(dispositionEntry(1));
    await kit.store.enqueue(dispositionEntry(2));
    await kit.store.claimDue(NOW + MINUTE, DELIVERY_LEASE_MS, 1);
    const reopened = await kit.reopen();
    const all = await reopened.listAll();
    expect(all.map((e) => [e.id, e.state])).toEqual([
      [uuid(1), 'delivering'],
      [uuid(2), 'queued'],
    ]);
  });

  it('lists a lead\'s entries oldest first', async () => {
    const { store } = await openTestStore();
    const leadKey = 'hubspot|4711|contact|51';
    await store.enqueue(dispositionEntry(2, { leadKey, createdAt: NOW + 2 }));
    await store.enqueue(attemptEntry(1, { leadKey, createdAt: NOW + 1 }));
    await store.enqueue(dispositionEntry(3));
    expect((await store.listByLead(leadKey)).map((e) => e.id)).toEqual([uuid(1), uuid(2)]);
  });

  it('a claim marks the entry delivering with a lease and counts the attempt', async () => {
    const { store } = await openTestStore();
    await store.enqueue(dispositionEntry(1));
    const [claimed] = await store.claimDue(NOW + MINUTE, DELIVERY_LEASE_MS);
    expect(claimed).toMatchObject({ state: 'delivering', attempts: 1, leaseUntil: NOW + MINUTE + DELIVERY_LEASE_MS });
    expect(await store.claimDue(NOW + MINUTE, DELIVERY_LEASE_MS)).toEqual([]);
  });

  it('an interrupted delivery (claimed, never completed) is claimed again after the lease, not before', async () => {
    const kit = await openTestStore();
    await kit.store.enqueue(dispositionEntry(1));
    const T = NOW + MINUTE;
    expect(await kit.store.claimDue(T, DELIVERY_LEASE_MS)).toHaveLength(1);
    // The worker dies here; a new one starts.
    const store = await kit.reopen();
    expect(await store.claimDue(T + DELIVERY_LEASE_MS - 1, DELIVERY_LEASE_MS)).toEqual([]);
    const [again] = await store.claimDue(T + DELIVERY_LEASE_MS, DELIVERY_LEASE_MS);
    expect(again).toMatchObject({ id: uuid(1), state: 'delivering', attempts: 2, leaseUntil: T + 2 * DELIVERY_LEASE_MS });
  });

  it('claims at most `limit` entries, oldest due first, and not entries that are not yet due', async () => {
    const { store } = await openTestStore();
    for (const n of [3, 1, 2]) await store.enqueue(dispositionEntry(n));
    await store.enqueue(dispositionEntry(4, { createdAt: NOW + 10 * MINUTE }));
    expect((await store.claimDue(NOW + MINUTE, DELIVERY_LEASE_MS, 2)).map((e) => e.id)).toEqual([uuid(1), uuid(2)]);
    expect((await store.claimDue(NOW + MINUTE, DELIVERY_LEASE_MS, 5)).map((e) => e.id)).toEqual([uuid(3)]);
  });

  it('delivers one lead\'s writes in order: a newer one waits while an older one is pending', async () => {
    const { store } = await openTestStore();
    const leadKey = 'hubspot|4711|contact|51';
    // A contact attempt after the disposition: a later disposition would supersede it instead (supersede.test.ts).
    await store.enqueue(dispositionEntry(1, { leadKey, createdAt: NOW }));
    await store.enqueue(attemptEntry(2, { leadKey, createdAt: NOW + 1 }));
    const [first] = await store.claimDue(NOW + 1, DELIVERY_LEASE_MS, 5);
    expect(first?.id).toBe(uuid(1));
    await store.fail(uuid(1), decideAfterFailure(new CrmError('server', 'HubSpot had a problem (HTTP 503)', { status: 503 }), { attempts: 1, now: NOW + 1, random }), new CrmError('server', '503', { status: 503 }));
    expect(await store.claimDue(NOW + 1, DELIVERY_LEASE_MS, 5)).toEqual([]);
    // Once the older one is a dead letter, the newer one goes.
    const [retry] = await store.claimDue(NOW + MINUTE, DELIVERY_LEASE_MS, 5);
    expect(retry?.id).toBe(uuid(1));
    await store.fail(uuid(1), decideAfterFailure(new CrmError('rejected', 'Property values were not valid', { status: 400 }), { attempts: 2, now: NOW + MINUTE, random }), new CrmError('rejected', 'x', { status: 400 }));
    expect((await store.claimDue(NOW + MINUTE, DELIVERY_LEASE_MS, 5)).map((e) => e.id)).toEqual([uuid(2)]);
  });

  it('complete records the receipt and the time', async () => {
    const { store } = await openTestStore();
    await store.enqueue(dispositionEntry(1));
    await store.claimDue(NOW + 1, DELIVERY_LEASE_MS);
    const done = await store.complete(uuid(1), receiptFor(NOW + 5), NOW + 5);
    expect(done).toMatchObject({ state: 'delivered', deliveredAt: NOW + 5, leaseUntil: null, nextAttemptAt: null, receipt: receiptFor(NOW + 5) });
    expect(await store.claimDue(NOW + 10 * MINUTE, DELIVERY_LEASE_MS)).toEqual([]);
  });

  it('a late failure does not undo a delivery made by a drain that took the lapsed claim over', async () => {
    const { store } = await openTestStore();
    await store.enqueue(dispositionEntry(1));
    expect(await store.claimDue(NOW + 1, DELIVERY_LEASE_MS)).toHaveLength(1);
    expect(await store.claimDue(NOW + 1 + DELIVERY_LEASE_MS, DELIVERY_LEASE_MS)).toHaveLength(1);
    await store.complete(uuid(1), receiptFor(NOW + DELIVERY_LEASE_MS + 1), NOW + DELIVERY_LEASE_MS + 1);
    const error = new CrmError('network', 'offline');
    await store.fail(uuid(1), decideAfterFailure(error, { attempts: 1, now: NOW + DELIVERY_LEASE_MS + 2, random }), error);
    expect(await store.get(uuid(1))).toMatchObject({ state: 'delivered' });
  });

  it('resend puts a failed or parked entry back in the queue; discard only deletes dead letters', async () => {
    const { store } = await openTestStore();
    await store.enqueue(dispositionEntry(1));
    await store.enqueue(dispositionEntry(2));
    expect(await store.resend(uuid(1), NOW)).toEqual({ status: 'not_resendable' });
    expect(await store.discard(uuid(1))).toBe(false);
    await store.claimDue(NOW + MINUTE, DELIVERY_LEASE_MS, 2);
    const refused = new CrmError('rejected', 'HubSpot refused the request: Property "baton_reason" does not exist', { status: 400 });
    await store.fail(uuid(1), decideAfterFailure(refused, { attempts: 1, now: NOW + MINUTE, random }), refused);
    await store.fail(uuid(2), decideAfterFailure(refused, { attempts: 1, now: NOW + MINUTE, random }), refused);
    expect(await store.resend(uuid(1), NOW + 2 * MINUTE)).toMatchObject({ status: 'resent', entry: { state: 'queued', nextAttemptAt: NOW + 2 * MINUTE, message: null } });
    expect(await store.discard(uuid(1))).toBe(false);
    expect(await store.discard(uuid(2))).toBe(true);
    expect((await store.listAll()).map((e) => e.id)).toEqual([uuid(1)]);
  });

  it('resumeParked requeues only the entries parked for that reason', async () => {
    const { store } = await openTestStore();
    for (const n of [1, 2]) await store.enqueue(dispositionEntry(n));
    expect(await store.claimDue(NOW + 2, DELIVERY_LEASE_MS, 2)).toHaveLength(2);
    const auth = new CrmError('auth', 'Reconnect HubSpot: the access token was rejected', { status: 401 });
    const daily = new CrmError('rate_limited', 'daily', { status: 429, limit: 'daily' });
    await store.fail(uuid(1), decideAfterFailure(auth, { attempts: 1, now: NOW, random }), auth);
    await store.fail(uuid(2), decideAfterFailure(daily, { attempts: 1, now: NOW, random }), daily);
    const resumed = await store.resumeParked(NOW + MINUTE, 'auth');
    expect(resumed.map((e) => [e.id, e.state])).toEqual([[uuid(1), 'queued']]);
    expect(await store.get(uuid(2))).toMatchObject({ state: 'parked', parkedFor: 'daily_limit' });
  });

  it('prunes old delivered entries only', async () => {
    const { store } = await openTestStore();
    for (const n of [1, 2]) await store.enqueue(dispositionEntry(n));
    expect(await store.claimDue(NOW + 1, DELIVERY_LEASE_MS, 1)).toHaveLength(1);
    await store.complete(uuid(1), receiptFor(NOW), NOW);
    expect(await store.pruneDelivered(NOW + 1)).toBe(1);
    expect((await store.listAll()).map((e) => e.id)).toEqual([uuid(2)]);
  });

  it('writes with strict durability, so "saved" means on disk', async () => {
    const spy = vi.spyOn(FakeIDBDatabase.prototype, 'transaction');
    try {
      const { store } = await openTestStore();
      await store.enqueue(dispositionEntry(1));
      await store.claimDue(NOW + MINUTE, DELIVERY_LEASE_MS);
      const writes = spy.mock.calls.filter((call) => call[1] === 'readwrite');
      expect(writes.length).toBeGreaterThanOrEqual(2);
      for (const call of writes) expect(call[2]).toEqual({ durability: 'strict' });
    } finally {
      spy.mockRestore();
    }
  });

  it('a receipt it cannot read is reported, and the entry is still delivered', async () => {
    const kit = await openTestStore();
    await kit.store.enqueue(dispositionEntry(1));
    await kit.store.claimDue(NOW + MINUTE, DELIVERY_LEASE_MS);
    const done = await kit.store.complete(uuid(1), { weird: true } as never, NOW + MINUTE);
    expect(done).toMatchObject({ state: 'delivered', receipt: null });
    expect(kit.corrupt[0]?.id).toBe(uuid(1));
  });

  it('skips and reports a corrupt record instead of crashing', async () => {
    const kit = await openTestStore();
    await kit.store.enqueue(dispositionEntry(1));
    await putRaw(kit.factory, unreadableDisposition(uuid(9), { state: 'queued', leadKey: 'hubspot|4711|contact|59' }));
    expect((await kit.store.listAll()).map((e) => e.id)).toEqual([uuid(1)]);
    expect((await kit.store.claimDue(NOW + MINUTE, DELIVERY_LEASE_MS, 5)).map((e) => e.id)).toEqual([uuid(1)]);
    expect(await kit.store.get(uuid(9))).toBeNull();
    expect(kit.corrupt).toHaveLength(1);
    expect(kit.corrupt[0]).toMatchObject({ id: uuid(9) });
    expect(kit.corrupt[0]?.issues.length).toBeGreaterThan(0);
  });
});
