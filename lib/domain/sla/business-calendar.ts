import { tzOffset } from '@date-fns/tz';
// The zod schemas of these types live in business-calendar-schema.ts: a page that only counts
// business time (the panel's SLA countdown) must not load zod with them.
import type { BusinessCalendar, BusinessHoursBlock, OutOfOfficeWindow } from './business-calendar-schema';
import { parseMinutes } from './calendar-vocabulary';
import type { Weekday } from './calendar-vocabulary';
export type { BusinessCalendar, BusinessCalendarInput, BusinessHoursBlock, Holiday, OutOfOfficeWindow, WeeklyHours } from './business-calendar-schema';

/**
 * Business calendar: when the clock of a business-time SLA runs. Pure: no "now", no I/O.
 *
 * Instants are epoch milliseconds. Business hours are local wall-clock times in an IANA zone, so a
 * block maps to the instants between the *first moment the local clock reaches* its start and the
 * first moment it reaches its end. That one rule settles DST:
 * - spring forward (02:00 → 03:00): a boundary inside the gap maps to the transition instant, so a
 *   Sunday 00:00–04:00 block is 3 real hours long and a 02:30–04:00 block is 1 hour;
 * - fall back (02:00 → 01:00): a boundary inside the repeated hour maps to its first occurrence, so
 *   a 00:00–04:00 block is 5 real hours long and a 24:00 end meets the next day's 00:00 exactly.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Give up looking for an opening after this many consecutive days with none (bad data, not a real calendar). */
const MAX_CLOSED_DAYS = 1000;

export interface BusinessTimeOptions {
  outOfOffice?: readonly OutOfOfficeWindow[];
}

export interface TimeInterval {
  start: number;
  end: number;
}

// ---------------------------------------------------------------------------------------------
// Compiled calendar: per-day business intervals (UTC ms) cached per calendar object, so that
// evaluating thousands of leads costs a few map lookups per day instead of time-zone math.
// Calendars are treated as immutable values (they come out of zod parsing).

interface CompiledCalendar {
  timeZone: string;
  /** Index 0 = Sunday (as Date#getUTCDay), each a sorted list of [startMinute, endMinute]. */
  blocksByWeekday: (readonly [number, number])[][];
  /** Holidays by local day number: the blocks that day has instead of the weekly ones (empty = closed). */
  specialDays: Map<number, (readonly [number, number])[]>;
  /** Local day number (days since 1970-01-01 in local dates) → flat [start0, end0, start1, end1, ...]. */
  days: Map<number, number[]>;
}

const compiledCalendars = new WeakMap<BusinessCalendar, CompiledCalendar>();
const DAY_CACHE_LIMIT = 50_000;

function compileCalendar(calendar: BusinessCalendar): CompiledCalendar {
  let compiled = compiledCalendars.get(calendar);
  if (compiled) return compiled;
  const byKey: Record<Weekday, BusinessHoursBlock[]> = calendar.weeklyHours;
  const jsOrder: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
  const region = calendar.region?.toLowerCase();
  const specialDays = new Map<number, (readonly [number, number])[]>();
  for (const holiday of calendar.holidays ?? []) {
    const applies = !holiday.regions || (region !== undefined && holiday.regions.some((r) => r.toLowerCase() === region));
    if (applies) specialDays.set(dayNumberOfIsoDate(holiday.date), compileBlocks(holiday.hours ?? []));
  }
  compiled = {
    timeZone: calendar.timeZone,
    blocksByWeekday: jsOrder.map((d) => compileBlocks(byKey[d] ?? [])),
    specialDays,
    days: new Map(),
  };
  compiledCalendars.set(calendar, compiled);
  return compiled;
}

function compileBlocks(blocks: readonly BusinessHoursBlock[]): (readonly [number, number])[] {
  return blocks.map((b) => [parseMinutes(b.start), parseMinutes(b.end)] as const).sort((a, b) => a[0] - b[0]);
}

function dayNumberOfIsoDate(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.floor(Date.UTC(y!, m! - 1, d!) / DAY);
}

function offsetMs(timeZone: string, instant: number): number {
  return tzOffset(timeZone, new Date(instant)) * MINUTE;
}

/**
 * The earliest instant at which the local clock reads `wall` or later (`wall` = local wall time
 * expressed as if it were UTC ms). See the module comment for why this rule handles DST.
 */
