import type { DeliveryDecision } from './delivery-policy';
import type { NewOutboxEntry, OutboxEntry, OutboxReceipt, ParkedReason } from './outbox-entry';
import type { UnreadableRecord } from './outbox-unreadable';

/** What the outbox store offers (outbox-store.ts implements it on IndexedDB). */

export interface CorruptRecordReport {
  /** The record's key when it has one we can read. */
  id: string | null;
  issues: string[];
}

export interface OutboxStoreOptions {
  /** Defaults to `globalThis.indexedDB`; tests pass a fresh fake-indexeddb factory. */
  indexedDB?: IDBFactory;
  /** Defaults to `baton-outbox`. */
  name?: string;
  /** Called once per unreadable record (per store instance); defaults to console.warn. */
  onCorrupt?: (report: CorruptRecordReport) => void;
}

export interface ClaimOptions {
  /** Leaves matching entries alone, e.g. those of a CRM account that just answered 429. */
  exclude?: (entry: OutboxEntry) => boolean;
  /** Told about the dispositions this claim set aside as superseded (already stored as failed). */
  onSetAside?: (entries: Array<{ entry: OutboxEntry; by: OutboxEntry }>) => void;
}

export interface ResendOptions {
  /**
   * The id of the later disposition the rep explicitly agreed to replace in the CRM. Without it, a
   * superseded entry is not resent; with it, only when it names the entry that supersedes it now
   * (a disposition saved after the rep looked is a new question).
   */
  confirmOver?: string | null;
}

export type ResendResult =
  | { status: 'resent'; entry: OutboxEntry }
  /** A later disposition for the lead is delivered or queued (see supersede.ts); nothing changed. */
  | { status: 'superseded'; entry: OutboxEntry; by: OutboxEntry }
  /** No such entry, or it is not a dead letter or parked (it is on its way, or delivered). */
  | { status: 'not_resendable' };

export interface OutboxStore {
  /** Writes a new queued entry durably; the same id twice is a no-op that returns the stored entry. */
  enqueue(input: NewOutboxEntry): Promise<OutboxEntry>;
  get(id: string): Promise<OutboxEntry | null>;
  /** A lead's entries, oldest first (the panel shows their status). Reads only that lead's records. */
  listByLead(leadKey: string): Promise<OutboxEntry[]>;
  /** A lead's entries as listByLead, and its stored records the schema cannot read, in one read. */
  readLead(leadKey: string): Promise<{ entries: OutboxEntry[]; unreadable: UnreadableRecord[] }>;
  /** Reads every record: for tests and tools; nothing on a save or a drain calls it. */
  listAll(): Promise<OutboxEntry[]>;
  /** Records that fail the current schema even after migration, by id: kept, never sent (see above). Reads every record. */
  listUnreadable(): Promise<UnreadableRecord[]>;
  /**
   * The same as listUnreadable, reading every record only on this store's first call: see
   * UnreadableRegistry (outbox-unreadable.ts) for why that is all of them.
   */
  knownUnreadable(): Promise<UnreadableRecord[]>;
  /** How many stored entries are parked for `reason` (counted in the index, nothing read). */
  countParked(reason: ParkedReason): Promise<number>;
  /** Entries waiting out a rate limit (retrying or parked after a 429, until a time after `now`), for findHeldRoutes. */
  listRateLimited(now: number): Promise<OutboxEntry[]>;
  /**
   * Atomically (one readwrite transaction) takes up to `limit` due entries — queued/retrying/parked
   * ones whose time has come, or `delivering` ones whose lease lapsed — earliest due first, and
   * marks them delivering with a lease until `now + leaseMs`. The claim is the lock between
   * concurrent drains. In the same transaction, a pending disposition that a later pending one for
   * the same lead supersedes is set aside (failed, kind `superseded`) instead: see supersede.ts.
   * Reads the due entries in time order and the leads of those it looks at, not the whole queue
   * (due-queries.ts).
   */
  claimDue(now: number, leaseMs: number, limit?: number, options?: ClaimOptions): Promise<OutboxEntry[]>;
  /**
   * When a pending entry next becomes claimable, at `now` at the earliest; null when none will by
   * itself. `heldRoutes`: accounts held back by a rate limit until then (see drain-outbox.ts).
   */
  nextWakeAt(now: number, heldRoutes?: ReadonlyMap<string, number>): Promise<number | null>;
  /** Records the CRM's receipt. Null when the entry is gone. */
  complete(id: string, receipt: OutboxReceipt, now: number): Promise<OutboxEntry | null>;
  /**
   * Records a failed attempt as the policy decided. Ignored (returns the entry as stored) unless
   * the entry is still `delivering`: another drain may have taken over an expired claim and
   * delivered it meanwhile, and a late failure must not undo that.
   */
  fail(id: string, decision: DeliveryDecision, error: unknown): Promise<OutboxEntry | null>;
  /**
   * Puts a failed or parked entry back in the queue, due now, unless a later disposition for the
   * same lead supersedes it and the rep did not confirm replacing exactly that one. Checked in the
   * same transaction as the write, so a forged or stale request cannot slip past it.
   */
  resend(id: string, now: number, options?: ResendOptions): Promise<ResendResult>;
  /**
   * Deletes a dead letter (failed entries), or a parked disposition that a later one supersedes
   * (the later one carries the rep's decision). Anything else still has to reach the CRM.
   */
  discard(id: string): Promise<boolean>;
  /** Queues every entry parked for `reason` again, due now (e.g. after the CRM was reconnected). */
  resumeParked(now: number, reason: ParkedReason): Promise<OutboxEntry[]>;
  /**
   * Makes every claim taken before `claimedBefore` lapse now, so those entries go out on the next
   * claim. For a worker that just started: Chrome runs one service worker per extension, so a
   * claim older than this worker belongs to one that was stopped, or a browser that was closed
   * or killed, mid-delivery, and nobody will answer it; without this it would hold the entry for
   * the rest of its lease. Returns how many claims lapsed.
   */
  releaseClaimsBefore(claimedBefore: number, now: number, leaseMs?: number): Promise<number>;
  /**
   * The CRM account `route` (see routeKey) just took a write: every entry of it that waits out a
   * backoff after a network, server or timeout failure becomes due now, instead of each one
   * waiting for its own timer (minutes, after a long outage). Rate-limited and parked entries keep
   * their times. Returns how many were brought forward.
   */
  retryRouteNow(route: string, now: number): Promise<number>;
  /** Deletes delivered entries delivered before `before` (the panel only needs recent ones). */
  pruneDelivered(before: number): Promise<number>;
  close(): void;
}
