import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CrmError } from '../../lib/crm/crm-error';
import { DELIVERY_LEASE_MS } from '../../lib/outbox/delivery-policy';
import { drainOutbox } from '../../lib/outbox/drain-outbox';
import type { DrainOptions } from '../../lib/outbox/drain-outbox';
import type { OutboxEntry } from '../../lib/outbox/outbox-entry';
import type { OutboxStore } from '../../lib/outbox/outbox-store';
import { openTestStore } from '../support/outbox/in-memory-outbox-store';
import { attemptEntry, dispositionEntry, MINUTE, NOW, receiptFor, SECOND, uuid } from '../support/outbox/outbox-test-entries';
import { putRaw, unreadableDisposition } from '../support/outbox/raw-outbox-records';

const e503 = () => new CrmError('server', 'HubSpot had a problem (HTTP 503); Baton will try again', { status: 503 });
const e429 = (retryAfterMs = 10_000) => new CrmError('rate_limited', 'HubSpot is busy right now', { status: 429, limit: 'burst', retryAfterMs });
const eDaily = () => new CrmError('rate_limited', 'HubSpot daily limit reached', { status: 429, limit: 'daily' });
const e401 = () => new CrmError('auth', 'Reconnect HubSpot: the access token was rejected', { status: 401 });
const e400 = () => new CrmError('rejected', 'HubSpot refused the request: Property values were not valid', { status: 400 });

/** A fake CRM writer: each entry answers with its scripted errors in turn, then succeeds. */
function fakeCrm(clock: { t: number }, script: Record<string, Array<() => Error>> = {}) {
  const calls: string[] = [];
  const successes = new Map<string, number>();
  const deliver: DrainOptions['deliver'] = async (entry) => {
    calls.push(entry.id);
    const next = script[entry.id]?.shift();
    if (next) throw next();
    successes.set(entry.id, (successes.get(entry.id) ?? 0) + 1);
    return receiptFor(clock.t);
  };
  return { deliver, calls, successes };
}

function drainWith(store: OutboxStore, clock: { t: number }, deliver: DrainOptions['deliver'], over: Partial<DrainOptions> = {}) {
  return drainOutbox({ store, deliver, now: () => clock.t, random: () => 0, ...over });
}

