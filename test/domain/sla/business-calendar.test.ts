import { describe, expect, it } from 'vitest';
import {
  addBusinessTime,
  businessTimeBetween,
  isWithinBusinessHours,
  listOpenIntervals,
  nextClosing,
  nextOpening,
} from '../../../lib/domain/sla/business-calendar';
import { businessCalendarSchema } from '../../../lib/domain/sla/business-calendar-schema';
import type { BusinessCalendar, BusinessCalendarInput } from '../../../lib/domain/sla/business-calendar';
import { at, DAY, HOUR, MINUTE } from './make-lead';

const nineToFive = [{ start: '09:00', end: '17:00' }];
const weekdays = (blocks: { start: string; end: string }[]) => ({ mon: blocks, tue: blocks, wed: blocks, thu: blocks, fri: blocks });
const allWeek = (blocks: { start: string; end: string }[]) => ({ ...weekdays(blocks), sat: blocks, sun: blocks });

function calendar(input: Partial<BusinessCalendarInput> = {}): BusinessCalendar {
  return businessCalendarSchema.parse({ timeZone: 'America/New_York', weeklyHours: weekdays(nineToFive), ...input });
}

const iso = (ms: number) => new Date(ms).toISOString();

describe('addBusinessTime: worked examples (Mon–Fri 09:00–17:00 America/New_York)', () => {
  const cal = calendar();

  it('a 1 business-hour SLA started Friday 16:30 is due Monday 09:30', () => {
    const due = addBusinessTime(cal, at('2026-11-20T16:30:00-05:00'), HOUR);
    expect(iso(due)).toBe(iso(at('2026-11-23T09:30:00-05:00')));
  });

  it('a start outside hours counts from the next opening', () => {
    expect(iso(addBusinessTime(cal, at('2026-11-21T10:00:00-05:00'), HOUR))).toBe(iso(at('2026-11-23T10:00:00-05:00')));
    expect(iso(addBusinessTime(cal, at('2026-11-20T18:00:00-05:00'), HOUR))).toBe(iso(at('2026-11-23T10:00:00-05:00')));
    expect(iso(addBusinessTime(cal, at('2026-11-23T07:00:00-05:00'), 5 * MINUTE))).toBe(iso(at('2026-11-23T09:05:00-05:00')));
  });

  it('ending exactly at closing returns the closing instant, not the next morning', () => {
    expect(iso(addBusinessTime(cal, at('2026-11-20T16:00:00-05:00'), HOUR))).toBe(iso(at('2026-11-20T17:00:00-05:00')));
  });

  it('a zero duration returns the start', () => {
    const start = at('2026-11-21T10:00:00-05:00');
    expect(addBusinessTime(cal, start, 0)).toBe(start);
  });

  it('24 business hours is three working days', () => {
    expect(iso(addBusinessTime(cal, at('2026-11-17T09:00:00-05:00'), 24 * HOUR))).toBe(iso(at('2026-11-19T17:00:00-05:00')));
  });

  it('a Friday before spring forward lands on Monday in daylight time', () => {
    expect(iso(addBusinessTime(cal, at('2026-03-06T16:30:00-05:00'), HOUR))).toBe(iso(at('2026-03-09T09:30:00-04:00')));
  });
});

