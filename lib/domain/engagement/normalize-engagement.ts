import type { EngagementEvent, EngagementKind } from './engagement-event';

export interface NormalizeEngagementOptions {
  /** Cross-source duplicates: same kind and page/title from different systems within this window. Default 2 s. */
  duplicateWindowMs?: number;
  /** An email opened/clicked this soon after its delivery is a scanner or a privacy proxy, not a person. Default 10 s. */
  botEmailWindowMs?: number;
  /** Click burst: at least `burstMinEvents` clicks/page views within this window. Default 2 s. */
  burstWindowMs?: number;
  /** Default 5. */
  burstMinEvents?: number;
}

export const DEFAULT_NORMALIZE_OPTIONS: Required<NormalizeEngagementOptions> = {
  duplicateWindowMs: 2_000,
  botEmailWindowMs: 10_000,
  burstWindowMs: 2_000,
  burstMinEvents: 5,
};

/** Tracking parameters differ between systems recording the same visit; they never change the page. */
const TRACKING_PARAM = /^(utm_|hsa_|_hs|mc_|mkt_tok$|gclid$|fbclid$|msclkid$|_ga$|_gl$)/i;

/**
 * One clean timeline from whatever the adapters fetched: newest first (ties by id), duplicates
 * removed, likely bots flagged. Pure and deterministic (the same events in any order give the same
 * output), and idempotent (normalising a normalised timeline changes nothing), so every layer can
 * normalise without thinking about it. O(n log n): one sort, then linear passes. Never mutates
 * its input; events it does not change are returned as the same objects.
 */
export function normalizeEngagement(
  events: readonly EngagementEvent[],
  options: NormalizeEngagementOptions = {},
): EngagementEvent[] {
  const opts = { ...DEFAULT_NORMALIZE_OPTIONS, ...options };
  const unique = dedupeById(events);
  // Sorted once, ascending by time with ties by id *descending*, so that the final reverse() yields
  // newest first with ties by id ascending: one sort serves both the sweeps below and the output.
  // Times and ids are copied into flat arrays first: events come in many shapes (optional fields),
  // and property reads on objects of many shapes are slow in a hot loop.
  const n = unique.length;
  const times = new Float64Array(n);
  const ids: string[] = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const event = unique[i]!;
    times[i] = event.occurredAt;
    ids[i] = event.id;
  }
  const order = sortOrder(times, ids);
  const sorted: EngagementEvent[] = new Array<EngagementEvent>(n);
  const sortedTimes = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    sorted[k] = unique[order[k]!]!;
    sortedTimes[k] = times[order[k]!]!;
  }
  const kept = dedupeAcrossSources(sorted, sortedTimes, opts.duplicateWindowMs);
  const flagged = flagLikelyBots(kept.events, kept.times, opts);
  return flagged.reverse();
}

/**
 * Indexes of `times` ascending, ties by id descending. The sort is the largest single cost of
 * normalisation, so when the time span allows it, each (time, index) pair is packed into one exact
 * double and sorted natively without a comparator; runs of equal times are then re-sorted by id.
 * Otherwise (a span of centuries, or millions of events) it falls back to a comparator sort.
 */
function sortOrder(times: Float64Array, ids: readonly string[]): Uint32Array | number[] {
  const n = times.length;
  let min = Infinity;
  let max = -Infinity;
  let integers = true;
  for (let i = 0; i < n; i++) {
    const t = times[i]!;
    if (t < min) min = t;
    if (t > max) max = t;
    if (!Number.isInteger(t)) integers = false;
  }
  const indexBits = Math.max(1, Math.ceil(Math.log2(n + 1)));
  const scale = 2 ** indexBits;
  if (n === 0 || !integers || !Number.isSafeInteger(min) || !Number.isSafeInteger(max) || (max - min + 1) * scale > Number.MAX_SAFE_INTEGER) {
    const order = Array.from({ length: n }, (_, i) => i);
    return order.sort((a, b) => times[a]! - times[b]! || (ids[a]! < ids[b]! ? 1 : ids[a]! > ids[b]! ? -1 : 0));
  }
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) packed[i] = (times[i]! - min) * scale + i;
  packed.sort();
  const order = new Uint32Array(n);
  for (let k = 0; k < n; k++) order[k] = packed[k]! % scale;
  // Equal times: ties by id descending (see normalizeEngagement).
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && times[order[end]!] === times[order[start]!]) end++;
    if (end - start > 1) {
      const run = Array.from(order.subarray(start, end)).sort((a, b) => (ids[a]! < ids[b]! ? 1 : ids[a]! > ids[b]! ? -1 : 0));
      order.set(run, start);
    }
    start = end;
  }
  return order;
}

