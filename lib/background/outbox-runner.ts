import type { CrmConnections } from '../crm/crm-connections';
import { drainOutbox, type DrainLogEvent, type DrainResult } from '../outbox/drain-outbox';
import type { OutboxEntry, OutboxReceipt } from '../outbox/outbox-entry';
import type { OutboxStore } from '../outbox/outbox-store';

/** First retry after a drain that failed (the store could not be opened, a claim or read threw). */
export const DRAIN_RETRY_BASE_MS = 30_000;
/** Retries after failed drains back off to this at most, so a broken database is retried forever but rarely. */
export const DRAIN_RETRY_CAP_MS = 15 * 60_000;

/**
 * When to try again after `failures` drains in a row failed: doubling from DRAIN_RETRY_BASE_MS,
 * capped, with "equal jitter" (between half the ceiling and the ceiling), so a wave of workers
 * does not retry in lockstep and a retry is never immediate.
 */
export function drainRetryDelayMs(failures: number, random: () => number): number {
  const ceiling = Math.min(DRAIN_RETRY_CAP_MS, DRAIN_RETRY_BASE_MS * 2 ** Math.max(0, failures - 1));
  const r = Math.min(1, Math.max(0, random()));
  return Math.ceil(ceiling / 2 + (r * ceiling) / 2);
}

/**
 * Memoises an async open (the outbox database) for the worker's life, unless it fails: a failed
 * open is forgotten, so the next call (the retry wake) opens again instead of failing forever.
 */
export function cacheUntilRejected<T>(open: () => Promise<T>): () => Promise<T> {
  let cached: Promise<T> | null = null;
  return () => {
    if (cached) return cached;
    const attempt = open();
    cached = attempt;
    attempt.catch(() => {
      if (cached === attempt) cached = null;
    });
    return attempt;
  };
}

export interface OutboxRunnerDeps {
  store: () => Promise<OutboxStore>;
  connections: Pick<CrmConnections, 'writerFor'>;
  now: () => number;
  random: () => number;
  /** Ask the browser to wake the worker at this instant (null: no wake needed). */
  scheduleWake: (at: number | null) => void;
  /**
   * Called after a drain that delivered or dead-lettered something, to drop cached leads: a
   * delivery changed the lead's touches, and a conflict (the CRM's status moved since the rep read
   * it) means the cached lead is stale, so the reopened panel and the next save see the CRM's status.
   */
  onDeliveredOrFailed?: () => void;
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
  // Claims older than this runner were taken by a worker that is gone (see releaseClaimsBefore).
  const startedAt = deps.now();
  let orphansReleased = false;
  /** Drains that failed in a row (for the retry backoff); reset by one that works. */
  let failures = 0;

  const deliver = async (entry: OutboxEntry, { signal }: { signal: AbortSignal }): Promise<OutboxReceipt> => {
    const writer = await deps.connections.writerFor(entry.crm);
    if (entry.kind === 'disposition') return writer.recordDisposition(entry.payload, { signal });
    return writer.logContactAttempt(entry.payload.ref, entry.payload.attempt, { signal });
  };

  async function drainLoop(): Promise<DrainResult> {
    let result: DrainResult;
    try {
      result = await drainRounds();
    } catch (error) {
      // The database could not be opened, or a claim or read threw: nothing else will wake the
      // worker for what is still queued, so ask for a retry (backing off while it keeps failing).
      failures += 1;
      deps.scheduleWake(deps.now() + drainRetryDelayMs(failures, deps.random));
      throw error;
    }
    failures = 0;
    deps.scheduleWake(result.nextWakeAt);
    return result;
  }

  async function drainRounds(): Promise<DrainResult> {
    let result: DrainResult;
    do {
      again = false;
      const store = await deps.store();
      if (!orphansReleased) {
        // Housekeeping: if it fails, the orphaned claims still lapse at the end of their lease.
        try {
          await store.releaseClaimsBefore(startedAt, deps.now());
          orphansReleased = true;
        } catch (error) {
          deps.log?.({ type: 'record_failed', message: `releasing claims of a stopped worker: ${error instanceof Error ? error.message : String(error)}` });
        }
      }
      result = await drainOutbox({
        store,
        deliver,
        now: deps.now,
        random: deps.random,
        log: deps.log,
        // The worker may die during the send: make sure something wakes us when the lease ends.
        onClaimed: (entry) => deps.scheduleWake(entry.leaseUntil),
      });
      // Delivered entries are kept a month for the panel's history, then dropped. Housekeeping:
      // a failure here must not cost the wake-up the drain just computed.
      try {
        await store.pruneDelivered(deps.now() - 30 * 24 * 60 * 60 * 1000);
      } catch (error) {
        deps.log?.({ type: 'record_failed', message: `pruning delivered entries: ${error instanceof Error ? error.message : String(error)}` });
      }
      if (result.delivered > 0 || result.failed > 0) deps.onDeliveredOrFailed?.();
    } while (again);
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
