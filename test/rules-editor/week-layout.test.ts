import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { barSegments, nextBlock, openHours } from '../../lib/rules-editor/week-layout';

describe('the visual week', () => {
  test('places blocks on a 24-hour bar and leaves out the ones still being typed', () => {
    expect(barSegments([{ start: '06:00', end: '12:00' }, { start: '13:0', end: '17:00' }, { start: '18:00', end: '24:00' }])).toEqual([
      { left: 25, width: 25, label: '06:00–12:00', minutes: 360 },
      { left: 75, width: 25, label: '18:00–24:00', minutes: 360 },
    ]);
    expect(openHours([{ start: '09:00', end: '12:30' }, { start: '13:30', end: '17:30' }])).toBe(7.5);
  });
  test('a new block: 09:00–17:00 on an empty day, after the last block otherwise', () => {
    expect(nextBlock([])).toEqual({ start: '09:00', end: '17:00' });
    expect(nextBlock([{ start: '09:00', end: '12:00' }])).toEqual({ start: '13:00', end: '15:00' });
    expect(nextBlock([{ start: '09:00', end: '23:30' }])).toEqual({ start: '23:00', end: '24:00' });
  });
  test('every segment stays on the bar', () => {
    const time = fc.integer({ min: 0, max: 48 }).map((n) => (n === 48 ? '24:00' : `${String(Math.floor(n / 2)).padStart(2, '0')}:${n % 2 ? '30' : '00'}`));
    fc.assert(
      fc.property(fc.array(fc.record({ start: time, end: time }), { maxLength: 6 }), (blocks) => {
        for (const s of barSegments(blocks)) {
          expect(s.left).toBeGreaterThanOrEqual(0);
          expect(s.width).toBeGreaterThan(0);
          expect(s.left + s.width).toBeLessThanOrEqual(100 + 1e-9);
        }
        const next = nextBlock(blocks);
        expect(barSegments([next])).toHaveLength(1);
      }),
    );
  });
});
