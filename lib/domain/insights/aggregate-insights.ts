import type { InsightRecord } from './insight-record';
import { NO_CAMPAIGN, NO_SOURCE, NO_REP, NO_VERSION, NO_TIER, NO_REASON } from './insights-report';
import type { InsightFilters, OutcomeRow, CountRow, WeekRow, CoverageRow, SlaRow, VersionRow, InsightsReport } from './insights-report';
import { toRate, percentile, median } from './insight-stats';
import { toMondayDay, toWeekStart } from './insight-weeks';

export { toWeekStart };
import { computeFunnel, DEFAULT_DISQUALIFYING_REASON_IDS } from './insights-funnel';
import { drillInto } from './insight-drill';
import type { Drill, DrillContext, DrillResult } from './insight-drill';
import { speedToLeadRows, wallMinutesBetween } from './speed-to-lead';
import type { MinutesBetween } from './speed-to-lead';

/**
 * Baton Insights: what happened to the leads marketing handed to sales, from the dispositions
 * read back from the CRM. Pure and single-pass per breakdown (20,000 records aggregate in a few
 * milliseconds); every rate comes with the counts behind it, and a rate over nothing is null,
 * never 0 (0% accepted and "no dispositions yet" are different findings).
 */

const DAY = 86_400_000;
/** "No disposition after 7 days" is the finding marketing asks about first. */
export const STALE_AFTER_MS = 7 * DAY;

export interface AggregateOptions {
  now: number;
  /** Revenue at stake uses this deal value; null: the average amount of won deals in the data. */
  averageDealValue?: number | null;
  /**
   * The CRM's lead-status values that mean a conversation happened (the funnel's "connected"
   * stage). The CRM's provider knows them (its reporting port); none: only an opportunity counts.
   */
  connectedStatuses?: readonly string[];
  /**
   * The clock speed to lead is measured on: business minutes on the SLA calendar (the background
   * passes it), else real minutes.
   */
  minutesBetween?: MinutesBetween;
  /** Rejection reason ids that disqualify by definition (kept apart from revenue at stake). */
  disqualifyingReasonIds?: readonly string[];
}

/** The predicates the counts and their drill-downs share (one definition of "stale", "touched"...). */
export function drillContextFor(options: AggregateOptions): DrillContext {
  const { now } = options;
  return {
    now,
    connectedStatuses: new Set(options.connectedStatuses ?? []),
    disqualifyingReasons: new Set(options.disqualifyingReasonIds ?? DEFAULT_DISQUALIFYING_REASON_IDS),
    isStale: (r) => r.disposition === null && r.handedOffAt !== null && now - r.handedOffAt > STALE_AFTER_MS,
    touched: (r) => r.lastTouchedAt !== null || (r.firstTouchedAt ?? null) !== null || r.disposition !== null,
  };
}

/** The leads behind one of the report's counts, under the same filters. */
export function drillInsights(allRecords: readonly InsightRecord[], filters: InsightFilters, drill: Drill, options: AggregateOptions): DrillResult {
  return drillInto(filterInsightRecords(allRecords, filters), drill, drillContextFor(options));
}

/** SLA states that settle the question "was it met?" (on track / at risk at decision time do not). */
const SLA_DECIDED = new Set(['met', 'met_late', 'breached']);

/** The records the filters keep. Date range applies to the handoff time (the decision time for leads never handed off). */
export function filterInsightRecords(records: readonly InsightRecord[], filters: InsightFilters): InsightRecord[] {
  const sources = new Set(filters.sources);
  const campaigns = new Set(filters.campaigns);
  const reps = new Set(filters.reps);
  const versions = new Set(filters.definitionVersions);
  return records.filter((record) => {
    const at = record.handedOffAt ?? record.disposition?.decidedAt ?? null;
    if (filters.from !== null && (at === null || at < filters.from)) return false;
    if (filters.to !== null && (at === null || at >= filters.to)) return false;
    if (sources.size && !sources.has(record.source ?? NO_SOURCE)) return false;
    if (campaigns.size && !campaigns.has(record.campaign ?? NO_CAMPAIGN)) return false;
    if (reps.size && !reps.has(record.ownerId ?? NO_REP)) return false;
    if (versions.size && !versions.has(record.disposition?.definitionVersion ?? NO_VERSION)) return false;
    return true;
  });
}

