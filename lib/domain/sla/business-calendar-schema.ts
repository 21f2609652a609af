import { z } from 'zod';
import { WEEKDAYS, isValidTimeZone, parseMinutes } from './calendar-vocabulary';

/**
 * The business calendar as admins write it (validated on import and on every storage read). Split
 * from the calendar arithmetic in business-calendar.ts so code that only counts business time
 * does not pull zod in at runtime.
 */

const timeOfDaySchema = z
  .string()
  .regex(/^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/, 'time must be HH:MM between 00:00 and 24:00');

export const businessHoursBlockSchema = z
  .object({ start: timeOfDaySchema, end: timeOfDaySchema })
  .refine((b) => parseMinutes(b.start) < parseMinutes(b.end), {
    message: 'a block must end after it starts (use 24:00 for midnight at the end of the day)',
    path: ['end'],
  });
export type BusinessHoursBlock = z.infer<typeof businessHoursBlockSchema>;

const dayBlocksSchema = z.array(businessHoursBlockSchema).default([]);

function addOverlapIssues(blocks: readonly BusinessHoursBlock[], path: PropertyKey[], ctx: z.RefinementCtx): void {
  const sorted = [...blocks].sort((a, b) => parseMinutes(a.start) - parseMinutes(b.start));
  for (let i = 1; i < sorted.length; i++) {
    const [prev, next] = [sorted[i - 1]!, sorted[i]!];
    if (parseMinutes(next.start) < parseMinutes(prev.end)) {
      ctx.addIssue({ code: 'custom', message: `blocks overlap (${prev.start}–${prev.end} and ${next.start}–${next.end})`, path });
    }
  }
}

export const weeklyHoursSchema = z
  .object({
    mon: dayBlocksSchema,
    tue: dayBlocksSchema,
    wed: dayBlocksSchema,
    thu: dayBlocksSchema,
    fri: dayBlocksSchema,
    sat: dayBlocksSchema,
    sun: dayBlocksSchema,
  })
  .superRefine((week, ctx) => {
    for (const day of WEEKDAYS) addOverlapIssues(week[day], [day], ctx);
    // A week with no open time would make every business-time deadline unreachable.
    if (WEEKDAYS.every((d) => week[d].length === 0)) {
      ctx.addIssue({ code: 'custom', message: 'at least one day needs business hours', path: [] });
    }
  });
export type WeeklyHours = z.infer<typeof weeklyHoursSchema>;

export const holidaySchema = z
  .object({
    /** Local calendar date in the calendar's zone; the whole day is closed unless `hours` says otherwise. */
    date: z.iso.date(),
    name: z.string().optional(),
    /** When set, the holiday only applies to calendars whose `region` is listed (case-insensitive). */
    regions: z.array(z.string().min(1)).optional(),
    /** Reduced hours for that date instead of closing (e.g. Christmas Eve 09:00–13:00). */
    hours: z.array(businessHoursBlockSchema).optional(),
  })
  .superRefine((holiday, ctx) => addOverlapIssues(holiday.hours ?? [], ['hours'], ctx));
export type Holiday = z.infer<typeof holidaySchema>;

export const businessCalendarSchema = z.object({
  timeZone: z.string().refine(isValidTimeZone, 'must be an IANA time zone, e.g. "America/New_York"'),
  /** Region code used to pick region-specific holidays (e.g. "US", "UK", "DE-BY"). */
  region: z.string().min(1).optional(),
  weeklyHours: weeklyHoursSchema,
  holidays: z.array(holidaySchema).default([]),
  /** What one business "day" means for targets expressed in business days. */
  hoursPerBusinessDay: z.number().positive().max(24).default(8),
});
export type BusinessCalendar = z.infer<typeof businessCalendarSchema>;
export type BusinessCalendarInput = z.input<typeof businessCalendarSchema>;

/** A rep's out-of-office window, [start, end) in epoch ms; passed per evaluation, not stored on the calendar. */
export const outOfOfficeWindowSchema = z
  .object({ start: z.number().int(), end: z.number().int(), note: z.string().optional() })
  .refine((w) => w.end > w.start, { message: 'end must be after start', path: ['end'] });
export type OutOfOfficeWindow = z.infer<typeof outOfOfficeWindowSchema>;