describe('drainOutbox', () => {
  it('delivers every due entry once and reports nothing left to wake for', async () => {
    const { store } = await openTestStore();
    for (const n of [1, 2, 3]) await store.enqueue(dispositionEntry(n));
    const clock = { t: NOW + SECOND };
    const crm = fakeCrm(clock);
    expect(await drainWith(store, clock, crm.deliver)).toEqual({ delivered: 3, retrying: 0, parked: 0, failed: 0, nextWakeAt: null });
    expect(crm.calls).toEqual([uuid(1), uuid(2), uuid(3)]);
    expect((await store.listAll()).every((e) => e.state === 'delivered')).toBe(true);
  });

  it('503 twice, then success: delivered once with attempts = 3', async () => {
    const { store } = await openTestStore();
    await store.enqueue(dispositionEntry(1));
    const clock = { t: NOW + SECOND };
    const crm = fakeCrm(clock, { [uuid(1)]: [e503, e503] });
    const random = () => 0.5;
    const first = await drainWith(store, clock, crm.deliver, { random });
    expect(first).toEqual({ delivered: 0, retrying: 1, parked: 0, failed: 0, nextWakeAt: clock.t + 1_000 });
    expect(await store.get(uuid(1))).toMatchObject({ state: 'retrying', lastError: { kind: 'server', status: 503 } });
    // An early wake does nothing.
    expect(await drainWith(store, { t: clock.t + 999 }, crm.deliver, { random })).toMatchObject({ delivered: 0, retrying: 0 });
    clock.t = first.nextWakeAt!;
    const second = await drainWith(store, clock, crm.deliver, { random });
    expect(second).toMatchObject({ retrying: 1, nextWakeAt: clock.t + 2_000 });
    clock.t = second.nextWakeAt!;
    expect(await drainWith(store, clock, crm.deliver, { random })).toEqual({ delivered: 1, retrying: 0, parked: 0, failed: 0, nextWakeAt: null });
    expect(crm.successes.get(uuid(1))).toBe(1);
    expect(await store.get(uuid(1))).toMatchObject({ state: 'delivered', attempts: 3, deliveredAt: clock.t });
  });

  it('429 ten-secondly waits Retry-After and holds the account back meanwhile', async () => {
    const { store } = await openTestStore();
    await store.enqueue(dispositionEntry(1));
    await store.enqueue(dispositionEntry(2));
    await store.enqueue(dispositionEntry(3, { account: '9999' }));
    const clock = { t: NOW + SECOND };
    const crm = fakeCrm(clock, { [uuid(1)]: [() => e429(7_000)] });
    const first = await drainWith(store, clock, crm.deliver);
    // Entry 2 shares the portal: not sent into the same window. Entry 3 is another portal.
    expect(crm.calls).toEqual([uuid(1), uuid(3)]);
    expect(first).toEqual({ delivered: 1, retrying: 1, parked: 0, failed: 0, nextWakeAt: clock.t + 7_000 });
    expect(await store.get(uuid(2))).toMatchObject({ state: 'queued', attempts: 0 });
    expect(await drainWith(store, { t: clock.t + 6_999 }, crm.deliver)).toMatchObject({ delivered: 0 });
    clock.t += 7_000;
    expect(await drainWith(store, clock, crm.deliver)).toMatchObject({ delivered: 2, nextWakeAt: null });
  });

  it('the daily limit parks until the reset, then resends by itself', async () => {
    const { store } = await openTestStore();
    await store.enqueue(dispositionEntry(1));
    const clock = { t: NOW + SECOND };
    const crm = fakeCrm(clock, { [uuid(1)]: [eDaily] });
    const midnight = Date.parse('2026-11-23T00:00:00Z');
    expect(await drainWith(store, clock, crm.deliver)).toEqual({ delivered: 0, retrying: 0, parked: 1, failed: 0, nextWakeAt: midnight });
    expect(await store.get(uuid(1))).toMatchObject({ state: 'parked', parkedFor: 'daily_limit', message: "The CRM's daily API limit is used up; Baton will resend after it resets" });
    expect(await drainWith(store, { t: midnight - 1 }, crm.deliver)).toMatchObject({ delivered: 0, nextWakeAt: midnight });
    clock.t = midnight;
    expect(await drainWith(store, clock, crm.deliver)).toMatchObject({ delivered: 1, nextWakeAt: null });
  });

  it('401 parks with no wake time until resumeParked', async () => {
    const { store } = await openTestStore();
    await store.enqueue(dispositionEntry(1));
    const clock = { t: NOW + SECOND };
    const crm = fakeCrm(clock, { [uuid(1)]: [e401] });
    expect(await drainWith(store, clock, crm.deliver)).toEqual({ delivered: 0, retrying: 0, parked: 1, failed: 0, nextWakeAt: null });
    expect(await store.get(uuid(1))).toMatchObject({ state: 'parked', parkedFor: 'auth', message: 'Reconnect the CRM to send this' });
    clock.t += 24 * 60 * MINUTE;
    expect(await drainWith(store, clock, crm.deliver)).toMatchObject({ delivered: 0, parked: 0 });
    await store.resumeParked(clock.t, 'auth');
    expect(await drainWith(store, clock, crm.deliver)).toMatchObject({ delivered: 1 });
    expect(crm.calls).toEqual([uuid(1), uuid(1)]);
  });

  it('400 is a dead letter with the CRM message; resend queues it again', async () => {
    const { store } = await openTestStore();
    await store.enqueue(dispositionEntry(1));
    const clock = { t: NOW + SECOND };
    const crm = fakeCrm(clock, { [uuid(1)]: [e400] });
    expect(await drainWith(store, clock, crm.deliver)).toEqual({ delivered: 0, retrying: 0, parked: 0, failed: 1, nextWakeAt: null });
    expect(await store.get(uuid(1))).toMatchObject({
      state: 'failed',
      message: 'HubSpot refused the request: Property values were not valid',
      lastError: { kind: 'rejected', status: 400 },
    });
    expect(await drainWith(store, clock, crm.deliver)).toMatchObject({ failed: 0, delivered: 0 });
    await store.resend(uuid(1), clock.t);
    expect(await drainWith(store, clock, crm.deliver)).toMatchObject({ delivered: 1 });
  });

  it('an entry whose worker died mid-delivery goes out again after the lease, and the drain says when', async () => {
    const kit = await openTestStore();
    await kit.store.enqueue(dispositionEntry(1));
    const t0 = NOW + SECOND;
    await kit.store.claimDue(t0, DELIVERY_LEASE_MS);
    const store = await kit.reopen();
    const clock = { t: t0 + 30 * SECOND };
    const crm = fakeCrm(clock);
    expect(await drainWith(store, clock, crm.deliver)).toEqual({ delivered: 0, retrying: 0, parked: 0, failed: 0, nextWakeAt: t0 + DELIVERY_LEASE_MS });
    clock.t = t0 + DELIVERY_LEASE_MS;
    expect(await drainWith(store, clock, crm.deliver)).toMatchObject({ delivered: 1 });
    expect(await store.get(uuid(1))).toMatchObject({ state: 'delivered', attempts: 2 });
  });

  it('tells the background about each claim before sending, so an alarm covers a worker that dies mid-send', async () => {
    const { store } = await openTestStore();
    await store.enqueue(dispositionEntry(1));
    const clock = { t: NOW + SECOND };
    const order: string[] = [];
    const deliver: DrainOptions['deliver'] = async () => {
      order.push('deliver');
      return receiptFor(clock.t);
    };
    await drainWith(store, clock, deliver, { onClaimed: (e) => void order.push(`claimed until ${e.leaseUntil! - clock.t}`) });
    expect(order).toEqual([`claimed until ${DELIVERY_LEASE_MS}`, 'deliver']);
  });

  it('abandons a delivery that outlives the timeout and retries it', async () => {
    const { store } = await openTestStore();
    await store.enqueue(dispositionEntry(1));
    const clock = { t: NOW + SECOND };
    let signal: AbortSignal | null = null;
    const hang: DrainOptions['deliver'] = (_entry, options) => {
      signal = options.signal;
      return new Promise(() => undefined);
    };
    expect(await drainWith(store, clock, hang, { timeoutMs: 20 })).toMatchObject({ retrying: 1 });
    expect(signal!.aborted).toBe(true);
    expect(await store.get(uuid(1))).toMatchObject({ state: 'retrying', lastError: { kind: 'timeout' } });
  });

  it('keeps one lead\'s writes in order even across retries', async () => {
    const { store } = await openTestStore();
    const leadKey = 'hubspot|4711|contact|51';
    // A contact attempt after the disposition: a later disposition would supersede it instead (supersede.test.ts).
    await store.enqueue(dispositionEntry(1, { leadKey }));
    await store.enqueue(attemptEntry(2, { leadKey }));
    const clock = { t: NOW + SECOND };
    const crm = fakeCrm(clock, { [uuid(1)]: [e503] });
    const first = await drainWith(store, clock, crm.deliver);
    expect(crm.calls).toEqual([uuid(1)]);
    expect(first.nextWakeAt).toBe(clock.t);
    clock.t = first.nextWakeAt!;
    await drainWith(store, clock, crm.deliver);
    expect(crm.calls).toEqual([uuid(1), uuid(1), uuid(2)]);
  });

  it('drains around a corrupt record and reports it', async () => {
    const kit = await openTestStore();
    await kit.store.enqueue(dispositionEntry(1));
    await putRaw(kit.factory, { id: 'garbage', state: 'queued', leadKey: 'x' });
    // Due by its fields, so the claim's walk of the due entries meets it, and its lead's too.
    await putRaw(kit.factory, unreadableDisposition(uuid(9), { state: 'queued', leadKey: 'hubspot|4711|contact|51', createdAt: NOW, nextAttemptAt: NOW }));
    const clock = { t: NOW + SECOND };
    const crm = fakeCrm(clock);
    expect(await drainWith(kit.store, clock, crm.deliver)).toMatchObject({ delivered: 1, nextWakeAt: null });
    expect(crm.calls).toEqual([uuid(1)]);
    // Kept, listed for the panel, and reported once (the drain reads every record once per store).
    expect(kit.corrupt.map((r) => r.id)).toEqual([uuid(9), 'garbage']);
    expect((await kit.store.knownUnreadable()).map((r) => r.id)).toEqual([uuid(9), 'garbage']);
  });

  it('a delivery whose completion cannot be recorded is not called a failure; it goes out again after the lease', async () => {
    const { store } = await openTestStore();
    await store.enqueue(dispositionEntry(1));
    const clock = { t: NOW + SECOND };
    const crm = fakeCrm(clock);
    const broken: OutboxStore = { ...store, complete: () => Promise.reject(new Error('disk full')) };
    const events: string[] = [];
    expect(await drainWith(broken, clock, crm.deliver, { log: (e) => events.push(e.type) })).toMatchObject({ delivered: 0, failed: 0, nextWakeAt: clock.t + DELIVERY_LEASE_MS });
    expect(events).toEqual(['record_failed']);
    expect(await store.get(uuid(1))).toMatchObject({ state: 'delivering' });
    clock.t += DELIVERY_LEASE_MS;
    expect(await drainWith(store, clock, crm.deliver)).toMatchObject({ delivered: 1 });
  });

  it('stops after maxDeliveries and asks to be woken right away', async () => {
    const { store } = await openTestStore();
    for (const n of [1, 2, 3]) await store.enqueue(dispositionEntry(n));
    const clock = { t: NOW + SECOND };
    const crm = fakeCrm(clock);
    expect(await drainWith(store, clock, crm.deliver, { maxDeliveries: 2 })).toMatchObject({ delivered: 2, nextWakeAt: clock.t });
  });
});

