import { CrmError } from '../crm/crm-error';
import { decideAfterFailure, DELIVERY_LEASE_MS, DELIVERY_TIMEOUT_MS, dueAt, findHeldRoutes, isHeldByOlder, routeKey } from './delivery-policy';
import type { OutboxEntry, OutboxReceipt } from './outbox-entry';
import { isPending } from './outbox-entry';
import type { OutboxStore } from './outbox-store';
import { mayDeliver, SupersededError } from './supersede';

/**
 * Sends what is due in the outbox, one entry at a time: HubSpot's rate limits are per portal, and
 * claiming one entry per delivery keeps every claim's lease longer than the delivery it covers.
 * Safe to run concurrently (two wakes of the worker): the claim in the store is the lock.
 */

export interface DrainLogEvent {
  type: 'delivered' | 'retrying' | 'parked' | 'failed' | 'superseded' | 'record_failed' | 'stopped';
  id?: string;
  attempts?: number;
  message?: string;
}

export interface DrainOptions {
  store: Pick<OutboxStore, 'claimDue' | 'complete' | 'fail' | 'listByLead' | 'listRateLimited' | 'nextWakeAt'> & Partial<Pick<OutboxStore, 'retryRouteNow' | 'knownUnreadable'>>;
  /** Writes one entry to its CRM (idempotent on the entry id); throws a CrmError on failure. */
  deliver: (entry: OutboxEntry, options: { signal: AbortSignal }) => Promise<OutboxReceipt>;
  now: () => number;
  random: () => number;
  leaseMs?: number;
  /** A delivery still running after this is abandoned as a timeout (and retried). Must stay below the lease. */
  timeoutMs?: number;
  /** Bounds one drain so a wake does not run forever; what is left is reported as due now. */
  maxDeliveries?: number;
  log?: (event: DrainLogEvent) => void;
  /**
   * Called with each claimed entry before it is sent. The worker may die mid-delivery, and then
   * nobody returns a `nextWakeAt`: this is where the background makes sure an alarm is set for
   * `entry.leaseUntil`, so the interrupted entry is picked up again.
   */
  onClaimed?: (entry: OutboxEntry) => void | Promise<void>;
}

export interface DrainResult {
  delivered: number;
  retrying: number;
  parked: number;
  failed: number;
  /** When something becomes due (for an alarm); null when nothing will become due by itself. */
  nextWakeAt: number | null;
}

