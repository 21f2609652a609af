/**
 * "Review due": marketing and sales review the SQL definition every quarter against real leads.
 * A definition in force for longer than a quarter since its last change says so. Pure.
 */
export const REVIEW_AFTER_DAYS = 91;
const DAY = 86_400_000;

export interface ReviewState {
  due: boolean;
  /** The day of the last change (YYYY-MM-DD), or null when the definition has no readable date. */
  lastChanged: string | null;
  days: number | null;
}

export function reviewState(def: { publishedAt?: unknown; changeLog?: unknown }, now: number): ReviewState {
  const dates: number[] = [];
  if (typeof def.publishedAt === 'string') dates.push(Date.parse(def.publishedAt));
  if (Array.isArray(def.changeLog)) {
    for (const e of def.changeLog as { date?: unknown }[]) if (typeof e?.date === 'string') dates.push(Date.parse(`${e.date}T00:00:00Z`));
  }
  const valid = dates.filter((d) => Number.isFinite(d));
  if (!valid.length) return { due: false, lastChanged: null, days: null };
  const last = Math.max(...valid);
  const days = Math.floor((now - last) / DAY);
  return { due: days > REVIEW_AFTER_DAYS, lastChanged: new Date(last).toISOString().slice(0, 10), days };
}
