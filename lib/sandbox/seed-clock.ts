/** Whole minutes, hours and days in ms: the seed speaks in them. */
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export function startOfUtcDay(ms: number): number {
  return ms - (ms % DAY);
}

/** Marketing sends go out at 14:00 UTC (9am US/Eastern) on their day. */
export function campaignSendTime(now: number, daysAgo: number): number {
  return startOfUtcDay(now - daysAgo * DAY) + 14 * HOUR;
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}
