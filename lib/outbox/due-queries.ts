import type { ClaimOptions } from './outbox-store-contract';
import { dueAt, isHeldByOlder, routeKey, selectClaimable } from './delivery-policy';
import { scanDue } from './due-scan';
import { BY_LEAD, type KeyOrder, type Tx } from './outbox-database';
import { isPending, outboxEntrySchema, type OutboxEntry } from './outbox-entry';
import { setAsideSuperseded } from './supersede';

/**
 * The claim and the next wake-up time, as reads of the due entries and of their leads only (see
 * due-scan.ts). The per-lead rules are the ones the whole queue used to be read for: one write per
 * lead at a time, in the rep's order (selectClaimable), and an older disposition a later pending
 * one supersedes set aside (setAsideSuperseded). Both only ever concern one lead's entries, so
 * reading the lead of each due entry through the lead index decides exactly what reading every
 * pending entry did.
 */

export interface EntryReader {
  /** The entry, or null for a record the schema cannot read (kept, never claimed). */
  parse(raw: unknown): OutboxEntry | null;
  parseAll(raws: unknown[]): OutboxEntry[];
  /** The database's key order (IDBFactory.cmp). */
  order: KeyOrder;
}

/** Inside one readwrite transaction: see OutboxStore.claimDue. */
export function claimInTransaction(tx: Tx<OutboxEntry[]>, reader: EntryReader, now: number, leaseMs: number, limit: number, options: ClaimOptions): void {
  const claimed: OutboxEntry[] = [];
  const setAside: Array<{ entry: OutboxEntry; by: OutboxEntry }> = [];
  // Per lead met on the way: the write it may send now (null: none), decided once from the lead's entries.
  const nextOfLead = new Map<string, OutboxEntry | null>();
  const finish = () => {
    if (setAside.length > 0) options.onSetAside?.(setAside);
    tx.finish(claimed);
  };
  if (limit <= 0) return finish();
  scanDue(
    tx,
    reader.order,
    now,
    (candidate, next) => {
      const entry = reader.parse(candidate.raw);
      if (!entry) return next(true);
      // Claimed when the walk reaches it, so entries go out earliest due first across leads.
      const act = (chosen: OutboxEntry | null) => {
        if (chosen?.id === entry.id) {
          const claim = outboxEntrySchema.parse({ ...chosen, state: 'delivering', attempts: chosen.attempts + 1, leaseUntil: now + leaseMs });
          tx.store.put(claim);
          claimed.push(claim);
          nextOfLead.set(entry.leadKey, null);
        }
        next(claimed.length < limit);
      };
      const decided = nextOfLead.get(entry.leadKey);
      if (decided !== undefined) return act(decided);
      tx.then(tx.store.index(BY_LEAD).getAll(entry.leadKey), (raws) => {
        const lead = setAsideSuperseded(reader.parseAll(raws).filter(isPending), now);
        for (const { entry: old } of lead.setAside) tx.store.put(old);
        setAside.push(...lead.setAside);
        const [chosen = null] = selectClaimable(lead.kept, now, options.exclude);
        nextOfLead.set(entry.leadKey, chosen);
        act(chosen);
      });
    },
    finish,
  );
}

/**
 * Inside one readonly transaction: the earliest time a pending entry becomes claimable (see
 * nextWakeAt in drain-outbox.ts, which this answers from the indexes): the due entries are walked
 * earliest first, passing over those an older write to their lead holds back, and the walk stops
 * once no later entry can be earlier (an account held by a rate limit only makes times later).
 */
export function nextWakeInTransaction(tx: Tx<number | null>, reader: EntryReader, now: number, heldRoutes: ReadonlyMap<string, number>): void {
  let earliest: number | null = null;
  const pendingOfLead = new Map<string, OutboxEntry[]>();
  scanDue(
    tx,
    reader.order,
    Infinity,
    (candidate, next) => {
      if (earliest !== null && Math.max(candidate.due, now) >= earliest) return next(false);
      const entry = reader.parse(candidate.raw);
      if (!entry) return next(true);
      const consider = (pending: OutboxEntry[]) => {
        if (!isHeldByOlder(entry, pending)) {
          const at = Math.max(dueAt(entry) ?? candidate.due, heldRoutes.get(routeKey(entry)) ?? -Infinity, now);
          earliest = earliest === null ? at : Math.min(earliest, at);
        }
        next(true);
      };
      const known = pendingOfLead.get(entry.leadKey);
      if (known) return consider(known);
      tx.then(tx.store.index(BY_LEAD).getAll(entry.leadKey), (raws) => {
        const pending = reader.parseAll(raws).filter(isPending);
        pendingOfLead.set(entry.leadKey, pending);
        consider(pending);
      });
    },
    () => tx.finish(earliest),
  );
}
