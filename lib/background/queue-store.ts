import { z } from 'zod';
import { leadSchema } from '../domain/lead';
import type { QueueLead } from '../domain/queue/queue-lead';

/*
 * What the queue runner keeps between wakes of the worker:
 * - the last listing (session storage: it holds lead data, which content scripts must not read, and
 *   it is only worth keeping while the browser runs; a new browser session reads the CRM again);
 * - since when Baton watches this rep's queue, and the backoff after a refused listing (local
 *   storage, no lead data: it holds across browser restarts).
 */

const queueLeadSchema = z.object({
  lead: leadSchema,
  recordUrl: z.string(),
  lastTouchedAt: z.number().nullable(),
  lastEngagedAt: z.number().nullable(),
  lastEngagement: z.string().nullable(),
});

export const queueSnapshotSchema = z.object({
  version: z.literal(1),
  connection: z.string(),
  ownerId: z.string(),
  readAt: z.number(),
  leads: z.array(queueLeadSchema),
  truncated: z.boolean(),
});
export type QueueSnapshot = Omit<z.infer<typeof queueSnapshotSchema>, 'leads'> & { leads: QueueLead[] };

export const queueWatchSchema = z.object({
  version: z.literal(1),
  connection: z.string(),
  ownerId: z.string(),
  /** The first listing for this rep and connection: reminders due before it are not sent (no flood on install). */
  since: z.number(),
  /** No listing before this instant (the CRM said to slow down). */
  backoffUntil: z.number().nullable(),
  /** Refused listings in a row (the backoff doubles with each). */
  failures: z.number().int().nonnegative(),
  /** Why the last listing failed, for the popup; null: it worked. */
  error: z.object({ message: z.string(), offline: z.boolean(), at: z.number() }).nullable(),
  /** When the runner next wakes (epoch ms): recomputed on every wake, kept for the record. */
  nextTickAt: z.number().nullable(),
});
export type QueueWatch = z.infer<typeof queueWatchSchema>;

export interface QueueStore {
  readSnapshot(): Promise<QueueSnapshot | null>;
  writeSnapshot(snapshot: QueueSnapshot): Promise<void>;
  readWatch(): Promise<QueueWatch | null>;
  writeWatch(watch: QueueWatch): Promise<void>;
}

/** In memory (tests). */
export function createMemoryQueueStore(): QueueStore {
  let snapshot: QueueSnapshot | null = null;
  let watch: QueueWatch | null = null;
  return {
    readSnapshot: async () => snapshot,
    writeSnapshot: async (s) => void (snapshot = structuredClone(s)),
    readWatch: async () => watch,
    writeWatch: async (w) => void (watch = structuredClone(w)),
  };
}