function firstReach(timeZone: string, wall: number): number {
  // Offsets well before and after: any one transition near `wall` lies between these probes.
  const before = offsetMs(timeZone, wall - 36 * HOUR);
  const after = offsetMs(timeZone, wall + 36 * HOUR);
  const withBefore = wall - before;
  if (before === after) return withBefore;
  const withAfter = wall - after;
  if (before > after) {
    // Fall back: the first occurrence uses the earlier (larger) offset when it is still in force.
    return offsetMs(timeZone, withBefore) === before ? withBefore : withAfter;
  }
  // Spring forward.
  if (offsetMs(timeZone, withAfter) === after) return withAfter;
  if (offsetMs(timeZone, withBefore) === before) return withBefore;
  // In the gap: the answer is the transition instant, between withAfter and withBefore.
  let lo = withAfter;
  let hi = withBefore;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetMs(timeZone, mid) === after) hi = mid;
    else lo = mid;
  }
  return hi;
}

function dayIntervals(compiled: CompiledCalendar, day: number): number[] {
  const cached = compiled.days.get(day);
  if (cached) return cached;
  const out: number[] = [];
  // 1970-01-01 (day 0) was a Thursday (getUTCDay 4).
  const blocks = compiled.specialDays.get(day) ?? compiled.blocksByWeekday[(((day + 4) % 7) + 7) % 7]!;
  const wallMidnight = day * DAY;
  for (const [startMin, endMin] of blocks) {
    const start = firstReach(compiled.timeZone, wallMidnight + startMin * MINUTE);
    const end = firstReach(compiled.timeZone, wallMidnight + endMin * MINUTE);
    if (end <= start) continue;
    const last = out.length - 1;
    // Adjacent blocks (09:00–12:00, 12:00–17:00) are one stretch of open time.
    if (last > 0 && out[last] === start) out[last] = end;
    else out.push(start, end);
  }
  if (compiled.days.size >= DAY_CACHE_LIMIT) compiled.days.clear();
  compiled.days.set(day, out);
  return out;
}

/** Sorted, merged out-of-office windows; shared by every walk in one evaluation. */
export function normalizeOutOfOffice(windows: readonly OutOfOfficeWindow[] | undefined): TimeInterval[] {
  if (!windows || windows.length === 0) return [];
  const sorted = windows
    .filter((w) => w.end > w.start)
    .map((w) => ({ start: w.start, end: w.end }))
    .sort((a, b) => a.start - b.start);
  const merged: TimeInterval[] = [];
  for (const w of sorted) {
    const last = merged[merged.length - 1];
    if (last && w.start <= last.end) last.end = Math.max(last.end, w.end);
    else merged.push(w);
  }
  return merged;
}

/**
 * Walks open spans (business hours minus holidays minus out-of-office) from `from` onwards, in
 * order, clipped to start at `from`. The visitor returns true to stop. Throws when the calendar
 * stays closed for MAX_CLOSED_DAYS days, which only happens with absurd out-of-office data.
 */
function walkOpenSpans(
  calendar: BusinessCalendar,
  from: number,
  outOfOffice: readonly TimeInterval[],
  visit: (start: number, end: number) => boolean,
): void {
  const compiled = compileCalendar(calendar);
  // Local dates are within ±1 day of UTC dates (offsets are under 24 h); start one day earlier still.
  let day = Math.floor(from / DAY) - 2;
  let closedStreak = 0;
  let oooIndex = 0;
  for (;;) {
    const flat = dayIntervals(compiled, day);
    let openToday = false;
    for (let i = 0; i < flat.length; i += 2) {
      let start = flat[i]!;
      const end = flat[i + 1]!;
      if (end <= from) continue;
      if (start < from) start = from;
      // Subtract out-of-office windows (sorted, merged); windows ending before `start` are done.
      while (oooIndex < outOfOffice.length && outOfOffice[oooIndex]!.end <= start) oooIndex++;
      let cursor = start;
      for (let k = oooIndex; k < outOfOffice.length && cursor < end; k++) {
        const w = outOfOffice[k]!;
        if (w.start >= end) break;
        if (w.start > cursor) {
          openToday = true;
          if (visit(cursor, w.start)) return;
        }
        cursor = Math.max(cursor, w.end);
      }
      if (cursor < end) {
        openToday = true;
        if (visit(cursor, end)) return;
      }
    }
    closedStreak = openToday ? 0 : closedStreak + 1;
    if (closedStreak > MAX_CLOSED_DAYS) {
      throw new RangeError(
        `business calendar (${calendar.timeZone}) has no open time for ${MAX_CLOSED_DAYS} days after ${new Date(from).toISOString()}`,
      );
    }
    day++;
  }
}

