import { STALE_AFTER_MS } from '../../lib/domain/insights/aggregate-insights';
import type { InsightsReport } from '../../lib/domain/insights/insights-report';
import { formatCount, formatRate } from './insights-format';

const DAY = 86_400_000;

/** The four headline figures above the report; labelled partial while the first read is underway. */
export function KeyFiguresSection({ totals: t, partial }: { totals: InsightsReport['totals']; partial: boolean }) {
  return (
    <section aria-label={partial ? 'Key figures (partial)' : 'Key figures'} className="grid grid-cols-2 gap-3 md:grid-cols-4">
      <Figure label="Handed off" value={formatCount(t.handedOff)} />
      <Figure label="Acceptance rate" value={formatRate(t.acceptanceRate)} detail={`${formatCount(t.accepted)} of ${formatCount(t.dispositioned)} dispositions`} />
      <Figure label="Touched at all" value={formatRate(t.handedOff ? t.touched / t.handedOff : null)} detail={`${formatCount(t.touched)} of ${formatCount(t.handedOff)} handed off`} />
      <Figure label="No disposition after 7 days" value={formatCount(t.staleWithoutDisposition)} detail={t.staleWithoutDisposition ? `${formatCount(t.staleWithoutDisposition)} leads have no disposition after ${STALE_AFTER_MS / DAY} days` : 'Every lead older than a week has a disposition'} tone={t.staleWithoutDisposition ? 'warn' : 'ok'} />
    </section>
  );
}

function Figure({ label, value, detail, tone }: { label: string; value: string; detail?: string; tone?: 'ok' | 'warn' }) {
  return (
    <div className={`rounded-lg border bg-white p-3 ${tone === 'warn' ? 'border-amber-400' : 'border-slate-200'}`}>
      <p className="text-xs text-slate-600">{label}</p>
      <p className="text-xl font-semibold text-slate-900">{value}</p>
      {detail && <p className="text-xs text-slate-600">{detail}</p>}
    </div>
  );
}
