import { vi } from 'vitest';
import { stopWatchingPanelShown } from '../../components/ui/panel-shown-since';

/*
 * The browser's IntersectionObserver v2, played by the test for the clickjacking guard
 * (components/ui/use-visibility-guard.ts). Every observer reports the verdict in force when it
 * starts observing and again whenever the test changes it, a moment later (as the browser does,
 * within `delay`), stamped with the test's clock: `performance.now()` and each report's `time`
 * move only when the test advances them. Real Chromium's verdicts: test/e2e/clickjacking.spec.ts.
 */

export interface Verdict {
  isIntersecting: boolean;
  isVisible: boolean;
}

export const IN_VIEW: Verdict = { isIntersecting: true, isVisible: true };
export const COVERED: Verdict = { isIntersecting: true, isVisible: false };
export const OFF_SCREEN: Verdict = { isIntersecting: false, isVisible: false };

export interface FakeIntersectionObserver {
  /** Every observer's options, in the order they were made. */
  options: IntersectionObserverInit[];
  /** What the rep can see from now on; every observer reports it. 'silent': the browser reports nothing. */
  show(verdict: Verdict | 'silent'): void;
  /** Time passes on the browser's clock. */
  advance(ms: number): void;
  /** Puts the real globals back and drops the panel's watch (the next case starts a fresh one). */
  uninstall(): void;
}

export function installFakeIntersectionObserver(initial: Verdict | 'silent' = IN_VIEW): FakeIntersectionObserver {
  let now = 10_000;
  let verdict = initial;
  const options: IntersectionObserverInit[] = [];
  const live = new Set<FakeObserver>();

  class FakeObserver {
    private readonly targets = new Set<Element>();
    constructor(
      private readonly callback: IntersectionObserverCallback,
      init: IntersectionObserverInit = {},
    ) {
      options.push(init);
      live.add(this);
    }
    observe(target: Element) {
      this.targets.add(target);
      this.report(target);
    }
    report(target: Element) {
      if (verdict === 'silent') return;
      const entry = { target, time: now, ...verdict } as unknown as IntersectionObserverEntry;
      setTimeout(() => {
        if (this.targets.has(target)) this.callback([entry], this as unknown as IntersectionObserver);
      }, 0);
    }
    reportAll() {
      for (const target of this.targets) this.report(target);
    }
    disconnect() {
      this.targets.clear();
      live.delete(this);
    }
    unobserve(target: Element) {
      this.targets.delete(target);
    }
    takeRecords() {
      return [];
    }
  }

  const scope = globalThis as { IntersectionObserver?: unknown; IntersectionObserverEntry?: unknown };
  const originals = { io: scope.IntersectionObserver, entry: scope.IntersectionObserverEntry };
  scope.IntersectionObserver = FakeObserver;
  // v2 is detected by `isVisible` on the entry's prototype.
  scope.IntersectionObserverEntry = class {
    get isVisible() {
      return false;
    }
  };
  const clock = vi.spyOn(performance, 'now').mockImplementation(() => now);
  stopWatchingPanelShown();

  return {
    options,
    show(next) {
      verdict = next;
      for (const observer of live) observer.reportAll();
    },
    advance(ms) {
      now += ms;
    },
    uninstall() {
      stopWatchingPanelShown();
      clock.mockRestore();
      scope.IntersectionObserver = originals.io;
      scope.IntersectionObserverEntry = originals.entry;
    },
  };
}
