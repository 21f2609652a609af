import { z } from 'zod';
import { configuredCriterionIds, isoDateSchema, toFieldErrors } from './sql-definition';
import type { FieldError, ImportResult, SqlDefinition } from './sql-definition';

/**
 * What a rep records on the checklist. BANT asks for specific evidence (an amount, a named person,
 * a stated problem, a date), so a rep "met" without that evidence is rejected: a tick alone is
 * exactly the vague qualification the shared definition exists to stop.
 */
export const budgetEvidenceSchema = z.strictObject({
  amount: z.number().nonnegative(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 currency code like "USD"'),
});
export const authorityEvidenceSchema = z.strictObject({ name: z.string().trim().min(1), role: z.string().trim().min(1) });
export const needEvidenceSchema = z.strictObject({ problem: z.string().trim().min(1) });
export const timelineEvidenceSchema = z.strictObject({ date: isoDateSchema });
export const noteEvidenceSchema = z.strictObject({ note: z.string().trim().min(1) });

export const evidenceSchema = z.union([
  budgetEvidenceSchema,
  authorityEvidenceSchema,
  needEvidenceSchema,
  timelineEvidenceSchema,
  noteEvidenceSchema,
]);
export type Evidence = z.infer<typeof evidenceSchema>;

/** The evidence a "met" needs per BANT criterion; any other criterion needs a note. */
const REQUIRED_EVIDENCE: Record<string, { schema: z.ZodType; describe: string }> = {
  budget: { schema: budgetEvidenceSchema, describe: 'an amount and a currency, e.g. { "amount": 25000, "currency": "USD" }' },
  authority: { schema: authorityEvidenceSchema, describe: 'a named person and their role, e.g. { "name": "Dana Kim", "role": "VP Sales" }' },
  need: { schema: needEvidenceSchema, describe: 'the stated problem, e.g. { "problem": "Leads go cold before a rep calls" }' },
  timeline: { schema: timelineEvidenceSchema, describe: 'a date, e.g. { "date": "2027-01-15" }' },
};
const NOTE_EVIDENCE = { schema: noteEvidenceSchema, describe: 'a note saying why, e.g. { "note": "Partner, not a competitor" }' };

export function requiredEvidenceFor(criterionId: string): { schema: z.ZodType; describe: string } {
  return REQUIRED_EVIDENCE[criterionId] ?? NOTE_EVIDENCE;
}

const KEYS: Record<string, string[]> = { budget: ['amount', 'currency'], authority: ['name', 'role'], need: ['problem'], timeline: ['date'] };

export interface RepEvidenceEntry {
  status: 'met' | 'unmet';
  /** Required for "met"; optional for "unmet" (a reason is welcome, not demanded). */
  evidence?: Evidence;
  /** Rep id or name. */
  by?: string;
  /** Epoch ms when the rep recorded it. */
  at?: number;
}
/** Rep evidence keyed by criterion id. */
export type RepEvidence = Record<string, RepEvidenceEntry>;

// Evidence is first read loosely, then checked per criterion, so one bad entry cannot hide the
// messages about the others (a failed union would stop at the first).
const looseEntrySchema = z.object({
  status: z.enum(['met', 'unmet']),
  evidence: z.record(z.string(), z.unknown()).optional(),
  by: z.string().optional(),
  at: z.number().int().optional(),
});

export const repEvidenceSchema = z
  .record(z.string(), looseEntrySchema)
  .superRefine((entries, ctx) => {
    for (const [criterionId, entry] of Object.entries(entries).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const required = requiredEvidenceFor(criterionId);
      const path = [criterionId, 'evidence'];
      if (entry.status === 'met') {
        if (!entry.evidence) {
          ctx.addIssue({ code: 'custom', path, message: `"${criterionId}" marked met without evidence: it needs ${required.describe}` });
          continue;
        }
        const checked = required.schema.safeParse(entry.evidence);
        if (checked.success) continue;
        const expectedKeys = KEYS[criterionId] ?? ['note'];
        if (expectedKeys.every((k) => k in entry.evidence!) && checked.error.issues.every((i) => i.path.length > 0)) {
          for (const issue of checked.error.issues) ctx.addIssue({ code: 'custom', path: [...path, ...issue.path.map(String)], message: `"${criterionId}" evidence: ${issue.message}` });
        } else {
          ctx.addIssue({ code: 'custom', path, message: `"${criterionId}" marked met with the wrong evidence: it needs ${required.describe}` });
        }
      } else if (entry.evidence && !evidenceSchema.safeParse(entry.evidence).success) {
        ctx.addIssue({ code: 'custom', path, message: `"${criterionId}" evidence must be one of { amount, currency }, { name, role }, { problem }, { date } or { note }` });
      }
    }
  })
  .transform((entries) => entries as RepEvidence);

/** Validates rep evidence against a definition: shape, evidence per criterion, and known criterion ids. */
export function validateRepEvidence(definition: SqlDefinition, value: unknown): ImportResult<RepEvidence> {
  const parsed = repEvidenceSchema.safeParse(value);
  if (!parsed.success) return { ok: false, errors: toFieldErrors(parsed.error.issues) };
  const known = new Set(configuredCriterionIds(definition));
  const errors: FieldError[] = Object.keys(parsed.data)
    .filter((id) => !known.has(id))
    .sort()
    .map((id) => ({ path: id, message: `unknown criterion "${id}" for definition ${definition.id} v${String(definition.version)}` }));
  return errors.length ? { ok: false, errors } : { ok: true, value: parsed.data };
}
