import type { InsightsReport } from '../../lib/domain/insights/insights-report';
import { BarChart } from './bar-chart';
import { InsightSection, InsightTable } from './insight-table';
import { outcomeBars, outcomeColumns, outcomeSeries, sourceLabel } from './report-rows';

export function OutcomesBySourceSection({ report }: { report: Pick<InsightsReport, 'outcomesBySource'> }) {
  return (
    <InsightSection id="sources" title="Outcomes by original source" empty={report.outcomesBySource.length ? null : 'No leads match these filters.'}>
      <BarChart rows={outcomeBars(report.outcomesBySource, sourceLabel)} series={outcomeSeries} />
      <InsightTable caption="Outcomes by source" fileName="outcomes-by-source" columns={outcomeColumns('Source', sourceLabel, 'source')} rows={report.outcomesBySource} rowKey={(r) => r.key} />
    </InsightSection>
  );
}
