import { z } from 'zod';
import type { ContactAttempt, DispositionReceipt } from '../crm/crm-port';
import { dispositionSchema } from '../domain/disposition/disposition';
import { qualificationInputsSchema } from '../domain/qualification/qualification-inputs';
import { leadRefSchema } from '../domain/lead';

/**
 * One durable outbox record: a write the rep made in the panel that must reach the CRM exactly
 * once in effect, or stay visibly queued (see "Reliability model" in DESIGN.md). Records live in
 * IndexedDB (outbox-store.ts) and every read goes back through this schema: storage is a boundary.
 */

export const OUTBOX_STATES = ['queued', 'delivering', 'delivered', 'retrying', 'parked', 'failed'] as const;
export const outboxStateSchema = z.enum(OUTBOX_STATES);
export type OutboxState = z.infer<typeof outboxStateSchema>;

/** States in which an entry still has to reach the CRM without anyone doing anything. */
export const PENDING_STATES = ['queued', 'delivering', 'retrying', 'parked'] as const satisfies readonly OutboxState[];

/**
 * Why a parked entry waits. Kept on the entry so the panel can tell "reconnect" from "daily limit",
 * and so `resumeParked(now, 'auth')` wakes only the entries a new connection can help.
 */
export const PARKED_REASONS = ['auth', 'daily_limit'] as const;
export const parkedReasonSchema = z.enum(PARKED_REASONS);
export type ParkedReason = z.infer<typeof parkedReasonSchema>;

export const dispositionPayloadSchema = z.object({
  disposition: dispositionSchema,
  brief: z.array(z.string()),
  /** Optional: entries saved before Baton recorded the evaluator's inputs still parse (and deliver without them). */
  qualificationInputs: qualificationInputsSchema.nullable().optional(),
  /**
   * The lead status the rep saw when deciding (null: none), so the writer can refuse to overwrite a
   * status a colleague set meanwhile (see DispositionWrite.seenLeadStatus). Absent on entries saved
   * before Baton recorded it, or when the lead could not be read at save time.
   */
  seenLeadStatus: z.string().nullable().optional(),
});

export const contactAttemptSchema = z.object({
  id: z.uuid(),
  channel: z.enum(['call', 'email', 'social']),
  connected: z.boolean(),
  note: z.string().nullable(),
  at: z.number().int(),
  ownerId: z.string().nullable(),
}) satisfies z.ZodType<ContactAttempt>;

export const contactAttemptPayloadSchema = z.object({
  ref: leadRefSchema,
  attempt: contactAttemptSchema,
});

/** Where the entry goes: enough to pick the adapter and connection when the background delivers it. */
export const outboxRouteSchema = z.object({
  crm: z.string().min(1),
  /** HubSpot portal id, Salesforce org host... Rate limits are per account, so the drain groups by it. */
  account: z.string().min(1),
  /** API origin the entry was meant for (e.g. the sandbox URL): a changed connection must not send it elsewhere silently. */
  origin: z.string(),
});
export type OutboxRoute = z.infer<typeof outboxRouteSchema>;

export const dispositionReceiptSchema = z.object({
  properties: z.array(z.string()),
  note: z.object({ id: z.string(), reused: z.boolean() }).nullable(),
  deliveredAt: z.number(),
  notices: z.array(z.string()).optional(),
}) satisfies z.ZodType<DispositionReceipt>;

export const contactAttemptReceiptSchema = z.object({ id: z.string(), reused: z.boolean() });

/** What `CrmWriter.recordDisposition` or `logContactAttempt` returned. */
export const outboxReceiptSchema = z.union([dispositionReceiptSchema, contactAttemptReceiptSchema]);
export type OutboxReceipt = z.infer<typeof outboxReceiptSchema>;

export const outboxErrorSchema = z.object({
  /** A CrmErrorKind, or `timeout` / `unknown` for failures that did not come from an adapter. */
  kind: z.string(),
  /** The error's own message (CrmError messages are written for the rep). */
  message: z.string(),
  status: z.number().int().nullable(),
});
export type OutboxError = z.infer<typeof outboxErrorSchema>;

/**
 * The shape version of a stored record. Every record carries it; records written before Baton
 * versioned them (no field) are version 1. Raise it whenever the stored shape changes in a way the
 * schema's defaults cannot absorb, add the step to OUTBOX_MIGRATIONS, and add a raw fixture of the
 * old shape to test/outbox/outbox-schema-version.test.ts.
 *
 * 1: the releases up to and including supersede (`confirmedOver`, `qualificationInputs` optional).
 * 2: `schemaVersion` recorded.
 */
export const OUTBOX_SCHEMA_VERSION = 2;

/** Step `n` turns a version-`n` record into a version-`n + 1` one. Pure; works on raw objects. */
const OUTBOX_MIGRATIONS: Record<number, (record: Record<string, unknown>) => Record<string, unknown>> = {
  1: (record) => ({ ...record, confirmedOver: record.confirmedOver ?? null, schemaVersion: 2 }),
};

