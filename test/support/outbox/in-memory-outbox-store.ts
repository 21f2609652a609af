import { IDBFactory } from 'fake-indexeddb';
import { openOutboxStore } from '../../../lib/outbox/outbox-store';
import type { CorruptRecordReport, OutboxStore } from '../../../lib/outbox/outbox-store';

export interface StoreKit {
  factory: IDBFactory;
  store: OutboxStore;
  corrupt: CorruptRecordReport[];
  reopen(): Promise<OutboxStore>;
}

/** A store on a fresh in-memory IndexedDB; `reopen` simulates a worker/browser restart on the same data. */
export async function openTestStore(): Promise<StoreKit> {
  const factory = new IDBFactory();
  const corrupt: CorruptRecordReport[] = [];
  const open = () => openOutboxStore({ indexedDB: factory, onCorrupt: (r) => corrupt.push(r) });
  const kit: StoreKit = {
    factory,
    corrupt,
    store: await open(),
    async reopen() {
      kit.store.close();
      kit.store = await open();
      return kit.store;
    },
  };
  return kit;
}
