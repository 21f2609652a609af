import type { EngagementEvent } from './engagement-event';

/**
 * 1 for the events that have an event from another source within `windowMs` before or after them:
 * only those can be, or be kept over, a cross-source duplicate. Every other event is kept as is and
 * never needs its page key, nor a place among the latest kept events: on a timeline of
 * all-distinct pages, or a crawler on one source, that is nearly every event, and normalising and
 * indexing their URLs was most of the sweep's time. (Leaving such an event p of source S out of the
 * latest kept events changes nothing: it could only hide an older kept event of S from a later
 * event q of another source within the window of that older event, and then q, later than p, is
 * within the window of p too, so p is not left out.) Null, i.e. look at every event, when a time
 * is not finite: the sweep's window test then behaves in ways this shortcut does not mirror.
 */
export function nearAnotherSource(sorted: readonly EngagementEvent[], times: Float64Array, windowMs: number): Uint8Array | null {
  const n = sorted.length;
  for (let k = 0; k < n; k++) if (!Number.isFinite(times[k]!)) return null;
  const near = new Uint8Array(n);
  // A timeline has a handful of sources: the time each was last seen, sweeping forward, then
  // backward, in parallel arrays. Plain loops, no callback per event: this runs on every event.
  const sources: string[] = [];
  const seenAt: number[] = [];
  for (let k = 0; k < n; k++) {
    const source = sorted[k]!.source;
    const at = times[k]!;
    let own = -1;
    for (let s = 0; s < sources.length; s++) {
      if (sources[s] === source) own = s;
      // The same window test as the sweep: `at - earlier > windowMs` means out of the window.
      else if (!(at - seenAt[s]! > windowMs)) near[k] = 1;
    }
    if (own === -1) {
      sources.push(source);
      seenAt.push(at);
    } else {
      seenAt[own] = at;
    }
  }
  sources.length = 0;
  seenAt.length = 0;
  for (let k = n - 1; k >= 0; k--) {
    const source = sorted[k]!.source;
    const at = times[k]!;
    let own = -1;
    for (let s = 0; s < sources.length; s++) {
      if (sources[s] === source) own = s;
      else if (!(seenAt[s]! - at > windowMs)) near[k] = 1;
    }
    if (own === -1) {
      sources.push(source);
      seenAt.push(at);
    } else {
      seenAt[own] = at;
    }
  }
  return near;
}
