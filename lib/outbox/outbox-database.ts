/**
 * The outbox's IndexedDB plumbing: the database's shape (one object store of entries and the
 * indexes every query goes through, so that no save, claim or panel view reads the whole outbox)
 * and one-transaction helpers that resolve only once the write is on disk. What the records mean
 * lives in outbox-store.ts.
 */

export const OUTBOX_DB_NAME = 'baton-outbox';
/**
 * 1: the entries, by lead and by state. 2: the indexes below that let a claim, a drain's wake-up
 * time and the panel's counts read only the entries they concern. An upgrade only adds indexes
 * (IndexedDB fills them from the records already stored), so every stored record stays as it was.
 */
export const OUTBOX_DB_VERSION = 2;
const STORE = 'entries';
export const BY_LEAD = 'by-lead';
export const BY_STATE = 'by-state';
/** A state's entries by the time they are due, then save time and id (the claim order). Entries without a time are absent. */
export const BY_STATE_DUE = 'by-state-due';
/** Claims (`delivering`) by the time their lease lapses, then save time and id. */
export const BY_STATE_LEASE = 'by-state-lease';
/** Parked entries by why they wait (only parked entries have a reason). */
export const BY_PARKED = 'by-parked';
/** Delivered entries by delivery time (for pruning). */
export const BY_DELIVERED = 'by-delivered';
/** Entries that failed before, by the kind of failure and their next attempt (rate limits, backoffs after an outage). */
export const BY_ERROR_DUE = 'by-error-due';

/**
 * Compound keys: a record whose fields do not make a valid key at a path (null, absent, the wrong
 * type) is simply not in that index, so each index holds only the entries its query can want.
 */
const INDEXES: ReadonlyArray<readonly [string, string | string[]]> = [
  [BY_LEAD, 'leadKey'],
  [BY_STATE, 'state'],
  [BY_STATE_DUE, ['state', 'nextAttemptAt', 'createdAt', 'id']],
  [BY_STATE_LEASE, ['state', 'leaseUntil', 'createdAt', 'id']],
  [BY_PARKED, ['state', 'parkedFor']],
  [BY_DELIVERED, ['state', 'deliveredAt']],
  [BY_ERROR_DUE, ['lastError.kind', 'nextAttemptAt']],
];

export function openDatabase(factory: IDBFactory, name: string, onLost: () => void): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(name, OUTBOX_DB_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      // From nothing, or from an older version whose records stay as they are: only indexes are added.
      const store = db.objectStoreNames.contains(STORE) ? request.transaction!.objectStore(STORE) : db.createObjectStore(STORE, { keyPath: 'id' });
      for (const [index, keyPath] of INDEXES) {
        if (!store.indexNames.contains(index)) store.createIndex(index, keyPath, { unique: false });
      }
    };
    request.onsuccess = () => {
      const db = request.result;
      db.onversionchange = () => {
        db.close();
        onLost();
      };
      db.onclose = onLost;
      resolve(db);
    };
    request.onerror = () => reject(request.error ?? new Error(`Could not open ${name}`));
    request.onblocked = () => reject(new Error(`Opening ${name} is blocked by an older connection`));
  });
}

export interface Tx<T> {
  store: IDBObjectStore;
  /** Runs `next` with the request's result, still inside the transaction. */
  then<R>(request: IDBRequest<R>, next: (result: R) => void): void;
  /** The value the transaction resolves with once it has committed. */
  finish(value: T): void;
}

/**
 * One transaction, callback style: requests are chained in their success handlers, never across
 * an `await`, so the transaction cannot auto-commit between a read and the write that depends on
 * it. Resolves only after `complete` (with strict durability: flushed to disk).
 */
export function transact<T>(db: IDBDatabase, mode: IDBTransactionMode, body: (tx: Tx<T>) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const idbTx = db.transaction(STORE, mode, { durability: 'strict' });
    let result: { value: T } | null = null;
    let failure: unknown = null;
    const abort = (error: unknown) => {
      failure ??= error;
      try {
        idbTx.abort();
      } catch {
        // Already finished or aborting.
      }
    };
    const guard = (run: () => void) => {
      try {
        run();
      } catch (error) {
        abort(error);
      }
    };
    idbTx.oncomplete = () => (result ? resolve(result.value) : reject(new Error('The outbox transaction finished without a result')));
    idbTx.onabort = () => reject(failure ?? idbTx.error ?? new Error('The outbox transaction was aborted'));
    guard(() =>
      body({
        store: idbTx.objectStore(STORE),
        then: (request, next) => {
          request.onsuccess = () => guard(() => next(request.result));
        },
        finish: (value) => {
          result = { value };
        },
      }),
    );
  });
}

/** IndexedDB's key order: the factory's `cmp`. */
export type KeyOrder = (a: IDBValidKey, b: IDBValidKey) => number;

export interface RangeWalk {
  /** The next record in the range; `advance` moves on (call it while the transaction is active). */
  onRecord(raw: unknown, advance: () => void): void;
  onEnd(): void;
}

/**
 * Walks an index's records with keys from `lower` to `upper` (both included), in key order, with a
 * cursor that jumps to `lower` and stops past `upper` by the factory's own key order (`cmp`). The
 * cursor is opened on that range where IDBKeyRange is a global (browsers); where it is not (Node,
 * on fake-indexeddb), on the whole index, and the jump and the stop make the same walk.
 */
export function walkRange<T>(tx: Tx<T>, order: KeyOrder, index: string, lower: IDBValidKey, upper: IDBValidKey, walk: RangeWalk): void {
  const KeyRange = (globalThis as { IDBKeyRange?: typeof IDBKeyRange }).IDBKeyRange;
  const source = tx.store.index(index);
  tx.then(KeyRange ? source.openCursor(KeyRange.bound(lower, upper)) : source.openCursor(), (cursor: IDBCursorWithValue | null) => {
    if (!cursor) return walk.onEnd();
    if (order(cursor.key, lower) < 0) return cursor.continue(lower);
    if (order(cursor.key, upper) > 0) return walk.onEnd();
    walk.onRecord(cursor.value, () => cursor.continue());
  });
}

/** Every record of an index from `lower` to `upper` (both included), unparsed. */
export function readRange<T>(tx: Tx<T>, order: KeyOrder, index: string, lower: IDBValidKey, upper: IDBValidKey, next: (raws: unknown[]) => void): void {
  const raws: unknown[] = [];
  walkRange(tx, order, index, lower, upper, {
    onRecord: (raw, advance) => {
      raws.push(raw);
      advance();
    },
    onEnd: () => next(raws),
  });
}
