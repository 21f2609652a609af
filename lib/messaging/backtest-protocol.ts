import { z } from 'zod';

/**
 * Insights' "Backtest a definition": the page sends a candidate SQL definition (a published
 * version, the shipped sample, or an imported file) and a period; the background replays the
 * leads dispositioned in that period under the current published definition and the candidate.
 * Wired into protocol.ts's request union; accepted only from insights.html.
 */

export const BACKTEST_PERIODS = [3, 6, 12] as const;
/** Months are counted as fixed days, so "the last 3 months" covers the same span whatever today is. */
export const BACKTEST_PERIOD_DAYS: Record<(typeof BACKTEST_PERIODS)[number], number> = { 3: 91, 6: 182, 12: 365 };

export const backtestRequestSchema = z.object({
  type: z.literal('insights/backtest'),
  /** A definition as JSON; validated in the background with the definition schema (errors name the field). */
  candidate: z.unknown(),
  months: z.union([z.literal(3), z.literal(6), z.literal(12)]),
  /** Read the CRM again instead of reusing the last read of this period (kept two minutes). */
  refresh: z.boolean().default(false),
});
export type BacktestRequest = z.output<typeof backtestRequestSchema>;

const definitionRefSchema = z.object({ id: z.string(), version: z.union([z.number(), z.string()]), name: z.string() });

const scoresSchema = z.object({
  n: z.number().int(),
  tp: z.number().int(),
  fp: z.number().int(),
  fn: z.number().int(),
  tn: z.number().int(),
  precision: z.number().nullable(),
  recall: z.number().nullable(),
});
export type BacktestScores = z.infer<typeof scoresSchema>;

const summarySchema = z.object({
  passed: z.number().int(),
  notYet: z.number().int(),
  disqualified: z.number().int(),
  disqualifiedBy: z.record(z.string(), z.number().int()),
  opportunity: scoresSchema,
  won: scoresSchema,
});
export type BacktestSummary = z.infer<typeof summarySchema>;

const VERDICT_KINDS = ['sales_qualified', 'not_yet', 'disqualified'] as const;

export const backtestFlipSchema = z.object({
  contactId: z.string(),
  /** CRM text: rendered as text only. */
  name: z.string(),
  company: z.string().nullable(),
  campaign: z.string().nullable(),
  from: z.enum(VERDICT_KINDS),
  to: z.enum(VERDICT_KINDS),
  change: z.enum(['now_passes', 'no_longer_passes', 'still_fails']),
  opportunity: z.boolean(),
  /** Null while the deal is open (or there is none). */
  won: z.boolean().nullable(),
});
export type BacktestFlip = z.infer<typeof backtestFlipSchema>;

/** Flipped leads listed at most (the counts are always complete). */
export const MAX_LISTED_FLIPS = 500;

export const backtestResultSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('invalid_candidate'),
    errors: z.array(z.object({ path: z.string(), message: z.string() })),
  }),
  z.object({
    status: z.literal('ok'),
    crm: z.string(),
    sandbox: z.boolean().default(false),
    base: definitionRefSchema,
    candidate: definitionRefSchema,
    period: z.object({ months: z.number().int(), from: z.number(), to: z.number() }),
    /** Contacts with a disposition in the period. */
    dispositioned: z.number().int(),
    replayed: z.number().int(),
    skipped: z.object({
      /** Dispositioned before Baton recorded what the definition saw (or written by another tool). */
      noInputs: z.number().int(),
      /** The recorded inputs could not be read (corrupt, or from a newer Baton). */
      unreadableInputs: z.number().int(),
      unreadableExample: z.string().nullable(),
    }),
    /** Replayed from inputs cut to fit the CRM property, or with rep evidence today's rules refuse. */
    approximate: z.number().int(),
    baseSummary: summarySchema,
    candidateSummary: summarySchema,
    flips: z.array(backtestFlipSchema),
    flipsTotal: z.number().int(),
    requests: z.number().int(),
    replayMs: z.number(),
    readAt: z.number(),
  }),
]);
export type BacktestResult = z.infer<typeof backtestResultSchema>;
export type BacktestOk = Extract<BacktestResult, { status: 'ok' }>;
