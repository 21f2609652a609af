import { computeSlaStatus, type SlaState } from '../../lib/domain/sla/compute-sla-status';
import { formatDuration } from '../../lib/domain/sla/format-duration';
import type { SlaInputs } from '../../lib/messaging/panel-protocol';
import { formatCountdown } from '../sla/sla-countdown';

const PILL: Partial<Record<SlaState, { style: string; label: string }>> = {
  on_track: { style: 'bg-emerald-700 text-white', label: 'On track' },
  at_risk: { style: 'bg-amber-500 text-slate-950', label: 'At risk' },
  breached: { style: 'bg-red-700 text-white', label: 'Breached' },
};

/** A queue row's live countdown: the SLA engine on the lead's inputs at `now` (the same engine as the panel's). */
export function QueueCountdown({ inputs, now }: { inputs: SlaInputs; now: number }) {
  const status = computeSlaStatus({ ...inputs, now });
  const pill = PILL[status.state] ?? { style: 'bg-slate-600 text-white', label: 'Waiting' };
  const remaining = status.remaining?.businessMs ?? 0;
  const overdue = remaining < 0;
  const spoken = overdue ? `${pill.label}: overdue by ${formatDuration(-remaining)}` : `${pill.label}: ${formatDuration(remaining)} left to first touch`;
  return (
    <span role="timer" aria-label={spoken} data-sla-state={status.state} className="flex shrink-0 items-center gap-1.5">
      <span aria-hidden="true" className={`rounded px-1.5 py-0.5 text-[10px] font-semibold uppercase tracking-wide ${pill.style}`}>{pill.label}</span>
      <span aria-hidden="true" className={`text-sm font-semibold tabular-nums ${overdue ? 'text-red-800' : 'text-slate-900'}`}>
        {overdue ? `+${formatCountdown(remaining).slice(1)}` : formatCountdown(remaining)}
      </span>
    </span>
  );
}