export async function drainOutbox(options: DrainOptions): Promise<DrainResult> {
  const { store, deliver, now, random, log } = options;
  const leaseMs = options.leaseMs ?? DELIVERY_LEASE_MS;
  const timeoutMs = Math.min(options.timeoutMs ?? DELIVERY_TIMEOUT_MS, leaseMs);
  const maxDeliveries = options.maxDeliveries ?? 100;
  const result: DrainResult = { delivered: 0, retrying: 0, parked: 0, failed: 0, nextWakeAt: null };
  // A 429 for one account holds back that account's other entries until the window passes (or
  // the daily limit resets), instead of spending it on more 429s. Read from the store, so the hold
  // outlives this drain and this worker.
  const heldRoutes = findHeldRoutes(await store.listRateLimited(now()), now());
  // The first write an account takes in this drain means its CRM answers: entries of it waiting
  // out a backoff after a network or server failure go now (see retryRouteNow), once per drain.
  const answered = new Set<string>();
  // Full jitter may make a retry due at once; one drain tries an entry once, the next wake tries again.
  const tried = new Set<string>();
  let deliveries = 0;

  while (deliveries < maxDeliveries) {
    const [entry] = await store.claimDue(now(), leaseMs, 1, {
      exclude: (e) => tried.has(e.id) || (heldRoutes.get(routeKey(e)) ?? -Infinity) > now(),
      // Old dispositions a later one replaces: stored as failed (superseded), never sent.
      onSetAside: (setAside) => {
        for (const { entry: e } of setAside) {
          result.failed += 1;
          log?.({ type: 'superseded', id: e.id, attempts: e.attempts, message: e.message ?? undefined });
        }
      },
    });
    if (!entry) break;
    tried.add(entry.id);
    deliveries += 1;
    try {
      await options.onClaimed?.(entry);
    } catch (hookError) {
      log?.({ type: 'record_failed', id: entry.id, message: `onClaimed: ${errorMessage(hookError)}` });
    }
    // Never an old disposition once a newer one is in the CRM or on its way (unless the rep
    // confirmed replacing a delivered one). The claim already set aside those a pending later one
    // supersedes; this also sees delivered ones, and one saved since the claim. No race with the
    // newer one: this claimed, older entry holds the lead's later entries back.
    const allowed = entry.kind === 'disposition' ? mayDeliver(entry, await store.listByLead(entry.leadKey)) : ({ ok: true } as const);
    if (!allowed.ok) {
      const error = new SupersededError(allowed.by.id, allowed.by.state === 'delivered');
      try {
        await store.fail(entry.id, { state: 'failed', nextAttemptAt: null, message: error.message, parkedFor: null }, error);
        result.failed += 1;
        log?.({ type: 'superseded', id: entry.id, attempts: entry.attempts, message: error.message });
      } catch (storeError) {
        log?.({ type: 'record_failed', id: entry.id, message: errorMessage(storeError) });
      }
      continue;
    }
    let receipt: OutboxReceipt;
    try {
      receipt = await deliverWithin(deliver, entry, timeoutMs);
    } catch (error) {
      const decision = decideAfterFailure(error, { attempts: entry.attempts, now: now(), random });
      try {
        await store.fail(entry.id, decision, error);
      } catch (storeError) {
        // The claim stays; the entry goes out again when its lease lapses.
        log?.({ type: 'record_failed', id: entry.id, message: errorMessage(storeError) });
        continue;
      }
      result[decision.state] += 1;
      log?.({ type: decision.state, id: entry.id, attempts: entry.attempts, message: decision.message });
      if (error instanceof CrmError && error.kind === 'rate_limited' && decision.nextAttemptAt !== null) {
        heldRoutes.set(routeKey(entry), Math.max(decision.nextAttemptAt, heldRoutes.get(routeKey(entry)) ?? -Infinity));
      }
      continue;
    }
    try {
      await store.complete(entry.id, receipt, now());
    } catch (storeError) {
      // The CRM has it, but we could not write that down: never call that a delivery failure. The
      // claim lapses and the entry goes out again, which the idempotent write absorbs.
      log?.({ type: 'record_failed', id: entry.id, message: errorMessage(storeError) });
      continue;
    }
    result.delivered += 1;
    log?.({ type: 'delivered', id: entry.id, attempts: entry.attempts });
    if (!answered.has(routeKey(entry)) && store.retryRouteNow) {
      answered.add(routeKey(entry));
      try {
        await store.retryRouteNow(routeKey(entry), now());
      } catch (storeError) {
        // They still go out when their own backoff ends.
        log?.({ type: 'record_failed', id: entry.id, message: errorMessage(storeError) });
      }
    }
  }
  if (deliveries >= maxDeliveries) log?.({ type: 'stopped', message: `stopped after ${deliveries} deliveries` });

  result.nextWakeAt = await store.nextWakeAt(now(), heldRoutes);
  // The drain only reads due entries and their leads. Once per store (a worker's life; free after
  // that), every record is read, so one the schema cannot read is reported even if no panel opens.
  try {
    await store.knownUnreadable?.();
  } catch (storeError) {
    log?.({ type: 'record_failed', message: `reading the outbox for unreadable records: ${errorMessage(storeError)}` });
  }
  return result;
}

/**
 * The rule the store's `nextWakeAt` answers from its indexes (due-queries.ts), over a list of entries.
 * The earliest time a pending entry becomes claimable: its retry or reset time, or the end of a
 * claim (a worker may have died mid-delivery). Entries held back by an older one for the same lead
 * wake with it; entries of an account held back by a 429 wake when the window has passed.
 */
export function nextWakeAt(entries: readonly OutboxEntry[], now: number, heldRoutes: ReadonlyMap<string, number> = new Map()): number | null {
  const pending = entries.filter(isPending);
  let earliest: number | null = null;
  for (const entry of pending) {
    let at = dueAt(entry);
    if (at === null) continue;
    if (isHeldByOlder(entry, pending)) continue;
    const heldUntil = heldRoutes.get(routeKey(entry));
    if (heldUntil !== undefined) at = Math.max(at, heldUntil);
    // Overdue and still here: the drain stopped at maxDeliveries, or the entry arrived meanwhile.
    at = Math.max(at, now);
    earliest = earliest === null ? at : Math.min(earliest, at);
  }
  return earliest;
}

async function deliverWithin(deliver: DrainOptions['deliver'], entry: OutboxEntry, timeoutMs: number): Promise<OutboxReceipt> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new DOMException(`The CRM did not answer within ${Math.round(timeoutMs / 1000)} s`, 'TimeoutError');
      controller.abort(error);
      reject(error);
    }, timeoutMs);
  });
  try {
    // A deliverer that ignores the signal still cannot hold the drain past the timeout; if its
    // write lands later anyway, the retry is idempotent.
    return await Promise.race([deliver(entry, { signal: controller.signal }), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
