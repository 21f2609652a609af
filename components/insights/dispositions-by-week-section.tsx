import { lazy, Suspense } from 'react';
import type { InsightsReport, WeekRow } from '../../lib/domain/insights/insights-report';
import { InsightSection, InsightTable } from './insight-table';
import type { Column } from './insight-table';
import { formatCount } from './insights-format';
import { leadsWord } from './report-rows';

/** Recharts is most of this page's script: loaded apart, so the figures and tables paint first. */
const WeekChart = lazy(() => import('./week-chart'));

const weekDrill = (subset: 'accepted' | 'recycled' | 'rejected') => (w: WeekRow) => ({ dimension: 'week' as const, key: w.weekStart, subset, title: `Week of ${w.weekStart}: ${leadsWord(w[subset])} ${subset}` });

const weekColumns: Column<WeekRow>[] = [
  { header: 'Week of', cell: (w) => w.weekStart },
  { header: 'Accepted', cell: (w) => formatCount(w.accepted), numeric: true, drill: weekDrill('accepted') },
  { header: 'Recycled', cell: (w) => formatCount(w.recycled), numeric: true, drill: weekDrill('recycled') },
  { header: 'Rejected', cell: (w) => formatCount(w.rejected), numeric: true, drill: weekDrill('rejected') },
];

export function DispositionsByWeekSection({ report }: { report: Pick<InsightsReport, 'outcomesByWeek'> }) {
  return (
    <InsightSection id="weeks" title="Dispositions over time (by week of the decision)" empty={report.outcomesByWeek.length ? null : 'No dispositions in this range.'}>
      {/* The chart library loads on its own, after the figures have painted. */}
      <Suspense fallback={<div aria-hidden="true" className="mb-3 h-[198px] rounded bg-slate-50" />}>
        <WeekChart weeks={report.outcomesByWeek} />
      </Suspense>
      <InsightTable caption="Dispositions by week" fileName="dispositions-by-week" columns={weekColumns} rows={report.outcomesByWeek} rowKey={(r) => r.weekStart} />
    </InsightSection>
  );
}
