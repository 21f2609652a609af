/**
 * One time format for the panel's SLA: hours and minutes, never days. A business day is a working
 * day (8 hours by default), not 24 hours, so "1 d business time" misleads; "24 business hours ·
 * due Mon 14:00" says both how much working time is left and when that is on the calendar.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * "45 min", "8 h", "26 h 5 min", "< 1 min", "0 min". Truncates (a countdown never shows more time
 * than is left); a negative duration gets a leading "-".
 */
export function formatHoursMinutes(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  const sign = ms < 0 ? '-' : '';
  const abs = Math.abs(ms);
  if (abs === 0) return '0 min';
  if (abs < MINUTE) return `${sign}< 1 min`;
  const hours = Math.floor(abs / HOUR);
  const minutes = Math.floor((abs % HOUR) / MINUTE);
  if (hours === 0) return `${sign}${minutes} min`;
  return `${sign}${hours} h${minutes > 0 ? ` ${minutes} min` : ''}`;
}

/**
 * A span said with its basis: "8 business hours", "1 business hour", "5 business minutes",
 * "26 h 5 min of business time", "3 hours" (wall). Whole hours and whole minutes read as words;
 * anything else keeps the compact form.
 */
export function describeSpan(ms: number, basis: 'business' | 'wall'): string {
  const abs = Math.abs(ms);
  const prefix = basis === 'business' ? 'business ' : '';
  if (abs >= HOUR && abs % HOUR < MINUTE) {
    const hours = Math.floor(abs / HOUR);
    return `${hours} ${prefix}${hours === 1 ? 'hour' : 'hours'}`;
  }
  if (abs >= MINUTE && abs < HOUR) {
    const minutes = Math.floor(abs / MINUTE);
    return `${minutes} ${prefix}${minutes === 1 ? 'minute' : 'minutes'}`;
  }
  return basis === 'business' ? `${formatHoursMinutes(abs)} of business time` : formatHoursMinutes(abs);
}

/**
 * The calendar deadline, short: "14:00" today, "Mon 14:00" within the coming week, "14 Dec 14:00"
 * beyond (or in the past beyond a week). In the rep's time zone unless one is given (tests).
 */
export function formatDueAt(at: number, now: number, options: { timeZone?: string } = {}): string {
  const zone = options.timeZone ? { timeZone: options.timeZone } : {};
  const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', ...zone }).format(at);
  const dayKey = (t: number) => new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: '2-digit', day: '2-digit', ...zone }).format(t);
  if (dayKey(at) === dayKey(now)) return clock;
  if (Math.abs(at - now) < 6 * 24 * HOUR) return `${new Intl.DateTimeFormat('en-GB', { weekday: 'short', ...zone }).format(at)} ${clock}`;
  return `${new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', ...zone }).format(at)} ${clock}`;
}
