/**
 * Secrets (the HubSpot access token) live in the extension origin's IndexedDB. Content scripts
 * run in the CRM page's origin, so unlike chrome.storage.local they cannot read it; and it
 * survives browser restarts, unlike chrome.storage.session.
 */
const DB_NAME = 'baton-secrets';
const STORE = 'secrets';

export type SecretName = 'hubspot-token';

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function withStore<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode, { durability: 'strict' });
      const request = run(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

export async function readSecret(name: SecretName): Promise<string | null> {
  const value = await withStore('readonly', (s) => s.get(name) as IDBRequest<unknown>);
  return typeof value === 'string' && value.length > 0 ? value : null;
}

export async function writeSecret(name: SecretName, value: string): Promise<void> {
  await withStore('readwrite', (s) => s.put(value, name));
}

export async function deleteSecret(name: SecretName): Promise<void> {
  await withStore('readwrite', (s) => s.delete(name));
}
