import { parseMinutes } from '../domain/sla/calendar-vocabulary';

/**
 * Geometry of the SLA editor's visual week: where each block of business hours sits on a 24-hour
 * bar (percentages), and the hours a new block gets. Pure.
 */
const DAY_MINUTES = 24 * 60;
const TIME = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;

export interface BarSegment {
  left: number;
  width: number;
  label: string;
  minutes: number;
}

/** Blocks that read as times, as positions on the bar; blocks still being typed are left out. */
export function barSegments(blocks: readonly { start?: unknown; end?: unknown }[]): BarSegment[] {
  return blocks.flatMap((b) => {
    if (typeof b.start !== 'string' || typeof b.end !== 'string' || !TIME.test(b.start) || !TIME.test(b.end)) return [];
    const start = parseMinutes(b.start);
    const end = parseMinutes(b.end);
    if (end <= start) return [];
    return [{ left: (start / DAY_MINUTES) * 100, width: ((end - start) / DAY_MINUTES) * 100, label: `${b.start}–${b.end}`, minutes: end - start }];
  });
}

function hhmm(minutes: number): string {
  if (minutes >= DAY_MINUTES) return '24:00';
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** A new block: 09:00–17:00 on an empty day, else the two hours after the day's last block (to midnight at most). */
export function nextBlock(blocks: readonly { start?: unknown; end?: unknown }[]): { start: string; end: string } {
  const ends = blocks.flatMap((b) => (typeof b.end === 'string' && TIME.test(b.end) ? [parseMinutes(b.end)] : []));
  if (!ends.length) return { start: '09:00', end: '17:00' };
  const start = Math.min(Math.max(...ends) + 60, DAY_MINUTES - 60);
  return { start: hhmm(start), end: hhmm(Math.min(start + 120, DAY_MINUTES)) };
}

/** Total open hours of a day's well-formed blocks ("7.5"). */
export function openHours(blocks: readonly { start?: unknown; end?: unknown }[]): number {
  return barSegments(blocks).reduce((sum, s) => sum + s.minutes, 0) / 60;
}
