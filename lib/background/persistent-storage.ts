/**
 * Asks the browser to keep Baton's storage under pressure (navigator.storage.persist()): the
 * outbox in IndexedDB holds dispositions that are not in the CRM yet, and best-effort storage can
 * be evicted, which would recreate the outbox empty. With `unlimitedStorage` in the manifest
 * Chromium already exempts the extension from eviction; this is the standard request on top, and
 * is a no-op where the API is missing. Never throws.
 */

export type PersistResult = 'granted' | 'denied' | 'already' | 'unavailable' | 'error';

interface PersistentStorageApi {
  persisted?: () => Promise<boolean>;
  persist?: () => Promise<boolean>;
}

export async function requestPersistentStorage(storage: PersistentStorageApi | undefined = globalThis.navigator?.storage): Promise<PersistResult> {
  if (!storage || typeof storage.persist !== 'function') return 'unavailable';
  try {
    if (typeof storage.persisted === 'function' && (await storage.persisted())) return 'already';
    return (await storage.persist()) ? 'granted' : 'denied';
  } catch {
    return 'error';
  }
}
