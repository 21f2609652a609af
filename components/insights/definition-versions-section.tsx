import type { InsightsReport, VersionRow } from '../../lib/domain/insights/insights-report';
import { InsightSection, InsightTable } from './insight-table';
import type { Column } from './insight-table';
import { describeVersion, formatCount, formatRate } from './insights-format';
import { leadsWord } from './report-rows';

const versionDrill = (subset: 'dispositioned' | 'accepted' | 'opportunity' | 'won', count: (v: VersionRow) => number, words: string) => (v: VersionRow) => ({
  dimension: 'version' as const,
  key: v.version,
  subset,
  title: `${describeVersion(v.version)}: ${leadsWord(count(v))} ${words}`,
});

const versionColumns: Column<VersionRow>[] = [
  { header: 'SQL definition version', cell: (v) => describeVersion(v.version) },
  { header: 'Dispositioned', cell: (v) => formatCount(v.dispositioned), numeric: true, drill: versionDrill('dispositioned', (v) => v.dispositioned, 'with a disposition') },
  { header: 'Accepted', cell: (v) => formatCount(v.accepted), numeric: true, drill: versionDrill('accepted', (v) => v.accepted, 'accepted') },
  { header: 'Acceptance rate', cell: (v) => formatRate(v.acceptanceRate), numeric: true },
  { header: 'Opportunities', cell: (v) => formatCount(v.opportunities), numeric: true, drill: versionDrill('opportunity', (v) => v.opportunities, 'accepted with an opportunity') },
  { header: 'Won', cell: (v) => formatCount(v.won), numeric: true, drill: versionDrill('won', (v) => v.won, 'accepted and won') },
  { header: 'Won per disposition', cell: (v) => formatRate(v.conversionRate), numeric: true },
];

export function DefinitionVersionsSection({ report }: { report: Pick<InsightsReport, 'versions'> }) {
  return (
    <InsightSection id="versions" title="SQL definition versions side by side" empty={report.versions.length ? null : 'No dispositions match these filters.'}>
      <InsightTable open caption="Definition versions" fileName="definition-versions" columns={versionColumns} rows={report.versions} rowKey={(v) => v.version} />
    </InsightSection>
  );
}
