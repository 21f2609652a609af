import type { InsightRecord } from './insight-record';
import { FUNNEL_STAGES, type FunnelStage, type FunnelStageId, type InsightsReport } from './insights-report';
import { toRate } from './insight-stats';

/*
 * The handoff funnel, each stage from its own fact in the CRM:
 *   Handed off  — an owner was assigned;
 *   Contacted   — a call, sales email or meeting is logged;
 *   Connected   — the lead status says a conversation happened (or a deal exists);
 *   Accepted    — the rep accepted the lead in Baton;
 *   Opportunity — a deal exists (or the rep said one was created);
 *   Won         — the deal is won.
 * A lead counts at every stage up to the furthest whose fact holds (a won deal passed Connected even
 * when nobody updated the status), so each stage is a subset of the one before.
 *
 * Revenue at stake is an expected value, not a hope: leads lost at a stage × the win rate of the
 * settled leads that passed that stage × the average won deal. Leads still in play are not lost,
 * and leads disqualified by definition (a student, a competitor: no follow-up would have won them)
 * are counted apart, never as revenue at stake.
 */

const DAY = 86_400_000;
/** Without a disposition for this long a lead counts as dropped (the same 7 days as the stale figure). */
const UNDECIDED_IN_PLAY_MS = 7 * DAY;
/** An accepted lead with no opportunity is still being worked for this long after the decision. */
const ACCEPTED_IN_PLAY_MS = 30 * DAY;

/**
 * Rejection reasons that are facts about who the lead is, not about how sales followed up: the
 * default reason list's ids (admins may pass their own list through the aggregate options).
 */
export const DEFAULT_DISQUALIFYING_REASON_IDS: readonly string[] = ['student', 'competitor', 'existing_customer', 'bad_data', 'duplicate', 'wrong_geography'];

export interface FunnelContext {
  now: number;
  connectedStatuses: ReadonlySet<string>;
  disqualifyingReasons: ReadonlySet<string>;
}

/** How many stages the lead reached (0: never handed off; 6: won). */
export function stagesReached(r: InsightRecord, ctx: Pick<FunnelContext, 'connectedStatuses'>): number {
  if (r.handedOffAt === null) return 0;
  const d = r.disposition;
  if (r.deal?.won) return 6;
  if (r.deal !== null || (d?.outcome === 'accepted' && d.acceptedStage === 'opportunity_created')) return 5;
  if (d?.outcome === 'accepted') return 4;
  if (r.leadStatus !== null && ctx.connectedStatuses.has(r.leadStatus)) return 3;
  if (r.lastTouchedAt !== null || (r.firstTouchedAt ?? null) !== null) return 2;
  return 1;
}

/** Rejected for who the lead is (a student, a competitor...): never revenue at stake. */
export function isDisqualifiedByDefinition(r: InsightRecord, ctx: Pick<FunnelContext, 'disqualifyingReasons'>): boolean {
  const d = r.disposition;
  return d?.outcome === 'rejected' && d.reasonId !== null && ctx.disqualifyingReasons.has(d.reasonId);
}

/** Not settled yet: a recent lead without a decision, an accepted lead still being worked, an open deal. */
export function isInPlay(r: InsightRecord, ctx: Pick<FunnelContext, 'now'>): boolean {
  if (r.deal) return !r.deal.closed;
  const d = r.disposition;
  if (!d) return r.handedOffAt !== null && ctx.now - r.handedOffAt <= UNDECIDED_IN_PLAY_MS;
  return d.outcome === 'accepted' && ctx.now - d.decidedAt <= ACCEPTED_IN_PLAY_MS;
}

/** Lost at stage `index` (1-based, 2..6): reached the stage before, stopped there, settled, not disqualified. */
export function isLostAt(r: InsightRecord, stage: number, ctx: FunnelContext): boolean {
  return stagesReached(r, ctx) === stage - 1 && !isInPlay(r, ctx) && !isDisqualifiedByDefinition(r, ctx);
}

export function computeFunnel(records: readonly InsightRecord[], configured: number | null, ctx: FunnelContext): InsightsReport['funnel'] {
  const n = FUNNEL_STAGES.length;
  const reached = new Array<number>(n).fill(0);
  const settled = new Array<number>(n).fill(0);
  const lost = new Array<number>(n).fill(0);
  const amounts = new Array<number>(n).fill(0);
  let disqualified = 0;
  let wonAmount = 0;
  let wonDeals = 0;
  for (const r of records) {
    const depth = stagesReached(r, ctx);
    if (depth === 0) continue;
    const amount = r.deal?.amount ?? 0;
    const inPlay = isInPlay(r, ctx);
    const out = isDisqualifiedByDefinition(r, ctx);
    if (out) disqualified++;
    for (let i = 0; i < depth; i++) {
      reached[i] = (reached[i] as number) + 1;
      amounts[i] = (amounts[i] as number) + amount;
      if (!inPlay) settled[i] = (settled[i] as number) + 1;
    }
    if (depth < n && !inPlay && !out) lost[depth] = (lost[depth] as number) + 1;
    if (depth === n && r.deal?.amount !== null && r.deal?.amount !== undefined) {
      wonAmount += r.deal.amount;
      wonDeals++;
    }
  }
  const won = reached[n - 1] as number;
  const averageDealValue = configured ?? (wonDeals > 0 ? wonAmount / wonDeals : null);
  const averageDealValueFrom = configured !== null ? 'configured' : wonDeals > 0 ? 'won_deals' : 'none';
  const stages: FunnelStage[] = FUNNEL_STAGES.map((stage, i) => {
    const count = reached[i] as number;
    const previous = i === 0 ? null : (reached[i - 1] as number);
    // Of the settled leads that passed this stage, the share that won.
    const winRate = toRate(won, settled[i] as number);
    const lostHere = i === 0 ? 0 : (lost[i] as number);
    return {
      stage,
      count,
      amount: amounts[i] as number,
      conversionFromPrevious: previous === null ? null : toRate(count, previous),
      lostFromPrevious: lostHere,
      winRateAfter: winRate,
      revenueAtStake: i === 0 || averageDealValue === null || winRate === null ? null : lostHere * winRate * averageDealValue,
    };
  });
  let biggestLeak: FunnelStageId | null = null;
  let worst = 0;
  for (const s of stages) {
    const size = s.revenueAtStake ?? s.lostFromPrevious;
    if (size > worst) {
      worst = size;
      biggestLeak = s.stage;
    }
  }
  return { stages, averageDealValue, averageDealValueFrom, biggestLeak, disqualified };
}
