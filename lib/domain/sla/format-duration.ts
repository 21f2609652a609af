const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Short human duration for countdowns and response times: "0 min", "< 1 min", "4 min",
 * "1 h 20 min", "2 d 3 h". Truncates rather than rounds so a countdown never shows more time than
 * is left; negative durations (overdue) get a leading "-". Days are 24 hours.
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  const sign = ms < 0 ? '-' : '';
  const abs = Math.abs(ms);
  if (abs === 0) return '0 min';
  if (abs < MINUTE) return `${sign}< 1 min`;
  const days = Math.floor(abs / DAY);
  const hours = Math.floor((abs % DAY) / HOUR);
  const minutes = Math.floor((abs % HOUR) / MINUTE);
  if (days > 0) return `${sign}${days} d${hours > 0 ? ` ${hours} h` : ''}`;
  if (hours > 0) return `${sign}${hours} h${minutes > 0 ? ` ${minutes} min` : ''}`;
  return `${sign}${minutes} min`;
}
