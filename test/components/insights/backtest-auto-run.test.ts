import { describe, expect, it } from 'vitest';
import { AUTO_RUN_MAX_LEADS, shouldAutoRunBacktest } from '../../../components/insights/backtest-section';

describe('the backtest starts by itself only after a complete, small Insights read', () => {
  it('waits for the read, and leaves large portals to the marketer', () => {
    expect(shouldAutoRunBacktest(null)).toBe(false);
    expect(shouldAutoRunBacktest({ records: 300, sync: { state: 'reading' } })).toBe(false);
    expect(shouldAutoRunBacktest({ records: 300, sync: { state: 'updating' } })).toBe(false);
    expect(shouldAutoRunBacktest({ records: 300, sync: { state: 'idle' } })).toBe(true);
    expect(shouldAutoRunBacktest({ records: AUTO_RUN_MAX_LEADS, sync: { state: 'idle' } })).toBe(true);
    expect(shouldAutoRunBacktest({ records: AUTO_RUN_MAX_LEADS + 1, sync: { state: 'idle' } })).toBe(false);
  });
});