export function aggregateInsights(allRecords: readonly InsightRecord[], filters: InsightFilters, options: AggregateOptions): InsightsReport {
  const records = filterInsightRecords(allRecords, filters);
  const { now } = options;
  const ownerNames = new Map<string, string>();
  for (const record of allRecords) if (record.ownerId && record.ownerName) ownerNames.set(record.ownerId, record.ownerName);

  const campaignOf = (r: InsightRecord) => r.campaign ?? NO_CAMPAIGN;
  const sourceOf = (r: InsightRecord) => r.source ?? NO_SOURCE;
  const repOf = (r: InsightRecord) => r.ownerId ?? NO_REP;
  const repLabel = (key: string) => ownerNames.get(key) ?? key;
  const same = (key: string) => key;

  const ctx = drillContextFor(options);
  const { isStale, touched } = ctx;
  const measure = options.minutesBetween ?? wallMinutesBetween;

  const totals = { ...countOutcomes(records), touched: 0, staleWithoutDisposition: 0 };
  for (const r of records) {
    if (r.handedOffAt !== null && touched(r)) totals.touched++;
    if (isStale(r)) totals.staleWithoutDisposition++;
  }

  return {
    generatedAt: now,
    totals,
    outcomesByCampaign: outcomesBy(records, campaignOf, same),
    outcomesBySource: outcomesBy(records, sourceOf, same),
    outcomesByChannel: outcomesBy(records, (r) => r.channel, same),
    reasonsByCampaign: reasonsBy(records, campaignOf, same),
    reasonsBySource: reasonsBy(records, sourceOf, same),
    reasonsByChannel: reasonsBy(records, (r) => r.channel, same),
    outcomesByWeek: outcomesByWeek(records, filters, now),
    coverageBySource: coverageBy(records, sourceOf, same, touched, isStale),
    coverageByRep: coverageBy(records, repOf, repLabel, touched, isStale),
    objectionsByCampaign: objectionsBy(records, campaignOf, same),
    objectionsBySource: objectionsBy(records, sourceOf, same),
    sla: slaRows(records, () => 'all', same)[0] ?? emptySlaRow('all', 'all'),
    slaByTier: slaRows(records, (r) => r.slaTier ?? NO_TIER, same),
    slaByRep: slaRows(records, (r) => r.disposition?.rep ?? repLabel(repOf(r)), same),
    funnel: computeFunnel(records, options.averageDealValue ?? null, ctx),
    speedToLead: {
      basis: options.minutesBetween ? 'business' : 'calendar',
      overall: speedToLeadRows(records, () => 'all', same, measure)[0] ?? emptySpeedRow(),
      byTier: speedToLeadRows(records, (r) => r.slaTier ?? NO_TIER, same, measure),
      byRep: speedToLeadRows(records, repOf, repLabel, measure),
    },
    versions: versionRows(records),
    filterOptions: {
      sources: distinct(allRecords, sourceOf, same),
      campaigns: distinct(allRecords, campaignOf, same),
      reps: distinct(allRecords, repOf, repLabel),
      definitionVersions: distinct(allRecords, (r) => r.disposition?.definitionVersion ?? NO_VERSION, same),
    },
  };
}

function countOutcomes(records: readonly InsightRecord[]) {
  let handedOff = 0;
  let accepted = 0;
  let recycled = 0;
  let rejected = 0;
  for (const r of records) {
    if (r.handedOffAt !== null) handedOff++;
    const outcome = r.disposition?.outcome;
    if (outcome === 'accepted') accepted++;
    else if (outcome === 'recycled') recycled++;
    else if (outcome === 'rejected') rejected++;
  }
  const dispositioned = accepted + recycled + rejected;
  return { handedOff, dispositioned, accepted, recycled, rejected, acceptanceRate: toRate(accepted, dispositioned) };
}

