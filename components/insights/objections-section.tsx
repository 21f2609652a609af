import type { CountRow, InsightsReport } from '../../lib/domain/insights/insights-report';
import { BarChart } from './bar-chart';
import { InsightSection, InsightTable } from './insight-table';
import { describeSource } from './insights-format';
import { countBars, countColumns } from './report-rows';

const sourceGroup = (r: CountRow) => describeSource(r.group.startsWith('(') ? null : r.group);

export function ObjectionsSection({ report }: { report: Pick<InsightsReport, 'objectionsByCampaign' | 'objectionsBySource'> }) {
  return (
    <InsightSection id="objections" title="Objections heard, by campaign and source" description="What content sales is missing." empty={report.objectionsByCampaign.length ? null : 'No objections were recorded for these leads.'}>
      <BarChart rows={countBars(report.objectionsByCampaign, undefined, 'objection')} series={[{ id: 'value', label: 'Leads' }]} />
      <InsightTable caption="Objections by campaign" fileName="objections-by-campaign" columns={countColumns('Campaign', 'Objection', undefined, { dimension: 'campaign', kind: 'objection' })} rows={report.objectionsByCampaign} rowKey={(r) => `${r.group}|${r.key}`} />
      <InsightTable caption="Objections by source" fileName="objections-by-source" columns={countColumns('Source', 'Objection', sourceGroup, { dimension: 'source', kind: 'objection' })} rows={report.objectionsBySource} rowKey={(r) => `${r.group}|${r.key}`} />
    </InsightSection>
  );
}
