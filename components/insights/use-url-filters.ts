import { useCallback, useEffect, useState } from 'react';
import { parseUrlFilters, toUrlSearch } from '../../lib/domain/insights/insight-url-filters';
import type { PageFilters } from '../../lib/domain/insights/insight-url-filters';

/**
 * The Insights filters, kept in the page URL: read from it on open and on back/forward, written to
 * it on every change (a new history entry per choice; typing a deal value replaces the entry, so
 * Back does not step through keystrokes). Parameters that did not validate are listed once, for
 * the page to say so; they are dropped from the URL at the next change.
 */
export function useUrlFilters(): { filters: PageFilters; ignored: string[]; setFilters: (next: PageFilters, options?: { replace?: boolean }) => void } {
  const [parsed, setParsed] = useState(() => parseUrlFilters(window.location.search));

  useEffect(() => {
    const onPopState = () => setParsed(parseUrlFilters(window.location.search));
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);

  const setFilters = useCallback((next: PageFilters, options: { replace?: boolean } = {}) => {
    const url = `${window.location.pathname}${toUrlSearch(next)}${window.location.hash}`;
    if (options.replace) window.history.replaceState(null, '', url);
    else window.history.pushState(null, '', url);
    setParsed({ filters: next, ignored: [] });
  }, []);

  return { filters: parsed.filters, ignored: parsed.ignored, setFilters };
}
