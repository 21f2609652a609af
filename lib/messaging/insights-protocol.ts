import { z } from 'zod';
import { insightFiltersSchema, insightsReportSchema } from '../domain/insights/insights-report';
import { drillResultSchema, drillSchema } from '../domain/insights/insight-drill';

/** The Insights page's request and answer (wired into protocol.ts's request union). */
export const insightsRequestSchema = z.object({
  type: z.literal('insights/get'),
  filters: insightFiltersSchema,
  /** Revenue at stake per lost lead; null: the average won deal. */
  averageDealValue: z.number().nonnegative().max(1e12).nullable().default(null),
  /** Read the CRM again instead of answering from the last read (kept two minutes). */
  refresh: z.boolean().default(false),
  /** The leads behind one count (the answer's `drill`), under the same filters. */
  drill: drillSchema.nullable().optional(),
});
export type InsightsRequest = z.output<typeof insightsRequestSchema>;

export const insightsSyncSchema = z.object({
  /**
   * idle: nothing running. reading: a first read is underway and the figures cover only the
   * records read so far (partial). updating: the figures are complete as of the last read, and a
   * newer read (changes since, or a full re-read) is underway.
   */
  state: z.enum(['idle', 'reading', 'updating']),
  mode: z.enum(['full', 'incremental']).nullable(),
  /** Contacts read so far by the read underway. */
  read: z.number().int().nonnegative(),
  /** What the CRM's search says there are; null until it is known. */
  total: z.number().int().nonnegative().nullable(),
  /** Why the last background update failed (the figures shown are from the read before it). */
  error: z.string().nullable(),
});
export type InsightsSync = z.infer<typeof insightsSyncSchema>;

export const insightsResultSchema = z.object({
  report: insightsReportSchema,
  /** Present when the request asked for the leads behind a count. */
  drill: drillResultSchema.nullable().optional(),
  read: z.object({
    /** The provider kind read; `sandbox`: the sandbox CRM stood in for it (demo builds). */
    crm: z.string(),
    sandbox: z.boolean().default(false),
    from: z.number(),
    to: z.number(),
    records: z.number().int(),
    windows: z.number().int(),
    requests: z.number().int(),
    warnings: z.array(z.string()),
    readAt: z.number(),
    /** The read behind these figures, and whether one is underway (the page polls while it is). */
    sync: insightsSyncSchema,
  }),
});
export type InsightsResult = z.infer<typeof insightsResultSchema>;
