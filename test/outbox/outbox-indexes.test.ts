import fc from 'fast-check';
import { IDBFactory, IDBKeyRange as FakeIDBKeyRange, IDBObjectStore as FakeIDBObjectStore } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DELIVERY_LEASE_MS, findHeldRoutes, selectClaimable } from '../../lib/outbox/delivery-policy';
import { drainOutbox, nextWakeAt } from '../../lib/outbox/drain-outbox';
import { isPending, type OutboxEntry } from '../../lib/outbox/outbox-entry';
import { OUTBOX_DB_VERSION } from '../../lib/outbox/outbox-database';
import { openOutboxStore } from '../../lib/outbox/outbox-store';
import { setAsideSuperseded } from '../../lib/outbox/supersede';
import { openTestStore } from '../support/outbox/in-memory-outbox-store';
import { attemptEntry, dispositionEntry, MINUTE, NOW, receiptFor, SECOND, storedEntry, uuid } from '../support/outbox/outbox-test-entries';
import { asFirstVersion1Record, asLastVersion1Record, putRaw, unreadableDisposition } from '../support/outbox/raw-outbox-records';

/*
 * The store answers claims, wake-up times and the panel's counts from indexes instead of reading
 * the whole outbox. These tests pin that it answers exactly what the whole-queue rules answer, that
 * an older database (version 1: indexes by lead and by state only) is upgraded with every record
 * kept, and that saves and drains do not read every record each time.
 */

/** An entry of lead `lead` in any state, as the store could hold it. */
function stored(n: number, over: Partial<OutboxEntry> & { lead?: number; kind?: 'disposition' | 'contact-attempt'; account?: string } = {}): OutboxEntry {
  const { lead = n, kind = 'disposition', account, ...fields } = over;
  const leadKey = `hubspot|${account ?? '4711'}|contact|${lead}`;
  const input = kind === 'disposition' ? dispositionEntry(n, { leadKey, account, createdAt: NOW + n }) : attemptEntry(n, { leadKey, createdAt: NOW + n });
  return storedEntry(input, fields);
}

/** What the claim decided when it read every pending entry (the rules of supersede.ts and delivery-policy.ts). */
function claimReadingEverything(all: OutboxEntry[], now: number, limit: number, exclude?: (e: OutboxEntry) => boolean) {
  const { kept, setAside } = setAsideSuperseded(all.filter(isPending), now);
  return { claimed: selectClaimable(kept, now, exclude).slice(0, limit).map((e) => e.id), setAside: setAside.map((s) => s.entry.id) };
}

const stateArb = fc.constantFrom('queued', 'retrying', 'parked', 'delivering', 'delivered', 'failed');
const entryArb = fc.record({
  lead: fc.integer({ min: 0, max: 4 }),
  kind: fc.constantFrom<'disposition' | 'contact-attempt'>('disposition', 'disposition', 'contact-attempt'),
  state: stateArb,
  // Minutes from NOW: some due, some not yet.
  at: fc.integer({ min: -10, max: 10 }),
  parkedFor: fc.constantFrom<'auth' | 'daily_limit'>('auth', 'daily_limit'),
  rateLimited: fc.boolean(),
  account: fc.constantFrom('4711', '9999'),
});

type EntrySpec = typeof entryArb extends fc.Arbitrary<infer T> ? T : never;

function materialise(specs: EntrySpec[]): OutboxEntry[] {
  return specs.map((s, i) => {
    const n = i + 1;
    const time = NOW + s.at * MINUTE;
    const lastError = s.rateLimited ? { kind: 'rate_limited', message: 'busy', status: 429 } : { kind: 'network', message: 'offline', status: null };
    switch (s.state) {
      case 'queued':
        return stored(n, { lead: s.lead, kind: s.kind, account: s.account, nextAttemptAt: time });
      case 'retrying':
        return stored(n, { lead: s.lead, kind: s.kind, account: s.account, state: 'retrying', attempts: 1, nextAttemptAt: time, lastError });
      case 'parked':
        return stored(n, { lead: s.lead, kind: s.kind, account: s.account, state: 'parked', attempts: 1, parkedFor: s.parkedFor, nextAttemptAt: s.parkedFor === 'auth' ? null : time, lastError });
      case 'delivering':
        return stored(n, { lead: s.lead, kind: s.kind, account: s.account, state: 'delivering', attempts: 1, leaseUntil: time });
      case 'delivered':
        return stored(n, { lead: s.lead, kind: s.kind, account: s.account, state: 'delivered', attempts: 1, nextAttemptAt: null, deliveredAt: time, receipt: receiptFor(time) });
      default:
        return stored(n, { lead: s.lead, kind: s.kind, account: s.account, state: 'failed', attempts: 1, nextAttemptAt: null, lastError, message: 'refused' });
    }
  });
}

