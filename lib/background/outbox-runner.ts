import type { CrmConnections } from '../crm/crm-connections';
import { drainOutbox, type DrainLogEvent, type DrainResult } from '../outbox/drain-outbox';
import type { OutboxEntry, OutboxReceipt } from '../outbox/outbox-entry';
import type { OutboxStore } from '../outbox/outbox-store';

export interface OutboxRunnerDeps {
  store: () => Promise<OutboxStore>;
  connections: Pick<CrmConnections, 'writerFor'>;
  now: () => number;
  random: () => number;
  /** Ask the browser to wake the worker at this instant (null: no wake needed). */
  scheduleWake: (at: number | null) => void;
  /** Called after a drain that delivered something, e.g. to refetch leads whose touches changed. */
  onDelivered?: () => void;
  log?: (event: DrainLogEvent) => void;
}

/**
 * Drains the outbox on demand (startup, wake, a save from the panel, the alarm). Drains never
 * overlap inside one worker; a request during a drain runs one more drain right after, so a
 * disposition saved mid-drain is not left waiting for the alarm. Across workers the store's
 * leased claims keep one entry from being delivered twice at once.
 */
export function createOutboxRunner(deps: OutboxRunnerDeps) {
  let running: Promise<DrainResult> | null = null;
  let again = false;

  const deliver = async (entry: OutboxEntry, { signal }: { signal: AbortSignal }): Promise<OutboxReceipt> => {
    const writer = await deps.connections.writerFor(entry.crm);
    if (entry.kind === 'disposition') return writer.recordDisposition(entry.payload, { signal });
    return writer.logContactAttempt(entry.payload.ref, entry.payload.attempt, { signal });
  };

  async function drainLoop(): Promise<DrainResult> {
    let result: DrainResult;
    do {
      again = false;
      const store = await deps.store();
      result = await drainOutbox({
        store,
        deliver,
        now: deps.now,
        random: deps.random,
        log: deps.log,
        // The worker may die during the send: make sure something wakes us when the lease ends.
        onClaimed: (entry) => deps.scheduleWake(entry.leaseUntil),
      });
      // Delivered entries are kept a month for the panel's history, then dropped.
      await store.pruneDelivered(deps.now() - 30 * 24 * 60 * 60 * 1000);
      if (result.delivered > 0) deps.onDelivered?.();
    } while (again);
    deps.scheduleWake(result.nextWakeAt);
    return result;
  }

  return {
    drain(): Promise<DrainResult> {
      if (running) {
        again = true;
        return running;
      }
      running = drainLoop().finally(() => {
        running = null;
      });
      return running;
    },
  };
}
