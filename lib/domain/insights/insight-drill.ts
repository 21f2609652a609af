import { z } from 'zod';
import type { InsightRecord } from './insight-record';
import { FUNNEL_STAGES, NO_CAMPAIGN, NO_REASON, NO_REP, NO_SOURCE, NO_TIER, NO_VERSION } from './insights-report';
import { toWeekStart } from './insight-weeks';
import { isDisqualifiedByDefinition, isLostAt, stagesReached } from './insights-funnel';
import type { FunnelContext } from './insights-funnel';

/*
 * The leads behind a count: every figure on the Insights page names the group it counts (a campaign,
 * a rep, a tier, or everything) and the subset (handed off, rejected, no disposition after 7 days,
 * lost at Connected...), and this selects exactly the records the aggregation counted for it, so
 * "52 leads have no disposition after 7 days" opens on 52 leads. Pure.
 */

/** rep: the lead's owner; decided_by: the rep who recorded the disposition (the SLA tables' grouping). */
export const DRILL_DIMENSIONS = ['all', 'campaign', 'source', 'channel', 'rep', 'tier', 'version', 'week', 'decided_by'] as const;
export type DrillDimension = (typeof DRILL_DIMENSIONS)[number];

export const DRILL_SUBSETS = [
  'handed_off',
  'dispositioned',
  'accepted',
  'recycled',
  'rejected',
  'touched',
  'stale',
  'reason',
  'objection',
  'funnel_reached',
  'funnel_lost',
  'disqualified',
  'awaiting_touch',
  'sla_known',
  'sla_met',
  'sla_late',
  'opportunity',
  'won',
] as const;
export type DrillSubset = (typeof DRILL_SUBSETS)[number];

export const drillSchema = z.object({
  dimension: z.enum(DRILL_DIMENSIONS),
  /** The group's key as the report gives it (null with dimension "all"). */
  key: z.string().max(500).nullable(),
  subset: z.enum(DRILL_SUBSETS),
  /** For reason and objection: which one (its id). */
  item: z.string().max(200).nullable().default(null),
  /** For funnel subsets. */
  stage: z.enum(FUNNEL_STAGES).nullable().default(null),
  /** What the page says the count is (its heading for the list). */
  title: z.string().max(300),
});
export type Drill = z.output<typeof drillSchema>;
export type DrillInput = z.input<typeof drillSchema>;

/** One lead in a drill-down list. */
export const drillLeadSchema = z.object({
  id: z.string(),
  name: z.string(),
  recordUrl: z.string().nullable(),
  campaign: z.string().nullable(),
  owner: z.string().nullable(),
  handedOffAt: z.number().nullable(),
  /** What the rep decided, in words ("Rejected: Student"); null: no disposition. */
  decision: z.string().nullable(),
});
export type DrillLead = z.infer<typeof drillLeadSchema>;

export const drillResultSchema = z.object({
  title: z.string(),
  total: z.number().int(),
  leads: z.array(drillLeadSchema),
});
export type DrillResult = z.infer<typeof drillResultSchema>;

/** Leads listed at most (the total says how many there are). */
export const DRILL_LIMIT = 200;

/** The group key of a record under a dimension: the same keys the report's breakdowns use. */
export function groupKeyOf(dimension: DrillDimension, r: InsightRecord): string | null {
  switch (dimension) {
    case 'all':
      return null;
    case 'campaign':
      return r.campaign ?? NO_CAMPAIGN;
    case 'source':
      return r.source ?? NO_SOURCE;
    case 'channel':
      return r.channel;
    case 'rep':
      return r.ownerId ?? NO_REP;
    case 'tier':
      return r.slaTier ?? NO_TIER;
    case 'version':
      return r.disposition ? (r.disposition.definitionVersion ?? NO_VERSION) : null;
    case 'week':
      return r.disposition ? toWeekStart(r.disposition.decidedAt) : null;
    case 'decided_by':
      return r.disposition ? (r.disposition.rep ?? r.ownerName ?? r.ownerId ?? NO_REP) : null;
  }
}

/** SLA states that settle whether it was met (as the SLA table counts them). */
const SLA_DECIDED = new Set(['met', 'met_late', 'breached']);

export interface DrillContext extends FunnelContext {
  isStale: (r: InsightRecord) => boolean;
  touched: (r: InsightRecord) => boolean;
}

export function inSubset(drill: Drill, r: InsightRecord, ctx: DrillContext): boolean {
  const d = r.disposition;
  const stageIndex = drill.stage === null ? -1 : FUNNEL_STAGES.indexOf(drill.stage);
  switch (drill.subset) {
    case 'handed_off':
      return r.handedOffAt !== null;
    case 'dispositioned':
      return d !== null;
    case 'accepted':
    case 'recycled':
    case 'rejected':
      return d?.outcome === drill.subset;
    case 'touched':
      return r.handedOffAt !== null && ctx.touched(r);
    case 'stale':
      return ctx.isStale(r);
    case 'reason':
      return d !== null && d.outcome !== 'accepted' && (d.reasonId ?? NO_REASON) === drill.item;
    case 'objection':
      return d !== null && drill.item !== null && d.objections.includes(drill.item);
    case 'funnel_reached':
      return stageIndex >= 0 && stagesReached(r, ctx) > stageIndex;
    case 'funnel_lost':
      return stageIndex > 0 && isLostAt(r, stageIndex + 1, ctx);
    case 'disqualified':
      return r.handedOffAt !== null && isDisqualifiedByDefinition(r, ctx);
    case 'awaiting_touch':
      return r.handedOffAt !== null && (r.firstTouchedAt ?? null) === null;
    case 'sla_known':
      return d !== null && d.slaOutcome !== null && SLA_DECIDED.has(d.slaOutcome);
    case 'sla_met':
      return d?.slaOutcome === 'met';
    case 'sla_late':
      return d !== null && d.slaOutcome !== null && SLA_DECIDED.has(d.slaOutcome) && d.slaOutcome !== 'met';
    case 'opportunity':
      return d?.outcome === 'accepted' && (r.deal !== null || d.acceptedStage === 'opportunity_created');
    case 'won':
      return d?.outcome === 'accepted' && r.deal?.won === true;
  }
}

const OUTCOME_WORDS = { accepted: 'Accepted', recycled: 'Recycled', rejected: 'Rejected' } as const;

/** The leads behind one count, newest handoff first, at most DRILL_LIMIT. */
export function drillInto(records: readonly InsightRecord[], drill: Drill, ctx: DrillContext): DrillResult {
  const matching = records.filter((r) => (drill.dimension === 'all' || (drill.key !== null && groupKeyOf(drill.dimension, r) === drill.key)) && inSubset(drill, r, ctx));
  matching.sort((a, b) => (b.handedOffAt ?? b.disposition?.decidedAt ?? 0) - (a.handedOffAt ?? a.disposition?.decidedAt ?? 0) || (a.contactId < b.contactId ? -1 : 1));
  return {
    title: drill.title,
    total: matching.length,
    leads: matching.slice(0, DRILL_LIMIT).map((r) => {
      const d = r.disposition;
      return {
        id: r.contactId,
        name: r.name ?? `Lead ${r.contactId}`,
        recordUrl: r.recordUrl ?? null,
        campaign: r.campaign,
        owner: r.ownerName ?? (r.ownerId ? null : 'Unassigned'),
        handedOffAt: r.handedOffAt,
        decision: d ? (d.reasonLabel ? `${OUTCOME_WORDS[d.outcome]}: ${d.reasonLabel}` : OUTCOME_WORDS[d.outcome]) : null,
      };
    }),
  };
}