// Browsers have IDBKeyRange as a global and the store opens its cursors on ranges; Node has not,
// and the store walks from the start of the index. Both must decide the same.
describe.each([
  ['without IDBKeyRange (Node)', false],
  ['with IDBKeyRange (browsers)', true],
])('claims and wake-up times from the indexes, %s', (_name, withKeyRange) => {
  beforeEach(() => {
    if (withKeyRange) vi.stubGlobal('IDBKeyRange', FakeIDBKeyRange);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('claim what reading every pending entry would claim, in the same order, and set aside no more than it would', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(entryArb, { minLength: 1, maxLength: 14 }), fc.integer({ min: 1, max: 4 }), fc.boolean(), async (specs, limit, excludeOne) => {
        const kit = await openTestStore();
        const all = materialise(specs);
        for (const entry of all) await putRaw(kit.factory, entry);
        const exclude = excludeOne ? (e: OutboxEntry) => e.crm.account === '9999' : undefined;
        const expected = claimReadingEverything(all, NOW, limit, exclude);
        const setAside: string[] = [];
        const claimed = await kit.store.claimDue(NOW, DELIVERY_LEASE_MS, limit, { exclude, onSetAside: (s) => setAside.push(...s.map((x) => x.entry.id)) });
        expect(claimed.map((e) => e.id)).toEqual(expected.claimed);
        for (const id of setAside) expect(expected.setAside).toContain(id);
        kit.store.close();
      }),
      { numRuns: 100 },
    );
  });

  it('say when to wake as reading every entry would', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(entryArb, { minLength: 1, maxLength: 14 }), async (specs) => {
        const kit = await openTestStore();
        const all = materialise(specs);
        for (const entry of all) await putRaw(kit.factory, entry);
        const held = findHeldRoutes(all, NOW);
        expect(await kit.store.nextWakeAt(NOW, held)).toBe(nextWakeAt(all, NOW, held));
        expect(new Map(findHeldRoutes(await kit.store.listRateLimited(NOW), NOW))).toEqual(held);
        expect(await kit.store.countParked('auth')).toBe(all.filter((e) => e.state === 'parked' && e.parkedFor === 'auth').length);
        kit.store.close();
      }),
      { numRuns: 100 },
    );
  });
});

/** The database as Baton's first releases created it: version 1, indexed by lead and by state only. */
function openVersion1(factory: IDBFactory, records: unknown[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = factory.open('baton-outbox', 1);
    request.onupgradeneeded = () => {
      const store = request.result.createObjectStore('entries', { keyPath: 'id' });
      store.createIndex('by-lead', 'leadKey', { unique: false });
      store.createIndex('by-state', 'state', { unique: false });
    };
    request.onsuccess = () => {
      const db = request.result;
      const tx = db.transaction('entries', 'readwrite');
      for (const record of records) tx.objectStore('entries').put(record);
      tx.oncomplete = () => {
        db.close();
        resolve();
      };
      tx.onabort = () => reject(tx.error);
    };
    request.onerror = () => reject(request.error);
  });
}

function rawRecords(factory: IDBFactory): Promise<{ version: number; indexes: string[]; records: unknown[] }> {
  return new Promise((resolve, reject) => {
    const request = factory.open('baton-outbox');
    request.onsuccess = () => {
      const db = request.result;
      const store = db.transaction('entries', 'readonly').objectStore('entries');
      const all = store.getAll();
      all.onsuccess = () => {
        resolve({ version: db.version, indexes: [...store.indexNames].sort(), records: all.result });
        db.close();
      };
    };
    request.onerror = () => reject(request.error);
  });
}

