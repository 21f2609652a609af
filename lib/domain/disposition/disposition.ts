import { z } from 'zod';
import { leadRefSchema } from '../lead';
import type { Evaluation } from '../qualification/evaluate-definition';
import { definitionVersionSchema } from '../qualification/sql-definition';
import { dispositionOutcomeSchema } from './disposition-reasons';
import type { DispositionReasonList } from './disposition-reasons';

/**
 * The rep's answer to "what happened with this lead", written back to the CRM and read by
 * marketing. It carries what the rep saw when deciding (definition version, checklist snapshot,
 * SLA outcome), so a later change to the definition never rewrites history.
 */
export const ACCEPTED_STAGES = ['working', 'opportunity_created'] as const;

export const checklistItemSchema = z.object({
  id: z.string().min(1),
  label: z.string(),
  group: z.enum(['bant', 'fit', 'engagement', 'disqualifier']),
  status: z.enum(['met', 'unmet', 'unknown']),
  decidedBy: z.enum(['auto', 'rep']),
  evidence: z.record(z.string(), z.unknown()).nullable(),
});
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

export const objectionsSchema = z.object({
  /** Ids from the reason list's objection tags. */
  tags: z.array(z.string()).default([]),
  /** Free text in the rep's words. */
  text: z.string().trim().max(2000).nullable().default(null),
});

export const slaOutcomeSchema = z.object({
  /** The SLA engine's state as a plain string ("met", "met_late", "breached", ...): owned by lib/domain/sla. */
  state: z.string().min(1),
  responseTimeMs: z.number().int().nonnegative().nullable(),
  /**
   * The SLA tier that set the target (id and label as the policy named it when the rep decided).
   * Optional: outbox entries saved before the tier was recorded must still parse.
   */
  tier: z.object({ id: z.string().min(1).max(200), label: z.string().max(200) }).nullable().optional(),
});

/** What the panel sends when the rep records a disposition (id and time are added by createDisposition). */
export const dispositionInputSchema = z.object({
  lead: leadRefSchema,
  rep: z.object({ id: z.string().min(1), name: z.string().nullable().default(null) }),
  outcome: dispositionOutcomeSchema,
  /** For "accepted": still working it, or an opportunity was created. */
  acceptedStage: z.enum(ACCEPTED_STAGES).nullable().default(null),
  reasonId: z.string().nullable().default(null),
  /** For "recycled": when marketing should hand it back (epoch ms, in the future). */
  recycleAt: z.number().int().nullable().default(null),
  objections: objectionsSchema.default({ tags: [], text: null }),
  note: z.string().trim().max(5000).nullable().default(null),
  definitionId: z.string().min(1),
  definitionVersion: definitionVersionSchema,
  checklist: z.array(checklistItemSchema),
  /** The definition's verdict when the rep decided: lets marketing see "rejected although qualified". */
  verdict: z.enum(['sales_qualified', 'not_yet', 'disqualified']).nullable().default(null),
  sla: slaOutcomeSchema.nullable().default(null),
  /** Time from handoff to the first human touch (ms), when known. */
  responseTimeMs: z.number().int().nonnegative().nullable().default(null),
});
export type DispositionInput = z.input<typeof dispositionInputSchema>;
export type DispositionDraft = z.output<typeof dispositionInputSchema>;

export const dispositionSchema = dispositionInputSchema.extend({
  id: z.uuid(),
  decidedAt: z.number().int(),
  /** Version of the reason list the reason id belongs to. */
  reasonListVersion: z.number().int().positive(),
  /** Contact attempts made before deciding (backs "unreachable"). */
  attemptsMade: z.number().int().nonnegative(),
});
export type Disposition = z.infer<typeof dispositionSchema>;

export interface AttemptPolicy {
  /** "Unreachable" needs at least this many contact attempts. */
  unreachableAfterAttempts: number;
}

export interface DispositionContext {
  reasons: DispositionReasonList;
  attemptPolicy: AttemptPolicy;
  attemptsMade: number;
  /** Epoch ms; a recycle date must be after it. */
  now: number;
}

export interface DispositionFieldError {
  path: string;
  message: string;
}

export type DispositionResult<T> = { ok: true; value: T } | { ok: false; errors: DispositionFieldError[] };

