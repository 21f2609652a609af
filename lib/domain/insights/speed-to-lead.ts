import type { InsightRecord } from './insight-record';
import { median, percentile } from './insight-stats';

/*
 * Speed to lead, split where the responsibility changes hands:
 *   system delay = engagement → assignment (routing: marketing ops, the assignment rules),
 *   rep delay    = assignment → first touch (the rep),
 * so that a slow overall figure says whose part of the clock leaks. Both are measured on one clock
 * (`measure`: business minutes on the SLA calendar when there is one, else real minutes), and a
 * business-time measure is additive (time a→b plus b→c is a→c), so for every lead with all three
 * times the two parts add up to the whole. Pure.
 */

/** Minutes between two instants (a ≤ b), on the clock the report uses. */
export type MinutesBetween = (from: number, to: number) => number;

export const wallMinutesBetween: MinutesBetween = (from, to) => (to - from) / 60_000;

/** One lead's spans (minutes); null where a time is missing or out of order. */
export interface LeadSpeed {
  system: number | null;
  rep: number | null;
  /** engagement → first touch, measured end to end: only when both parts are known (it then equals their sum). */
  whole: number | null;
}

/**
 * A lead's two parts. A part is measured only when its two times exist in order: an engagement
 * after the assignment (the lead was assigned first, engaged later) says nothing about routing,
 * and a touch before the assignment was not this owner's response.
 */
export function leadSpeed(record: Pick<InsightRecord, 'engagedAt' | 'handedOffAt' | 'firstTouchedAt'>, measure: MinutesBetween): LeadSpeed {
  const engaged = record.engagedAt ?? null;
  const assigned = record.handedOffAt;
  const touched = record.firstTouchedAt ?? null;
  const system = engaged !== null && assigned !== null && engaged <= assigned ? measure(engaged, assigned) : null;
  const rep = assigned !== null && touched !== null && assigned <= touched ? measure(assigned, touched) : null;
  return { system, rep, whole: system !== null && rep !== null ? measure(engaged as number, touched as number) : null };
}

export interface SpeedSummary {
  /** Spans measured. */
  count: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
  /** Sum of the spans (minutes): the shares of the clock are sums, so they add up. */
  totalMinutes: number;
}

export interface SpeedToLeadRow {
  key: string;
  label: string;
  /** Leads assigned to a rep (the ones speed to lead is about). */
  assigned: number;
  system: SpeedSummary;
  rep: SpeedSummary;
  whole: SpeedSummary;
  /** Of the leads with both parts: the share of their summed clock spent before assignment. */
  systemShare: number | null;
  /** Assigned, and no first touch yet: the rep's clock is still running. */
  awaitingTouch: number;
}

function summarize(values: number[]): SpeedSummary {
  const sorted = Float64Array.from(values).sort();
  let total = 0;
  for (const v of values) total += v;
  return { count: values.length, medianMinutes: median(sorted), p90Minutes: percentile(sorted, 0.9), totalMinutes: total };
}

/** The rows of one breakdown (or of everything, with a constant key), biggest first. */
export function speedToLeadRows(
  records: readonly InsightRecord[],
  keyOf: (r: InsightRecord) => string,
  labelOf: (key: string) => string,
  measure: MinutesBetween,
): SpeedToLeadRow[] {
  const groups = new Map<string, { assigned: number; awaiting: number; system: number[]; rep: number[]; whole: number[]; wholeSystem: number }>();
  for (const r of records) {
    if (r.handedOffAt === null) continue;
    const key = keyOf(r);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { assigned: 0, awaiting: 0, system: [], rep: [], whole: [], wholeSystem: 0 }));
    g.assigned++;
    if ((r.firstTouchedAt ?? null) === null) g.awaiting++;
    const speed = leadSpeed(r, measure);
    if (speed.system !== null) g.system.push(speed.system);
    if (speed.rep !== null) g.rep.push(speed.rep);
    if (speed.whole !== null && speed.system !== null && speed.rep !== null) {
      // The whole as its two parts: the shares then add up to exactly 100%.
      g.whole.push(speed.system + speed.rep);
      g.wholeSystem += speed.system;
    }
  }
  const rows: SpeedToLeadRow[] = [];
  for (const [key, g] of groups) {
    const whole = summarize(g.whole);
    rows.push({
      key,
      label: labelOf(key),
      assigned: g.assigned,
      system: summarize(g.system),
      rep: summarize(g.rep),
      whole,
      systemShare: whole.totalMinutes > 0 ? g.wholeSystem / whole.totalMinutes : null,
      awaitingTouch: g.awaiting,
    });
  }
  return rows.sort((a, b) => b.assigned - a.assigned || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