function groupBy(records: readonly InsightRecord[], keyOf: (r: InsightRecord) => string): Map<string, InsightRecord[]> {
  const groups = new Map<string, InsightRecord[]>();
  for (const r of records) {
    const key = keyOf(r);
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  return groups;
}

/** Biggest first, then by key, so tables and CSVs are stable. */
function byCountThenKey<T extends { key: string }>(count: (row: T) => number) {
  return (a: T, b: T) => count(b) - count(a) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

function outcomesBy(records: readonly InsightRecord[], keyOf: (r: InsightRecord) => string, labelOf: (key: string) => string): OutcomeRow[] {
  const rows: OutcomeRow[] = [];
  for (const [key, group] of groupBy(records, keyOf)) rows.push({ key, label: labelOf(key), ...countOutcomes(group) });
  return rows.sort(byCountThenKey((row) => row.dispositioned + row.handedOff));
}

function reasonsBy(records: readonly InsightRecord[], groupOf: (r: InsightRecord) => string, labelOf: (key: string) => string): CountRow[] {
  const counts = new Map<string, CountRow>();
  for (const r of records) {
    const d = r.disposition;
    if (!d || d.outcome === 'accepted') continue;
    const group = groupOf(r);
    const key = d.reasonId ?? NO_REASON;
    const id = `${group}\u0000${key}`;
    const row = counts.get(id);
    if (row) row.count++;
    else counts.set(id, { group, groupLabel: labelOf(group), key, label: d.reasonLabel ?? key, count: 1 });
  }
  return sortCountRows([...counts.values()]);
}

function objectionsBy(records: readonly InsightRecord[], groupOf: (r: InsightRecord) => string, labelOf: (key: string) => string): CountRow[] {
  const counts = new Map<string, CountRow>();
  for (const r of records) {
    const d = r.disposition;
    if (!d) continue;
    const group = groupOf(r);
    for (const key of new Set(d.objections)) {
      const id = `${group}\u0000${key}`;
      const row = counts.get(id);
      if (row) row.count++;
      else counts.set(id, { group, groupLabel: labelOf(group), key, label: key, count: 1 });
    }
  }
  return sortCountRows([...counts.values()]);
}

function sortCountRows(rows: CountRow[]): CountRow[] {
  return rows.sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)));
}

/** Weeks filled with zero rows at most (about 21 years): a hand-edited URL must not ask for millions. */
export const MAX_FILLED_WEEKS = 1_100;

/**
 * Dispositions per week of the decision, with a zero row for every week of the selected range
 * that had none: a gap in follow-up is itself a finding, and a chart that skips empty weeks hides
 * it. The range is the filter's dates (an open end runs to `now`; an open start to the first
 * decision); weeks with decisions outside it (handed off inside, decided later) are kept too.
 */
function outcomesByWeek(records: readonly InsightRecord[], filters: InsightFilters, now: number): WeekRow[] {
  const weeks = new Map<number, WeekRow>();
  let first = Number.POSITIVE_INFINITY;
  const rowOf = (monday: number): WeekRow => {
    let row = weeks.get(monday);
    if (!row) weeks.set(monday, (row = { weekStart: toWeekStart(monday * DAY), accepted: 0, recycled: 0, rejected: 0 }));
    return row;
  };
  for (const r of records) {
    const d = r.disposition;
    if (!d) continue;
    const monday = toMondayDay(d.decidedAt);
    if (monday < first) first = monday;
    rowOf(monday)[d.outcome]++;
  }
  const start = filters.from !== null ? toMondayDay(filters.from) : weeks.size ? first : null;
  const end = toMondayDay(filters.to !== null ? filters.to - 1 : now);
  if (start !== null && end >= start) {
    for (let monday = Math.max(start, end - 7 * (MAX_FILLED_WEEKS - 1)); monday <= end; monday += 7) rowOf(monday);
  }
  return [...weeks.entries()].sort(([a], [b]) => a - b).map(([, row]) => row);
}