/** Output order of normalizeEngagement: newest first, ties by id ascending. */
export function compareNewestFirst(a: EngagementEvent, b: EngagementEvent): number {
  if (a.occurredAt !== b.occurredAt) return b.occurredAt - a.occurredAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** `likelyBot`/`botReason` are ours to set: whatever the source or an earlier pass said is dropped and recomputed. */
function stripBotFlags(event: EngagementEvent): EngagementEvent {
  if (event.likelyBot === undefined && event.botReason === undefined) return event;
  return copyEvent(event);
}

/**
 * A copy with the contract's fields only, built field by field: object spread over events of many
 * shapes falls off V8's fast path and was the single most expensive line of normalisation.
 * Bot flags are not copied; the caller sets them when they apply.
 */
function copyEvent(event: EngagementEvent): EngagementEvent {
  const copy: EngagementEvent = { id: event.id, kind: event.kind, occurredAt: event.occurredAt, source: event.source };
  if (event.campaign !== undefined) copy.campaign = event.campaign;
  if (event.url !== undefined) copy.url = event.url;
  if (event.title !== undefined) copy.title = event.title;
  if (event.answers !== undefined) copy.answers = event.answers;
  return copy;
}

// ---------------------------------------------------------------------------------------------
// Duplicates by id

/**
 * Same id = same event fetched twice (paging overlap, two adapters sharing a source). When the
 * copies differ, the winner must not depend on input order: the copy with the most detail wins,
 * then the lexicographically smallest serialisation; its gaps are filled from the other copies.
 */
function dedupeById(events: readonly EngagementEvent[]): EngagementEvent[] {
  // Ids are nearly always unique, and one Set insertion per event is enough to know; the positions
  // of the first copies are only worth a Map lookup and insertion per event when some id repeats.
  const ids = new Set<string>();
  for (const event of events) ids.add(event.id);
  if (ids.size === events.length) return events.map(stripBotFlags);
  const unique: EngagementEvent[] = [];
  const indexById = new Map<string, number>();
  let collisions: Map<number, EngagementEvent[]> | null = null;
  for (const raw of events) {
    const event = stripBotFlags(raw);
    const index = indexById.get(event.id);
    if (index === undefined) {
      indexById.set(event.id, unique.length);
      unique.push(event);
      continue;
    }
    collisions ??= new Map();
    const copies = collisions.get(index);
    if (copies) copies.push(event);
    else collisions.set(index, [unique[index]!, event]);
  }
  if (collisions) {
    for (const [index, copies] of collisions) {
      const ranked = copies
        .map((copy) => ({ copy, detail: detailScore(copy), key: stableSerialize(copy) }))
        .sort((a, b) => b.detail - a.detail || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      let merged = ranked[0]!.copy;
      for (let i = 1; i < ranked.length; i++) merged = fillMissing(merged, ranked[i]!.copy);
      unique[index] = merged;
    }
  }
  return unique;
}

function detailScore(e: EngagementEvent): number {
  return (
    (e.campaign !== undefined ? 1 : 0) +
    (e.url !== undefined ? 1 : 0) +
    (e.title !== undefined ? 1 : 0) +
    (e.answers !== undefined ? 1 + Object.keys(e.answers).length : 0)
  );
}

function stableSerialize(e: EngagementEvent): string {
  const answers = e.answers
    ? Object.keys(e.answers)
        .sort()
        .map((k) => [k, e.answers![k]])
    : null;
  return JSON.stringify([e.id, e.kind, e.occurredAt, e.source, e.campaign ?? null, e.url ?? null, e.title ?? null, answers]);
}

/** Keeps `kept` as is and borrows only the optional details it lacks (never its time, kind or source). */
function fillMissing(kept: EngagementEvent, other: EngagementEvent): EngagementEvent {
  const needs =
    (kept.campaign === undefined && other.campaign !== undefined) ||
    (kept.url === undefined && other.url !== undefined) ||
    (kept.title === undefined && other.title !== undefined) ||
    (kept.answers === undefined && other.answers !== undefined);
  if (!needs) return kept;
  const merged = copyEvent(kept);
  if (merged.campaign === undefined && other.campaign !== undefined) merged.campaign = other.campaign;
  if (merged.url === undefined && other.url !== undefined) merged.url = other.url;
  if (merged.title === undefined && other.title !== undefined) merged.title = other.title;
  if (merged.answers === undefined && other.answers !== undefined) merged.answers = other.answers;
  return merged;
}

// ---------------------------------------------------------------------------------------------
// Duplicates across sources

/**
 * The rule: two events are the same real-world event when they have the same kind, the same page
 * (URL ignoring scheme, case, fragment, trailing slash and tracking parameters) — or, when neither
 * has a URL, the same title — come from *different* sources, and happened within
 * `duplicateWindowMs` of each other. That is HubSpot and Marketo both recording one visit or one
 * form fill. Two events from the *same* source are never merged: a source does not report an event
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
function dedupeAcrossSources(
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
function nearAnotherSource(sorted: readonly EngagementEvent[], times: Float64Array, windowMs: number): Uint8Array | null {
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

/** For comparison only, never shown: the URL itself stays verbatim on the event. */
export function normalizeUrlForComparison(url: string): string {
  let u = url.trim().toLowerCase();
  const hash = u.indexOf('#');
  if (hash !== -1) u = u.slice(0, hash);
  const scheme = u.indexOf('://');
  if (scheme !== -1 && scheme < 10) u = u.slice(scheme + 3);
  let query = '';
  const q = u.indexOf('?');
  if (q !== -1) {
    query = u
      .slice(q + 1)
      .split('&')
      .filter((p) => p !== '' && !TRACKING_PARAM.test(p.split('=', 1)[0]!))
      .sort()
      .join('&');
    u = u.slice(0, q);
  }
  while (u.endsWith('/')) u = u.slice(0, -1);
  return query === '' ? u : `${u}?${query}`;
}

// ---------------------------------------------------------------------------------------------
// Likely bots

function flagLikelyBots(
  sorted: EngagementEvent[],
  times: Float64Array,
  opts: Required<NormalizeEngagementOptions>,
): EngagementEvent[] {
  const n = sorted.length;
  const reasons: (string | null)[] = new Array<string | null>(n).fill(null);
  const kinds: EngagementKind[] = new Array<EngagementKind>(n);
  for (let i = 0; i < n; i++) kinds[i] = sorted[i]!.kind;

  // 1. Email opened/clicked within seconds of its delivery: link scanners and mail-privacy proxies
  //    fetch every pixel and link on arrival. Emails are matched on campaign + subject (title),
  //    case-insensitively; an event with neither cannot be matched and is left alone.
  const deliveries = new Map<string, number[]>();
  const emailKey = createEmailKeyer();
  for (let i = 0; i < n; i++) {
    if (kinds[i] !== 'email_delivered') continue;
    const key = emailKey(sorted[i]!);
    if (key === null) continue;
    const list = deliveries.get(key);
    if (list) list.push(times[i]!);
    else deliveries.set(key, [times[i]!]);
  }
  if (deliveries.size > 0) {
    for (let i = 0; i < n; i++) {
      const kind = kinds[i]!;
      if (kind !== 'email_opened' && kind !== 'email_clicked') continue;
      const key = emailKey(sorted[i]!);
      const list = key === null ? undefined : deliveries.get(key);
      if (!list) continue;
      const deliveredAt = latestAtOrBefore(list, times[i]!);
      if (deliveredAt === null) continue;
      const gap = times[i]! - deliveredAt;
      if (gap <= opts.botEmailWindowMs) {
        const verb = kind === 'email_opened' ? 'opened' : 'clicked';
        reasons[i] = `${verb} ${describeSeconds(gap)} after delivery (likely a mail scanner or privacy proxy)`;
      }
    }
  }

  // 2. Click burst: a person does not open 5 pages or links within 2 seconds; crawlers and link
  //    checkers do. Sliding window over clicks and page views from every source together.
  const burstReason = `part of a burst of ${opts.burstMinEvents}+ clicks/page views within ${describeSeconds(opts.burstWindowMs)} (likely automated)`;
  const burst: number[] = [];
  for (let i = 0; i < n; i++) if (kinds[i] === 'page_view' || kinds[i] === 'email_clicked') burst.push(i);
  let left = 0;
  let markedUpTo = -1; // position in `burst` up to which events are already flagged
  for (let right = 0; right < burst.length; right++) {
    const rightAt = times[burst[right]!]!;
    while (rightAt - times[burst[left]!]! > opts.burstWindowMs) left++;
    if (right - left + 1 >= opts.burstMinEvents) {
      for (let k = Math.max(left, markedUpTo + 1); k <= right; k++) {
        const index = burst[k]!;
        const previous = reasons[index];
        reasons[index] = previous === null ? burstReason : `${previous}; ${burstReason}`;
      }
      markedUpTo = right;
    }
  }

  for (let i = 0; i < n; i++) {
    const reason = reasons[i];
    if (reason === null) continue;
    const flagged = copyEvent(sorted[i]!);
    flagged.likelyBot = true;
    flagged.botReason = reason;
    sorted[i] = flagged;
  }
  return sorted;
}

/** Campaign + subject, trimmed and lowercased, cached per distinct pair; null when the email has neither. */
function createEmailKeyer(): (event: EngagementEvent) => string | null {
  const byCampaign = new Map<string, Map<string, string | null>>();
  return (event) => {
    const campaign = event.campaign ?? '';
    const subject = event.title ?? '';
    let bySubject = byCampaign.get(campaign);
    if (!bySubject) {
      bySubject = new Map();
      byCampaign.set(campaign, bySubject);
    }
    let key = bySubject.get(subject);
    if (key === undefined) {
      const c = campaign.trim().toLowerCase();
      const t = subject.trim().toLowerCase();
      key = c === '' && t === '' ? null : `${c}\u0000${t}`;
      bySubject.set(subject, key);
    }
    return key;
  };
}

/** Binary search in ascending `times`. */
function latestAtOrBefore(times: readonly number[], at: number): number | null {
  let lo = 0;
  let hi = times.length - 1;
  let found: number | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = times[mid]!;
    if (t <= at) {
      found = t;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

function describeSeconds(ms: number): string {
  if (ms < 1000) return 'under 1 s';
  const s = Math.round(ms / 100) / 10;
  return `${Number.isInteger(s) ? s.toFixed(0) : s.toFixed(1)} s`;
}
