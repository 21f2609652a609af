import type { InsightsReport, SlaRow } from '../../lib/domain/insights/insights-report';
import { BarChart } from './bar-chart';
import { InsightSection, InsightTable } from './insight-table';
import type { Column } from './insight-table';
import { formatCount, formatMinutes, formatRate, plainLabel } from './insights-format';
import { leadsWord } from './report-rows';

const slaColumns = (first: string, dimension: 'decided_by' | 'tier'): Column<SlaRow>[] => [
  { header: first, cell: (r) => r.label },
  { header: 'SLA known', cell: (r) => formatCount(r.decided), numeric: true, drill: (r) => ({ dimension, key: r.key, subset: 'sla_known', title: `${plainLabel(r.label)}: ${leadsWord(r.decided)} with a known SLA outcome` }) },
  { header: 'Met', cell: (r) => formatCount(r.met), numeric: true, drill: (r) => ({ dimension, key: r.key, subset: 'sla_met', title: `${plainLabel(r.label)}: ${leadsWord(r.met)} that met the SLA` }) },
  { header: 'Share met', cell: (r) => formatRate(r.complianceRate), numeric: true },
  { header: 'Responses', cell: (r) => formatCount(r.responses), numeric: true },
  { header: 'Median response (business hours)', cell: (r) => formatMinutes(r.medianMinutes), numeric: true },
  { header: '90th percentile (business hours)', cell: (r) => formatMinutes(r.p90Minutes), numeric: true },
];

export function ResponseSlaSection({ report }: { report: Pick<InsightsReport, 'sla' | 'slaByRep' | 'slaByTier'> }) {
  return (
    <InsightSection id="sla" title="Response SLA" description={`Overall: ${formatRate(report.sla.complianceRate)} met (${formatCount(report.sla.met)} of ${formatCount(report.sla.decided)}), median response ${formatMinutes(report.sla.medianMinutes)}, 90th percentile ${formatMinutes(report.sla.p90Minutes)}, in business hours (from handoff to the first touch, as recorded with each disposition).`} empty={report.slaByRep.length ? null : 'No dispositions with an SLA outcome match these filters.'}>
      <BarChart rows={report.slaByRep.map((r) => ({ key: r.key, label: r.label, segments: [{ series: 'accepted', value: r.met }, { series: 'rejected', value: r.decided - r.met }], note: `${formatRate(r.complianceRate)} met` }))} series={[{ id: 'accepted', label: 'Met' }, { id: 'rejected', label: 'Late' }]} />
      <InsightTable caption="SLA by rep" fileName="sla-by-rep" columns={slaColumns('Rep', 'decided_by')} rows={report.slaByRep} rowKey={(r) => r.key} />
      {/* By tier: each tier has its own target (5 business minutes for a demo request, a day for an MQL), so compliance is compared within a tier. */}
      <h3 className="mt-4 text-xs font-semibold text-slate-900">By SLA tier</h3>
      <BarChart rows={report.slaByTier.map((r) => ({ key: r.key, label: r.label, segments: [{ series: 'accepted', value: r.met }, { series: 'rejected', value: r.decided - r.met }], note: `${formatRate(r.complianceRate)} met` }))} series={[{ id: 'accepted', label: 'Met' }, { id: 'rejected', label: 'Late' }]} />
      <InsightTable caption="SLA by tier" fileName="sla-by-tier" columns={slaColumns('Tier', 'tier')} rows={report.slaByTier} rowKey={(r) => r.key} />
    </InsightSection>
  );
}
