import { z } from 'zod';

/** The shape of Baton Insights' answer (what the page validates) and its filters; built by aggregate-insights.ts. */

export const insightFiltersSchema = z.object({
  /** Handed off at or after (epoch ms). */
  from: z.number().nullable().default(null),
  /** Handed off before (epoch ms, exclusive). */
  to: z.number().nullable().default(null),
  sources: z.array(z.string()).default([]),
  campaigns: z.array(z.string()).default([]),
  /** Owner ids. */
  reps: z.array(z.string()).default([]),
  definitionVersions: z.array(z.string()).default([]),
});
export type InsightFilters = z.output<typeof insightFiltersSchema>;
export type InsightFiltersInput = z.input<typeof insightFiltersSchema>;


const countsShape = {
  handedOff: z.number().int(),
  dispositioned: z.number().int(),
  accepted: z.number().int(),
  recycled: z.number().int(),
  rejected: z.number().int(),
  /** accepted / dispositioned. */
  acceptanceRate: z.number().nullable(),
};

export const outcomeRowSchema = z.object({ key: z.string(), label: z.string(), ...countsShape });
export type OutcomeRow = z.infer<typeof outcomeRowSchema>;

export const countRowSchema = z.object({ group: z.string(), groupLabel: z.string(), key: z.string(), label: z.string(), count: z.number().int() });
export type CountRow = z.infer<typeof countRowSchema>;

export const weekRowSchema = z.object({
  /** Monday of the ISO week (UTC), YYYY-MM-DD, of the decision. */
  weekStart: z.string(),
  accepted: z.number().int(),
  recycled: z.number().int(),
  rejected: z.number().int(),
});
export type WeekRow = z.infer<typeof weekRowSchema>;

export const coverageRowSchema = z.object({
  key: z.string(),
  label: z.string(),
  handedOff: z.number().int(),
  touched: z.number().int(),
  dispositioned: z.number().int(),
  touchedRate: z.number().nullable(),
  dispositionedRate: z.number().nullable(),
  /** Handed off more than 7 days ago and still without a disposition. */
  staleWithoutDisposition: z.number().int(),
});
export type CoverageRow = z.infer<typeof coverageRowSchema>;

export const slaRowSchema = z.object({
  key: z.string(),
  label: z.string(),
  /** Dispositions whose SLA state says whether it was met (met, met late, breached). */
  decided: z.number().int(),
  met: z.number().int(),
  complianceRate: z.number().nullable(),
  /** Dispositions with a response time. */
  responses: z.number().int(),
  medianMinutes: z.number().nullable(),
  p90Minutes: z.number().nullable(),
});
export type SlaRow = z.infer<typeof slaRowSchema>;

export const FUNNEL_STAGES = ['handed_off', 'contacted', 'connected', 'accepted', 'opportunity', 'won'] as const;
export type FunnelStageId = (typeof FUNNEL_STAGES)[number];

export const funnelStageSchema = z.object({
  stage: z.enum(FUNNEL_STAGES),
  count: z.number().int(),
  /** Summed deal amounts of the leads at this stage. */
  amount: z.number(),
  /** count / previous stage's count. */
  conversionFromPrevious: z.number().nullable(),
  /** Leads that reached the previous stage, stopped there and are settled (not in play, not disqualified by definition). */
  lostFromPrevious: z.number().int(),
  /** Won ÷ the settled leads that reached this stage. */
  winRateAfter: z.number().nullable(),
  /** Expected value: lostFromPrevious × winRateAfter × average deal value. */
  revenueAtStake: z.number().nullable(),
});
export type FunnelStage = z.infer<typeof funnelStageSchema>;

export const versionRowSchema = z.object({
  version: z.string(),
  dispositioned: z.number().int(),
  accepted: z.number().int(),
  acceptanceRate: z.number().nullable(),
  opportunities: z.number().int(),
  won: z.number().int(),
  /** won / dispositioned. */
  conversionRate: z.number().nullable(),
});
export type VersionRow = z.infer<typeof versionRowSchema>;

const speedSummarySchema = z.object({
  count: z.number().int(),
  medianMinutes: z.number().nullable(),
  p90Minutes: z.number().nullable(),
  totalMinutes: z.number(),
});

/** Speed to lead split in two (speed-to-lead.ts): engagement → assignment, assignment → first touch. */
export const speedToLeadRowSchema = z.object({
  key: z.string(),
  label: z.string(),
  assigned: z.number().int(),
  system: speedSummarySchema,
  rep: speedSummarySchema,
  whole: speedSummarySchema,
  systemShare: z.number().nullable(),
  awaitingTouch: z.number().int(),
});
export type SpeedToLeadRowOut = z.infer<typeof speedToLeadRowSchema>;

const optionSchema = z.object({ value: z.string(), label: z.string() });

export const insightsReportSchema = z.object({
  generatedAt: z.number(),
  totals: z.object({ ...countsShape, touched: z.number().int(), staleWithoutDisposition: z.number().int() }),
  outcomesByCampaign: z.array(outcomeRowSchema),
  outcomesBySource: z.array(outcomeRowSchema),
  outcomesByChannel: z.array(outcomeRowSchema),
  reasonsByCampaign: z.array(countRowSchema),
  reasonsBySource: z.array(countRowSchema),
  reasonsByChannel: z.array(countRowSchema),
  outcomesByWeek: z.array(weekRowSchema),
  coverageBySource: z.array(coverageRowSchema),
  coverageByRep: z.array(coverageRowSchema),
  objectionsByCampaign: z.array(countRowSchema),
  objectionsBySource: z.array(countRowSchema),
  sla: slaRowSchema,
  slaByTier: z.array(slaRowSchema),
  slaByRep: z.array(slaRowSchema),
  funnel: z.object({
    stages: z.array(funnelStageSchema),
    averageDealValue: z.number().nullable(),
    averageDealValueFrom: z.enum(['configured', 'won_deals', 'none']),
    /** The stage with the largest revenue at stake (or most leads lost when there is no deal value). */
    biggestLeak: z.enum(FUNNEL_STAGES).nullable(),
    /** Rejected for who they are (student, competitor...): apart from revenue at stake. */
    disqualified: z.number().int(),
  }),
  speedToLead: z.object({
    /** business: minutes on the SLA calendar's business hours; calendar: real minutes. */
    basis: z.enum(['business', 'calendar']),
    overall: speedToLeadRowSchema,
    byTier: z.array(speedToLeadRowSchema),
    byRep: z.array(speedToLeadRowSchema),
  }),
  versions: z.array(versionRowSchema),
  /** From the unfiltered records, so choosing one campaign does not hide the others from the picker. */
  filterOptions: z.object({
    sources: z.array(optionSchema),
    campaigns: z.array(optionSchema),
    reps: z.array(optionSchema),
    definitionVersions: z.array(optionSchema),
  }),
});
export type InsightsReport = z.infer<typeof insightsReportSchema>;

export const NO_CAMPAIGN = '(no campaign)';
export const NO_SOURCE = '(no source)';
export const NO_REP = '(unassigned)';
export const NO_VERSION = '(no version)';
export const NO_TIER = '(tier not recorded)';
export const NO_REASON = '(no reason given)';
