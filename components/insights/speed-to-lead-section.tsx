import type { InsightsReport, SpeedToLeadRowOut } from '../../lib/domain/insights/insights-report';
import { BarChart } from './bar-chart';
import type { BarRow } from './bar-chart';
import { DrillButton } from './drill-context';
import { InsightSection, InsightTable } from './insight-table';
import type { Column } from './insight-table';
import { formatCount, formatMinutes, formatRate, hoursWord } from './insights-format';
import { leadsWord } from './report-rows';

/*
 * Speed to lead in two parts, so marketing and sales each see their own part of the clock:
 * routing (from the lead's engagement to a rep being assigned) and the rep's response (from the
 * assignment to the first call, email or meeting). The bars are the average of the leads with both
 * parts, split at the assignment (averages add up; medians do not); the table has medians and the
 * 90th percentile of each part.
 */

type Basis = InsightsReport['speedToLead']['basis'];

function averages(row: SpeedToLeadRowOut): { system: number; rep: number } | null {
  if (row.whole.count === 0 || row.systemShare === null) return null;
  const whole = row.whole.totalMinutes / row.whole.count;
  return { system: whole * row.systemShare, rep: whole * (1 - row.systemShare) };
}

function bars(rows: SpeedToLeadRowOut[]): BarRow[] {
  return rows.flatMap((row) => {
    const avg = averages(row);
    if (!avg) return [];
    return [{ key: row.key, label: row.label, segments: [{ series: 'routing', value: avg.system }, { series: 'response', value: avg.rep }], note: `${formatMinutes(avg.system + avg.rep)} average` }];
  });
}

function columns(first: string, dimension: 'tier' | 'rep', basis: Basis): Column<SpeedToLeadRowOut>[] {
  const unit = hoursWord(basis);
  return [
    { header: first, cell: (r) => r.label },
    { header: 'Leads assigned', cell: (r) => formatCount(r.assigned), numeric: true, drill: (r) => ({ dimension, key: r.key, subset: 'handed_off', title: `${r.label}: ${leadsWord(r.assigned)} assigned` }) },
    { header: `Routing, median (${unit})`, cell: (r) => formatMinutes(r.system.medianMinutes), numeric: true },
    { header: 'Routing, 90th percentile', cell: (r) => formatMinutes(r.system.p90Minutes), numeric: true },
    { header: `Rep response, median (${unit})`, cell: (r) => formatMinutes(r.rep.medianMinutes), numeric: true },
    { header: 'Rep response, 90th percentile', cell: (r) => formatMinutes(r.rep.p90Minutes), numeric: true },
    { header: 'Engagement to first touch, median', cell: (r) => formatMinutes(r.whole.medianMinutes), numeric: true },
    { header: 'Share of the wait before assignment', cell: (r) => formatRate(r.systemShare), numeric: true },
    { header: 'No first touch yet', cell: (r) => formatCount(r.awaitingTouch), numeric: true, drill: (r) => ({ dimension, key: r.key, subset: 'awaiting_touch', title: `${r.label}: ${leadsWord(r.awaitingTouch)} assigned, no first touch yet` }) },
  ];
}

const SERIES = [
  { id: 'routing', label: 'Routing: engagement → assigned (marketing ops)' },
  { id: 'response', label: 'Rep response: assigned → first touch (sales)' },
];

export function SpeedToLeadSection({ report }: { report: Pick<InsightsReport, 'speedToLead'> }) {
  const { basis, overall, byTier, byRep } = report.speedToLead;
  const unit = hoursWord(basis);
  const hasSplit = overall.system.count > 0 || overall.rep.count > 0;
  return (
    <InsightSection id="speed" title="Speed to lead: whose part of the clock leaks" empty={overall.assigned === 0 ? 'No handed-off leads match these filters.' : hasSplit ? null : 'The CRM gives no engagement or first-touch times for these leads yet.'}>
      <p className="-mt-2 mb-2 text-xs text-slate-700">
        Routing (marketing ops), from the lead’s engagement to a rep being assigned: median <strong>{formatMinutes(overall.system.medianMinutes)}</strong>, 90th percentile{' '}
        <strong>{formatMinutes(overall.system.p90Minutes)}</strong>. Rep response (sales), from assignment to the first call, email or meeting: median <strong>{formatMinutes(overall.rep.medianMinutes)}</strong>, 90th percentile{' '}
        <strong>{formatMinutes(overall.rep.p90Minutes)}</strong>. In {unit}
        {basis === 'business' ? ' on the SLA calendar (time outside them does not count)' : ''}. {formatRate(overall.systemShare)} of the wait happens before a rep has the lead.
        {overall.awaitingTouch > 0 && (
          <>
            {' '}
            <DrillButton drill={{ dimension: 'all', key: null, subset: 'awaiting_touch', title: `${leadsWord(overall.awaitingTouch)} assigned, no first touch yet` }}>{leadsWord(overall.awaitingTouch)}</DrillButton> have no first touch yet.
          </>
        )}
      </p>
      <h3 className="text-xs font-semibold text-slate-900">By SLA tier (average {unit} per lead)</h3>
      <BarChart rows={bars(byTier)} series={SERIES} />
      <InsightTable caption="Speed to lead by tier" fileName="speed-to-lead-by-tier" columns={columns('Tier', 'tier', basis)} rows={byTier} rowKey={(r) => r.key} />
      <h3 className="mt-4 text-xs font-semibold text-slate-900">By rep (average {unit} per lead)</h3>
      <BarChart rows={bars(byRep)} series={SERIES} />
      <InsightTable caption="Speed to lead by rep" fileName="speed-to-lead-by-rep" columns={columns('Rep', 'rep', basis)} rows={byRep} rowKey={(r) => r.key} />
    </InsightSection>
  );
}
