import { z } from 'zod';
import { leadRefSchema } from '../domain/lead';
import { RECORDED_ESCALATION_ACTIONS } from '../domain/queue/due-escalations';

/*
 * The port through which an SLA escalation reaches someone in the CRM: "tell the sales manager"
 * becomes a task assigned to the manager (the lead's owner when none is chosen) on the lead, and
 * "hand back to marketing" a record of the hand-back plus the lead status and a Baton field that
 * marketing's lists can select on. CRM-neutral; each provider's writer implements it.
 *
 * Idempotent on `id`, like dispositions: the write may be repeated after a lost answer, and the
 * CRM then holds what one write leaves. Before writing, a writer checks the lead still waits for
 * its first touch under the same owner; when not (a call, a disposition or a reassignment since),
 * it writes nothing and answers `moot`.
 */

export const escalationWriteSchema = z.object({
  /** Deterministic per lead, step, policy version and clock (lib/domain/queue/escalation-id.ts). */
  id: z.uuid(),
  lead: leadRefSchema,
  leadName: z.string(),
  action: z.enum(RECORDED_ESCALATION_ACTIONS),
  step: z.object({ id: z.string(), label: z.string() }),
  dueAt: z.number(),
  /** The SLA clock the step belongs to: a touch or disposition at or after it makes the step moot. */
  clockStart: z.number(),
  tier: z.string(),
  policy: z.object({ id: z.string(), version: z.string() }),
  /** The lead's owner when the step came due (the rep whose browser writes it). */
  owner: z.object({ id: z.string(), name: z.string().nullable() }),
  /** Who "tell the sales manager" reaches; null: no one chosen, the owner gets it with the role named. */
  manager: z.object({ ownerId: z.string(), name: z.string().nullable() }).nullable(),
  /** The lead status a hand-back sets (the admin's mapping for "recycled to nurture"); null: the status is left as it is. */
  handBackStatus: z.string().nullable(),
  /** The policy calendar's zone, for the dates in the text. */
  timeZone: z.string(),
});
export type EscalationWrite = z.infer<typeof escalationWriteSchema>;

export const escalationReceiptSchema = z.object({
  /** written: recorded now; already: an earlier delivery had (its answer was lost); moot: nothing written, see `reason`. */
  outcome: z.enum(['written', 'already', 'moot']),
  /** The task or note that carries it. */
  record: z.object({ kind: z.enum(['task', 'note']), id: z.string(), reused: z.boolean() }).nullable(),
  /** Fields written on the lead (CRM names). */
  fields: z.array(z.string()),
  reason: z.string().nullable(),
  deliveredAt: z.number(),
});
export type EscalationReceipt = z.infer<typeof escalationReceiptSchema>;

export interface EscalationWriter {
  recordEscalation(write: EscalationWrite, options?: { signal?: AbortSignal }): Promise<EscalationReceipt>;
}

/** Whether a CRM's writer records escalations (a provider without it leaves the steps as reminders only). */
export function isEscalationWriter(writer: object): writer is EscalationWriter {
  return typeof (writer as Partial<EscalationWriter>).recordEscalation === 'function';
}
