import type { InsightsReport } from '../../lib/domain/insights/insights-report';
import { BarChart } from './bar-chart';
import { InsightSection, InsightTable } from './insight-table';
import { countBars, countColumns } from './report-rows';

export function ReasonsByCampaignSection({ report }: { report: Pick<InsightsReport, 'reasonsByCampaign'> }) {
  return (
    <InsightSection id="reasons-campaign" title="Why leads were recycled or rejected, by campaign" empty={report.reasonsByCampaign.length ? null : 'No recycled or rejected leads match these filters.'}>
      <BarChart rows={countBars(report.reasonsByCampaign)} series={[{ id: 'value', label: 'Leads' }]} />
      <InsightTable caption="Reasons by campaign" fileName="reasons-by-campaign" columns={countColumns('Campaign', 'Reason', undefined, { dimension: 'campaign', kind: 'reason' })} rows={report.reasonsByCampaign} rowKey={(r) => `${r.group}|${r.key}`} />
    </InsightSection>
  );
}
