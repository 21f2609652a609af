import { z } from 'zod';
import { insightFiltersSchema, insightsReportSchema } from '../domain/insights/aggregate-insights';

/** The Insights page's request and answer (wired into protocol.ts's request union). */
export const insightsRequestSchema = z.object({
  type: z.literal('insights/get'),
  filters: insightFiltersSchema,
  /** Revenue at stake per lost lead; null: the average won deal. */
  averageDealValue: z.number().nonnegative().max(1e12).nullable().default(null),
  /** Read the CRM again instead of answering from the last read (kept two minutes). */
  refresh: z.boolean().default(false),
});
export type InsightsRequest = z.output<typeof insightsRequestSchema>;

export const insightsResultSchema = z.object({
  report: insightsReportSchema,
  read: z.object({
    crm: z.enum(['hubspot', 'sandbox']),
    from: z.number(),
    to: z.number(),
    records: z.number().int(),
    windows: z.number().int(),
    requests: z.number().int(),
    warnings: z.array(z.string()),
    readAt: z.number(),
  }),
});
export type InsightsResult = z.infer<typeof insightsResultSchema>;
