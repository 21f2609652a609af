/**
 * Retention shown, never hidden: a marketing platform that deletes old activity (web visits after
 * 90 days, say) makes an older lead look quiet. When the lead's history reaches back past what the
 * source keeps, the panel says so ("Web visits and link clicks before 3 Sep are no longer kept by
 * …") instead of implying nothing happened. Pure: the caller passes `now` and the dates.
 */
export interface RetentionCutoff {
  /** Epoch ms: activity of this kind before it is gone from the source. */
  before: number;
  /** What is gone, in a rep's words, plural, lower case: "web visits and link clicks". */
  what: string;
  /** The source's name as people know it: the marketing platform's product name. */
  sourceLabel: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The cut-off for a source that keeps `what` for `keptDays`, when the lead's history starts before
 * it (`historyStartsAt`: when the source first knew the lead; null: unknown, so the cut-off is said
 * anyway, as history may reach back). A lead newer than the window lost nothing: null.
 */
export function retentionCutoffFor(args: { now: number; keptDays: number; historyStartsAt: number | null; what: string; sourceLabel: string }): RetentionCutoff | null {
  const before = args.now - args.keptDays * DAY_MS;
  if (args.historyStartsAt !== null && args.historyStartsAt >= before) return null;
  return { before, what: args.what, sourceLabel: args.sourceLabel };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Day, month (1-12) and year of an instant in a time zone. */
function dateIn(at: number, timeZone: string): { day: number; month: number; year: number } {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(new Date(at));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { day: get('day'), month: get('month'), year: get('year') };
}

/** "Web visits and link clicks before 3 Sep are no longer kept by <source>" (the year when it is not `now`'s). */
export function describeRetention(cutoff: RetentionCutoff, now: number, timeZone = 'UTC'): string {
  const date = dateIn(cutoff.before, timeZone);
  const sameYear = date.year === dateIn(now, timeZone).year;
  const what = cutoff.what.length > 0 ? cutoff.what[0]!.toUpperCase() + cutoff.what.slice(1) : 'Activity';
  return `${what} before ${date.day} ${MONTHS[date.month - 1] ?? ''}${sameYear ? '' : ` ${date.year}`} are no longer kept by ${cutoff.sourceLabel}`;
}