describe('several blocks a day', () => {
  const cal = calendar({ weeklyHours: weekdays([{ start: '09:00', end: '12:00' }, { start: '13:00', end: '17:30' }]) });

  it('skips the lunch break', () => {
    expect(iso(addBusinessTime(cal, at('2026-11-23T11:30:00-05:00'), HOUR))).toBe(iso(at('2026-11-23T13:30:00-05:00')));
  });

  it('measures only open time', () => {
    expect(businessTimeBetween(cal, at('2026-11-23T08:00:00-05:00'), at('2026-11-23T18:00:00-05:00'))).toBe(7.5 * HOUR);
  });

  it('knows open and closed instants and the next opening/closing', () => {
    expect(isWithinBusinessHours(cal, at('2026-11-23T12:30:00-05:00'))).toBe(false);
    expect(isWithinBusinessHours(cal, at('2026-11-23T13:00:00-05:00'))).toBe(true);
    expect(isWithinBusinessHours(cal, at('2026-11-23T17:30:00-05:00'))).toBe(false);
    expect(iso(nextOpening(cal, at('2026-11-23T12:30:00-05:00')))).toBe(iso(at('2026-11-23T13:00:00-05:00')));
    expect(nextOpening(cal, at('2026-11-23T10:00:00-05:00'))).toBe(at('2026-11-23T10:00:00-05:00'));
    expect(iso(nextClosing(cal, at('2026-11-23T10:00:00-05:00')))).toBe(iso(at('2026-11-23T12:00:00-05:00')));
  });

  it('merges adjacent blocks into one stretch', () => {
    const adjacent = calendar({ weeklyHours: { mon: [{ start: '09:00', end: '12:00' }, { start: '12:00', end: '17:00' }] } });
    const day = at('2026-11-23T00:00:00-05:00');
    expect(listOpenIntervals(adjacent, day, day + DAY)).toEqual([{ start: at('2026-11-23T09:00:00-05:00'), end: at('2026-11-23T17:00:00-05:00') }]);
  });
});

describe('businessTimeBetween', () => {
  const cal = calendar();
  it('is signed', () => {
    const a = at('2026-11-20T16:30:00-05:00');
    const b = at('2026-11-23T09:30:00-05:00');
    expect(businessTimeBetween(cal, a, b)).toBe(HOUR);
    expect(businessTimeBetween(cal, b, a)).toBe(-HOUR);
    expect(businessTimeBetween(cal, a, a)).toBe(0);
  });
  it('is zero over a weekend', () => {
    expect(businessTimeBetween(cal, at('2026-11-21T00:00:00-05:00'), at('2026-11-23T00:00:00-05:00'))).toBe(0);
  });
});

describe('holidays', () => {
  it('closes the whole local day', () => {
    const cal = calendar({ holidays: [{ date: '2026-11-23', name: 'Company day' }] });
    expect(iso(addBusinessTime(cal, at('2026-11-20T16:30:00-05:00'), HOUR))).toBe(iso(at('2026-11-24T09:30:00-05:00')));
  });

  it('applies region-specific holidays only to calendars of that region', () => {
    const holidays = [{ date: '2026-11-23', regions: ['UK', 'IE'] }];
    const start = at('2026-11-20T16:30:00-05:00');
    const monday = iso(at('2026-11-23T09:30:00-05:00'));
    const tuesday = iso(at('2026-11-24T09:30:00-05:00'));
    expect(iso(addBusinessTime(calendar({ holidays, region: 'US' }), start, HOUR))).toBe(monday);
    expect(iso(addBusinessTime(calendar({ holidays }), start, HOUR))).toBe(monday);
    expect(iso(addBusinessTime(calendar({ holidays, region: 'uk' }), start, HOUR))).toBe(tuesday);
  });

  it('can give a date reduced hours instead of closing it', () => {
    const cal = calendar({
      holidays: [
        { date: '2026-12-24', name: 'Christmas Eve', hours: [{ start: '09:00', end: '13:00' }] },
        { date: '2026-12-25', name: 'Christmas Day' },
      ],
    });
    expect(businessTimeBetween(cal, at('2026-12-24T00:00:00-05:00'), at('2026-12-25T00:00:00-05:00'))).toBe(4 * HOUR);
    expect(iso(addBusinessTime(cal, at('2026-12-24T12:30:00-05:00'), HOUR))).toBe(iso(at('2026-12-28T09:30:00-05:00')));
    const overlapping = businessCalendarSchema.safeParse({
      timeZone: 'UTC',
      weeklyHours: weekdays(nineToFive),
      holidays: [{ date: '2026-12-24', hours: [{ start: '09:00', end: '13:00' }, { start: '12:00', end: '14:00' }] }],
    });
    expect(overlapping.error?.issues[0]?.path).toEqual(['holidays', 0, 'hours']);
  });

  it('uses the local date in the calendar zone, not the UTC date', () => {
    const tokyo = calendar({ timeZone: 'Asia/Tokyo', holidays: [{ date: '2026-11-23' }] });
    // Monday 2026-11-23 09:00 JST is Sunday 2026-11-22 in UTC.
    expect(isWithinBusinessHours(tokyo, at('2026-11-23T10:00:00+09:00'))).toBe(false);
    expect(isWithinBusinessHours(tokyo, at('2026-11-24T10:00:00+09:00'))).toBe(true);
  });
});

