import { describe, expect, it } from 'vitest';
import { createOutboxRunner } from '../../lib/background/outbox-runner';
import { DELIVERY_LEASE_MS } from '../../lib/outbox/delivery-policy';
import { openTestStore } from '../support/outbox/in-memory-outbox-store';
import { dispositionEntry, NOW, SECOND, uuid } from '../support/outbox/outbox-test-entries';

/**
 * A worker stopped (or a browser closed or killed) mid-delivery leaves its claim behind. Chrome
 * runs one service worker per extension, so the next worker knows the claim is nobody's: the
 * entry goes out at its first drain, not a lease later.
 */
describe('claims of a stopped worker', () => {
  it('releaseClaimsBefore lapses only claims taken before the given instant', async () => {
    const { store } = await openTestStore();
    await store.enqueue(dispositionEntry(1));
    await store.enqueue(dispositionEntry(2));
    await store.claimDue(NOW + SECOND, DELIVERY_LEASE_MS, 1);
    await store.claimDue(NOW + 10 * SECOND, DELIVERY_LEASE_MS, 1);
    expect(await store.releaseClaimsBefore(NOW + 5 * SECOND, NOW + 20 * SECOND)).toBe(1);
    expect(await store.get(uuid(1))).toMatchObject({ state: 'delivering', leaseUntil: NOW + 20 * SECOND });
    expect(await store.get(uuid(2))).toMatchObject({ state: 'delivering', leaseUntil: NOW + 10 * SECOND + DELIVERY_LEASE_MS });
  });

  it('a new worker delivers the interrupted entry at its first drain, once', async () => {
    const kit = await openTestStore();
    await kit.store.enqueue(dispositionEntry(1));
    // The old worker claimed it, sent it, and was stopped before the answer.
    expect(await kit.store.claimDue(NOW + SECOND, DELIVERY_LEASE_MS, 1)).toHaveLength(1);
    const store = await kit.reopen();
    const clock = { t: NOW + 5 * SECOND };
    const delivered: string[] = [];
    const wakes: Array<number | null> = [];
    const runner = createOutboxRunner({
      store: async () => store,
      connections: {
        writerFor: async () => ({
          recordDisposition: async (write: { disposition: { id: string } }) => {
            delivered.push(write.disposition.id);
            return { properties: [], note: null, deliveredAt: clock.t };
          },
          logContactAttempt: async () => ({ id: 'x', reused: false }),
        }),
      } as never,
      now: () => clock.t,
      random: () => 0.5,
      scheduleWake: (at) => wakes.push(at),
    });
    const result = await runner.drain();
    expect(result.delivered).toBe(1);
    expect(delivered).toEqual([uuid(1)]);
    expect(await store.get(uuid(1))).toMatchObject({ state: 'delivered', attempts: 2 });
    // Its own claims are not released by later drains of the same worker.
    await store.enqueue(dispositionEntry(2));
    await store.claimDue(clock.t, DELIVERY_LEASE_MS, 1);
    clock.t += SECOND;
    expect((await runner.drain()).delivered).toBe(0);
    expect(await store.get(uuid(2))).toMatchObject({ state: 'delivering' });
  });
});
