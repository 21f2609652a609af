import { z } from 'zod';

/**
 * The admin-editable, versioned list of disposition reasons and objection tags. Marketing reads
 * rejections by reason, so reasons are stable ids with labels: relabel freely, but retire a reason
 * (active: false) rather than delete it, or old dispositions lose their meaning.
 */
export const DISPOSITION_OUTCOMES = ['accepted', 'recycled', 'rejected'] as const;
export const dispositionOutcomeSchema = z.enum(DISPOSITION_OUTCOMES);
export type DispositionOutcome = z.infer<typeof dispositionOutcomeSchema>;

const slugSchema = z.string().regex(/^[a-z][a-z0-9_]*$/, 'use lower-case letters, digits and "_", starting with a letter');

export const dispositionReasonSchema = z.object({
  id: slugSchema,
  label: z.string().min(1),
  /** Which outcomes may use it: "bad timing" can recycle or reject; "competitor" only rejects. */
  appliesTo: z.array(z.enum(['recycled', 'rejected'])).min(1),
  /** "Unreachable": only allowed after the attempt policy's number of contact attempts. */
  requiresAttempts: z.boolean().default(false),
  /** Retired reasons stay in the list so old dispositions still resolve, but cannot be chosen. */
  active: z.boolean().default(true),
});
export type DispositionReason = z.infer<typeof dispositionReasonSchema>;

export const objectionTagSchema = z.object({
  id: slugSchema,
  label: z.string().min(1),
  active: z.boolean().default(true),
});
export type ObjectionTag = z.infer<typeof objectionTagSchema>;

export const reasonListChangeSchema = z.object({
  version: z.number().int().positive(),
  date: z.iso.date({ message: 'expected a date as YYYY-MM-DD' }),
  author: z.string().min(1),
  summary: z.string().min(1),
});

export const dispositionReasonListSchema = z
  .object({
    version: z.number().int().positive(),
    changeLog: z.array(reasonListChangeSchema).min(1),
    reasons: z.array(dispositionReasonSchema).min(1),
    objectionTags: z.array(objectionTagSchema),
  })
  .superRefine((list, ctx) => {
    const dupes = (items: readonly { id: string }[], key: 'reasons' | 'objectionTags') => {
      const seen = new Set<string>();
      items.forEach((item, i) => {
        if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [key, i, 'id'], message: `duplicate id "${item.id}"` });
        seen.add(item.id);
      });
    };
    dupes(list.reasons, 'reasons');
    dupes(list.objectionTags, 'objectionTags');
    const last = list.changeLog.at(-1);
    if (last && last.version !== list.version) {
      ctx.addIssue({ code: 'custom', path: ['changeLog', list.changeLog.length - 1, 'version'], message: `the last change-log entry must describe the current version ${list.version}` });
    }
  });
export type DispositionReasonList = z.infer<typeof dispositionReasonListSchema>;

export const DEFAULT_DISPOSITION_REASONS: DispositionReasonList = dispositionReasonListSchema.parse({
  version: 1,
  changeLog: [{ version: 1, date: '2026-11-01', author: 'RevOps', summary: 'Default reasons agreed by marketing and sales.' }],
  reasons: [
    { id: 'no_budget', label: 'No budget', appliesTo: ['recycled', 'rejected'] },
    { id: 'no_authority', label: 'No authority', appliesTo: ['recycled', 'rejected'] },
    { id: 'no_need', label: 'No need', appliesTo: ['recycled', 'rejected'] },
    { id: 'bad_timing', label: 'Bad timing', appliesTo: ['recycled', 'rejected'] },
    { id: 'wrong_geography', label: 'Wrong geography', appliesTo: ['rejected'] },
    { id: 'below_minimum_deal_size', label: 'Below minimum deal size', appliesTo: ['rejected'] },
    { id: 'competitor', label: 'Competitor', appliesTo: ['rejected'] },
    { id: 'student', label: 'Student', appliesTo: ['rejected'] },
    { id: 'bad_data', label: 'Bad data', appliesTo: ['rejected'] },
    { id: 'duplicate', label: 'Duplicate', appliesTo: ['rejected'] },
    { id: 'existing_customer', label: 'Existing customer', appliesTo: ['rejected'] },
    { id: 'unreachable', label: 'Unreachable after repeated attempts', appliesTo: ['recycled', 'rejected'], requiresAttempts: true },
  ],
  objectionTags: [
    { id: 'price', label: 'Price' },
    { id: 'competitor', label: 'Competitor' },
    { id: 'security_review', label: 'Security review' },
    { id: 'timing', label: 'Timing' },
    { id: 'integration', label: 'Integration' },
    { id: 'authority', label: 'Authority' },
  ],
});

export interface ReasonListFieldError {
  path: string;
  message: string;
}

export function importDispositionReasonList(json: string): { ok: true; value: DispositionReasonList } | { ok: false; errors: ReasonListFieldError[] } {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (err) {
    return { ok: false, errors: [{ path: '(root)', message: `not valid JSON: ${(err as Error).message}` }] };
  }
  const parsed = dispositionReasonListSchema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((i) => ({ path: i.path.length ? i.path.map(String).join('.') : '(root)', message: i.message })),
  };
}

export function exportDispositionReasonList(list: z.input<typeof dispositionReasonListSchema>): string {
  return `${JSON.stringify(dispositionReasonListSchema.parse(list), null, 2)}\n`;
}
