import type { InsightsReport } from '../../lib/domain/insights/insights-report';
import { BarChart } from './bar-chart';
import { InsightSection, InsightTable } from './insight-table';
import { outcomeBars, outcomeColumns, outcomeSeries } from './report-rows';

export function OutcomesByCampaignSection({ report }: { report: Pick<InsightsReport, 'outcomesByCampaign'> }) {
  return (
    <InsightSection id="campaigns" title="Outcomes by campaign" description="Acceptance rate = accepted ÷ dispositioned; the counts behind every rate are in the table." empty={report.outcomesByCampaign.length ? null : 'No leads match these filters.'}>
      <BarChart rows={outcomeBars(report.outcomesByCampaign, (r) => r.label)} series={outcomeSeries} />
      <InsightTable caption="Outcomes by campaign" fileName="outcomes-by-campaign" columns={outcomeColumns('Campaign', (r) => r.label, 'campaign')} rows={report.outcomesByCampaign} rowKey={(r) => r.key} />
    </InsightSection>
  );
}
