/**
 * How long the whole panel has been continuously in view, for the clickjacking guard
 * (use-visibility-guard.ts).
 *
 * A page that hides or covers the panel can reveal it a moment before the rep's click lands, so a
 * report that the panel is visible *now* is not enough: IntersectionObserver v2's guidance is to
 * accept input only once the target has been visible for a while. This watches the panel's
 * document from the moment the panel page loads (so a rep who opened the lead and then worked
 * through the form never waits), and restarts the count whenever the browser reports it faded,
 * covered, even in part, or off-screen.
 */

import type { VisibilitySupport } from './use-visibility-guard';

/** How long the panel must have been in view, unobscured, before a CRM write from it is accepted. */
export const MIN_VISIBLE_MS = 600;

export interface PanelShownSince {
  /** False until the browser's first report. */
  reported: boolean;
  /** When (performance.now() time) the current unbroken run of "in view" reports began; null: not in view. */
  since: number | null;
}

/**
 * How long after the panel page loads a browser that has said nothing yet is waited for before
 * CRM writes stop waiting for its first report (v2 reports within `delay`, usually ~100–300 ms).
 */
export const FIRST_REPORT_GRACE_MS = 1_500;

let watch: { state: PanelShownSince; listeners: Set<() => void>; stop(): void } | null = null;

/**
 * Starts watching this document (once; later calls reuse it) and returns how to read it. Where
 * the browser has no IntersectionObserver, nothing is watched and nothing is ever reported.
 */
export function watchPanelShown(support: VisibilitySupport, scope: typeof globalThis = globalThis): () => PanelShownSince {
  if (!watch) {
    const state: PanelShownSince = { reported: false, since: null };
    const listeners = new Set<() => void>();
    let observer: IntersectionObserver | null = null;
    const target = scope.document?.documentElement;
    if (support !== 'none' && target) {
      observer = new scope.IntersectionObserver(
        (entries) => {
          for (const entry of entries) {
            const inView = entry.isIntersecting && (support !== 'track-visibility' || (entry as { isVisible?: boolean }).isVisible === true);
            // The time the browser computed it, not when the report reached us (up to `delay` later).
            const at = Number.isFinite(entry.time) ? entry.time : scope.performance.now();
            state.reported = true;
            state.since = inView ? (state.since ?? at) : null;
          }
          for (const listener of listeners) listener();
        },
        // `trackVisibility` needs a `delay` of at least 100 ms; browsers without v2 ignore both.
        { threshold: [0], trackVisibility: true, delay: 100 } as IntersectionObserverInit,
      );
      observer.observe(target);
    }
    watch = { state, listeners, stop: () => observer?.disconnect() };
  }
  const { state } = watch;
  return () => ({ ...state });
}

/** Calls `listener` after each report of the browser (started by watchPanelShown); returns how to stop. */
export function onPanelShownReport(listener: () => void): () => void {
  const listeners = watch?.listeners;
  listeners?.add(listener);
  return () => listeners?.delete(listener);
}

/**
 * Whether a CRM write should wait a moment rather than be offered at once: the panel is in view
 * but only just (a human cannot have read it yet, and a page may have uncovered it to lure the
 * click), or the browser has not reported yet just after load. `recheckInMs`: when that ends, if
 * nothing is reported meanwhile. A panel reported hidden is not "settling": a click there is
 * refused with its reason instead (use-visibility-guard.ts). Pure, for tests.
 */
export function settlingFor(shown: PanelShownSince, now: number): { settling: boolean; recheckInMs: number | null } {
  if (!shown.reported) return now < FIRST_REPORT_GRACE_MS ? { settling: true, recheckInMs: FIRST_REPORT_GRACE_MS - now } : { settling: false, recheckInMs: null };
  if (shown.since === null) return { settling: false, recheckInMs: null };
  const left = MIN_VISIBLE_MS - (now - shown.since);
  return left > 0 ? { settling: true, recheckInMs: left } : { settling: false, recheckInMs: null };
}

/** Stops watching (tests start each case from a fresh watch). */
export function stopWatchingPanelShown(): void {
  watch?.stop();
  watch = null;
}
