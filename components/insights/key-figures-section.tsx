import { STALE_AFTER_MS } from '../../lib/domain/insights/aggregate-insights';
import type { DrillInput } from '../../lib/domain/insights/insight-drill';
import type { InsightsReport } from '../../lib/domain/insights/insights-report';
import { DrillButton } from './drill-context';
import { formatCount, formatRate } from './insights-format';

const DAY = 86_400_000;
const LINK_TEXT = 'rounded text-left font-medium text-sky-800 underline decoration-sky-300 underline-offset-2 hover:bg-sky-50 hover:decoration-sky-700 focus-visible:outline-2 focus-visible:outline-sky-700';

/** The four headline figures above the report; labelled partial while the first read is underway. Each count lists its leads. */
export function KeyFiguresSection({ totals: t, partial }: { totals: InsightsReport['totals']; partial: boolean }) {
  const staleWords = `${formatCount(t.staleWithoutDisposition)} ${t.staleWithoutDisposition === 1 ? 'lead has' : 'leads have'} no disposition after ${STALE_AFTER_MS / DAY} days`;
  const all = (subset: DrillInput['subset'], title: string): DrillInput => ({ dimension: 'all', key: null, subset, title });
  return (
    <section aria-label={partial ? 'Key figures (partial)' : 'Key figures'} className="grid grid-cols-2 gap-3 md:grid-cols-4">
      <Figure label="Handed off" value={<Count n={t.handedOff} drill={all('handed_off', `${formatCount(t.handedOff)} leads handed off`)} />} />
      <Figure label="Acceptance rate" value={formatRate(t.acceptanceRate)} detail={<><Count n={t.accepted} drill={all('accepted', `${formatCount(t.accepted)} leads accepted`)} /> of <Count n={t.dispositioned} drill={all('dispositioned', `${formatCount(t.dispositioned)} leads with a disposition`)} /> dispositions</>} />
      <Figure label="Touched at all" value={formatRate(t.handedOff ? t.touched / t.handedOff : null)} detail={<><Count n={t.touched} drill={all('touched', `${formatCount(t.touched)} handed-off leads touched`)} /> of {formatCount(t.handedOff)} handed off</>} />
      <Figure
        label="No disposition after 7 days"
        value={formatCount(t.staleWithoutDisposition)}
        detail={t.staleWithoutDisposition ? <DrillButton drill={all('stale', staleWords)} className={LINK_TEXT}>{staleWords}</DrillButton> : 'Every lead older than a week has a disposition'}
        tone={t.staleWithoutDisposition ? 'warn' : 'ok'}
      />
    </section>
  );
}

function Count({ n, drill }: { n: number; drill: DrillInput }) {
  return n === 0 ? <>0</> : <DrillButton drill={drill}>{formatCount(n)}</DrillButton>;
}

function Figure({ label, value, detail, tone }: { label: string; value: React.ReactNode; detail?: React.ReactNode; tone?: 'ok' | 'warn' }) {
  return (
    <div className={`rounded-lg border bg-white p-3 ${tone === 'warn' ? 'border-amber-400' : 'border-slate-200'}`}>
      <p className="text-xs text-slate-600">{label}</p>
      <p className="text-xl font-semibold text-slate-900">{value}</p>
      {detail && <p className="text-xs text-slate-600">{detail}</p>}
    </div>
  );
}
