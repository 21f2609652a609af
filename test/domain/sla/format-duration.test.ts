import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../../lib/domain/sla/format-duration';

const MIN = 60_000;
const H = 60 * MIN;
const D = 24 * H;

describe('formatDuration', () => {
  it.each([
    [0, '0 min'],
    [30_000, '< 1 min'],
    [4 * MIN, '4 min'],
    [4 * MIN + 59_000, '4 min'],
    [H, '1 h'],
    [H + 20 * MIN, '1 h 20 min'],
    [D, '1 d'],
    [2 * D + 3 * H + 59 * MIN, '2 d 3 h'],
    [-(H + 5 * MIN), '-1 h 5 min'],
    [-30_000, '-< 1 min'],
    [Number.POSITIVE_INFINITY, '—'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
