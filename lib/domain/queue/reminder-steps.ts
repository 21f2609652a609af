import { addBusinessTime } from '../sla/business-calendar';
import type { SlaStatus } from '../sla/compute-sla-status';
import type { SlaRules } from '../sla/sla-policy';

/*
 * The points at which Baton reminds the rep about one lead awaiting its first touch, as absolute
 * instants: when it was assigned, when a share of its SLA is used, N minutes before the deadline,
 * at the deadline. Each carries a key that names the lead, the step and the clock it belongs to,
 * so a reminder is sent once per lead and step (a reassigned lead starts a new clock, new keys).
 */

export const REMINDER_STEPS = ['assigned', 'share', 'before_breach', 'breach'] as const;
export type ReminderStep = (typeof REMINDER_STEPS)[number];

/** Which reminders the rep wants, and when. */
export interface ReminderPoints {
  assigned: boolean;
  /** Share of the SLA target used (0.8 = 80%); null: off. */
  share: number | null;
  /** Minutes before the deadline; null: off. */
  minutesBeforeBreach: number | null;
  breach: boolean;
}

export interface ReminderPoint {
  key: string;
  leadId: string;
  step: ReminderStep;
  dueAt: number;
}

export function reminderKey(leadId: string, step: ReminderStep, clockStart: number): string {
  return `${leadId}|${step}|${clockStart}`;
}

/** The lead's reminder points under `points`, in time order (none when its clock is not running). */
export function reminderSteps(leadId: string, status: SlaStatus, policy: Pick<SlaRules, 'calendar'>, points: ReminderPoints): ReminderPoint[] {
  const start = status.clockStart;
  const deadline = status.deadline;
  if (start === null || deadline === null || status.state === 'met' || status.state === 'met_late' || status.state === 'not_started') return [];
  const out: ReminderPoint[] = [];
  const add = (step: ReminderStep, dueAt: number) => out.push({ key: reminderKey(leadId, step, start), leadId, step, dueAt });
  if (points.assigned) add('assigned', start);
  if (points.share !== null && points.share > 0 && points.share < 1) {
    const ms = Math.round(status.tier.targetMs * points.share);
    add('share', status.tier.target.basis === 'business' ? addBusinessTime(policy.calendar, start, ms) : start + ms);
  }
  if (points.minutesBeforeBreach !== null && points.minutesBeforeBreach > 0) {
    const dueAt = deadline - points.minutesBeforeBreach * 60_000;
    if (dueAt > start) add('before_breach', dueAt);
  }
  if (points.breach) add('breach', deadline + 1);
  // Order by time, then by step order (a share point and "N minutes before" can coincide).
  return out.sort((a, b) => a.dueAt - b.dueAt || REMINDER_STEPS.indexOf(a.step) - REMINDER_STEPS.indexOf(b.step));
}
