/** Weeks as Insights counts them: ISO weeks starting on Monday, UTC. Pure. */

const DAY = 86_400_000;

/** Monday (UTC) of the week holding `ms`, as YYYY-MM-DD. */
export function toWeekStart(ms: number): string {
  const monday = toMondayDay(ms);
  // Formatting a date is the slow part (about 1.5 µs): a few hundred weeks cover years of data.
  let label = weekLabels.get(monday);
  if (label === undefined) weekLabels.set(monday, (label = new Date(monday * DAY).toISOString().slice(0, 10)));
  return label;
}

const weekLabels = new Map<number, string>();

export function toMondayDay(ms: number): number {
  const day = Math.floor(ms / DAY);
  // 1970-01-01 was a Thursday: day 0 is weekday 3 counting from Monday (modulo kept positive for dates before 1970).
  return day - (((day + 3) % 7) + 7) % 7;
}

