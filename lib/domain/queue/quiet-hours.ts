/*
 * Quiet hours: a daily stretch of local time (in the rep's time zone) in which Baton sends no
 * reminder. A stretch may run over midnight (22:00–07:00); equal ends mean no quiet hours.
 */

export interface QuietHours {
  /** HH:MM, local time. */
  start: string;
  /** HH:MM, local time (exclusive). */
  end: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) formatters.set(timeZone, (f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit' })));
  return f;
}

export function toMinutes(hhmm: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m) throw new Error(`not a time of day: ${hhmm}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Minutes since local midnight at `atMs` in `timeZone`. */
export function localMinuteOfDay(atMs: number, timeZone: string): number {
  let hour = 0;
  let minute = 0;
  for (const part of formatterFor(timeZone).formatToParts(atMs)) {
    if (part.type === 'hour') hour = Number(part.value) % 24;
    else if (part.type === 'minute') minute = Number(part.value);
  }
  return hour * 60 + minute;
}

export function isQuiet(quiet: QuietHours, atMs: number, timeZone: string): boolean {
  const s = toMinutes(quiet.start);
  const e = toMinutes(quiet.end);
  if (s === e) return false;
  const m = localMinuteOfDay(atMs, timeZone);
  return s < e ? m >= s && m < e : m >= s || m < e;
}

/** An instant at or after `atMs` when the quiet stretch containing it has ended (about: the loop in next-due-point re-checks). */
export function quietEndAfter(quiet: QuietHours, atMs: number, timeZone: string): number {
  const m = localMinuteOfDay(atMs, timeZone);
  let delta = (toMinutes(quiet.end) - m + 1440) % 1440;
  if (delta === 0) delta = 1440;
  const minuteStart = atMs - (((atMs % 60_000) + 60_000) % 60_000);
  return minuteStart + delta * 60_000;
}
