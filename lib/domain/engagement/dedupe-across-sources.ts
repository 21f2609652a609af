import type { EngagementEvent } from './engagement-event';
import { fillMissing } from './engagement-event-details';
import { nearAnotherSource } from './near-another-source';
import { normalizeUrlForComparison } from './normalize-url-for-comparison';

/**
 * The rule: two events are the same real-world event when they have the same kind, the same page
 * (URL ignoring scheme, case, fragment, trailing slash and tracking parameters) — or, when neither
 * has a URL, the same title — come from *different* sources, and happened within
 * `duplicateWindowMs` of each other. That is the CRM and a marketing platform both recording one
 * visit or one form fill. Two events from the *same* source are never merged: a source does not report an event
 * twice under two ids, so those are real repeats (a reload, a second click — which the burst rule
 * may then flag). Events with neither URL nor title are never merged: nothing says they are the same.
 *
 * Sweeping in time order, an event is dropped when an already-kept event with the same key from
 * another source lies within the window; that kept event (the earliest one if several sources
 * qualify) borrows missing details (answers, title, ...) from the dropped one. Because an event is
 * only compared with kept events, the output contains no pair that the rule would merge — which
 * makes the pass idempotent.
 *
 * Only the latest kept event per source and key is remembered: it is the one most likely to be in
 * the window, so "any kept event of another source in the window" is one look per source. (Scanning
 * every kept event in the window instead is quadratic on a crawler hitting one page from one
 * source thousands of times.)
 */
export function dedupeAcrossSources(
  sorted: EngagementEvent[],
  times: Float64Array,
  windowMs: number,
): { events: EngagementEvent[]; times: Float64Array } {
  const n = sorted.length;
  const keptPositions: number[] = [];
  // Kind -> normalised URL or title -> the latest kept event per source. Nested maps rather than
  // one concatenated key: a fresh concatenated string has to be hashed on every lookup, the cached
  // parts do not.
  const latest = new Map<string, Map<string, LatestPerSource>>();
  const urlKeys = new Map<string, string>();
  const titleKeys = new Map<string, string>();
  const near = nearAnotherSource(sorted, times, windowMs);
  for (let k = 0; k < n; k++) {
    const event = sorted[k]!;
    if (near !== null && near[k] === 0) {
      keptPositions.push(k);
      continue;
    }
    const key = duplicateKey(event, urlKeys, titleKeys);
    if (key === null) {
      keptPositions.push(k);
      continue;
    }
    let byKey = latest.get(event.kind);
    if (!byKey) {
      byKey = new Map();
      latest.set(event.kind, byKey);
    }
    let bySource = byKey.get(key);
    if (!bySource) {
      bySource = { sources: [], positions: [] };
      byKey.set(key, bySource);
    }
    const at = times[k]!;
    let duplicateOf = -1;
    for (let s = 0; s < bySource.sources.length; s++) {
      const position = bySource.positions[s]!;
      if (bySource.sources[s] === event.source || at - times[position]! > windowMs) continue;
      if (duplicateOf === -1 || position < duplicateOf) duplicateOf = position;
    }
    if (duplicateOf === -1) {
      const slot = bySource.sources.indexOf(event.source);
      if (slot === -1) {
        bySource.sources.push(event.source);
        bySource.positions.push(k);
      } else {
        bySource.positions[slot] = k;
      }
      keptPositions.push(k);
    } else {
      sorted[duplicateOf] = fillMissing(sorted[duplicateOf]!, event);
    }
  }
  if (keptPositions.length === n) return { events: sorted, times };
  const events: EngagementEvent[] = new Array<EngagementEvent>(keptPositions.length);
  const keptTimes = new Float64Array(keptPositions.length);
  for (let i = 0; i < keptPositions.length; i++) {
    events[i] = sorted[keptPositions[i]!]!;
    keptTimes[i] = times[keptPositions[i]!]!;
  }
  return { events, times: keptTimes };
}

/**
 * Positions in `sorted` of the latest kept event of each source, for one kind and page. Two small
 * parallel arrays rather than a Map: a page rarely has more than two or three sources, and on a
 * timeline of all-distinct pages a Map per page was a large share of normalisation's time and garbage.
 */
interface LatestPerSource {
  sources: string[];
  positions: number[];
}

/** The page (`u` + normalised URL) or, without a URL, the title (`t` + lowercased title); null when neither. */
function duplicateKey(event: EngagementEvent, urlKeys: Map<string, string>, titleKeys: Map<string, string>): string | null {
  const { url, title } = event;
  // The same few pages recur thousands of times: normalise each distinct URL or title once.
  if (url !== undefined && url.trim() !== '') {
    let key = urlKeys.get(url);
    if (key === undefined) {
      key = `u ${normalizeUrlForComparison(url)}`;
      urlKeys.set(url, key);
    }
    return key;
  }
  if (title !== undefined && title.trim() !== '') {
    let key = titleKeys.get(title);
    if (key === undefined) {
      key = `t ${title.trim().toLowerCase()}`;
      titleKeys.set(title, key);
    }
    return key;
  }
  return null;
}
