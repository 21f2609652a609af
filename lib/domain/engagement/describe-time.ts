/**
 * Human wording for durations in brief sentences. The exact timestamps stay on the statements
 * (`occurredAt`, `lastTouchAt`) so the UI can format them in the rep's own zone; the sentence only
 * says how long ago, relative to the `now` it was given, so it is deterministic.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** "45 seconds", "4 minutes", "3 hours", "2 days" (floored to the largest whole unit). */
export function describeDuration(ms: number): string {
  const abs = Math.max(0, ms);
  if (abs < MINUTE) return plural(Math.floor(abs / 1000), 'second');
  if (abs < HOUR) return plural(Math.floor(abs / MINUTE), 'minute');
  if (abs < DAY) return plural(Math.floor(abs / HOUR), 'hour');
  return plural(Math.floor(abs / DAY), 'day');
}

/** "just now", "4 minutes ago", "2 days ago". */
export function describeAgo(now: number, at: number): string {
  const diff = now - at;
  if (diff < MINUTE) return 'just now';
  return `${describeDuration(diff)} ago`;
}
