/**
 * The words a business calendar is written in: weekday keys, "HH:MM" times of day and IANA time
 * zones. A leaf: the calendar's zod schemas (business-calendar-schema.ts) and its zod-free
 * arithmetic (business-calendar.ts) both import these, so neither has to import the other for them.
 */

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** Minutes since local midnight of an "HH:MM" time (24:00 gives 1440). */
export function parseMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
}
