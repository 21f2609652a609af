import { compareByCreation, describeFailure, isDue } from './delivery-policy';
import type { OutboxEntry } from './outbox-entry';
import { isPending, outboxEntrySchema } from './outbox-entry';

/**
 * When an old disposition must not reach the CRM after a newer one. A disposition writes the
 * lead's status and Baton's properties (last write wins), so an old outcome delivered after a
 * newer one replaces the rep's latest decision, and even delivered just before it, it writes a
 * stale outcome and note the rep has already taken back. The rule: once a later disposition for
 * the lead exists (queued, parked, being sent or delivered), an older one that has not been sent
 * is not sent at all; the drain sets it aside (failed, kind `superseded`) where the rep sees it,
 * and only the rep's explicit "Send anyway" over a delivered later one puts it back. Pure.
 *
 * "Newer" is by the rep's save time (the entry's createdAt, ties broken by id, as the ordering).
 * Contact attempts are logged engagements, not state: they never supersede or get superseded.
 */

/**
 * The newest later disposition for the same lead that is delivered or still on its way, or null.
 * A later one that itself failed supersedes nothing: it is not in the CRM and may never be.
 */
export function findSupersedingEntry(entry: OutboxEntry, leadEntries: readonly OutboxEntry[]): OutboxEntry | null {
  if (entry.kind !== 'disposition') return null;
  let newest: OutboxEntry | null = null;
  for (const other of leadEntries) {
    if (other.kind !== 'disposition' || other.id === entry.id || other.leadKey !== entry.leadKey) continue;
    if (compareByCreation(other, entry) <= 0) continue;
    if (other.state !== 'delivered' && !isPending(other)) continue;
    if (!newest || compareByCreation(other, newest) > 0) newest = other;
  }
  return newest;
}

/**
 * Whether the rep may be offered "Send anyway" over `by`: only over a delivered one. A later
 * disposition still in the queue goes out after this one anyway (per-lead ordering), so sending
 * the old one would not replace it, only write a stale outcome and note in between.
 */
export function canSendOver(by: Pick<OutboxEntry, 'state'>): boolean {
  return by.state === 'delivered';
}

/**
 * Whether the drain may deliver this entry now: not when a later disposition for the lead is
 * delivered or still on its way (`leadEntries` are the lead's entries, or all pending ones), unless
 * the rep explicitly chose to replace exactly that one (or one older than it). Per-lead ordering
 * alone would send both, the stale one first; the CRM must only ever get the rep's latest decision.
 */
export function mayDeliver(entry: OutboxEntry, leadEntries: readonly OutboxEntry[]): { ok: true } | { ok: false; by: OutboxEntry } {
  if (entry.kind !== 'disposition') return { ok: true };
  const by = findSupersedingEntry(entry, leadEntries);
  if (!by) return { ok: true };
  if (entry.confirmedOver !== null) {
    if (by.id === entry.confirmedOver) return { ok: true };
    const confirmed = leadEntries.find((e) => e.id === entry.confirmedOver);
    if (confirmed && compareByCreation(by, confirmed) <= 0) return { ok: true };
  }
  return { ok: false, by };
}

/** Why the drain set an entry aside without sending it; kept as the entry's lastError (kind `superseded`). */
export class SupersededError extends Error {
  override name = 'SupersededError';
  constructor(
    readonly byId: string,
    byDelivered = true,
  ) {
    super(byDelivered ? 'Not sent: a later disposition for this lead is already in the CRM.' : 'Not sent: a later disposition for this lead replaces it.');
  }
}

/**
 * Splits the pending entries into those that stay and the dispositions a later pending one for
 * the same lead supersedes, the latter turned into dead letters of kind `superseded`. Done where
 * entries are claimed, so a parked or retrying old disposition never goes out first when its wait
 * ends, and the later one is not held behind it. A disposition with a live claim is left alone:
 * it is on the wire, and the later one waits for its answer (per-lead ordering); if that answer is
 * a failure, the next claim sets it aside. Only pending ones are compared here: a later delivered
 * one is checked by the drain after the claim (it reads the lead's entries).
 */
export function setAsideSuperseded(pending: OutboxEntry[], now: number): { kept: OutboxEntry[]; setAside: Array<{ entry: OutboxEntry; by: OutboxEntry }> } {
  const kept: OutboxEntry[] = [];
  const setAside: Array<{ entry: OutboxEntry; by: OutboxEntry }> = [];
  for (const entry of pending) {
    const inFlight = entry.state === 'delivering' && !isDue(entry, now);
    const allowed = inFlight ? ({ ok: true } as const) : mayDeliver(entry, pending);
    if (allowed.ok) {
      kept.push(entry);
      continue;
    }
    const error = new SupersededError(allowed.by.id, false);
    const next = outboxEntrySchema.parse({
      ...entry,
      state: 'failed',
      nextAttemptAt: null,
      leaseUntil: null,
      lastError: describeFailure(error),
      message: error.message,
      parkedFor: null,
    });
    setAside.push({ entry: next, by: allowed.by });
  }
  return { kept, setAside };
}
