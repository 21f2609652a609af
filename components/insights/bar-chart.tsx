import { plainLabel } from './insights-format';

/*
 * A small horizontal bar chart in plain HTML/CSS: no chart library, no canvas, nothing that
 * needs eval (MV3's extension-page CSP forbids it). Stacked segments share one scale across rows
 * so bars compare. The chart is a picture of the table under it: screen readers get the table.
 */

export interface BarSegment {
  series: string;
  value: number;
}

export interface BarRow {
  key: string;
  label: string;
  segments: BarSegment[];
  /** Text at the end of the bar ("62% of 40"). */
  note?: string;
}

export const SERIES_COLORS: Record<string, string> = {
  accepted: 'bg-emerald-600',
  recycled: 'bg-amber-500',
  rejected: 'bg-rose-600',
  undecided: 'bg-slate-300',
  value: 'bg-sky-700',
  touched: 'bg-sky-700',
  lost: 'bg-rose-600',
  routing: 'bg-violet-600',
  response: 'bg-sky-700',
};

export function BarChart({ rows, series, maxRows = 12 }: { rows: BarRow[]; series: { id: string; label: string }[]; maxRows?: number }) {
  const shown = rows.slice(0, maxRows);
  const max = Math.max(1, ...shown.map((row) => row.segments.reduce((sum, s) => sum + Math.max(0, s.value), 0)));
  return (
    <div aria-hidden="true" className="space-y-1">
      {series.length > 1 && (
        <div className="mb-2 flex flex-wrap gap-3 text-xs text-slate-600">
          {series.map((s) => (
            <span key={s.id} className="inline-flex items-center gap-1">
              <span className={`inline-block h-2.5 w-2.5 rounded-sm ${SERIES_COLORS[s.id] ?? 'bg-slate-500'}`} />
              {s.label}
            </span>
          ))}
        </div>
      )}
      {shown.map((row) => (
        <div key={row.key} className="grid grid-cols-[minmax(9rem,16rem)_1fr] items-center gap-2">
          {/* Labels wrap instead of being cut: a campaign's name is the finding. */}
          <span className="text-xs leading-tight break-words text-slate-700">{plainLabel(row.label)}</span>
          <span className="flex items-center gap-2">
            <span className="flex h-3.5 flex-1 overflow-hidden rounded-sm bg-slate-100">
              {row.segments.map((s) => (
                <span key={s.series} className={SERIES_COLORS[s.series] ?? 'bg-slate-500'} style={{ width: `${(Math.max(0, s.value) / max) * 100}%` }} />
              ))}
            </span>
            {row.note && <span className="w-40 shrink-0 text-xs whitespace-nowrap text-slate-600">{row.note}</span>}
          </span>
        </div>
      ))}
      {rows.length > shown.length && <p className="text-xs text-slate-500">Chart shows the first {shown.length} of {rows.length}; the table has them all.</p>}
    </div>
  );
}
