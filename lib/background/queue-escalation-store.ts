import { z } from 'zod';
import { escalationReceiptSchema, escalationWriteSchema } from '../crm/escalation-writer';
import type { KeyValueStore } from '../storage/idb-key-value';

/*
 * The escalations the queue has planned, kept until the CRM has them (and a while after, so a
 * step is never planned again): one record per lead, step and clock. IndexedDB in the extension's
 * origin, because each record names a lead (content scripts run in the CRM page's origin and
 * cannot read it) and must outlive the worker and the browser. Storage is a boundary: every read
 * goes through the schema; a record that does not parse is dropped loudly (the CRM-side
 * idempotency still keeps a re-planned step from being written twice).
 */

export const ESCALATION_STATES = ['pending', 'delivered', 'failed'] as const;

export const escalationRecordSchema = z.object({
  version: z.literal(1),
  /** Lead, step and clock (escalation-id.ts): what "planned once" means. */
  stepKey: z.string().min(1),
  /** The connection (reporting key) it was planned for: never sent through another. */
  connection: z.string().min(1),
  write: escalationWriteSchema,
  state: z.enum(ESCALATION_STATES),
  /** Deliveries started, including ones a stopped worker never finished. */
  attempts: z.number().int().nonnegative(),
  /** While pending: not before this instant (backoff after a refusal or a limit). */
  nextAttemptAt: z.number(),
  createdAt: z.number(),
  deliveredAt: z.number().nullable(),
  receipt: escalationReceiptSchema.nullable(),
  lastError: z.object({ kind: z.string(), message: z.string() }).nullable(),
});
export type EscalationRecord = z.infer<typeof escalationRecordSchema>;

export interface EscalationStore {
  read(): Promise<EscalationRecord[]>;
  /** Replaces every record (writes are durable when this resolves). */
  write(records: readonly EscalationRecord[]): Promise<void>;
}

/** Delivered and failed records are kept this long: past the 30 days a queue listing looks back. */
export const ESCALATION_RETENTION_MS = 45 * 86_400_000;

export function pruneEscalations(records: readonly EscalationRecord[], now: number): EscalationRecord[] {
  return records.filter((r) => r.state === 'pending' || (r.deliveredAt ?? r.createdAt) >= now - ESCALATION_RETENTION_MS);
}

export function parseEscalationRecords(raw: unknown, log: (message: string, detail?: unknown) => void = console.warn): EscalationRecord[] {
  if (!Array.isArray(raw)) return [];
  const out: EscalationRecord[] = [];
  for (const item of raw) {
    const parsed = escalationRecordSchema.safeParse(item);
    if (parsed.success) out.push(parsed.data);
    else log('Baton: an unreadable escalation record was dropped.', parsed.error.issues[0]);
  }
  return out;
}

export function createMemoryEscalationStore(): EscalationStore & { records(): EscalationRecord[] } {
  let records: EscalationRecord[] = [];
  return {
    read: async () => structuredClone(records),
    write: async (next) => void (records = structuredClone([...next])),
    records: () => structuredClone(records),
  };
}

const KEY = 'records';

export function createIdbEscalationStore(kv: KeyValueStore): EscalationStore {
  return {
    read: async () => parseEscalationRecords(await kv.get(KEY)),
    write: (records) => kv.put(KEY, records.map((r) => escalationRecordSchema.parse(r))),
  };
}
