import { repEvidenceSchema, type RepEvidence } from '../domain/qualification/rep-evidence';
import { createKeyValueStore } from './idb-key-value';

/**
 * The rep's checklist ticks and evidence per lead, kept by the background in the extension's
 * IndexedDB until the disposition is saved. Lead data stays out of chrome.storage (readable by
 * content scripts).
 */
export interface LeadEvidenceStore {
  read(leadKey: string): Promise<RepEvidence>;
  write(leadKey: string, evidence: RepEvidence): Promise<void>;
  clear(leadKey: string): Promise<void>;
}

export function createLeadEvidenceStore(factory?: IDBFactory): LeadEvidenceStore {
  const store = createKeyValueStore({ dbName: 'baton-lead-state', storeName: 'evidence', factory });
  return {
    async read(leadKey) {
      const raw = await store.get(leadKey);
      if (raw === undefined) return {};
      const parsed = repEvidenceSchema.safeParse(raw);
      if (parsed.success) return parsed.data;
      // Evidence that no longer validates (e.g. the evidence rules changed) is dropped loudly
      // rather than shown as if it were accepted.
      console.warn(`Baton: stored checklist evidence for ${leadKey} is invalid and was ignored.`, parsed.error.issues);
      return {};
    },
    write: async (leadKey, evidence) => store.put(leadKey, repEvidenceSchema.parse(evidence)),
    clear: (leadKey) => store.delete(leadKey),
  };
}