/**
 * The instant at which `durationMs` of business time has elapsed since `startMs`. A start outside
 * business hours counts from the next opening; a duration ending exactly at closing time returns
 * the closing instant (not the next morning). A duration of 0 or less returns `startMs`.
 */
export function addBusinessTime(
  calendar: BusinessCalendar,
  startMs: number,
  durationMs: number,
  options: BusinessTimeOptions = {},
): number {
  return addBusinessTimeNormalized(calendar, startMs, durationMs, normalizeOutOfOffice(options.outOfOffice));
}

export function addBusinessTimeNormalized(
  calendar: BusinessCalendar,
  startMs: number,
  durationMs: number,
  outOfOffice: readonly TimeInterval[],
): number {
  if (!(durationMs > 0)) return startMs;
  let left = durationMs;
  let result = startMs;
  walkOpenSpans(calendar, startMs, outOfOffice, (start, end) => {
    const span = end - start;
    if (span >= left) {
      result = start + left;
      return true;
    }
    left -= span;
    return false;
  });
  return result;
}

/** Business time between two instants; negative when `bMs` is before `aMs`. */
export function businessTimeBetween(
  calendar: BusinessCalendar,
  aMs: number,
  bMs: number,
  options: BusinessTimeOptions = {},
): number {
  return businessTimeBetweenNormalized(calendar, aMs, bMs, normalizeOutOfOffice(options.outOfOffice));
}

export function businessTimeBetweenNormalized(
  calendar: BusinessCalendar,
  aMs: number,
  bMs: number,
  outOfOffice: readonly TimeInterval[],
): number {
  if (bMs < aMs) {
    // `0 - x` rather than `-x`: no -0 for a span with no open time.
    return 0 - businessTimeBetweenNormalized(calendar, bMs, aMs, outOfOffice);
  }
  if (bMs === aMs) return 0;
  let total = 0;
  walkOpenSpans(calendar, aMs, outOfOffice, (start, end) => {
    if (start >= bMs) return true;
    total += Math.min(end, bMs) - start;
    return end >= bMs;
  });
  return total;
}

/** The first instant at or after `atMs` that is open (returns `atMs` itself when already open). */
export function nextOpening(calendar: BusinessCalendar, atMs: number, options: BusinessTimeOptions = {}): number {
  let result = atMs;
  walkOpenSpans(calendar, atMs, normalizeOutOfOffice(options.outOfOffice), (start) => {
    result = start;
    return true;
  });
  return result;
}

/** When the open span containing or following `atMs` closes (the end of the current/next stretch of open time). */
export function nextClosing(calendar: BusinessCalendar, atMs: number, options: BusinessTimeOptions = {}): number {
  let result = atMs;
  let seenStart: number | null = null;
  walkOpenSpans(calendar, atMs, normalizeOutOfOffice(options.outOfOffice), (start, end) => {
    // Spans split only at day boundaries (24:00 → 00:00) continue the same stretch.
    if (seenStart !== null && start !== result) return true;
    seenStart ??= start;
    result = end;
    return false;
  });
  return result;
}

export function isWithinBusinessHours(calendar: BusinessCalendar, atMs: number, options: BusinessTimeOptions = {}): boolean {
  let open = false;
  walkOpenSpans(calendar, atMs, normalizeOutOfOffice(options.outOfOffice), (start) => {
    open = start === atMs;
    return true;
  });
  return open;
}

/** Open spans overlapping [fromMs, toMs), clipped to it (for timelines and tests). */
export function listOpenIntervals(
  calendar: BusinessCalendar,
  fromMs: number,
  toMs: number,
  options: BusinessTimeOptions = {},
): TimeInterval[] {
  const out: TimeInterval[] = [];
  if (toMs <= fromMs) return out;
  walkOpenSpans(calendar, fromMs, normalizeOutOfOffice(options.outOfOffice), (start, end) => {
    if (start >= toMs) return true;
    const last = out[out.length - 1];
    const clippedEnd = Math.min(end, toMs);
    if (last && last.end === start) last.end = clippedEnd;
    else out.push({ start, end: clippedEnd });
    return end >= toMs;
  });
  return out;
}
