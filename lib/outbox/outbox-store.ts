import { DELIVERY_LEASE_MS, describeFailure, routeKey, TRANSIENT_FAILURE_KINDS, waitsAfterTransientFailure } from './delivery-policy';
import { claimInTransaction, nextWakeInTransaction } from './due-queries';
import { createOutboxEntry, migrateOutboxRecord, outboxEntrySchema, outboxReceiptSchema } from './outbox-entry';
import type { OutboxEntry, OutboxReceipt } from './outbox-entry';
import { BY_DELIVERED, BY_ERROR_DUE, BY_LEAD, BY_PARKED, BY_STATE, OUTBOX_DB_NAME, openDatabase, readRange, transact, type Tx } from './outbox-database';
import { byUnreadableId, createUnreadableRegistry, describeUnreadable, safeJson, type UnreadableRecord } from './outbox-unreadable';
import { contentKey, createParseMemo } from './parse-memo';
import { canSendOver, findSupersedingEntry } from './supersede';

import type { CorruptRecordReport, OutboxStore, OutboxStoreOptions, ResendResult } from './outbox-store-contract';

export { OUTBOX_DB_NAME };
export type { UnreadableRecord };
export type { ClaimOptions, CorruptRecordReport, OutboxStore, OutboxStoreOptions, ResendOptions, ResendResult } from './outbox-store-contract';

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


export async function openOutboxStore(options: OutboxStoreOptions = {}): Promise<OutboxStore> {
  const factory = options.indexedDB ?? globalThis.indexedDB;
  if (!factory) throw new Error('IndexedDB is not available: the outbox cannot be stored');
  const name = options.name ?? OUTBOX_DB_NAME;
  const reported = new Set<string>();
  const unreadableSeen = createUnreadableRegistry();
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
    if (known) {
      unreadableSeen.readable(known.id);
      return { entry: known };
    }
    const parsed = outboxEntrySchema.safeParse(migrateOutboxRecord(raw));
    if (parsed.success) {
      if (content !== null) parsedBefore.set(content, parsed.data);
      unreadableSeen.readable(parsed.data.id);
      return { entry: parsed.data };
    }
    const unreadable = describeUnreadable(raw, parsed.error.issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`));
    const key = unreadable.id ?? safeJson(raw);
    unreadableSeen.saw(key, unreadable);
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
  const reader = { parse, parseAll, order: (a: IDBValidKey, b: IDBValidKey) => factory.cmp(a, b) };
  /** Every record read once: the unreadable ones, by id, and the registry complete. */
  const readEveryRecord = (tx: Tx<UnreadableRecord[]>) =>
    tx.then(tx.store.getAll(), (raws) => {
      unreadableSeen.restart();
      for (const raw of raws) read(raw);
      unreadableSeen.finish();
      tx.finish(unreadableSeen.list());
    });
  /** The entries of an index from `lower` to `upper` (parsed; unreadable ones left out, and reported). */
  const readEntries = async (index: string, lower: IDBValidKey, upper: IDBValidKey): Promise<OutboxEntry[]> =>
    transact<OutboxEntry[]>(await database(), 'readonly', (tx) => readRange(tx, reader.order, index, lower, upper, (raws) => tx.finish(parseAll(raws))));
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

    async readLead(leadKey) {
      return transact<{ entries: OutboxEntry[]; unreadable: UnreadableRecord[] }>(await database(), 'readonly', (tx) => {
        tx.then(tx.store.index(BY_LEAD).getAll(leadKey), (raws) => {
          const results = raws.map(read);
          tx.finish({
            entries: results.flatMap((r) => ('entry' in r ? [r.entry] : [])).sort(byCreation),
            unreadable: results.flatMap((r) => ('unreadable' in r ? [r.unreadable] : [])).sort(byUnreadableId),
          });
        });
      });
    },

    async listAll() {
      return transact<OutboxEntry[]>(await database(), 'readonly', (tx) => {
        tx.then(tx.store.getAll(), (raws) => tx.finish(parseAll(raws).sort(byCreation)));
      });
    },

    async listUnreadable() {
      return transact<UnreadableRecord[]>(await database(), 'readonly', readEveryRecord);
    },

    async knownUnreadable() {
      if (unreadableSeen.complete) return unreadableSeen.list();
      return transact<UnreadableRecord[]>(await database(), 'readonly', readEveryRecord);
    },

    async countParked(reason) {
      return transact<number>(await database(), 'readonly', (tx) => tx.then(tx.store.index(BY_PARKED).count(['parked', reason]), (n) => tx.finish(n)));
    },

    async listRateLimited(now) {
      // Keys are [error kind, next attempt]: the entries whose 429 still holds after `now` ([kind, now, []] sorts right after [kind, now]).
      const waiting = await readEntries(BY_ERROR_DUE, ['rate_limited', now, []], ['rate_limited', Infinity]);
      return waiting.filter((e) => e.state === 'retrying' || e.state === 'parked');
    },

    async claimDue(now, leaseMs, limit = 1, claimOptions = {}) {
      return transact<OutboxEntry[]>(await database(), 'readwrite', (tx) => claimInTransaction(tx, reader, now, leaseMs, limit, claimOptions));
    },

    async nextWakeAt(now, heldRoutes = new Map()) {
      return transact<number | null>(await database(), 'readonly', (tx) => nextWakeInTransaction(tx, reader, now, heldRoutes));
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
        tx.then(tx.store.index(BY_PARKED).getAll(['parked', reason]), (raws) => {
          const resumed = parseAll(raws)
            .filter((e) => e.state === 'parked' && e.parkedFor === reason)
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
        // Only entries whose next attempt after a transient failure is still ahead (none, once the CRM answers again).
        const kinds = [...TRANSIENT_FAILURE_KINDS];
        const raws: unknown[] = [];
        let left = kinds.length;
        for (const kind of kinds) {
          readRange(tx, reader.order, BY_ERROR_DUE, [kind, now, []], [kind, Infinity], (found) => {
            raws.push(...found);
            if (--left > 0) return;
            const waiting = parseAll(raws).filter((e) => routeKey(e) === route && waitsAfterTransientFailure(e, now));
            for (const entry of waiting) tx.store.put(outboxEntrySchema.parse({ ...entry, nextAttemptAt: now }));
            tx.finish(waiting.length);
          });
        }
      });
    },

    async pruneDelivered(before) {
      return transact<number>(await database(), 'readwrite', (tx) => {
        readRange(tx, reader.order, BY_DELIVERED, ['delivered', -Infinity], ['delivered', before], (raws) => {
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