describe('out of office', () => {
  const cal = calendar();
  const outOfOffice = [{ start: at('2026-11-23T09:00:00-05:00'), end: at('2026-11-23T12:00:00-05:00') }];

  it('pauses business time while the rep is away', () => {
    expect(iso(addBusinessTime(cal, at('2026-11-23T08:00:00-05:00'), HOUR, { outOfOffice }))).toBe(iso(at('2026-11-23T13:00:00-05:00')));
    expect(businessTimeBetween(cal, at('2026-11-23T08:00:00-05:00'), at('2026-11-23T13:00:00-05:00'), { outOfOffice })).toBe(HOUR);
    expect(isWithinBusinessHours(cal, at('2026-11-23T10:00:00-05:00'), { outOfOffice })).toBe(false);
  });

  it('handles overlapping and unsorted windows', () => {
    const messy = [
      { start: at('2026-11-23T11:00:00-05:00'), end: at('2026-11-23T14:00:00-05:00') },
      { start: at('2026-11-23T09:00:00-05:00'), end: at('2026-11-23T12:00:00-05:00') },
    ];
    expect(businessTimeBetween(cal, at('2026-11-23T00:00:00-05:00'), at('2026-11-24T00:00:00-05:00'), { outOfOffice: messy })).toBe(3 * HOUR);
  });

  it('a week away moves the deadline past the week', () => {
    const week = [{ start: at('2026-11-23T00:00:00-05:00'), end: at('2026-11-28T00:00:00-05:00') }];
    expect(iso(addBusinessTime(cal, at('2026-11-20T16:30:00-05:00'), HOUR, { outOfOffice: week }))).toBe(iso(at('2026-11-30T09:30:00-05:00')));
  });
});

