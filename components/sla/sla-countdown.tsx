import { useState } from 'react';
import type { SlaState, SlaStatus } from '../../lib/domain/sla/compute-sla-status';
import { decideNextAction, type NextAction } from '../../lib/domain/engagement/next-action';
import type { SlaInputs } from '../../lib/messaging/panel-protocol';
import { describeSpan, formatDueAt, formatHoursMinutes } from '../../lib/format/format-business-time';
import { formatAbsoluteTime, formatRelativeTime } from '../../lib/format/format-time';
import type { RecordedOutcome } from '../panel/recorded-outcome';
import { useSlaStatus } from './use-sla-status';

const STATE_STYLE: Record<SlaState, { box: string; pill: string; label: string }> = {
  on_track: { box: 'bg-emerald-50 border-emerald-200', pill: 'bg-emerald-700 text-white', label: 'On track' },
  at_risk: { box: 'bg-amber-50 border-amber-200', pill: 'bg-amber-500 text-slate-950', label: 'At risk' },
  breached: { box: 'bg-red-50 border-red-200', pill: 'bg-red-700 text-white', label: 'Breached' },
  met: { box: 'bg-slate-50 border-slate-200', pill: 'bg-slate-700 text-white', label: 'Met' },
  met_late: { box: 'bg-slate-50 border-slate-200', pill: 'bg-orange-700 text-white', label: 'Met late' },
  not_started: { box: 'bg-slate-50 border-slate-200', pill: 'bg-slate-600 text-white', label: 'Not started' },
};
const RECORDED_STYLE = { box: 'bg-slate-50 border-slate-200', pill: 'bg-sky-800 text-white', label: 'Recorded' };

/**
 * Countdown precision, in hours and minutes only (the panel's one time format): "4:07" (minutes
 * and seconds) under an hour, because a 5-minute SLA needs the seconds; "8 h 12 min" beyond.
 */
export function formatCountdown(ms: number): string {
  const abs = Math.abs(ms);
  if (abs >= 3_600_000) return formatHoursMinutes(ms);
  const totalSeconds = Math.floor(abs / 1000);
  const text = `${Math.floor(totalSeconds / 60)}:${String(totalSeconds % 60).padStart(2, '0')}`;
  return ms < 0 ? `-${text}` : text;
}

/**
 * The response-SLA countdown, always visible in the header, and the lead's one next action
 * (lib/domain/engagement/next-action.ts): the brief's next step says the same. Business time
 * drives it, said as business hours with the calendar deadline; wall time is one focus/hover away.
 * Live every second; role="timer" so screen readers don't announce each tick. The background
 * sends the engine's inputs; the panel runs computeSlaStatus itself (use-sla-status.ts).
 *
 * `disqualifiedBecause`: the definition's reason when the lead is disqualified: the clock still
 * shows, but it no longer tells the rep to call. `recorded`: the outcome the rep recorded, shown
 * in place of the countdown.
 */
export function SlaCountdown({ inputs, disqualifiedBecause = null, recorded = null }: { inputs: SlaInputs; disqualifiedBecause?: string | null; recorded?: RecordedOutcome | null }) {
  const status = useSlaStatus(inputs);
  const [showDetail, setShowDetail] = useState(false);
  const action = decideNextAction({ recorded, disqualifiedBecause, sla: status, nextStep: status.tier.nextStep || null });
  const style = action.kind === 'recorded' ? RECORDED_STYLE : STATE_STYLE[status.state];
  const summary = describeSla(status, action, status.evaluatedAt);
  const basis = status.tier.target.basis;

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
      data-next-action={action.kind}
      className={`mt-2 rounded-md border px-2.5 py-1.5 focus-visible:outline-2 focus-visible:outline-amber-500 ${style.box}`}
    >
      <div className="flex flex-wrap items-baseline gap-x-2">
        <span className={`shrink-0 self-center rounded px-1.5 py-0.5 text-[11px] font-semibold uppercase tracking-wide ${style.pill}`}>{style.label}</span>
        <span className={`min-w-0 font-semibold text-slate-900 ${action.kind === 'recorded' ? 'break-words text-sm' : 'shrink-0 text-lg tabular-nums'}`} aria-hidden="true">
          {summary.headline}
        </span>
        <span className="min-w-0 text-xs font-medium text-slate-700" aria-hidden="true">
          {summary.caption}
        </span>
      </div>
      <p className="mt-0.5 text-xs text-slate-600" aria-hidden="true">
        {status.tier.label} · respond within {describeSpan(status.tier.targetMs, basis)}
        {status.deadline && status.state !== 'met' && status.state !== 'met_late' ? <> · due {formatDueAt(status.deadline, status.evaluatedAt)}</> : null}
      </p>
      {/* The policy's escalation is the call to action of a breached lead; a recorded or disqualified lead has none. */}
      {status.escalation?.reached && (action.kind === 'call_now' || action.kind === 'hand_back') ? (
        <p className="mt-1 text-xs font-semibold text-red-800">Escalated: {status.escalation.label}</p>
      ) : null}
      {showDetail ? (
        <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-2 text-[11px] text-slate-700">
          <dt>Elapsed</dt>
          <dd>
            {formatHoursMinutes(status.elapsed.businessMs)} business · {formatHoursMinutes(status.elapsed.wallMs)} on the clock
          </dd>
          {status.remaining ? (
            <>
              <dt>{status.remaining.businessMs < 0 ? 'Over by' : 'Left'}</dt>
              <dd>
                {formatHoursMinutes(Math.abs(status.remaining.businessMs))} business · {formatHoursMinutes(Math.abs(status.remaining.wallMs))} on the clock
              </dd>
            </>
          ) : null}
          {status.deadline ? (
            <>
              <dt>Due</dt>
              <dd>{formatAbsoluteTime(status.deadline)}</dd>
            </>
          ) : null}
          {status.escalations.length ? (
            <>
              <dt>Escalation</dt>
              <dd>{status.escalations.map((e) => `${e.label} ${e.reached ? '(reached)' : `at ${formatDueAt(e.dueAt, status.evaluatedAt)}`}`).join(' → ')}</dd>
            </>
          ) : null}
        </dl>
      ) : null}
    </div>
  );
}