describe('a database of the previous version', () => {
  it('is upgraded with every record kept as it was, and the new indexes answer for the old records', async () => {
    const factory = new IDBFactory();
    // Records as version-1 databases held them: schema version 1 (no field), the parked one waiting
    // for a reconnect, one waiting out a 429, one delivered long ago, and one nobody can read.
    const queued = asFirstVersion1Record(stored(1, { createdAt: NOW - MINUTE, nextAttemptAt: NOW - MINUTE }));
    const parked = asLastVersion1Record(stored(2, { state: 'parked', parkedFor: 'auth', nextAttemptAt: null, attempts: 1, lastError: { kind: 'auth', message: 'Reconnect', status: 401 } }));
    const limited = stored(3, { state: 'retrying', attempts: 1, nextAttemptAt: NOW + 5 * MINUTE, lastError: { kind: 'rate_limited', message: 'busy', status: 429 } });
    const delivered = stored(4, { state: 'delivered', attempts: 1, nextAttemptAt: null, deliveredAt: NOW - 40 * 24 * 60 * MINUTE, receipt: receiptFor(NOW) });
    const unreadable = unreadableDisposition(uuid(5), { state: 'queued', leadKey: 'hubspot|4711|contact|5', createdAt: NOW, nextAttemptAt: NOW });
    await openVersion1(factory, [queued, parked, limited, delivered, unreadable]);
    const before = (await rawRecords(factory)).records;

    const store = await openOutboxStore({ indexedDB: factory, onCorrupt: () => undefined });
    const after = await rawRecords(factory);
    expect(after.version).toBe(OUTBOX_DB_VERSION);
    expect(after.indexes).toEqual(['by-delivered', 'by-error-due', 'by-lead', 'by-parked', 'by-state', 'by-state-due', 'by-state-lease']);
    // Nothing rewritten by the upgrade: the records are the ones the previous release stored.
    expect(after.records).toEqual(before);

    expect(await store.countParked('auth')).toBe(1);
    expect((await store.listRateLimited(NOW)).map((e) => e.id)).toEqual([uuid(3)]);
    // The queued one is due, but its account waits out the 429 until NOW + 5 min.
    expect(await store.nextWakeAt(NOW, findHeldRoutes(await store.listRateLimited(NOW), NOW))).toBe(NOW + 5 * MINUTE);
    expect((await store.knownUnreadable()).map((u) => u.id)).toEqual([uuid(5)]);
    const sent: string[] = [];
    const result = await drainOutbox({ store, deliver: async (e) => (sent.push(e.id), receiptFor(NOW)), now: () => NOW, random: () => 0.5 });
    // The account waits out its 429 (until NOW + 5 min), so the queued old record waits with it.
    expect(result).toMatchObject({ delivered: 0, nextWakeAt: NOW + 5 * MINUTE });
    const later = await drainOutbox({ store, deliver: async (e) => (sent.push(e.id), receiptFor(NOW)), now: () => NOW + 5 * MINUTE, random: () => 0.5 });
    expect(later).toMatchObject({ delivered: 2, nextWakeAt: null });
    expect(sent).toEqual([uuid(1), uuid(3)]);
    expect(await store.pruneDelivered(NOW - 30 * 24 * 60 * MINUTE)).toBe(1);
    expect((await store.resumeParked(NOW, 'auth')).map((e) => e.id)).toEqual([uuid(2)]);
    // Still there, still unreadable, never sent.
    expect((await store.listUnreadable()).map((u) => u.id)).toEqual([uuid(5)]);
    expect((await rawRecords(factory)).records).toContainEqual(unreadable);
    store.close();
  });
});

describe('with a long queue', () => {
  it('a save, the panel\'s list and a drain read only what they concern; the whole outbox is read once per store', async () => {
    const spy = vi.spyOn(FakeIDBObjectStore.prototype, 'getAll');
    try {
      const kit = await openTestStore();
      for (let n = 1; n <= 60; n++) await kit.store.enqueue(dispositionEntry(n));
      await putRaw(kit.factory, { id: 'garbage' });
      spy.mockClear();
      const clock = { t: NOW + MINUTE };
      const drain = () => drainOutbox({ store: kit.store, deliver: async () => Promise.reject(new Error('offline')), now: () => clock.t, random: () => 0.5, maxDeliveries: 3 });
      for (let round = 0; round < 5; round++) {
        await kit.store.enqueue(dispositionEntry(100 + round, { createdAt: clock.t }));
        await kit.store.readLead(`hubspot|4711|contact|${150 + round}`);
        await kit.store.countParked('auth');
        expect((await kit.store.knownUnreadable()).map((u) => u.id)).toEqual(['garbage']);
        await drain();
        clock.t += SECOND;
      }
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
  });
});
