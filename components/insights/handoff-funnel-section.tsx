import type { FunnelStage, InsightsReport } from '../../lib/domain/insights/insights-report';
import { BarChart } from './bar-chart';
import { DrillButton } from './drill-context';
import { InsightSection, InsightTable } from './insight-table';
import type { Column } from './insight-table';
import { formatCount, formatMoney, formatRate, STAGE_LABELS } from './insights-format';
import { leadsWord } from './report-rows';

/*
 * The handoff funnel, each stage its own fact in the CRM, and what each leak is worth as an
 * expected value: leads lost at the stage × the win rate of the settled leads that passed it ×
 * the average won deal. Leads still in play are not counted lost; leads disqualified by definition
 * (students, competitors...) are counted apart.
 */

const STAGE_FACTS: Record<string, string> = {
  handed_off: 'an owner was assigned',
  contacted: 'a call, email or meeting is logged',
  connected: 'the lead status says a conversation happened, or a deal exists',
  accepted: 'the rep accepted the lead in Baton',
  opportunity: 'a deal exists',
  won: 'the deal is won',
};

const stageLabel = (s: FunnelStage) => STAGE_LABELS[s.stage] ?? s.stage;

const funnelColumns: Column<FunnelStage>[] = [
  { header: 'Stage', cell: stageLabel },
  { header: 'Counts when', cell: (s) => STAGE_FACTS[s.stage] ?? '' },
  { header: 'Leads', cell: (s) => formatCount(s.count), numeric: true, drill: (s) => ({ dimension: 'all', key: null, subset: 'funnel_reached', stage: s.stage, title: `${leadsWord(s.count)} reached ${stageLabel(s)}` }) },
  { header: 'Conversion from previous', cell: (s) => formatRate(s.conversionFromPrevious), numeric: true },
  { header: 'Lost before this stage', cell: (s) => (s.stage === 'handed_off' ? '—' : formatCount(s.lostFromPrevious)), numeric: true, drill: (s) => ({ dimension: 'all', key: null, subset: 'funnel_lost', stage: s.stage, title: `${leadsWord(s.lostFromPrevious)} lost before ${stageLabel(s)}` }) },
  { header: 'Win rate after this stage', cell: (s) => formatRate(s.winRateAfter), numeric: true },
  { header: 'Revenue at stake (expected)', cell: (s) => formatMoney(s.revenueAtStake), numeric: true },
  { header: 'Deal amount', cell: (s) => formatMoney(s.amount), numeric: true },
];

export function HandoffFunnelSection({ report }: { report: Pick<InsightsReport, 'funnel'> }) {
  const { funnel } = report;
  const leak = funnel.stages.find((s) => s.stage === funnel.biggestLeak) ?? null;
  const dealFrom = funnel.averageDealValueFrom === 'configured' ? 'the deal value you entered' : 'the average won deal';
  const totalAtStake = funnel.stages.reduce((sum, s) => sum + (s.revenueAtStake ?? 0), 0);
  return (
    <InsightSection id="funnel" title="Handoff funnel and revenue at stake">
      <p className="-mt-2 mb-2 text-xs text-slate-700">
        Revenue at stake is an expected value: leads lost before a stage × the win rate of the settled leads that got past it × {dealFrom} ({formatMoney(funnel.averageDealValue)}). Leads still in play are not lost.
        {funnel.averageDealValue !== null && <> In total {formatMoney(totalAtStake)}.</>}
        {leak && leak.revenueAtStake !== null && leak.revenueAtStake > 0 && (
          <>
            {' '}
            Biggest leak: before <strong>{stageLabel(leak)}</strong>, <DrillButton drill={{ dimension: 'all', key: null, subset: 'funnel_lost', stage: leak.stage, title: `${leadsWord(leak.lostFromPrevious)} lost before ${stageLabel(leak)}` }}>{leadsWord(leak.lostFromPrevious)}</DrillButton> worth {formatMoney(leak.revenueAtStake)}.
          </>
        )}
        {funnel.disqualified > 0 && (
          <>
            {' '}
            Apart: <DrillButton drill={{ dimension: 'all', key: null, subset: 'disqualified', title: `${leadsWord(funnel.disqualified)} disqualified by definition` }}>{leadsWord(funnel.disqualified)}</DrillButton> disqualified by definition (students, competitors, existing customers, bad data), never counted as revenue at stake.
          </>
        )}
      </p>
      <BarChart
        rows={funnel.stages.map((s) => ({
          key: s.stage,
          label: stageLabel(s),
          segments: [{ series: s.stage === funnel.biggestLeak ? 'lost' : 'value', value: s.count }],
          note: s.stage === 'handed_off' ? formatCount(s.count) : `${formatCount(s.count)} · ${formatRate(s.conversionFromPrevious)}`,
        }))}
        series={[{ id: 'value', label: 'Leads' }]}
      />
      <InsightTable caption="Handoff funnel" fileName="handoff-funnel" columns={funnelColumns} rows={funnel.stages} rowKey={(s) => s.stage} />
    </InsightSection>
  );
}
