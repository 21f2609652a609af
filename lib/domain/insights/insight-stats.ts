/** The small statistics Insights reports with (rates over counts, nearest-rank percentiles, medians). */

/** Share with the counts: null when there is nothing to divide by. */
export function toRate(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/**
 * Nearest-rank percentile (the value at rank ceil(p × n) of the sorted values): always a value
 * that occurred, so "p90 = 42 min" means a real lead waited 42 minutes.
 */
export function percentile(sorted: ArrayLike<number>, p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] ?? null;
}

/** Median as the mean of the two middle values for an even count (what a spreadsheet shows). */
export function median(sorted: ArrayLike<number>): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const mid = Math.floor(n / 2);
  return n % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
