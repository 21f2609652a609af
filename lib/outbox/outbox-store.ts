import type { DeliveryDecision } from './delivery-policy';
import { DELIVERY_LEASE_MS, describeFailure, routeKey, selectClaimable, waitsAfterTransientFailure } from './delivery-policy';
import { createOutboxEntry, migrateOutboxRecord, outboxEntrySchema, outboxReceiptSchema, PENDING_STATES } from './outbox-entry';
import type { NewOutboxEntry, OutboxEntry, OutboxReceipt, ParkedReason } from './outbox-entry';
import { BY_LEAD, BY_STATE, OUTBOX_DB_NAME, openDatabase, readStates, transact } from './outbox-database';
import { describeUnreadable, safeJson } from './outbox-unreadable';
import { contentKey, createParseMemo } from './parse-memo';
import { canSendOver, findSupersedingEntry, setAsideSuperseded } from './supersede';

export { OUTBOX_DB_NAME };

/**
 * The durable outbox: IndexedDB in the extension origin, because it survives service-worker
 * termination and browser restarts, and content scripts (in the CRM page's origin) cannot read it.
 * Every write transaction asks for strict durability, so when `enqueue` resolves the entry is on
 * disk and the panel may say "saved". Every read migrates the record to the current schema version
 * and goes through the zod schema. A record that still does not fit (corrupt, or written by a newer
 * Baton) is unreadable: it is never claimed, delivered, pruned or overwritten, it never stops the
 * drain, and `listUnreadable` reports it with what failed, so the panel can show it ("kept, not
 * sent") and nothing is lost.
 */

export interface CorruptRecordReport {
  /** The record's key when it has one we can read. */
  id: string | null;
  issues: string[];
}