/**
 * Brings a raw stored record up to OUTBOX_SCHEMA_VERSION, before the schema reads it. A record
 * of a newer version (Baton was downgraded) or of no known version is returned as it is: the
 * schema then refuses it, and the store keeps it as unreadable rather than guessing.
 */
export function migrateOutboxRecord(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  let record = raw as Record<string, unknown>;
  let version: unknown = record.schemaVersion === undefined ? 1 : record.schemaVersion;
  while (typeof version === 'number' && version < OUTBOX_SCHEMA_VERSION) {
    const step = OUTBOX_MIGRATIONS[version];
    if (!step) break;
    record = step(record);
    version = record.schemaVersion;
  }
  return record;
}

const entryFields = {
  /** See OUTBOX_SCHEMA_VERSION; records of older versions are migrated when read (migrateOutboxRecord). */
  schemaVersion: z.number().int().refine((v) => v === OUTBOX_SCHEMA_VERSION, {
    error: (issue) =>
      typeof issue.input === 'number' && issue.input > OUTBOX_SCHEMA_VERSION
        ? `written by a newer version of Baton (record version ${issue.input}; this version reads ${OUTBOX_SCHEMA_VERSION})`
        : `unknown record version ${String(issue.input)}`,
  }),
  /** The disposition or contact attempt UUID: one entry per write, and the CRM's idempotency key. */
  id: z.uuid(),
  /** e.g. `hubspot|4711|contact|51`, supplied by the caller: the panel lists a lead's entries by it. */
  leadKey: z.string().min(1),
  crm: outboxRouteSchema,
  createdAt: z.number().int(),
  /** Delivery attempts started (claims), including ones a dying worker never finished. */
  attempts: z.number().int().nonnegative(),
  state: outboxStateSchema,
  /** When a queued/retrying/parked entry may be sent (null: parked until someone acts). */
  nextAttemptAt: z.number().nullable(),
  /** While `delivering`: the claim expires then, and another drain may take the entry over. */
  leaseUntil: z.number().nullable(),
  lastError: outboxErrorSchema.nullable(),
  /** The rep-facing reason for the current state (from the delivery policy), null when there is none. */
  message: z.string().nullable(),
  parkedFor: parkedReasonSchema.nullable(),
  deliveredAt: z.number().nullable(),
  receipt: outboxReceiptSchema.nullable(),
  /**
   * A disposition the rep resent although a later one for the same lead was saved: the id of that
   * later entry, which the rep explicitly agreed to replace in the CRM. Null otherwise (and on
   * records written before Baton asked), so the drain never delivers an old outcome over a newer
   * one without that consent (see supersede.ts).
   */
  confirmedOver: z.uuid().nullable().default(null),
};

export const outboxEntrySchema = z
  .discriminatedUnion('kind', [
    z.object({ ...entryFields, kind: z.literal('disposition'), payload: dispositionPayloadSchema }),
    z.object({ ...entryFields, kind: z.literal('contact-attempt'), payload: contactAttemptPayloadSchema }),
  ])
  .superRefine((entry, ctx) => {
    // The id is the CRM's idempotency key; an entry whose id differs from its payload's would
    // deduplicate the wrong thing.
    const payloadId = entry.kind === 'disposition' ? entry.payload.disposition.id : entry.payload.attempt.id;
    if (payloadId !== entry.id) ctx.addIssue({ code: 'custom', path: ['id'], message: `id ${entry.id} does not match the payload's id ${payloadId}` });
  });
export type OutboxEntry = z.infer<typeof outboxEntrySchema>;
export type OutboxKind = OutboxEntry['kind'];

/** What a caller hands to `enqueue`: the write and where it goes; the id comes from the payload. */
export const newOutboxEntrySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('disposition'), payload: dispositionPayloadSchema, leadKey: z.string().min(1), crm: outboxRouteSchema, createdAt: z.number().int() }),
  z.object({ kind: z.literal('contact-attempt'), payload: contactAttemptPayloadSchema, leadKey: z.string().min(1), crm: outboxRouteSchema, createdAt: z.number().int() }),
]);
export type NewOutboxEntry = z.input<typeof newOutboxEntrySchema>;

/** Builds a fresh, queued entry (validated: throws a ZodError, so the panel never says "saved" for a malformed write). */
export function createOutboxEntry(input: NewOutboxEntry): OutboxEntry {
  const fresh = newOutboxEntrySchema.parse(input);
  const id = fresh.kind === 'disposition' ? fresh.payload.disposition.id : fresh.payload.attempt.id;
  return outboxEntrySchema.parse({
    ...fresh,
    schemaVersion: OUTBOX_SCHEMA_VERSION,
    id,
    attempts: 0,
    state: 'queued',
    nextAttemptAt: fresh.createdAt,
    leaseUntil: null,
    lastError: null,
    message: null,
    parkedFor: null,
    deliveredAt: null,
    receipt: null,
    confirmedOver: null,
  });
}

/** Whether the entry still has to reach the CRM (as opposed to delivered, or a dead letter waiting for the rep). */
export function isPending(entry: Pick<OutboxEntry, 'state'>): boolean {
  return (PENDING_STATES as readonly OutboxState[]).includes(entry.state);
}
