import type { InsightsReport } from '../../lib/domain/insights/insights-report';
import { BarChart } from './bar-chart';
import { InsightSection, InsightTable } from './insight-table';
import { describeChannel } from './insights-format';
import { countColumns, outcomeBars, outcomeColumns, outcomeSeries } from './report-rows';

const channelLabel = (r: { key: string }) => describeChannel(r.key);

/** Outcomes by channel, and the recycle/reject reasons by channel under them. */
export function OutcomesByChannelSection({ report }: { report: Pick<InsightsReport, 'outcomesByChannel' | 'reasonsByChannel'> }) {
  return (
    <InsightSection id="channels" title="Outcomes and reasons by channel" empty={report.outcomesByChannel.length ? null : 'No leads match these filters.'}>
      <BarChart rows={outcomeBars(report.outcomesByChannel, channelLabel)} series={outcomeSeries} />
      <InsightTable caption="Outcomes by channel" fileName="outcomes-by-channel" columns={outcomeColumns('Channel', channelLabel, 'channel')} rows={report.outcomesByChannel} rowKey={(r) => r.key} />
      <InsightTable caption="Reasons by channel" fileName="reasons-by-channel" columns={countColumns('Channel', 'Reason', (r) => describeChannel(r.group), { dimension: 'channel', kind: 'reason' })} rows={report.reasonsByChannel} rowKey={(r) => `${r.group}|${r.key}`} />
    </InsightSection>
  );
}
