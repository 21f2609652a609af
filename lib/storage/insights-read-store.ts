import { z } from 'zod';
import { insightRecordSchema } from '../domain/insights/insight-record';
import { insightsResultSchema } from '../messaging/insights-protocol';
import { createKeyValueStore } from './idb-key-value';
import { checksumInsightColumns, decodeInsightRecords, encodeInsightRecords } from './insight-record-columns';

/**
 * The dispositions Insights last read from the CRM, persisted by the background per connection
 * (crm kind + portal or sandbox address) in the extension's IndexedDB, so opening Insights answers
 * at once (also after the service worker was stopped) and only the changes are read again. Lead
 * data stays out of chrome.storage (readable by content scripts).
 */

/** 2: records persisted in their compact form (insight-record-columns.ts) with a checksum. */
export const STORED_INSIGHTS_VERSION = 2;

const readMetaShape = {
  version: z.literal(STORED_INSIGHTS_VERSION),
  /** The connection the records were read from (see insights-actions' connection key). */
  key: z.string().min(1),
  crm: z.string(),
  /** The window the records cover: contacts handed off or dispositioned in [from, to). */
  from: z.number(),
  to: z.number(),
  /** When the last read (full or incremental) started: the next one asks for changes since then. */
  syncedAt: z.number(),
  /** When the last full read started (deletions and deal changes are only seen by a full read). */
  fullReadAt: z.number(),
  windows: z.number().int().nonnegative(),
  requests: z.number().int().nonnegative(),
  warnings: z.array(z.string()),
};

/** A read as the background holds it in memory. */
export const storedInsightsReadSchema = z.object({ ...readMetaShape, records: z.array(insightRecordSchema) });
export type StoredInsightsRead = z.infer<typeof storedInsightsReadSchema>;

/**
 * A read as IndexedDB holds it: the records in their compact columns and a checksum of them, so
 * a damaged entry that still decodes (a changed byte in a timestamp) is caught as well.
 * zod checks the envelope; `decodeInsightRecords` checks every value as it rebuilds the records.
 */
const persistedInsightsReadSchema = z.object({
  ...readMetaShape,
  records: z.object({
    count: z.number().int().nonnegative(),
    strings: z.string(),
    numbers: z.instanceof(Float64Array),
    checksum: z.string().regex(/^[0-9a-f]{16}$/),
  }),
});

/**
 * The last few answers given for a connection (a report is ~65 kB; the records behind it ~3.5 MB
 * in their compact form). A restarted service worker answers a repeated request from here while it
 * loads the records and aggregates them again (together still a few hundred ms on a busy machine).
 * One entry per answer, so a restart reads and validates only the one it needs.
 */
export const SNAPSHOTS_KEPT = 5;
export const storedInsightsSnapshotSchema = z.object({
  version: z.literal(STORED_INSIGHTS_VERSION),
  key: z.string().min(1),
  /** The request's filters and deal value, as a stable string. */
  requestKey: z.string(),
  computedAt: z.number(),
  result: insightsResultSchema,
});
export type StoredInsightsSnapshot = z.infer<typeof storedInsightsSnapshotSchema>;
const snapshotIndexSchema = z.array(z.string()).max(SNAPSHOTS_KEPT);

export interface InsightsReadStore {
  /** The persisted read for a connection; null when there is none or it no longer validates. */
  read(key: string): Promise<StoredInsightsRead | null>;
  write(entry: StoredInsightsRead): Promise<void>;
  delete(key: string): Promise<void>;
  /** The answer last given to a request on a connection; null when there is none or it no longer validates. */
  readSnapshot(key: string, requestKey: string): Promise<StoredInsightsSnapshot | null>;
  /** Keeps an answer, and the connection's most recent few only. */
  writeSnapshot(entry: StoredInsightsSnapshot): Promise<void>;
}

export function createInsightsReadStore(options: { factory?: IDBFactory; log?: (message: string, detail?: unknown) => void } = {}): InsightsReadStore {
  const store = createKeyValueStore({ dbName: 'baton-insights', storeName: 'reads', factory: options.factory });
  const snapshots = createKeyValueStore({ dbName: 'baton-insights-answers', storeName: 'answers', factory: options.factory });
  const log = options.log ?? ((message: string, detail?: unknown) => console.warn(message, detail));
  return {
    async read(key) {
      const raw = await store.get(key);
      if (raw === undefined) return null;
      const why = await (async (): Promise<string | StoredInsightsRead> => {
        const parsed = persistedInsightsReadSchema.safeParse(raw);
        if (!parsed.success) return JSON.stringify(parsed.error.issues.slice(0, 5));
        if (parsed.data.key !== key) return 'key mismatch';
        const { records: columns, ...meta } = parsed.data;
        if (checksumInsightColumns(columns) !== columns.checksum) return 'checksum mismatch';
        const decoded = decodeInsightRecords(columns);
        if (!decoded.ok) return decoded.why;
        // Persisted before the records carried speed-to-lead times: due for a full re-read.
        return { ...meta, ...(decoded.legacy ? { fullReadAt: 0 } : {}), records: decoded.records };
      })();
      if (typeof why !== 'string') return why;
      // An older format or a damaged entry: read the CRM again rather than show figures from it.
      log(`Baton: the persisted Insights read for ${key} is invalid or from an older version; it was dropped and the CRM is read again.`, why);
      await store.delete(key);
      return null;
    },
    // Not validated on write: the records come straight from the typed reader. Reads check.
    async write(entry) {
      const { records, ...meta } = entry;
      const columns = encodeInsightRecords(records);
      await store.put(entry.key, { ...meta, records: { ...columns, checksum: checksumInsightColumns(columns) } });
    },
    delete: (key) => store.delete(key),
    async readSnapshot(key, requestKey) {
      const id = snapshotId(key, requestKey);
      const raw = await snapshots.get(id);
      if (raw === undefined) return null;
      const parsed = storedInsightsSnapshotSchema.safeParse(raw);
      if (parsed.success && parsed.data.key === key && parsed.data.requestKey === requestKey) return parsed.data;
      log(`Baton: a saved Insights answer for ${key} is invalid or from an older version; it was dropped.`, parsed.success ? 'key mismatch' : parsed.error.issues.slice(0, 5));
      await snapshots.delete(id);
      return null;
    },
    async writeSnapshot(entry) {
      const valid = storedInsightsSnapshotSchema.parse(entry);
      await snapshots.put(snapshotId(valid.key, valid.requestKey), valid);
      // The connection's index of answers, newest first: the oldest beyond the few kept go.
      const indexId = `${valid.key}\nindex`;
      const listed = snapshotIndexSchema.safeParse(await snapshots.get(indexId));
      const before = listed.success ? listed.data : [];
      const after = [valid.requestKey, ...before.filter((k) => k !== valid.requestKey)];
      for (const old of after.slice(SNAPSHOTS_KEPT)) await snapshots.delete(snapshotId(valid.key, old));
      await snapshots.put(indexId, after.slice(0, SNAPSHOTS_KEPT));
    },
  };
}

function snapshotId(key: string, requestKey: string): string {
  return `${key}\nanswer\n${requestKey}`;
}