describe('DST: blocks crossing the transition hour', () => {
  const sundayNight = (timeZone: string) => calendar({ timeZone, weeklyHours: { sun: [{ start: '00:00', end: '04:00' }] } });
  const hoursOpenOn = (cal: BusinessCalendar, isoDate: string) => {
    const noonUtc = at(`${isoDate}T12:00:00Z`);
    return businessTimeBetween(cal, noonUtc - DAY, noonUtc + DAY) / HOUR;
  };

  it('America/New_York: a Sunday 00:00–04:00 block is 3 h at spring forward and 5 h at fall back', () => {
    const cal = sundayNight('America/New_York');
    expect(hoursOpenOn(cal, '2026-03-01')).toBe(4);
    expect(hoursOpenOn(cal, '2026-03-08')).toBe(3);
    expect(hoursOpenOn(cal, '2026-11-01')).toBe(5);
    expect(listOpenIntervals(cal, at('2026-03-08T00:00:00Z'), at('2026-03-09T00:00:00Z'))).toEqual([
      { start: at('2026-03-08T00:00:00-05:00'), end: at('2026-03-08T04:00:00-04:00') },
    ]);
  });

  it('Europe/London: the same block is 3 h on 2026-03-29 and 5 h on 2026-10-25', () => {
    const cal = sundayNight('Europe/London');
    expect(hoursOpenOn(cal, '2026-03-22')).toBe(4);
    expect(hoursOpenOn(cal, '2026-03-29')).toBe(3);
    expect(hoursOpenOn(cal, '2026-10-25')).toBe(5);
  });

  it('counts through the gap: 2.5 business hours from 00:00 on spring-forward Sunday end at 03:30 daylight time', () => {
    const cal = sundayNight('America/New_York');
    expect(iso(addBusinessTime(cal, at('2026-03-08T00:00:00-05:00'), 2.5 * HOUR))).toBe(iso(at('2026-03-08T03:30:00-04:00')));
  });

  it('a block starting inside the gap opens at the transition instant', () => {
    const cal = calendar({ weeklyHours: { sun: [{ start: '02:30', end: '04:00' }] } });
    expect(listOpenIntervals(cal, at('2026-03-08T00:00:00Z'), at('2026-03-09T00:00:00Z'))).toEqual([
      { start: at('2026-03-08T03:00:00-04:00'), end: at('2026-03-08T04:00:00-04:00') },
    ]);
  });

  it('a block boundary inside the repeated hour uses its first occurrence', () => {
    const cal = calendar({ weeklyHours: { sun: [{ start: '01:30', end: '03:00' }] } });
    expect(listOpenIntervals(cal, at('2026-11-01T00:00:00Z'), at('2026-11-02T00:00:00Z'))).toEqual([
      { start: at('2026-11-01T01:30:00-04:00'), end: at('2026-11-01T03:00:00-05:00') },
    ]);
  });

  it.each(['America/New_York', 'Europe/London'])('%s: 24-hour blocks make business time equal wall time across transitions', (timeZone) => {
    const cal = calendar({ timeZone, weeklyHours: allWeek([{ start: '00:00', end: '24:00' }]) });
    for (const [from, to] of [
      ['2026-03-07T12:00:00Z', '2026-03-10T12:00:00Z'],
      ['2026-03-27T12:00:00Z', '2026-03-31T12:00:00Z'],
      ['2026-10-24T12:00:00Z', '2026-10-26T12:00:00Z'],
      ['2026-10-31T12:00:00Z', '2026-11-02T12:00:00Z'],
    ] as const) {
      expect(businessTimeBetween(cal, at(from), at(to))).toBe(at(to) - at(from));
      expect(addBusinessTime(cal, at(from), at(to) - at(from))).toBe(at(to));
    }
  });
});

describe('businessCalendarSchema', () => {
  const errorsOf = (input: unknown) => {
    const r = businessCalendarSchema.safeParse(input);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('rejects unknown time zones, bad times, reversed and overlapping blocks, and empty weeks', () => {
    expect(errorsOf({ timeZone: 'Mars/Olympus', weeklyHours: weekdays(nineToFive) })[0]).toMatch(/^timeZone: must be an IANA time zone/);
    expect(errorsOf({ timeZone: 'UTC', weeklyHours: { mon: [{ start: '9:00', end: '17:00' }] } })[0]).toMatch(/^weeklyHours.mon.0.start: time must be HH:MM/);
    expect(errorsOf({ timeZone: 'UTC', weeklyHours: { mon: [{ start: '17:00', end: '09:00' }] } })[0]).toMatch(/^weeklyHours.mon.0.end: a block must end after/);
    expect(
      errorsOf({ timeZone: 'UTC', weeklyHours: { mon: [{ start: '09:00', end: '12:00' }, { start: '11:00', end: '13:00' }] } })[0],
    ).toMatch(/^weeklyHours.mon: blocks overlap/);
    expect(errorsOf({ timeZone: 'UTC', weeklyHours: {} })[0]).toMatch(/at least one day needs business hours/);
    expect(errorsOf({ timeZone: 'UTC', weeklyHours: weekdays(nineToFive), holidays: [{ date: '2026-13-01' }] })[0]).toMatch(/^holidays.0.date/);
  });

  it('accepts 24:00 as the end of the day and fills defaults', () => {
    const cal = businessCalendarSchema.parse({ timeZone: 'UTC', weeklyHours: { sat: [{ start: '00:00', end: '24:00' }] } });
    expect(cal.holidays).toEqual([]);
    expect(cal.weeklyHours.mon).toEqual([]);
    expect(cal.hoursPerBusinessDay).toBe(8);
  });
});
