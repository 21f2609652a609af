import type { FunnelStage, InsightsReport } from '../../lib/domain/insights/insights-report';
import { BarChart } from './bar-chart';
import { InsightSection, InsightTable } from './insight-table';
import type { Column } from './insight-table';
import { formatCount, formatMoney, formatRate, STAGE_LABELS } from './insights-format';

const funnelColumns: Column<FunnelStage>[] = [
  { header: 'Stage', cell: (s) => STAGE_LABELS[s.stage] ?? s.stage },
  { header: 'Leads', cell: (s) => formatCount(s.count), numeric: true },
  { header: 'Conversion from previous', cell: (s) => formatRate(s.conversionFromPrevious), numeric: true },
  { header: 'Lost from previous', cell: (s) => formatCount(s.lostFromPrevious), numeric: true },
  { header: 'Revenue at stake', cell: (s) => formatMoney(s.revenueAtStake), numeric: true },
  { header: 'Deal amount', cell: (s) => formatMoney(s.amount), numeric: true },
];

export function HandoffFunnelSection({ report }: { report: Pick<InsightsReport, 'funnel'> }) {
  const leak = report.funnel.biggestLeak;
  return (
    <InsightSection
      id="funnel"
      title="Handoff funnel"
      description={`Revenue at stake = leads lost at a stage × ${report.funnel.averageDealValueFrom === 'configured' ? 'the deal value you entered' : 'the average won deal'} (${formatMoney(report.funnel.averageDealValue)}).${leak ? ` Biggest leak: ${STAGE_LABELS[leak]}.` : ''}`}
    >
      <BarChart rows={report.funnel.stages.map((s) => ({ key: s.stage, label: STAGE_LABELS[s.stage] ?? s.stage, segments: [{ series: s.stage === leak ? 'lost' : 'value', value: s.count }], note: formatCount(s.count) }))} series={[{ id: 'value', label: 'Leads' }]} />
      <InsightTable caption="Handoff funnel" fileName="handoff-funnel" columns={funnelColumns} rows={report.funnel.stages} rowKey={(s) => s.stage} />
    </InsightSection>
  );
}
