import { useEffect, useRef } from 'react';

/**
 * How often a visible, open panel asks the CRM whether its lead changed, so a call logged or an
 * owner changed in the CRM itself shows within a minute. One check per interval at most; none
 * while the tab is in the background or the panel is collapsed. A check is one request (the
 * record's freshness stamp, lib/crm/lead-freshness.ts); only when the stamp moved does the
 * background read the whole lead (four requests and more). A panel left open on a lead nobody
 * touches costs 60 requests an hour, where re-reading the lead each minute cost 240.
 */
export const LIVE_REFRESH_INTERVAL_MS = 60_000;
/** How often the panel looks at the clock and its visibility (no request): the refresh lands within this of the interval. */
export const LIVE_REFRESH_CHECK_MS = 5_000;

/**
 * Whether the rep can see the panel: the tab is in front, and the panel is not collapsed. A
 * collapsed panel's frame is display:none, which leaves the document "visible" (the host page is)
 * but gives it no size.
 */
export function panelIsShown(doc: Document = document, win: Pick<Window, 'innerWidth' | 'innerHeight'> = window): boolean {
  return doc.visibilityState === 'visible' && win.innerWidth > 0 && win.innerHeight > 0;
}

export interface LiveRefreshOptions {
  /** When the data shown arrived (epoch ms, the panel's clock). */
  updatedAt: number;
  /** A read is under way (a refresh the rep asked for, or the last one). */
  refreshing: boolean;
  refresh: () => void;
  intervalMs?: number;
  checkMs?: number;
  isShown?: () => boolean;
}

/**
 * Keeps the panel live while the rep looks at it: once the data is `intervalMs` old, `refresh`
 * (the caller's check-then-read); coming back to the tab or expanding the panel after that long
 * checks at once. Bounded: at most one call per interval while shown, none while hidden (looking
 * at the clock and the panel's visibility costs no request).
 */
export function useLiveRefresh({ updatedAt, refreshing, refresh, intervalMs = LIVE_REFRESH_INTERVAL_MS, checkMs = LIVE_REFRESH_CHECK_MS, isShown = panelIsShown }: LiveRefreshOptions): void {
  // The latest values, read by one long-lived timer (re-arming it on each render would reset it).
  const latest = useRef({ updatedAt, refreshing, refresh, isShown });
  latest.current = { updatedAt, refreshing, refresh, isShown };
  // When this hook last asked for a read: a read that fails leaves `updatedAt` as it was, and must
  // not turn into a read every check.
  const lastAsked = useRef(0);

  useEffect(() => {
    // Half a check of slack: a read that took a moment to arrive is still due at the next interval,
    // not one check later, and a read never comes sooner than the interval's last check.
    const dueAge = Math.max(intervalMs - checkMs / 2, checkMs);
    const check = () => {
      const { updatedAt: at, refreshing: busy, refresh: read, isShown: shown } = latest.current;
      if (busy || !shown()) return;
      const now = Date.now();
      if (now - Math.max(at, lastAsked.current) < dueAge) return;
      lastAsked.current = now;
      read();
    };
    const timer = setInterval(check, checkMs);
    document.addEventListener('visibilitychange', check);
    window.addEventListener('resize', check);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', check);
      window.removeEventListener('resize', check);
    };
  }, [intervalMs, checkMs]);
}
