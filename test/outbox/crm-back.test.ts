import { describe, expect, it } from 'vitest';
import { CrmError } from '../../lib/crm/crm-error';
import { drainOutbox } from '../../lib/outbox/drain-outbox';
import type { DrainOptions } from '../../lib/outbox/drain-outbox';
import { openTestStore } from '../support/outbox/in-memory-outbox-store';
import { dispositionEntry, MINUTE, NOW, receiptFor, SECOND, uuid } from '../support/outbox/outbox-test-entries';

const offline = () => new CrmError('network', 'Could not reach HubSpot; Baton will try again', { status: null });
const e429 = () => new CrmError('rate_limited', 'HubSpot is busy right now', { status: 429, limit: 'burst', retryAfterMs: 10 * MINUTE });

/**
 * After an outage, entries wait out backoffs that grew to minutes. The first write the CRM takes
 * again means it is back: the rest of that account's entries go at once, in the same drain.
 */
describe('the CRM back after an outage', () => {
  it('one success brings the account\'s waiting entries forward; they are delivered in the same drain, once each', async () => {
    const { store } = await openTestStore();
    for (const n of [1, 2, 3, 4]) await store.enqueue(dispositionEntry(n));
    await store.enqueue(dispositionEntry(5, { account: '9999' }));
    // The outage: every entry failed; entry 1 waits a minute, the others (after more attempts) eight.
    const t = NOW + SECOND;
    for (const entry of await store.claimDue(t, MINUTE, 5)) {
      const wait = entry.id === uuid(1) ? MINUTE : 8 * MINUTE;
      await store.fail(entry.id, { state: 'retrying', nextAttemptAt: t + wait, message: 'offline', parkedFor: null }, offline());
    }
    const clock = { t: t + MINUTE };
    const calls: string[] = [];
    const deliver: DrainOptions['deliver'] = async (entry) => {
      calls.push(entry.id);
      return receiptFor(clock.t);
    };
    const result = await drainOutbox({ store, deliver, now: () => clock.t, random: () => 1 });
    expect(calls).toEqual([uuid(1), uuid(2), uuid(3), uuid(4)]);
    expect(result).toMatchObject({ delivered: 4, nextWakeAt: t + 8 * MINUTE });
    // The other account's entry keeps its own time: its CRM has not answered yet.
    expect(await store.get(uuid(5))).toMatchObject({ state: 'retrying', nextAttemptAt: t + 8 * MINUTE });
  });

  it('without a success nothing moves: a failure on the way back leaves the backoffs as they are', async () => {
    const { store } = await openTestStore();
    for (const n of [1, 2]) await store.enqueue(dispositionEntry(n));
    const t = NOW + SECOND;
    const [a, b] = await store.claimDue(t, MINUTE, 2);
    await store.fail(a!.id, { state: 'retrying', nextAttemptAt: t + MINUTE, message: 'offline', parkedFor: null }, offline());
    await store.fail(b!.id, { state: 'retrying', nextAttemptAt: t + 8 * MINUTE, message: 'offline', parkedFor: null }, offline());
    const deliver: DrainOptions['deliver'] = async () => {
      throw offline();
    };
    await drainOutbox({ store, deliver, now: () => t + MINUTE, random: () => 0.5 });
    expect(await store.get(uuid(2))).toMatchObject({ nextAttemptAt: t + 8 * MINUTE });
  });

  it('retryRouteNow leaves rate-limited, parked and other accounts\' entries alone', async () => {
    const { store } = await openTestStore();
    await store.enqueue(dispositionEntry(1));
    await store.enqueue(dispositionEntry(2));
    await store.enqueue(dispositionEntry(3, { account: '9999' }));
    const t = NOW + SECOND;
    const [a, b, c] = await store.claimDue(t, MINUTE, 3);
    await store.fail(a!.id, { state: 'retrying', nextAttemptAt: t + 5 * MINUTE, message: 'offline', parkedFor: null }, offline());
    await store.fail(b!.id, { state: 'retrying', nextAttemptAt: t + 10 * MINUTE, message: 'busy', parkedFor: null }, e429());
    await store.fail(c!.id, { state: 'retrying', nextAttemptAt: t + 5 * MINUTE, message: 'offline', parkedFor: null }, offline());
    expect(await store.retryRouteNow('hubspot|4711', t)).toBe(1);
    expect(await store.get(a!.id)).toMatchObject({ state: 'retrying', nextAttemptAt: t });
    expect(await store.get(b!.id)).toMatchObject({ nextAttemptAt: t + 10 * MINUTE });
    expect(await store.get(c!.id)).toMatchObject({ nextAttemptAt: t + 5 * MINUTE });
  });
});