type Outcome = 'ok' | '503' | '429' | 'daily' | '401' | '400';
const errorFor: Record<Exclude<Outcome, 'ok'>, () => Error> = { '503': e503, '429': () => e429(3_000), daily: eDaily, '401': e401, '400': e400 };

describe('concurrent drains (property)', () => {
  it('never deliver one entry twice at once, never twice in all; every entry ends delivered or visibly failed/parked; for each lead, no disposition is delivered after a newer one was saved, unless explicitly confirmed', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            outcomes: fc.array(fc.constantFrom<Outcome>('ok', '503', '429', 'daily', '401', '400'), { maxLength: 4 }),
            lead: fc.integer({ min: 0, max: 2 }),
            // Contact attempts are engagements, not the lead's state: each must be delivered.
            kind: fc.constantFrom('disposition', 'disposition', 'contact-attempt'),
            // When the rep saves it: 0 before any drain, n > 0 during the n-th send (a write in flight).
            savedAt: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 8 })),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 30 }),
        fc.boolean(),
        async (writes, delays, crashOne) => {
          const { store } = await openTestStore();
          const clock = { t: NOW + SECOND };
          // An ordered log of saves and send starts: the invariants are about what happened before what.
          const events: Array<{ type: 'saved' | 'claimed' | 'send'; id: string }> = [];
          const saved = new Set<number>();
          const createdAt = new Map<string, number>();
          let lastCreatedAt = NOW;
          const save = async (i: number) => {
            if (saved.has(i)) return;
            saved.add(i);
            const w = writes[i]!;
            // The rep's save time: later saves are newer.
            lastCreatedAt = Math.max(clock.t, lastCreatedAt + 1);
            const over = { leadKey: `hubspot|4711|contact|${w.lead}`, createdAt: lastCreatedAt };
            createdAt.set(uuid(i + 1), lastCreatedAt);
            events.push({ type: 'saved', id: uuid(i + 1) });
            await store.enqueue(w.kind === 'disposition' ? dispositionEntry(i + 1, over) : attemptEntry(i + 1, over));
          };
          for (const [i, w] of writes.entries()) if (w.savedAt === 0) await save(i);
          const remaining = new Map(writes.map((w, i) => [uuid(i + 1), [...w.outcomes]]));
          const inFlight = new Set<string>();
          const successes = new Map<string, number>();
          const violations: string[] = [];
          let tick = 0;
          let sends = 0;
          const deliver: DrainOptions['deliver'] = async (entry: OutboxEntry) => {
            if (inFlight.has(entry.id)) violations.push(`${entry.id} delivered concurrently`);
            inFlight.add(entry.id);
            events.push({ type: 'send', id: entry.id });
            sends += 1;
            try {
              for (const [i, w] of writes.entries()) if (w.savedAt === sends) await save(i);
              await new Promise((r) => setTimeout(r, delays[tick++ % delays.length]));
              const outcome = remaining.get(entry.id)?.shift() ?? 'ok';
              if (outcome !== 'ok') throw errorFor[outcome]();
              successes.set(entry.id, (successes.get(entry.id) ?? 0) + 1);
              return receiptFor(clock.t);
            } finally {
              inFlight.delete(entry.id);
            }
          };
          // A worker that claimed an entry and died before sending it.
          if (crashOne) await store.claimDue(clock.t, DELIVERY_LEASE_MS);
          for (let round = 0; round < 60; round++) {
            const results = await Promise.all(
              [0, 1].map(() => drainOutbox({ store, deliver, now: () => clock.t, random: () => 0.5, onClaimed: (e) => void events.push({ type: 'claimed', id: e.id }) })),
            );
            const wakes = results.map((r) => r.nextWakeAt).filter((t): t is number => t !== null);
            if (wakes.length === 0) {
              // Nothing left to wake for: the rep saves what the sends did not get to.
              const unsaved = writes.map((_, i) => i).filter((i) => !saved.has(i));
              if (unsaved.length === 0) break;
              for (const i of unsaved) await save(i);
              continue;
            }
            clock.t = Math.max(clock.t + 1, Math.min(...wakes));
          }
          expect(violations).toEqual([]);
          for (const [id, n] of successes) expect(n, id).toBe(1);
          const all = await store.listAll();
          const kindOf = new Map(all.map((e) => [e.id, e]));
          // No disposition is sent on a claim made after a newer disposition for the same lead was
          // saved (nothing here confirms "Send anyway"): the CRM never gets a stale outcome or note.
          // A claim made before is a write in flight: it answers first, and the newer one follows.
          for (const [at, event] of events.entries()) {
            const sent = kindOf.get(event.id);
            if (event.type !== 'send' || sent?.kind !== 'disposition') continue;
            const claimedAt = events.slice(0, at).findLastIndex((e) => e.type === 'claimed' && e.id === event.id);
            const newer = events
              .slice(0, claimedAt < 0 ? at : claimedAt)
              .find((e) => e.type === 'saved' && kindOf.get(e.id)?.kind === 'disposition' && kindOf.get(e.id)?.leadKey === sent.leadKey && createdAt.get(e.id)! > createdAt.get(sent.id)!);
            expect(newer, `${sent.id} sent after the newer ${newer?.id} was saved`).toBeUndefined();
          }
          for (const entry of all) {
            if (entry.state === 'delivered') continue;
            if (entry.state === 'queued') {
              // Only behind an older write to the same lead that waits for a reconnect (it would meet the same 401).
              const holder = all.find((o) => o.leadKey === entry.leadKey && o.createdAt < entry.createdAt && o.state === 'parked');
              expect(holder?.parkedFor, entry.id).toBe('auth');
              continue;
            }
            expect(['failed', 'parked']).toContain(entry.state);
            expect(entry.message).toBeTruthy();
            if (entry.state === 'parked') expect(entry.parkedFor).toBe('auth');
            if (entry.lastError?.kind === 'superseded') {
              // Set aside only for a newer disposition of the same lead (which may have been refused
              // since: then the rep sees both and may resend this one plainly); never an attempt.
              expect(entry.kind, entry.id).toBe('disposition');
              expect(all.some((o) => o.kind === 'disposition' && o.leadKey === entry.leadKey && o.createdAt > entry.createdAt), entry.id).toBe(true);
            }
          }
          // Each lead's newest disposition is never set aside: the rep's latest decision reaches the CRM (or says why not).
          for (const entry of all) {
            if (entry.kind !== 'disposition') continue;
            const newest = !all.some((o) => o.kind === 'disposition' && o.leadKey === entry.leadKey && o.createdAt > entry.createdAt);
            if (newest) expect(entry.lastError?.kind, entry.id).not.toBe('superseded');
          }
          store.close();
        },
      ),
      { numRuns: 60 },
    );
  });
});
