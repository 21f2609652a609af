/**
 * The outbox's IndexedDB plumbing: the database's shape (one object store of entries, indexed by
 * lead and by state) and one-transaction helpers that resolve only once the write is on disk.
 * What the records mean lives in outbox-store.ts.
 */

export const OUTBOX_DB_NAME = 'baton-outbox';
const DB_VERSION = 1;
const STORE = 'entries';
export const BY_LEAD = 'by-lead';
export const BY_STATE = 'by-state';

export function openDatabase(factory: IDBFactory, name: string, onLost: () => void): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(name, DB_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(STORE)) {
        const store = db.createObjectStore(STORE, { keyPath: 'id' });
        store.createIndex(BY_LEAD, 'leadKey', { unique: false });
        store.createIndex(BY_STATE, 'state', { unique: false });
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

export function readStates<T>(tx: Tx<T>, states: readonly string[], next: (raws: unknown[]) => void): void {
  const index = tx.store.index(BY_STATE);
  const all: unknown[] = [];
  let left = states.length;
  if (left === 0) return next(all);
  for (const state of states) {
    tx.then(index.getAll(state), (raws) => {
      all.push(...raws);
      if (--left === 0) next(all);
    });
  }
}