function coverageBy(
  records: readonly InsightRecord[],
  keyOf: (r: InsightRecord) => string,
  labelOf: (key: string) => string,
  touched: (r: InsightRecord) => boolean,
  isStale: (r: InsightRecord) => boolean,
): CoverageRow[] {
  const rows: CoverageRow[] = [];
  for (const [key, group] of groupBy(records, keyOf)) {
    let handedOff = 0;
    let touchedCount = 0;
    let dispositioned = 0;
    let stale = 0;
    for (const r of group) {
      // Coverage is about leads sales was given: ones never handed off do not count against it.
      if (r.handedOffAt === null) continue;
      handedOff++;
      if (touched(r)) touchedCount++;
      if (r.disposition) dispositioned++;
      if (isStale(r)) stale++;
    }
    if (handedOff === 0) continue;
    rows.push({
      key,
      label: labelOf(key),
      handedOff,
      touched: touchedCount,
      dispositioned,
      touchedRate: toRate(touchedCount, handedOff),
      dispositionedRate: toRate(dispositioned, handedOff),
      staleWithoutDisposition: stale,
    });
  }
  return rows.sort(byCountThenKey((row) => row.handedOff));
}

function emptySpeedRow() {
  const none = { count: 0, medianMinutes: null, p90Minutes: null, totalMinutes: 0 };
  return { key: 'all', label: 'all', assigned: 0, system: none, rep: none, whole: none, systemShare: null, awaitingTouch: 0 };
}

function emptySlaRow(key: string, label: string): SlaRow {
  return { key, label, decided: 0, met: 0, complianceRate: null, responses: 0, medianMinutes: null, p90Minutes: null };
}

function slaRows(records: readonly InsightRecord[], keyOf: (r: InsightRecord) => string, labelOf: (key: string) => string): SlaRow[] {
  const rows: SlaRow[] = [];
  for (const [key, group] of groupBy(records.filter((r) => r.disposition !== null), keyOf)) {
    let decided = 0;
    let met = 0;
    const minutes = new Float64Array(group.length);
    let responses = 0;
    for (const r of group) {
      const d = r.disposition as NonNullable<InsightRecord['disposition']>;
      if (d.slaOutcome && SLA_DECIDED.has(d.slaOutcome)) {
        decided++;
        if (d.slaOutcome === 'met') met++;
      }
      if (d.responseMinutes !== null) minutes[responses++] = d.responseMinutes;
    }
    // A typed array sorts numerically without a comparator callback: several times faster at 20,000.
    const sorted = minutes.subarray(0, responses).sort();
    rows.push({
      key,
      label: labelOf(key),
      decided,
      met,
      complianceRate: toRate(met, decided),
      responses,
      medianMinutes: median(sorted),
      p90Minutes: percentile(sorted, 0.9),
    });
  }
  return rows.sort(byCountThenKey((row) => row.decided + row.responses));
}

function versionRows(records: readonly InsightRecord[]): VersionRow[] {
  const rows: VersionRow[] = [];
  for (const [version, group] of groupBy(records.filter((r) => r.disposition !== null), (r) => r.disposition?.definitionVersion ?? NO_VERSION)) {
    let accepted = 0;
    let opportunities = 0;
    let won = 0;
    for (const r of group) {
      if (r.disposition?.outcome !== 'accepted') continue;
      accepted++;
      if (r.deal !== null || r.disposition.acceptedStage === 'opportunity_created') opportunities++;
      if (r.deal?.won) won++;
    }
    rows.push({
      version,
      dispositioned: group.length,
      accepted,
      acceptanceRate: toRate(accepted, group.length),
      opportunities,
      won,
      conversionRate: toRate(won, group.length),
    });
  }
  // Versions in order (id@2 before id@10), so side by side reads left to right in time.
  return rows.sort((a, b) => a.version.localeCompare(b.version, 'en', { numeric: true }));
}

function distinct(records: readonly InsightRecord[], keyOf: (r: InsightRecord) => string, labelOf: (key: string) => string) {
  const keys = new Set<string>();
  for (const r of records) keys.add(keyOf(r));
  return [...keys].sort().map((value) => ({ value, label: labelOf(value) }));
}
