import { Bar, BarChart as RechartsBarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { WeekRow } from '../../lib/domain/insights/insights-report';

/*
 * Dispositions per week as stacked columns on a time axis (Recharts: SVG, no eval, so it runs
 * under MV3's extension-page CSP). Categories (campaigns, sources, reps) stay as sorted
 * horizontal bars (bar-chart.tsx); a trend reads best left to right, with empty weeks as visible
 * gaps. Like the other charts it is a picture of the table under it: hidden from screen readers,
 * which get the table.
 */

/** Tailwind's emerald-600, amber-500 and rose-600: the same colours as the bar charts' legend. */
const SERIES = [
  { key: 'accepted', label: 'Accepted', color: '#059669' },
  { key: 'recycled', label: 'Recycled', color: '#f59e0b' },
  { key: 'rejected', label: 'Rejected', color: '#e11d48' },
] as const;

const monthDay = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });

/** "2026-09-07" (a Monday, UTC) as "Sep 7". */
export function formatWeekStart(weekStart: string): string {
  const at = Date.parse(`${weekStart}T00:00:00Z`);
  return Number.isNaN(at) ? weekStart : monthDay.format(at);
}

/** The axis top: a round number above the tallest week (16 → 20), so the tallest bar never touches the edge. */
function headroom(tallest: number): number {
  const target = Math.max(1, tallest * 1.08);
  const step = target <= 10 ? 2 : target <= 50 ? 5 : 10 ** Math.floor(Math.log10(target));
  return Math.ceil(target / step) * step;
}

export default function WeekChart({ weeks, height = 180 }: { weeks: readonly WeekRow[]; height?: number }) {
  const data = weeks.map((w) => ({ ...w, label: formatWeekStart(w.weekStart) }));
  return (
    <div aria-hidden="true" className="mb-3">
      <div className="mb-1 flex flex-wrap gap-3 text-xs text-slate-600">
        {SERIES.map((s) => (
          <span key={s.key} className="inline-flex items-center gap-1">
            <span className="inline-block h-2.5 w-2.5 rounded-sm" style={{ backgroundColor: s.color }} />
            {s.label}
          </span>
        ))}
      </div>
      {/* initialDimension: the first paint uses a typical width instead of waiting for a measure. */}
      <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 880, height }}>
        {/* Headroom above the tallest week and room for three-digit counts: no bar or tick is cut. */}
        <RechartsBarChart data={data} margin={{ top: 12, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="label" tick={{ fontSize: 11, fill: '#475569' }} tickLine={false} axisLine={{ stroke: '#cbd5e1' }} interval="preserveStartEnd" minTickGap={12} />
          <YAxis allowDecimals={false} domain={[0, headroom]} tick={{ fontSize: 11, fill: '#475569' }} tickLine={false} axisLine={false} width={36} />
          <Tooltip cursor={{ fill: '#f1f5f9' }} contentStyle={{ fontSize: 12 }} labelFormatter={(label) => `Week of ${String(label)}`} />
          {SERIES.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} stackId="outcome" fill={s.color} isAnimationActive={false} />
          ))}
        </RechartsBarChart>
      </ResponsiveContainer>
    </div>
  );
}
