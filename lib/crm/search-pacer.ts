/*
 * CRM search APIs have limits of their own per account, shared by every integration (HubSpot's:
 * about 5 requests a second). Insights' read and the backtest read both search the same account,
 * possibly at the same time (the backtest section sits on the Insights page), so they take their
 * turns from one pacer per connection rather than each keeping its own rate.
 */

import { sleep } from '../async/sleep';

/** Waits for this caller's turn to start a search request. */
export type SearchPacer = (signal?: AbortSignal) => Promise<void>;

/** About 4 searches a second: under the strictest search limit of the CRMs Baton reads (5 a second). */
export const DEFAULT_SEARCH_INTERVAL_MS = 250;

export interface PacerClock {
  now?: () => number;
  wait?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** Spaces calls at least `intervalMs` apart (by start time), however many callers share it. */
export function createSearchPacer(intervalMs: number, clock: PacerClock = {}): SearchPacer {
  const now = clock.now ?? Date.now;
  const wait = clock.wait ?? sleep;
  let nextAt = 0;
  return async (signal) => {
    if (intervalMs <= 0) return;
    // The slot is taken before waiting, so concurrent callers queue up one interval apart.
    const at = Math.max(now(), nextAt);
    nextAt = at + intervalMs;
    const delay = at - now();
    if (delay > 0) await wait(delay, signal);
  };
}

export interface SearchPacers {
  /** The one pacer of a connection (see insights-actions' connection key), made on first use. */
  forConnection(key: string): SearchPacer;
}

export function createSearchPacers(intervalMs: number = DEFAULT_SEARCH_INTERVAL_MS, clock: PacerClock = {}): SearchPacers {
  const pacers = new Map<string, SearchPacer>();
  return {
    forConnection(key) {
      let pacer = pacers.get(key);
      if (!pacer) {
        pacer = createSearchPacer(intervalMs, clock);
        pacers.set(key, pacer);
      }
      return pacer;
    },
  };
}

/**
 * The background's pacers: Insights' and the backtest's actions default to this one registry, so
 * everything in the worker that searches a portal shares its turn-taking.
 */
export const backgroundSearchPacers: SearchPacers = createSearchPacers();
