import { isWithinBusinessHours, nextOpening, type BusinessCalendar } from '../sla/business-calendar';
import { isQuiet, quietEndAfter, type QuietHours } from './quiet-hours';
import type { ReminderPoint } from './reminder-steps';

/*
 * When reminders go out: a point is sent once it is due, only at an instant the rep accepts
 * reminders (inside business hours when they asked for that, outside their quiet hours), and never
 * twice (the caller keeps the sent keys). Several points of one lead due together become one
 * reminder, the latest step: a rep back from a weekend gets "breached", not four messages. Pure: the
 * caller stores the plan's next instant as an absolute time and sets one alarm for it.
 */

export interface ReminderWindow {
  /** Remind only inside these business hours; null: at any time. */
  calendar: BusinessCalendar | null;
  quietHours: QuietHours | null;
  /** The rep's time zone (quiet hours are local to it). */
  timeZone: string;
}

/** Whether a reminder may go out at `atMs`. */
export function isReminderAllowed(window: ReminderWindow, atMs: number): boolean {
  if (window.calendar && !isWithinBusinessHours(window.calendar, atMs)) return false;
  return !(window.quietHours && isQuiet(window.quietHours, atMs, window.timeZone));
}

const MAX_HOPS = 50;

/** The first instant at or after `atMs` at which a reminder may go out (null: none found within reach). */
export function nextAllowed(window: ReminderWindow, atMs: number): number | null {
  let t = atMs;
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    if (window.calendar && !isWithinBusinessHours(window.calendar, t)) {
      const open = nextOpening(window.calendar, t);
      if (open <= t) return null;
      t = open;
      continue;
    }
    if (window.quietHours && isQuiet(window.quietHours, t, window.timeZone)) {
      t = quietEndAfter(window.quietHours, t, window.timeZone);
      continue;
    }
    return t;
  }
  return null;
}

export interface ReminderPlan {
  /** Reminders to show now, at most one per lead. */
  send: ReminderPoint[];
  /** Keys to remember as sent: what `send` shows, and the earlier steps it stands for. */
  consumed: string[];
  /** When to look again (the next point's allowed instant); null: nothing ahead. */
  nextAt: number | null;
}

export function planReminders({ points, sent, now, window }: { points: readonly ReminderPoint[]; sent: ReadonlySet<string>; now: number; window: ReminderWindow }): ReminderPlan {
  const allowedNow = isReminderAllowed(window, now);
  const latestDue = new Map<string, ReminderPoint>();
  const consumed: string[] = [];
  let nextAt: number | null = null;
  const later = (t: number | null) => {
    if (t !== null && t > now && (nextAt === null || t < nextAt)) nextAt = t;
  };
  let waiting = false;
  for (const point of points) {
    if (sent.has(point.key)) continue;
    if (point.dueAt > now) {
      later(nextAllowed(window, point.dueAt));
      continue;
    }
    if (!allowedNow) {
      waiting = true;
      continue;
    }
    consumed.push(point.key);
    const current = latestDue.get(point.leadId);
    if (!current || point.dueAt >= current.dueAt) latestDue.set(point.leadId, point);
  }
  if (waiting) later(nextAllowed(window, now));
  const send = [...latestDue.values()].sort((a, b) => a.dueAt - b.dueAt || (a.key < b.key ? -1 : 1));
  return { send, consumed, nextAt };
}
