import type { OutboxEntry } from '../../../lib/outbox/outbox-entry';

/*
 * Outbox records written straight into the database, past the store and its schema: what an
 * earlier release left behind, or a record nobody can read.
 */

/** Writes a raw record straight into the object store (at the database's current version), bypassing the schema. */
export function putRaw(factory: IDBFactory, record: unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = factory.open('baton-outbox');
    request.onsuccess = () => {
      const db = request.result;
      const tx = db.transaction('entries', 'readwrite');
      tx.objectStore('entries').put(record);
      tx.oncomplete = () => {
        db.close();
        resolve();
      };
      tx.onabort = () => reject(tx.error);
    };
    request.onerror = () => reject(request.error);
  });
}

/** A stored entry as the first releases wrote it (schema version 1, before `confirmedOver`): neither field. */
export function asFirstVersion1Record(entry: OutboxEntry): Omit<OutboxEntry, 'schemaVersion' | 'confirmedOver'> {
  const { schemaVersion: _version, confirmedOver: _confirmedOver, ...record } = entry;
  return record;
}

/** A stored entry as the last release before schema versions wrote it: `confirmedOver`, no `schemaVersion`. */
export function asLastVersion1Record(entry: OutboxEntry): Omit<OutboxEntry, 'schemaVersion'> {
  const { schemaVersion: _version, ...record } = entry;
  return record;
}

/** A disposition record whose payload no release could have written: the store keeps it, unreadable, and never sends it. */
export function unreadableDisposition(id: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return { id, kind: 'disposition', ...fields, payload: { nonsense: true } };
}