/** The checklist as the rep saw it, from an evaluation (explanations are re-derivable, statuses and evidence are not). */
export function snapshotChecklist(evaluation: Pick<Evaluation, 'criteria'>): ChecklistItem[] {
  return evaluation.criteria.map((c) => ({
    id: c.id,
    label: c.label,
    group: c.group,
    status: c.status,
    decidedBy: c.decidedBy,
    evidence: c.evidence,
  }));
}

/** Checks a disposition against the schema and the business rules; every error names its field. */
export function validateDisposition(input: unknown, ctx: DispositionContext): DispositionResult<DispositionDraft> {
  const parsed = dispositionInputSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => ({ path: i.path.length ? i.path.map(String).join('.') : '(root)', message: i.message })),
    };
  }
  const d = parsed.data;
  const errors: DispositionFieldError[] = [];
  const fail = (path: string, message: string) => errors.push({ path, message });

  if (d.outcome === 'accepted') {
    if (!d.acceptedStage) fail('acceptedStage', 'an accepted lead needs a stage: "working" or "opportunity_created"');
    if (d.reasonId) fail('reasonId', 'an accepted lead takes no rejection or recycle reason');
    if (d.recycleAt !== null) fail('recycleAt', 'only a recycled lead takes a recycle date');
  } else {
    if (d.acceptedStage) fail('acceptedStage', `only an accepted lead takes a stage, not a ${d.outcome} one`);
    if (!d.reasonId) {
      fail('reasonId', `a ${d.outcome} lead needs a reason`);
    } else {
      const reason = ctx.reasons.reasons.find((r) => r.id === d.reasonId);
      if (!reason) fail('reasonId', `unknown reason "${d.reasonId}" (reason list v${ctx.reasons.version})`);
      else if (!reason.active) fail('reasonId', `reason "${reason.label}" is retired and can no longer be chosen`);
      else if (!reason.appliesTo.includes(d.outcome)) fail('reasonId', `reason "${reason.label}" cannot be used to mark a lead ${d.outcome}`);
      else if (reason.requiresAttempts && ctx.attemptsMade < ctx.attemptPolicy.unreachableAfterAttempts) {
        fail('reasonId', `"${reason.label}" needs at least ${ctx.attemptPolicy.unreachableAfterAttempts} contact attempts; ${ctx.attemptsMade} made so far`);
      }
    }
    if (d.outcome === 'recycled') {
      if (d.recycleAt === null) fail('recycleAt', 'a recycled lead needs a recycle date');
      else if (d.recycleAt <= ctx.now) fail('recycleAt', 'the recycle date must be in the future');
    } else if (d.recycleAt !== null) {
      fail('recycleAt', 'only a recycled lead takes a recycle date');
    }
  }
  d.objections.tags.forEach((tag, i) => {
    const known = ctx.reasons.objectionTags.find((t) => t.id === tag);
    if (!known) fail(`objections.tags.${i}`, `unknown objection tag "${tag}"`);
    else if (!known.active) fail(`objections.tags.${i}`, `objection tag "${known.label}" is retired`);
  });
  if (new Set(d.objections.tags).size !== d.objections.tags.length) fail('objections.tags', 'an objection tag is listed twice');
  return errors.length ? { ok: false, errors } : { ok: true, value: d };
}

/**
 * Builds the durable record. The id (a UUID) and the time are parameters so the core stays pure:
 * the caller generates them once, and a retried write reuses the same id (idempotent delivery).
 */
export function createDisposition(input: unknown, ctx: DispositionContext & { id: string }): DispositionResult<Disposition> {
  const errors: DispositionFieldError[] = [];
  if (!z.uuid().safeParse(ctx.id).success) errors.push({ path: 'id', message: `"${ctx.id}" is not a UUID` });
  const validated = validateDisposition(input, ctx);
  if (!validated.ok) errors.push(...validated.errors);
  if (errors.length || !validated.ok) return { ok: false, errors };
  return {
    ok: true,
    value: {
      ...validated.value,
      id: ctx.id,
      decidedAt: ctx.now,
      reasonListVersion: ctx.reasons.version,
      attemptsMade: ctx.attemptsMade,
    },
  };
}
