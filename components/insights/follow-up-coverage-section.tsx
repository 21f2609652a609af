import type { CoverageRow, InsightsReport } from '../../lib/domain/insights/insights-report';
import { BarChart } from './bar-chart';
import { InsightSection, InsightTable } from './insight-table';
import type { Column } from './insight-table';
import { formatCount, formatRate } from './insights-format';
import type { DrillDimension, DrillSubset } from '../../lib/domain/insights/insight-drill';
import { leadsWord, sourceLabel } from './report-rows';

const coverageColumns = (first: string, dimension: DrillDimension, label: (r: CoverageRow) => string = (r) => r.label): Column<CoverageRow>[] => {
  const drill = (subset: DrillSubset, count: (r: CoverageRow) => number, words: string) => (r: CoverageRow) => ({ dimension, key: r.key, subset, title: `${label(r)}: ${leadsWord(count(r))} ${words}` });
  return [
    { header: first, cell: label },
    { header: 'Handed off', cell: (r) => formatCount(r.handedOff), numeric: true, drill: drill('handed_off', (r) => r.handedOff, 'handed off') },
    { header: 'Touched', cell: (r) => formatCount(r.touched), numeric: true, drill: drill('touched', (r) => r.touched, 'touched') },
    { header: 'Touched rate', cell: (r) => formatRate(r.touchedRate), numeric: true },
    { header: 'With disposition', cell: (r) => formatCount(r.dispositioned), numeric: true, drill: drill('dispositioned', (r) => r.dispositioned, 'with a disposition') },
    { header: 'Disposition rate', cell: (r) => formatRate(r.dispositionedRate), numeric: true },
    { header: 'No disposition after 7 days', cell: (r) => formatCount(r.staleWithoutDisposition), numeric: true, drill: drill('stale', (r) => r.staleWithoutDisposition, 'with no disposition after 7 days') },
  ];
};

export function FollowUpCoverageSection({ report }: { report: Pick<InsightsReport, 'coverageByRep' | 'coverageBySource'> }) {
  return (
    <InsightSection id="coverage" title="Follow-up coverage" description="Of the leads handed to sales: how many were touched at all, and how many got a disposition." empty={report.coverageByRep.length ? null : 'No handed-off leads match these filters.'}>
      <BarChart rows={report.coverageByRep.map((r) => ({ key: r.key, label: r.label, segments: [{ series: 'touched', value: r.dispositioned }, { series: 'undecided', value: r.handedOff - r.dispositioned }], note: `${formatRate(r.dispositionedRate)} with disposition` }))} series={[{ id: 'touched', label: 'With disposition' }, { id: 'undecided', label: 'Without' }]} />
      <InsightTable caption="Follow-up coverage by rep" fileName="coverage-by-rep" columns={coverageColumns('Rep', 'rep')} rows={report.coverageByRep} rowKey={(r) => r.key} />
      <InsightTable caption="Follow-up coverage by source" fileName="coverage-by-source" columns={coverageColumns('Source', 'source', sourceLabel)} rows={report.coverageBySource} rowKey={(r) => r.key} />
    </InsightSection>
  );
}
