import { useMemo, useState } from 'react';
import { computeSlaStatus, type SlaState, type SlaStatus } from '../../lib/domain/sla/compute-sla-status';
import { formatDuration } from '../../lib/domain/sla/format-duration';
import type { SlaInputs } from '../../lib/messaging/panel-protocol';
import { formatAbsoluteTime } from '../../lib/format/format-time';
import { useNow } from '../ui/use-now';

const STATE_STYLE: Record<SlaState, { box: string; pill: string; label: string }> = {
  on_track: { box: 'bg-emerald-50 border-emerald-200', pill: 'bg-emerald-700 text-white', label: 'On track' },
  at_risk: { box: 'bg-amber-50 border-amber-200', pill: 'bg-amber-500 text-slate-950', label: 'At risk' },
  breached: { box: 'bg-red-50 border-red-200', pill: 'bg-red-700 text-white', label: 'Breached' },
  met: { box: 'bg-slate-50 border-slate-200', pill: 'bg-slate-700 text-white', label: 'Met' },
  met_late: { box: 'bg-slate-50 border-slate-200', pill: 'bg-orange-700 text-white', label: 'Met late' },
  not_started: { box: 'bg-slate-50 border-slate-200', pill: 'bg-slate-600 text-white', label: 'Not started' },
};

/** Countdown precision: seconds while under an hour (a 5-minute SLA needs them), minutes beyond. */
export function formatCountdown(ms: number): string {
  const abs = Math.abs(ms);
  if (abs >= 3_600_000) return formatDuration(ms);
  const totalSeconds = Math.floor(abs / 1000);
  const text = `${Math.floor(totalSeconds / 60)}:${String(totalSeconds % 60).padStart(2, '0')}`;
  return ms < 0 ? `-${text}` : text;
}

/**
 * The response-SLA countdown, always visible in the header. Business time drives it; wall time is
 * one focus/hover away. Live every second; role="timer" so screen readers don't announce each tick.
 * The background sends the engine's inputs (the lead's clock facts, its touches and the tier it
 * chose); the panel runs computeSlaStatus itself so the countdown is live without a round trip.
 */
/**
 * `disqualifiedBecause`: the definition's reason when the lead is disqualified. The clock still
 * shows, but it no longer tells the rep to call: the next action is recording the outcome.
 */
export function SlaCountdown({ inputs, disqualifiedBecause = null }: { inputs: SlaInputs; disqualifiedBecause?: string | null }) {
  const now = useNow(1000);
  const status = useMemo(() => computeSlaStatus({ ...inputs, now }), [inputs, now]);
  const [showDetail, setShowDetail] = useState(false);
  const style = STATE_STYLE[status.state];
  const summary = describeSla(status, disqualifiedBecause);

  return (
    <div
      role="timer"
      aria-label={summary.spoken}
      tabIndex={0}
      onFocus={() => setShowDetail(true)}
      onBlur={() => setShowDetail(false)}
      onMouseEnter={() => setShowDetail(true)}
      onMouseLeave={() => setShowDetail(false)}
      data-sla-state={status.state}
      className={`mt-2 rounded-md border px-2.5 py-1.5 focus-visible:outline-2 focus-visible:outline-amber-500 ${style.box}`}
    >
      <div className="flex items-center gap-2">
        <span className={`rounded px-1.5 py-0.5 text-[11px] font-semibold uppercase tracking-wide ${style.pill}`}>{style.label}</span>
        <span className="text-lg font-semibold tabular-nums text-slate-900" aria-hidden="true">
          {summary.headline}
        </span>
        <span className="min-w-0 truncate text-xs text-slate-600" aria-hidden="true">
          {summary.caption}
        </span>
      </div>
      <p className="mt-0.5 text-xs text-slate-600" aria-hidden="true">
        {status.tier.label} · {formatDuration(status.tier.targetMs)} {status.tier.target.basis === 'business' ? 'business time' : 'wall time'}
        {status.deadline ? <> · due {formatAbsoluteTime(status.deadline)}</> : null}
      </p>
      {status.escalation?.reached ? (
        <p className="mt-1 text-xs font-semibold text-red-800">Escalated: {status.escalation.label}</p>
      ) : null}
      {showDetail ? (
        <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-2 text-[11px] text-slate-700">
          <dt>Elapsed</dt>
          <dd>
            {formatDuration(status.elapsed.businessMs)} business · {formatDuration(status.elapsed.wallMs)} wall
          </dd>
          {status.remaining ? (
            <>
              <dt>{status.remaining.businessMs < 0 ? 'Over by' : 'Left'}</dt>
              <dd>
                {formatDuration(Math.abs(status.remaining.businessMs))} business · {formatDuration(Math.abs(status.remaining.wallMs))} wall
              </dd>
            </>
          ) : null}
          {status.escalations.length ? (
            <>
              <dt>Escalation</dt>
              <dd>{status.escalations.map((e) => `${e.label} ${e.reached ? '(reached)' : `at ${formatAbsoluteTime(e.dueAt)}`}`).join(' → ')}</dd>
            </>
          ) : null}
        </dl>
      ) : null}
    </div>
  );
}

function describeSla(status: SlaStatus, disqualifiedBecause: string | null): { headline: string; caption: string; spoken: string } {
  const tier = status.tier.label;
  switch (status.state) {
    case 'not_started':
      return {
        headline: '—',
        caption: status.notStartedReason === 'no_owner' ? 'No owner yet: the clock starts at assignment' : 'The clock has not started',
        spoken: `Response SLA not started (${tier}).`,
      };
    case 'met':
    case 'met_late': {
      const response = status.responseTime ? formatDuration(status.responseTime.businessMs) : 'unknown';
      return {
        headline: response,
        caption: status.state === 'met' ? 'first touch, within the SLA' : 'first touch, after the deadline',
        spoken: `Response SLA ${status.state === 'met' ? 'met' : 'met late'}: first touch after ${response} of business time (${tier}).`,
      };
    }
    default: {
      const remaining = status.remaining?.businessMs ?? 0;
      const overdue = remaining < 0;
      const text = formatCountdown(remaining);
      if (disqualifiedBecause !== null) {
        return {
          headline: overdue ? text.slice(1) : text,
          caption: 'disqualified — record the outcome',
          spoken: `Response SLA ${overdue ? `breached ${formatDuration(-remaining)} ago` : `${formatDuration(remaining)} of business time left`} (${tier}), but the lead is disqualified (${disqualifiedBecause}): record the outcome instead of calling.`,
        };
      }
      return {
        headline: overdue ? text.slice(1) : text,
        caption: overdue ? 'overdue — call now' : 'left to first touch',
        spoken: overdue
          ? `Response SLA breached ${formatDuration(-remaining)} ago (${tier}). Call now.`
          : `Response SLA ${status.state === 'at_risk' ? 'at risk' : 'on track'}: ${formatDuration(remaining)} of business time left to first touch (${tier}).`,
      };
    }
  }
}
