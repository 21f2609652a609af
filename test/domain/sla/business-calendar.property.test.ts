import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addBusinessTime,
  businessTimeBetween,
  isWithinBusinessHours,
} from '../../../lib/domain/sla/business-calendar';
import { businessCalendarSchema } from '../../../lib/domain/sla/business-calendar-schema';
import { WEEKDAYS } from '../../../lib/domain/sla/calendar-vocabulary';
import type { BusinessCalendar, OutOfOfficeWindow } from '../../../lib/domain/sla/business-calendar';
import { at, DAY, HOUR, MINUTE } from './make-lead';

/** Zones with the awkward cases: US/EU DST, southern hemisphere, midnight transitions (Santiago), a 30-minute shift (Lord Howe), half-hour offset without DST. */
const ZONES = [
  'America/New_York',
  'Europe/London',
  'Australia/Sydney',
  'America/Santiago',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'UTC',
] as const;

/** Approximate DST transitions (± a few days is all the generators need). */
const TRANSITIONS = [
  '2026-03-08T07:00:00Z', // New York spring forward
  '2026-11-01T06:00:00Z', // New York fall back
  '2026-03-29T01:00:00Z', // London spring forward
  '2026-10-25T01:00:00Z', // London fall back
  '2026-04-04T16:00:00Z', // Sydney fall back
  '2026-10-03T16:00:00Z', // Sydney spring forward
  '2026-04-05T03:00:00Z', // Santiago fall back (at local midnight)
  '2026-09-06T04:00:00Z', // Santiago spring forward (at local midnight)
  '2026-04-04T15:00:00Z', // Lord Howe fall back (30 minutes)
  '2026-10-03T15:30:00Z', // Lord Howe spring forward
].map(at);

const RANGE_START = at('2025-06-01T00:00:00Z');
const RANGE_END = at('2027-06-01T00:00:00Z');

const instantArb = fc.oneof(
  fc.integer({ min: RANGE_START, max: RANGE_END }),
  fc.tuple(fc.constantFrom(...TRANSITIONS), fc.integer({ min: -3 * DAY, max: 3 * DAY })).map(([t, d]) => t + d),
  // Whole minutes near transitions hit block boundaries exactly.
  fc.tuple(fc.constantFrom(...TRANSITIONS), fc.integer({ min: -3 * 24 * 60, max: 3 * 24 * 60 })).map(([t, m]) => t + m * MINUTE),
);

const fmt = (minutes: number) => (minutes === 1440 ? '24:00' : `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`);

/** Sorted distinct boundaries on a `step`-minute grid, paired into non-overlapping blocks. */
const dayBlocksArb = (step: number) =>
  fc.uniqueArray(fc.integer({ min: 0, max: 1440 / step }), { maxLength: 6 }).map((points) => {
    const sorted = points.map((p) => p * step).sort((a, b) => a - b);
    const blocks: { start: string; end: string }[] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) blocks.push({ start: fmt(sorted[i]!), end: fmt(sorted[i + 1]!) });
    return blocks;
  });

const holidayDatesArb = fc.array(
  fc.constantFrom(...TRANSITIONS).chain((t) =>
    fc.integer({ min: -3, max: 3 }).map((d) => new Date(t + d * DAY).toISOString().slice(0, 10)),
  ),
  { maxLength: 3 },
);

const calendarArb = (step: number) =>
  fc
    .record({
      timeZone: fc.constantFrom(...ZONES),
      days: fc.tuple(...WEEKDAYS.map(() => dayBlocksArb(step))),
      holidays: holidayDatesArb,
    })
    .map(({ timeZone, days, holidays }) => {
      const weeklyHours = Object.fromEntries(WEEKDAYS.map((d, i) => [d, days[i]!]));
      if (Object.values(weeklyHours).every((b) => b.length === 0)) weeklyHours.mon = [{ start: '09:00', end: '17:00' }];
      return businessCalendarSchema.parse({ timeZone, weeklyHours, holidays: holidays.map((date) => ({ date })) });
    });

const outOfOfficeArb = fc.array(
  fc.tuple(instantArb, fc.integer({ min: 1, max: 3 * DAY })).map(([start, len]): OutOfOfficeWindow => ({ start, end: start + len })),
  { maxLength: 3 },
);

const durationArb = fc.integer({ min: 1, max: 40 * HOUR });

// ----------------------------------------------------------------------------------------------
// Oracle: the plain reading of "open" from the local wall clock, via Intl, with no caching.

const partsFormatters = new Map<string, Intl.DateTimeFormat>();
function localParts(timeZone: string, t: number) {
  let f = partsFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
    });
    partsFormatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(t)).map((x) => [x.type, x.value]));
  return {
    date: `${p.year}-${p.month}-${p.day}`,
    weekday: p.weekday!.toLowerCase().slice(0, 3) as (typeof WEEKDAYS)[number],
    minute: Number(p.hour) * 60 + Number(p.minute),
  };
}

function isOpenByOracle(calendar: BusinessCalendar, t: number): boolean {
  const { date, weekday, minute } = localParts(calendar.timeZone, t);
  if (calendar.holidays.some((h) => h.date === date)) return false;
  const toMin = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3));
  return calendar.weeklyHours[weekday].some((b) => toMin(b.start) <= minute && minute < toMin(b.end));
}

const inOutOfOffice = (windows: readonly OutOfOfficeWindow[], t: number) => windows.some((w) => w.start <= t && t < w.end);

