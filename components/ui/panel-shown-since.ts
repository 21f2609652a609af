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

let watch: { state: PanelShownSince; stop(): void } | null = null;

/**
 * Starts watching this document (once; later calls reuse it) and returns how to read it. Where
 * the browser has no IntersectionObserver, nothing is watched and nothing is ever reported.
 */
export function watchPanelShown(support: VisibilitySupport, scope: typeof globalThis = globalThis): () => PanelShownSince {
  if (!watch) {
    const state: PanelShownSince = { reported: false, since: null };
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
        },
        // `trackVisibility` needs a `delay` of at least 100 ms; browsers without v2 ignore both.
        { threshold: [0], trackVisibility: true, delay: 100 } as IntersectionObserverInit,
      );
      observer.observe(target);
    }
    watch = { state, stop: () => observer?.disconnect() };
  }
  const { state } = watch;
  return () => ({ ...state });
}

/** Stops watching (tests start each case from a fresh watch). */
export function stopWatchingPanelShown(): void {
  watch?.stop();
  watch = null;
}
