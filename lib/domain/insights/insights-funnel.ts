import type { InsightRecord } from './insight-record';
import { FUNNEL_STAGES, type FunnelStage, type FunnelStageId, type InsightsReport } from './insights-report';
import { toRate } from './insight-stats';

/**
 * Each stage is a subset of the one before: an opportunity counts as connected (a deal means
 * someone talked), and a won deal as an opportunity, whatever the lead status says.
 */
function reachedStages(r: InsightRecord, connectedStatuses: ReadonlySet<string>): number {
  if (r.handedOffAt === null) return 0;
  const d = r.disposition;
  if (!d || d.outcome !== 'accepted') return 1;
  const opportunity = r.deal !== null || d.acceptedStage === 'opportunity_created';
  const connected = opportunity || (r.leadStatus !== null && connectedStatuses.has(r.leadStatus));
  if (!connected) return 2;
  if (!opportunity) return 3;
  return r.deal?.won ? 5 : 4;
}

export function computeFunnel(records: readonly InsightRecord[], configured: number | null, connectedStatuses: ReadonlySet<string>): InsightsReport['funnel'] {
  const counts = [0, 0, 0, 0, 0];
  const amounts = [0, 0, 0, 0, 0];
  let wonAmount = 0;
  let wonDeals = 0;
  for (const r of records) {
    const reached = reachedStages(r, connectedStatuses);
    const amount = r.deal?.amount ?? 0;
    for (let i = 0; i < reached; i++) {
      counts[i] = (counts[i] as number) + 1;
      amounts[i] = (amounts[i] as number) + amount;
    }
    if (reached === 5 && r.deal?.amount !== null && r.deal?.amount !== undefined) {
      wonAmount += r.deal.amount;
      wonDeals++;
    }
  }
  const averageDealValue = configured ?? (wonDeals > 0 ? wonAmount / wonDeals : null);
  const averageDealValueFrom = configured !== null ? 'configured' : wonDeals > 0 ? 'won_deals' : 'none';
  const stages: FunnelStage[] = FUNNEL_STAGES.map((stage, i) => {
    const count = counts[i] as number;
    const previous = i === 0 ? null : (counts[i - 1] as number);
    const lost = previous === null ? 0 : previous - count;
    return {
      stage,
      count,
      amount: amounts[i] as number,
      conversionFromPrevious: previous === null ? null : toRate(count, previous),
      lostFromPrevious: lost,
      revenueAtStake: previous === null || averageDealValue === null ? null : lost * averageDealValue,
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
  return { stages, averageDealValue, averageDealValueFrom, biggestLeak };
}
