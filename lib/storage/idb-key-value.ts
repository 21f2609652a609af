/**
 * A minimal key-value store over one IndexedDB object store, in the extension's origin (content
 * scripts run in the CRM page's origin and cannot read it). Writes use strict durability: when a
 * write resolves, it is on disk. The factory is a parameter so tests run on fake-indexeddb.
 */
export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  put(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
}

export function createKeyValueStore(options: { dbName: string; storeName: string; factory?: IDBFactory }): KeyValueStore {
  const { dbName, storeName } = options;
  const factory = () => options.factory ?? globalThis.indexedDB;

  const open = () =>
    new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory().open(dbName, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(storeName);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });

  const run = async <T>(mode: IDBTransactionMode, body: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> => {
    const db = await open();
    try {
      return await new Promise<T>((resolve, reject) => {
        const tx = db.transaction(storeName, mode, { durability: 'strict' });
        const request = body(tx.objectStore(storeName));
        tx.oncomplete = () => resolve(request.result);
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
      });
    } finally {
      db.close();
    }
  };

  return {
    get: (key) => run('readonly', (s) => s.get(key) as IDBRequest<unknown>),
    put: async (key, value) => {
      await run('readwrite', (s) => s.put(value, key));
    },
    delete: async (key) => {
      await run('readwrite', (s) => s.delete(key));
    },
  };
}
