// @vitest-environment happy-dom
import { act, useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LIVE_REFRESH_INTERVAL_MS, panelIsShown, useLiveRefresh } from '../../../components/panel/use-live-refresh';
import { render } from '../../support/react/render-into-document';

const HOUR = 3_600_000;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-12-03T15:00:00Z'));
});
afterEach(() => vi.useRealTimers());

/** A panel whose reads succeed at once (or fail: `updatedAt` then stays), counting them. */
function Panel({ shown, reads, fail = false }: { shown: () => boolean; reads: { count: number }; fail?: boolean }) {
  const [updatedAt, setUpdatedAt] = useState(() => Date.now());
  useLiveRefresh({
    updatedAt,
    refreshing: false,
    isShown: shown,
    refresh: () => {
      reads.count += 1;
      if (!fail) setUpdatedAt(Date.now());
    },
  });
  return null;
}

function runFor(ms: number) {
  act(() => vi.advanceTimersByTime(ms));
}

describe('a visible panel stays live, cheaply', () => {
  it('reads the lead about once a minute while shown: 60 reads an hour, the first within a minute', () => {
    const reads = { count: 0 };
    render(<Panel shown={() => true} reads={reads} />);
    runFor(LIVE_REFRESH_INTERVAL_MS);
    expect(reads.count).toBe(1);
    runFor(HOUR - LIVE_REFRESH_INTERVAL_MS);
    expect(reads.count).toBe(60);
  });

  it('reads nothing while hidden (tab in the background, panel collapsed), and at once on coming back', () => {
    const reads = { count: 0 };
    let shown = false;
    render(<Panel shown={() => shown} reads={reads} />);
    runFor(HOUR);
    expect(reads.count).toBe(0);
    shown = true;
    act(() => document.dispatchEvent(new Event('visibilitychange')));
    expect(reads.count).toBe(1);
  });

  it('a read that fails does not turn into a read every few seconds', () => {
    const reads = { count: 0 };
    render(<Panel shown={() => true} reads={reads} fail />);
    runFor(HOUR);
    expect(reads.count).toBe(60);
  });

  it('a collapsed panel (a frame without size) counts as hidden', () => {
    expect(panelIsShown({ visibilityState: 'visible' } as Document, { innerWidth: 400, innerHeight: 800 })).toBe(true);
    expect(panelIsShown({ visibilityState: 'visible' } as Document, { innerWidth: 0, innerHeight: 0 })).toBe(false);
    expect(panelIsShown({ visibilityState: 'hidden' } as Document, { innerWidth: 400, innerHeight: 800 })).toBe(false);
  });
});
