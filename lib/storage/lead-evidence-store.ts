import { repEvidenceSchema, type RepEvidence } from '../domain/qualification/rep-evidence';

/**
 * The rep's checklist ticks and evidence per lead, kept by the background in the extension's
 * IndexedDB until the disposition is saved. Lead data stays out of chrome.storage (readable by
 * content scripts). The factory is a parameter so tests run on fake-indexeddb.
 */
const DB_NAME = 'baton-lead-state';
const STORE = 'evidence';

export interface LeadEvidenceStore {
  read(leadKey: string): Promise<RepEvidence>;
  write(leadKey: string, evidence: RepEvidence): Promise<void>;
  clear(leadKey: string): Promise<void>;
}

export function createLeadEvidenceStore(factory: IDBFactory = globalThis.indexedDB): LeadEvidenceStore {
  const open = () =>
    new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open(DB_NAME, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });

  const run = async <T>(mode: IDBTransactionMode, body: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> => {
    const db = await open();
    try {
      return await new Promise<T>((resolve, reject) => {
        const tx = db.transaction(STORE, mode, { durability: 'strict' });
        const request = body(tx.objectStore(STORE));
        tx.oncomplete = () => resolve(request.result);
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
      });
    } finally {
      db.close();
    }
  };

  return {
    async read(leadKey) {
      const raw = await run('readonly', (s) => s.get(leadKey) as IDBRequest<unknown>);
      if (raw === undefined) return {};
      const parsed = repEvidenceSchema.safeParse(raw);
      if (parsed.success) return parsed.data;
      // Evidence that no longer validates (e.g. the evidence rules changed) is dropped loudly
      // rather than shown as if it were accepted.
      console.warn(`Baton: stored checklist evidence for ${leadKey} is invalid and was ignored.`, parsed.error.issues);
      return {};
    },
    async write(leadKey, evidence) {
      await run('readwrite', (s) => s.put(repEvidenceSchema.parse(evidence), leadKey));
    },
    async clear(leadKey) {
      await run('readwrite', (s) => s.delete(leadKey));
    },
  };
}