/** A stored record the current schema cannot read: kept as it is, never sent, shown to the rep. */
export interface UnreadableRecord {
  /** The record's key (its id), as a string; null when even that is missing. */
  id: string | null;
  /** What could still be read of it, for the panel (null when absent or not the expected type). */
  leadKey: string | null;
  kind: string | null;
  state: string | null;
  createdAt: number | null;
  /** The version the record says it has (null: none, i.e. version 1, or not a number). */
  schemaVersion: number | null;
  /** What failed, one line per problem ("payload.disposition: Invalid input"). */
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
  /** A lead's entries, oldest first (the panel shows their status). */
  listByLead(leadKey: string): Promise<OutboxEntry[]>;
  listAll(): Promise<OutboxEntry[]>;
  /** Records that fail the current schema even after migration, by id: kept, never sent (see above). */
  listUnreadable(): Promise<UnreadableRecord[]>;
  /**
   * Atomically (one readwrite transaction) takes up to `limit` due entries — queued/retrying/parked
   * ones whose time has come, or `delivering` ones whose lease lapsed — and marks them delivering
   * with a lease until `now + leaseMs`. The claim is the lock between concurrent drains.
   * In the same transaction, a pending disposition that a later pending one for the same lead
   * supersedes is set aside (failed, kind `superseded`) instead: see supersede.ts.
   */
  claimDue(now: number, leaseMs: number, limit?: number, options?: ClaimOptions): Promise<OutboxEntry[]>;
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

export async function openOutboxStore(options: OutboxStoreOptions = {}): Promise<OutboxStore> {
  const factory = options.indexedDB ?? globalThis.indexedDB;
  if (!factory) throw new Error('IndexedDB is not available: the outbox cannot be stored');
  const name = options.name ?? OUTBOX_DB_NAME;
  const reported = new Set<string>();
  const onCorrupt = options.onCorrupt ?? ((report: CorruptRecordReport) => console.warn('Baton outbox: an unreadable record is kept, not sent', report));

  let connection: Promise<IDBDatabase> | null = null;
  let closed = false;
  const database = (): Promise<IDBDatabase> => {
    if (closed) return Promise.reject(new Error('The outbox store is closed'));
    connection ??= openDatabase(factory, name, () => {
      // The browser closed the connection (or a newer version wants it): reopen on next use.
      connection = null;
    });
    connection.catch(() => {
      connection = null;
    });
    return connection;
  };
  await database();

  // Whole-outbox reads (panel, drain, every claim) would otherwise parse every record each time.
  const parsedBefore = createParseMemo<OutboxEntry>();
  const read = (raw: unknown): { entry: OutboxEntry } | { unreadable: UnreadableRecord } => {
    const content = contentKey(raw);
    const known = content === null ? undefined : parsedBefore.get(content);
    if (known) return { entry: known };
    const parsed = outboxEntrySchema.safeParse(migrateOutboxRecord(raw));
    if (parsed.success) {
      if (content !== null) parsedBefore.set(content, parsed.data);
      return { entry: parsed.data };
    }
    const unreadable = describeUnreadable(raw, parsed.error.issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`));
    const key = unreadable.id ?? safeJson(raw);
    if (!reported.has(key)) {
      reported.add(key);
      onCorrupt({ id: unreadable.id, issues: unreadable.issues });
    }
    return { unreadable };
  };
  const parse = (raw: unknown): OutboxEntry | null => {
    const result = read(raw);
    return 'entry' in result ? result.entry : null;
  };
  const parseAll = (raws: unknown[]): OutboxEntry[] => raws.map(parse).filter((e): e is OutboxEntry => e !== null);
  const byCreation = (a: OutboxEntry, b: OutboxEntry) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1);

  /** Read-modify-write of one entry in one transaction; `change` returns the new entry or null to leave it. */
  const update = async (id: string, change: (entry: OutboxEntry) => OutboxEntry | null): Promise<OutboxEntry | null> =>
    transact<OutboxEntry | null>(await database(), 'readwrite', (tx) => {
      tx.then(tx.store.get(id), (raw) => {
        const entry = raw === undefined ? null : parse(raw);
        if (!entry) return tx.finish(null);
        const next = change(entry);
        if (!next) return tx.finish(entry);
        const valid = outboxEntrySchema.parse(next);
        tx.then(tx.store.put(valid), () => tx.finish(valid));
      });
    });

  return {
    async enqueue(input) {
      const fresh = createOutboxEntry(input);
      return transact<OutboxEntry>(await database(), 'readwrite', (tx) => {
        tx.then(tx.store.get(fresh.id), (raw) => {
          if (raw !== undefined) {
            const existing = read(raw);
            if ('entry' in existing) return tx.finish(existing.entry);
            // Never overwrite what cannot be read: it may be a write the rep made that is not in the CRM.
            throw new Error('A stored outbox record with this id cannot be read; it is kept, and this save was not written. Change the disposition and save again.');
          }
          tx.then(tx.store.put(fresh), () => tx.finish(fresh));
        });
      });
    },

    async get(id) {
      return transact<OutboxEntry | null>(await database(), 'readonly', (tx) => {
        tx.then(tx.store.get(id), (raw) => tx.finish(raw === undefined ? null : parse(raw)));
      });
    },

    async listByLead(leadKey) {
      return transact<OutboxEntry[]>(await database(), 'readonly', (tx) => {
        tx.then(tx.store.index(BY_LEAD).getAll(leadKey), (raws) => tx.finish(parseAll(raws).sort(byCreation)));
      });
    },

    async listAll() {
      return transact<OutboxEntry[]>(await database(), 'readonly', (tx) => {
        tx.then(tx.store.getAll(), (raws) => tx.finish(parseAll(raws).sort(byCreation)));
      });
    },

    async listUnreadable() {
      return transact<UnreadableRecord[]>(await database(), 'readonly', (tx) => {
        tx.then(tx.store.getAll(), (raws) =>
          tx.finish(
            raws
              .map(read)
              .flatMap((r) => ('unreadable' in r ? [r.unreadable] : []))
              .sort((a, b) => ((a.id ?? '') < (b.id ?? '') ? -1 : (a.id ?? '') > (b.id ?? '') ? 1 : 0)),
          ),
        );
      });
    },

    async claimDue(now, leaseMs, limit = 1, claimOptions = {}) {
      return transact<OutboxEntry[]>(await database(), 'readwrite', (tx) => {
        readStates(tx, PENDING_STATES, (raws) => {
          const { kept: pending, setAside } = setAsideSuperseded(parseAll(raws), now);
          for (const { entry } of setAside) tx.store.put(entry);
          if (setAside.length > 0) claimOptions.onSetAside?.(setAside);
          const claimed = selectClaimable(pending, now, claimOptions.exclude)
            .slice(0, Math.max(0, limit))
            .map((entry) => outboxEntrySchema.parse({ ...entry, state: 'delivering', attempts: entry.attempts + 1, leaseUntil: now + leaseMs }));
          for (const entry of claimed) tx.store.put(entry);
          tx.finish(claimed);
        });
      });
    },

    async complete(id, receipt, now) {
      // Delivered is the truth whatever the stored state says: the CRM confirmed the write. A
      // receipt we cannot read is reported and dropped rather than turning a delivery into a retry loop.
      const parsedReceipt = outboxReceiptSchema.safeParse(receipt);
      if (!parsedReceipt.success) onCorrupt({ id, issues: parsedReceipt.error.issues.map((i) => `receipt.${i.path.map(String).join('.')}: ${i.message}`) });
      const validReceipt = parsedReceipt.success ? parsedReceipt.data : null;
      return update(id, (entry) => ({
        ...entry,
        state: 'delivered',
        deliveredAt: now,
        receipt: validReceipt,
        nextAttemptAt: null,
        leaseUntil: null,
        message: null,
        parkedFor: null,
      }));
    },

    async fail(id, decision, error) {
      const lastError = describeFailure(error);
      return update(id, (entry) =>
        entry.state !== 'delivering'
          ? null
          : {
              ...entry,
              state: decision.state,
              nextAttemptAt: decision.nextAttemptAt,
              leaseUntil: null,
              lastError,
              message: decision.message,
              parkedFor: decision.state === 'parked' ? decision.parkedFor : null,
            },
      );
    },

    async resend(id, now, resendOptions = {}) {
      return transact<ResendResult>(await database(), 'readwrite', (tx) => {
        tx.then(tx.store.get(id), (raw) => {
          const entry = raw === undefined ? null : parse(raw);
          if (!entry || (entry.state !== 'failed' && entry.state !== 'parked')) return tx.finish({ status: 'not_resendable' });
          tx.then(tx.store.index(BY_LEAD).getAll(entry.leadKey), (raws) => {
            const by = findSupersedingEntry(entry, parseAll(raws));
            const confirmed = by !== null && canSendOver(by) && resendOptions.confirmOver === by.id;
            if (by && !confirmed) return tx.finish({ status: 'superseded', entry, by });
            const next = outboxEntrySchema.parse({ ...requeue(overwriteAfterConflict(entry, by !== null), now), confirmedOver: by ? by.id : entry.confirmedOver });
            tx.then(tx.store.put(next), () => tx.finish({ status: 'resent', entry: next }));
          });
        });
      });
    },

    async discard(id) {
      return transact<boolean>(await database(), 'readwrite', (tx) => {
        tx.then(tx.store.get(id), (raw) => {
          const entry = raw === undefined ? null : parse(raw);
          if (!entry || (entry.state !== 'failed' && entry.state !== 'parked')) return tx.finish(false);
          const remove = () => tx.then(tx.store.delete(id), () => tx.finish(true));
          if (entry.state === 'failed') return remove();
          tx.then(tx.store.index(BY_LEAD).getAll(entry.leadKey), (raws) => (findSupersedingEntry(entry, parseAll(raws)) ? remove() : tx.finish(false)));
        });
      });
    },

    async resumeParked(now, reason) {
      return transact<OutboxEntry[]>(await database(), 'readwrite', (tx) => {
        tx.then(tx.store.index(BY_STATE).getAll('parked'), (raws) => {
          const resumed = parseAll(raws)
            .filter((e) => e.parkedFor === reason)
            .map((e) => requeue(e, now));
          for (const entry of resumed) tx.store.put(entry);
          tx.finish(resumed.sort(byCreation));
        });
      });
    },

    async releaseClaimsBefore(claimedBefore, now, leaseMs = DELIVERY_LEASE_MS) {
      return transact<number>(await database(), 'readwrite', (tx) => {
        tx.then(tx.store.index(BY_STATE).getAll('delivering'), (raws) => {
          const orphaned = parseAll(raws).filter((e) => e.leaseUntil !== null && e.leaseUntil > now && e.leaseUntil - leaseMs < claimedBefore);
          for (const entry of orphaned) tx.store.put(outboxEntrySchema.parse({ ...entry, leaseUntil: now }));
          tx.finish(orphaned.length);
        });
      });
    },

    async retryRouteNow(route, now) {
      return transact<number>(await database(), 'readwrite', (tx) => {
        tx.then(tx.store.index(BY_STATE).getAll('retrying'), (raws) => {
          const waiting = parseAll(raws).filter((e) => routeKey(e) === route && waitsAfterTransientFailure(e, now));
          for (const entry of waiting) tx.store.put(outboxEntrySchema.parse({ ...entry, nextAttemptAt: now }));
          tx.finish(waiting.length);
        });
      });
    },

    async pruneDelivered(before) {
      return transact<number>(await database(), 'readwrite', (tx) => {
        tx.then(tx.store.index(BY_STATE).getAll('delivered'), (raws) => {
          const old = parseAll(raws).filter((e) => e.deliveredAt !== null && e.deliveredAt < before);
          for (const entry of old) tx.store.delete(entry.id);
          tx.finish(old.length);
        });
      });
    },

    close() {
      closed = true;
      connection?.then((db) => db.close()).catch(() => undefined);
      connection = null;
    },
  };
}

/**
 * A disposition the rep resends knowing it overwrites the lead's status: the writer refused it
 * because the status changed in the CRM since the rep saw it (412; see
 * DispositionWrite.seenLeadStatus) and the rep was shown that conflict, or the rep confirmed it
 * replaces their own later disposition (whose status is the one now in the CRM). Without this it
 * would conflict again.
 */
function overwriteAfterConflict(entry: OutboxEntry, replacesLater: boolean): OutboxEntry {
  if (entry.kind !== 'disposition') return entry;
  if (!replacesLater && (entry.state !== 'failed' || entry.lastError?.status !== 412)) return entry;
  const { seenLeadStatus: _seen, ...payload } = entry.payload;
  return { ...entry, payload };
}

function requeue(entry: OutboxEntry, now: number): OutboxEntry {
  return outboxEntrySchema.parse({ ...entry, state: 'queued', nextAttemptAt: now, leaseUntil: null, message: null, parkedFor: null });
}

