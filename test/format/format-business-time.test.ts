import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeSpan, formatDueAt, formatHoursMinutes } from '../../lib/format/format-business-time';

const MIN = 60_000;
const HOUR = 60 * MIN;

describe('one time format: hours and minutes', () => {
  it('never says days, however long', () => {
    expect(formatHoursMinutes(24 * HOUR)).toBe('24 h');
    expect(formatHoursMinutes(26 * HOUR + 5 * MIN)).toBe('26 h 5 min');
    expect(formatHoursMinutes(45 * MIN + 59_000)).toBe('45 min');
    expect(formatHoursMinutes(-3 * HOUR)).toBe('-3 h');
    expect(formatHoursMinutes(30_000)).toBe('< 1 min');
    fc.assert(fc.property(fc.integer({ min: -1e10, max: 1e10 }), (ms) => !/\bd\b/.test(formatHoursMinutes(ms))));
  });

  it('never shows more time than there is (truncates)', () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN, max: 1e9 }), (ms) => {
        const m = /^(?:(\d+) h)?(?: ?(\d+) min)?$/.exec(formatHoursMinutes(ms))!;
        const shown = Number(m[1] ?? 0) * HOUR + Number(m[2] ?? 0) * MIN;
        return shown <= ms && ms - shown < MIN;
      }),
    );
  });

  it('says business time as business hours, not "1 d"', () => {
    expect(describeSpan(8 * HOUR, 'business')).toBe('8 business hours');
    expect(describeSpan(24 * HOUR, 'business')).toBe('24 business hours');
    expect(describeSpan(1 * HOUR, 'business')).toBe('1 business hour');
    expect(describeSpan(5 * MIN, 'business')).toBe('5 business minutes');
    expect(describeSpan(3 * HOUR + 20 * MIN, 'business')).toBe('3 h 20 min of business time');
    expect(describeSpan(48 * HOUR, 'wall')).toBe('48 hours');
  });

  it('gives the calendar deadline: a clock time today, a weekday this week, a date beyond', () => {
    const zone = { timeZone: 'UTC' };
    const now = Date.UTC(2026, 11, 4, 10, 0); // Friday 4 Dec 2026, 10:00
    expect(formatDueAt(Date.UTC(2026, 11, 4, 14, 0), now, zone)).toBe('14:00');
    expect(formatDueAt(Date.UTC(2026, 11, 7, 14, 0), now, zone)).toBe('Mon 14:00');
    expect(formatDueAt(Date.UTC(2026, 11, 14, 9, 30), now, zone)).toBe('14 Dec 09:30');
  });
});
