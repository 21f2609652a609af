import { useCallback, useEffect, useReducer, useRef } from 'react';
import { MIN_VISIBLE_MS, onPanelShownReport, settlingFor, watchPanelShown, type PanelShownSince } from './panel-shown-since';

/**
 * Clickjacking guard for actions that write to the CRM (saving a disposition).
 *
 * The panel is an iframe inside a page Baton does not control. That page can make the iframe
 * invisible (opacity 0 on an ancestor), lay something over it, or move it off-screen, and so lure
 * the rep into clicking "Save" without seeing it. IntersectionObserver v2 (`trackVisibility`)
 * reports, from inside the iframe, whether the browser actually painted the target unobscured and
 * unfaded, taking the host page's own styles into account; an action is refused unless the latest
 * report says so, and unless the whole panel has been in view for MIN_VISIBLE_MS without a break
 * (panel-shown-since.ts): the latest report can be up to `delay` old, and a page could uncover the
 * panel a moment before a click it lured.
 *
 * Where the browser lacks v2, the plain observer still tells whether the target is on screen (its
 * implicit root is the top-level viewport, even across origins); covering or fading cannot be
 * detected there, so the guard lets those through rather than block every save.
 */

/** What the browser last reported about the guarded element. */
export interface VisibilityObservation {
  isIntersecting: boolean;
  /** IntersectionObserver v2's verdict; undefined where the browser does not compute it. */
  isVisible: boolean | undefined;
}

export type VisibilitySupport = 'track-visibility' | 'intersection-only' | 'none';

/** The longest the guard waits for the browser's first report (v2 reports after `delay`, at least 100 ms). */
const FIRST_REPORT_WAIT_MS = 1_000;

export const HIDDEN_PANEL_MESSAGE =
  'Not saved: the Baton panel is hidden or partly covered by something on this page, so Baton cannot be sure you saw what you were saving. Make sure the whole panel is in view with nothing over it, then save again.';
export const OFF_SCREEN_MESSAGE = 'Not saved: the Baton panel is not on screen. Scroll it into view, then save again.';
export const UNCONFIRMED_MESSAGE = 'Not saved: Baton could not confirm that its panel is visible. Wait a moment, then save again.';
export const JUST_SHOWN_MESSAGE =
  'Not saved: the Baton panel came into view only a moment ago, so Baton cannot be sure you saw what you were saving. Check the panel, then save again.';
export const NESTED_FRAME_MESSAGE = 'Not saved: this Baton panel is inside another site’s frame, not directly on the CRM page. Open the record in the CRM itself to save.';

/**
 * Why an action must be refused, in a rep's words; null when the panel was seen. `shownForMs`: how
 * long the whole panel has been in view without a break (0: not in view; null: no report yet).
 * Pure, for tests.
 */
export function visibilityRefusal(support: VisibilitySupport, observation: VisibilityObservation | null, ancestorCount: number, shownForMs: number | null): string | null {
  // The content script mounts the panel in the CRM's top-level page only; one more level means
  // some other page framed the CRM page (or the panel) and could be staging the click.
  if (ancestorCount > 1) return NESTED_FRAME_MESSAGE;
  if (support === 'none') return null;
  if (!observation) return support === 'track-visibility' ? UNCONFIRMED_MESSAGE : null;
  if (!observation.isIntersecting) return OFF_SCREEN_MESSAGE;
  if (support === 'track-visibility' && observation.isVisible !== true) return HIDDEN_PANEL_MESSAGE;
  // Without v2 nothing says the panel is unobscured; an unreported panel is let through as above.
  if (shownForMs === null) return support === 'track-visibility' ? JUST_SHOWN_MESSAGE : null;
  if (shownForMs < MIN_VISIBLE_MS) return JUST_SHOWN_MESSAGE;
  return null;
}

/** How long a panel watched as `shown` has been in view at `now`. */
export function shownFor(shown: PanelShownSince, now: number): number | null {
  if (!shown.reported) return null;
  return shown.since === null ? 0 : Math.max(0, now - shown.since);
}

export function detectVisibilitySupport(scope: typeof globalThis = globalThis): VisibilitySupport {
  if (typeof scope.IntersectionObserver !== 'function') return 'none';
  const entry = (scope as { IntersectionObserverEntry?: { prototype: object } }).IntersectionObserverEntry;
  return entry && 'isVisible' in entry.prototype ? 'track-visibility' : 'intersection-only';
}

/** Starts counting how long the panel has been in view; the panel page calls it as it loads. */
export function startWatchingPanelVisibility(): void {
  watchPanelShown(detectVisibilitySupport());
}

/** Frames between the panel and the top-level page (0 when the panel is itself top-level). */
function countAncestors(): number {
  const origins = (globalThis.location as Location | undefined)?.ancestorOrigins;
  if (origins) return origins.length;
  let count = 0;
  try {
    for (let w: Window = window; w !== w.parent && count < 10; w = w.parent) count += 1;
  } catch {
    return count;
  }
  return count;
}

/**
 * `ref` goes on the element the rep acts on (the confirm step with its Save button);
 * `confirmVisible()` resolves when it was seen and throws an Error whose message says why not;
 * `settling` is true while the panel is in view but only just (its CRM-writing buttons show as
 * not yet available, as a browser's own permission prompts do, rather than refuse a click a
 * person could not have meant).
 */
export function useVisibilityGuard() {
  const support = useRef<VisibilitySupport>(detectVisibilitySupport());
  const observation = useRef<VisibilityObservation | null>(null);
  const waiting = useRef<(() => void)[]>([]);
  const observer = useRef<IntersectionObserver | null>(null);
  // The panel page starts this at load (entrypoints/panel/main.tsx); started here too for any other page.
  const panelShown = useRef<(() => PanelShownSince) | null>(null);
  panelShown.current ??= watchPanelShown(support.current);

  useEffect(() => () => observer.current?.disconnect(), []);

  // Rendered again at each report and when the minimum time in view has passed.
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const settling = support.current === 'track-visibility' ? settlingFor(panelShown.current!(), performance.now()) : { settling: false, recheckInMs: null };
  useEffect(() => onPanelShownReport(rerender), []);
  useEffect(() => {
    if (settling.recheckInMs === null) return;
    const timer = setTimeout(rerender, settling.recheckInMs + 10);
    return () => clearTimeout(timer);
  });

  const ref = useCallback((element: Element | null) => {
    observer.current?.disconnect();
    observer.current = null;
    observation.current = null;
    if (!element || support.current === 'none') return;
    const onReport = (entries: IntersectionObserverEntry[]) => {
      const last = entries[entries.length - 1];
      if (!last) return;
      observation.current = { isIntersecting: last.isIntersecting, isVisible: (last as { isVisible?: boolean }).isVisible };
      for (const wake of waiting.current.splice(0)) wake();
    };
    // `trackVisibility` needs a `delay` of at least 100 ms; browsers without v2 ignore both.
    const options = { threshold: [0, 1], trackVisibility: true, delay: 100 } as IntersectionObserverInit;
    observer.current = new IntersectionObserver(onReport, options);
    observer.current.observe(element);
  }, []);

  const confirmVisible = useCallback(async (): Promise<void> => {
    if (support.current === 'track-visibility' && !observation.current && observer.current) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, FIRST_REPORT_WAIT_MS);
        waiting.current.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    const refusal = visibilityRefusal(support.current, observation.current, countAncestors(), shownFor(panelShown.current!(), performance.now()));
    if (refusal) throw new Error(refusal);
  }, []);

  return { ref, confirmVisible, settling: settling.settling };
}