function describeSla(status: SlaStatus, action: NextAction, now: number): { headline: string; caption: string; spoken: string } {
  const tier = status.tier.label;
  const basis = status.tier.target.basis;
  if (action.kind === 'recorded') {
    const when = formatRelativeTime(action.at, now);
    return {
      headline: action.outcome,
      caption: action.by ? `by ${action.by}, ${when}` : when,
      spoken: `Outcome recorded: ${action.outcome}${action.by ? `, by ${action.by}` : ''}, ${when}.`,
    };
  }
  switch (status.state) {
    case 'not_started':
      return {
        headline: '—',
        caption: status.notStartedReason === 'no_owner' ? 'No owner yet: the clock starts at assignment' : 'The clock has not started',
        spoken: `Response SLA not started (${tier}).`,
      };
    case 'met':
    case 'met_late': {
      const response = status.responseTime ? formatHoursMinutes(basis === 'business' ? status.responseTime.businessMs : status.responseTime.wallMs) : 'unknown';
      const first = action.kind === 'record_outcome' ? ' — disqualified: record the outcome' : '';
      return {
        headline: response,
        caption: `${status.state === 'met' ? 'first touch, within the SLA' : 'first touch, after the deadline'}${first}`,
        spoken: `Response SLA ${status.state === 'met' ? 'met' : 'met late'}: first touch after ${status.responseTime ? describeSpan(status.responseTime.businessMs, basis) : 'an unknown time'} (${tier}).${action.kind === 'record_outcome' ? ` The lead is disqualified (${action.because}): record the outcome.` : ''}`,
      };
    }
    default: {
      const remaining = status.remaining?.businessMs ?? 0;
      const overdue = remaining < 0;
      const text = formatCountdown(remaining);
      const headline = overdue ? text.slice(1) : text;
      const due = status.deadline ? `, due ${formatDueAt(status.deadline, now)}` : '';
      const timeLeft = overdue ? `breached ${describeSpan(-remaining, basis)} ago` : `${describeSpan(remaining, basis)} left to first touch${due}`;
      switch (action.kind) {
        case 'record_outcome':
          return {
            headline,
            caption: 'disqualified — record the outcome',
            spoken: `Response SLA ${timeLeft} (${tier}), but the lead is disqualified (${action.because}): record the outcome instead of calling.`,
          };
        case 'hand_back':
          return {
            headline,
            caption: 'overdue — hand back to marketing',
            spoken: `Response SLA ${timeLeft} (${tier}). The policy says: ${action.escalation}. Recycle the lead to marketing under Outcome.`,
          };
        case 'call_now':
          return { headline, caption: 'overdue — call now', spoken: `Response SLA ${timeLeft} (${tier}). Call now.` };
        default:
          return {
            headline,
            caption: basis === 'business' ? 'business time left to first touch' : 'left to first touch',
            spoken: `Response SLA ${status.state === 'at_risk' ? 'at risk' : 'on track'}: ${timeLeft} (${tier}).`,
          };
      }
    }
  }
}
