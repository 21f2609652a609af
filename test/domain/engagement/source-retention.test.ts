import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeRetention, retentionCutoffFor } from '../../../lib/domain/engagement/source-retention';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 11, 4, 12);

describe('source retention', () => {
  it('a lead older than the window: the cut-off is now minus the kept days; a newer lead lost nothing', () => {
    expect(retentionCutoffFor({ now: NOW, keptDays: 90, historyStartsAt: NOW - 200 * DAY, what: 'web visits', sourceLabel: 'M' })).toEqual({ before: NOW - 90 * DAY, what: 'web visits', sourceLabel: 'M' });
    expect(retentionCutoffFor({ now: NOW, keptDays: 90, historyStartsAt: NOW - 60 * DAY, what: 'web visits', sourceLabel: 'M' })).toBeNull();
    // Unknown start: history may reach back, so it is said.
    expect(retentionCutoffFor({ now: NOW, keptDays: 90, historyStartsAt: null, what: 'web visits', sourceLabel: 'M' })).not.toBeNull();
  });

  it('says it in a rep\'s words, with the year only when it is not this year', () => {
    expect(describeRetention({ before: Date.UTC(2026, 8, 3, 9), what: 'web visits and link clicks', sourceLabel: 'Marketo' }, NOW)).toBe('Web visits and link clicks before 3 Sep are no longer kept by Marketo');
    expect(describeRetention({ before: Date.UTC(2025, 11, 31, 9), what: 'web visits', sourceLabel: 'Marketo' }, Date.UTC(2026, 0, 10))).toBe('Web visits before 31 Dec 2025 are no longer kept by Marketo');
    expect(describeRetention({ before: Date.UTC(2026, 8, 3, 2), what: 'web visits', sourceLabel: 'X' }, NOW, 'America/Chicago')).toBe('Web visits before 2 Sep are no longer kept by X');
  });

  it('property: a cut-off exists exactly when history starts before now minus the window, and is always before now', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 800 }), fc.integer({ min: 0, max: 2000 }), (keptDays, startedDaysAgo) => {
        const cutoff = retentionCutoffFor({ now: NOW, keptDays, historyStartsAt: NOW - startedDaysAgo * DAY, what: 'x', sourceLabel: 'S' });
        expect(cutoff !== null).toBe(startedDaysAgo > keptDays);
        if (cutoff) expect(describeRetention(cutoff, NOW)).toMatch(/^X before \d{1,2} [A-Z][a-z]{2}( \d{4})? are no longer kept by S$/);
      }),
    );
  });
});