describe('business calendar properties', () => {
  it('agrees with the local wall clock on whether an instant is open (whole-hour block boundaries, DST zones)', () => {
    // Whole-hour boundaries stay outside the repeated hour at fall back, where "first occurrence"
    // (the engine's rule) and "any occurrence" (the plain reading) legitimately differ.
    fc.assert(
      fc.property(calendarArb(60), instantArb, (calendar, t) => {
        expect(isWithinBusinessHours(calendar, t)).toBe(isOpenByOracle(calendar, t));
      }),
      { numRuns: 500 },
    );
  });

  it('deadlines fall inside business hours: the last millisecond counted is open, not on a holiday, not out of office', () => {
    fc.assert(
      fc.property(calendarArb(15), instantArb, durationArb, outOfOfficeArb, (calendar, start, duration, outOfOffice) => {
        const deadline = addBusinessTime(calendar, start, duration, { outOfOffice });
        expect(deadline).toBeGreaterThan(start);
        expect(isWithinBusinessHours(calendar, deadline - 1, { outOfOffice })).toBe(true);
        expect(inOutOfOffice(outOfOffice, deadline - 1)).toBe(false);
        const localDate = localParts(calendar.timeZone, deadline - 1).date;
        expect(calendar.holidays.map((h) => h.date)).not.toContain(localDate);
      }),
      { numRuns: 300 },
    );
  });

  it('adding then measuring business time round-trips', () => {
    fc.assert(
      fc.property(calendarArb(15), instantArb, durationArb, outOfOfficeArb, (calendar, start, duration, outOfOffice) => {
        const deadline = addBusinessTime(calendar, start, duration, { outOfOffice });
        expect(businessTimeBetween(calendar, start, deadline, { outOfOffice })).toBe(duration);
      }),
      { numRuns: 300 },
    );
  });

  it('measuring then adding lands at or before the end, at the same business time', () => {
    fc.assert(
      fc.property(calendarArb(15), instantArb, fc.integer({ min: 0, max: 10 * DAY }), (calendar, start, span) => {
        const end = start + span;
        const measured = businessTimeBetween(calendar, start, end);
        const back = addBusinessTime(calendar, start, measured);
        expect(back).toBeLessThanOrEqual(end);
        expect(businessTimeBetween(calendar, start, back)).toBe(measured);
      }),
      { numRuns: 300 },
    );
  });

  it('the deadline is monotonic in the start and in the duration', () => {
    fc.assert(
      fc.property(
        calendarArb(15),
        instantArb,
        fc.integer({ min: 0, max: 5 * DAY }),
        durationArb,
        fc.integer({ min: 0, max: 10 * HOUR }),
        outOfOfficeArb,
        (calendar, start, shift, duration, extra, outOfOffice) => {
          const options = { outOfOffice };
          const deadline = addBusinessTime(calendar, start, duration, options);
          expect(addBusinessTime(calendar, start + shift, duration, options)).toBeGreaterThanOrEqual(deadline);
          expect(addBusinessTime(calendar, start, duration + extra, options)).toBeGreaterThanOrEqual(deadline);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('business time is additive, signed, and never exceeds wall time', () => {
    fc.assert(
      fc.property(calendarArb(15), instantArb, instantArb, instantArb, outOfOfficeArb, (calendar, x, y, z, outOfOffice) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p - q) as [number, number, number];
        const o = { outOfOffice };
        const ab = businessTimeBetween(calendar, a, b, o);
        expect(ab + businessTimeBetween(calendar, b, c, o)).toBe(businessTimeBetween(calendar, a, c, o));
        expect(businessTimeBetween(calendar, b, a, o)).toBe(0 - ab);
        expect(ab).toBeGreaterThanOrEqual(0);
        expect(ab).toBeLessThanOrEqual(b - a);
      }),
      { numRuns: 200 },
    );
  });

  it('out-of-office only ever removes business time and pushes deadlines later', () => {
    fc.assert(
      fc.property(calendarArb(15), instantArb, durationArb, outOfOfficeArb, (calendar, start, duration, outOfOffice) => {
        const plain = addBusinessTime(calendar, start, duration);
        const away = addBusinessTime(calendar, start, duration, { outOfOffice });
        expect(away).toBeGreaterThanOrEqual(plain);
        expect(businessTimeBetween(calendar, start, away, { outOfOffice })).toBeLessThanOrEqual(businessTimeBetween(calendar, start, away));
      }),
      { numRuns: 200 },
    );
  });

  it('a holiday adds exactly that day’s hours to a deadline that spans it', () => {
    // Fixed Mon–Fri 09:00–17:00 in New York: closing a Wednesday makes a 5-business-day target one day longer.
    const nine = [{ start: '09:00', end: '17:00' }];
    const base = { timeZone: 'America/New_York', weeklyHours: { mon: nine, tue: nine, wed: nine, thu: nine, fri: nine } };
    const plain = businessCalendarSchema.parse(base);
    fc.assert(
      fc.property(fc.integer({ min: at('2026-01-05T00:00:00Z'), max: at('2026-12-01T00:00:00Z') }), (start) => {
        const deadline = addBusinessTime(plain, start, 40 * HOUR);
        // Pick a weekday strictly inside the span and close it.
        const mid = localParts('America/New_York', Math.floor((start + deadline) / 2));
        const date = mid.date;
        const closed = businessCalendarSchema.parse({ ...base, holidays: [{ date }] });
        const lost = businessTimeBetween(plain, start, deadline) - businessTimeBetween(closed, start, deadline);
        if (lost === 0) return; // the midpoint fell on a weekend
        expect(addBusinessTime(closed, start, 40 * HOUR)).toBeGreaterThan(deadline);
        expect(businessTimeBetween(closed, start, addBusinessTime(closed, start, 40 * HOUR))).toBe(40 * HOUR);
      }),
      { numRuns: 100 },
    );
  });
});
