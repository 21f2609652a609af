import type { EngagementEvent, EngagementKind } from './engagement-event';

/**
 * One clean timeline from whatever the adapters fetched: newest first, duplicates removed, likely
 * bots flagged. Pure and deterministic (the same events in any order give the same output), and
 * idempotent (normalising a normalised timeline changes nothing), so callers can normalise at every
 * layer without thinking about it. O(n log n): one sort, then linear passes.
 */
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

const BURST_KINDS: ReadonlySet<EngagementKind> = new Set(['page_view', 'email_clicked']);
const EMAIL_REACTIONS: ReadonlySet<EngagementKind> = new Set(['email_opened', 'email_clicked']);

/** Tracking parameters differ between systems recording the same visit; they never change the page. */
const TRACKING_PARAM = /^(utm_|hsa_|_hs|mc_|mkt_tok$|gclid$|fbclid$|msclkid$|_ga$|_gl$)/i;

export function normalizeEngagement(
  events: readonly EngagementEvent[],
  options: NormalizeEngagementOptions = {},
): EngagementEvent[] {
  const opts = { ...DEFAULT_NORMALIZE_OPTIONS, ...options };
  const unique = dedupeById(events);
  // Ascending by time, ties by id *descending*, so that the final reverse() yields newest first with
  // ties by id ascending — one sort for both the sweeps below and the output order.
  unique.sort(compareAscendingForSweep);
  const kept = dedupeAcrossSources(unique, opts.duplicateWindowMs);
  const flagged = flagLikelyBots(kept, opts);
  return flagged.reverse();
}

/** Output order of normalizeEngagement: newest first, ties by id ascending. */
export function compareNewestFirst(a: EngagementEvent, b: EngagementEvent): number {
  if (a.occurredAt !== b.occurredAt) return b.occurredAt - a.occurredAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function compareAscendingForSweep(a: EngagementEvent, b: EngagementEvent): number {
  if (a.occurredAt !== b.occurredAt) return a.occurredAt - b.occurredAt;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** `likelyBot`/`botReason` are ours to set: whatever the source or an earlier pass said is dropped and recomputed. */
function stripBotFlags(event: EngagementEvent): EngagementEvent {
  if (event.likelyBot === undefined && event.botReason === undefined) return event;
  const { likelyBot: _likelyBot, botReason: _botReason, ...rest } = event;
  return rest;
}

// ---------------------------------------------------------------------------------------------
// Duplicates by id

/**
 * Same id = same event fetched twice (paging overlap, two adapters sharing a source). When the
 * copies differ, the winner must not depend on input order: the copy with the most detail wins,
 * then the lexicographically smallest serialisation; its gaps are filled from the other copies.
 */
function dedupeById(events: readonly EngagementEvent[]): EngagementEvent[] {
  const byId = new Map<string, EngagementEvent>();
  let collisions: Map<string, EngagementEvent[]> | null = null;
  for (const raw of events) {
    const event = stripBotFlags(raw);
    const previous = byId.get(event.id);
    if (previous === undefined) {
      byId.set(event.id, event);
      continue;
    }
    collisions ??= new Map();
    const copies = collisions.get(event.id);
    if (copies) copies.push(event);
    else collisions.set(event.id, [previous, event]);
  }
  if (collisions) {
    for (const [id, copies] of collisions) {
      const ranked = copies
        .map((copy) => ({ copy, detail: detailScore(copy), key: stableSerialize(copy) }))
        .sort((a, b) => b.detail - a.detail || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      let merged = ranked[0]!.copy;
      for (let i = 1; i < ranked.length; i++) merged = fillMissing(merged, ranked[i]!.copy);
      byId.set(id, merged);
    }
  }
  return [...byId.values()];
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
  const merged: EngagementEvent = { ...kept };
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
 * another source lies within the window; the kept one is the earliest and borrows missing details
 * (answers, title, ...) from the dropped one. Because an event is only compared with kept events,
 * the output contains no pair that the rule would merge — which makes the pass idempotent.
 */
function dedupeAcrossSources(sorted: readonly EngagementEvent[], windowMs: number): EngagementEvent[] {
  const kept: EngagementEvent[] = [];
  // Per key: indexes into `kept`, ascending in time; `head` skips entries already out of the window.
  const recent = new Map<string, { head: number; indexes: number[] }>();
  for (const event of sorted) {
    const key = duplicateKey(event);
    if (key === null) {
      kept.push(event);
      continue;
    }
    let slot = recent.get(key);
    if (!slot) {
      slot = { head: 0, indexes: [] };
      recent.set(key, slot);
    }
    while (slot.head < slot.indexes.length && event.occurredAt - kept[slot.indexes[slot.head]!]!.occurredAt > windowMs) {
      slot.head++;
    }
    let duplicateOf = -1;
    for (let i = slot.head; i < slot.indexes.length; i++) {
      const index = slot.indexes[i]!;
      if (kept[index]!.source !== event.source) {
        duplicateOf = index;
        break;
      }
    }
    if (duplicateOf === -1) {
      slot.indexes.push(kept.length);
      kept.push(event);
    } else {
      kept[duplicateOf] = fillMissing(kept[duplicateOf]!, event);
    }
  }
  return kept;
}

function duplicateKey(event: EngagementEvent): string | null {
  if (event.url !== undefined && event.url.trim() !== '') return `${event.kind}\u0000u\u0000${normalizeUrlForComparison(event.url)}`;
  if (event.title !== undefined && event.title.trim() !== '') {
    return `${event.kind}\u0000t\u0000${event.title.trim().toLowerCase()}`;
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

function flagLikelyBots(sorted: EngagementEvent[], opts: Required<NormalizeEngagementOptions>): EngagementEvent[] {
  const reasons: (string | undefined)[] = new Array(sorted.length);

  // 1. Email opened/clicked within seconds of its delivery: link scanners and mail-privacy proxies
  //    fetch every pixel and link on arrival. Emails are matched on campaign + subject (title),
  //    case-insensitively; an event with neither cannot be matched and is left alone.
  const deliveries = new Map<string, number[]>();
  for (const event of sorted) {
    if (event.kind !== 'email_delivered') continue;
    const key = emailKey(event);
    if (key === null) continue;
    const times = deliveries.get(key);
    if (times) times.push(event.occurredAt);
    else deliveries.set(key, [event.occurredAt]);
  }
  if (deliveries.size > 0) {
    for (let i = 0; i < sorted.length; i++) {
      const event = sorted[i]!;
      if (!EMAIL_REACTIONS.has(event.kind)) continue;
      const key = emailKey(event);
      const times = key === null ? undefined : deliveries.get(key);
      if (!times) continue;
      const deliveredAt = latestAtOrBefore(times, event.occurredAt);
      if (deliveredAt === null) continue;
      const gap = event.occurredAt - deliveredAt;
      if (gap <= opts.botEmailWindowMs) {
        const verb = event.kind === 'email_opened' ? 'opened' : 'clicked';
        reasons[i] = `${verb} ${describeSeconds(gap)} after delivery (likely a mail scanner or privacy proxy)`;
      }
    }
  }

  // 2. Click burst: a person does not open 5 pages or links within 2 seconds; crawlers and link
  //    checkers do. Sliding window over clicks and page views from every source together.
  const burst: number[] = [];
  for (let i = 0; i < sorted.length; i++) if (BURST_KINDS.has(sorted[i]!.kind)) burst.push(i);
  let left = 0;
  let markedUpTo = -1; // position in `burst` up to which events are already flagged
  for (let right = 0; right < burst.length; right++) {
    const rightAt = sorted[burst[right]!]!.occurredAt;
    while (rightAt - sorted[burst[left]!]!.occurredAt > opts.burstWindowMs) left++;
    if (right - left + 1 >= opts.burstMinEvents) {
      for (let k = Math.max(left, markedUpTo + 1); k <= right; k++) {
        const index = burst[k]!;
        const reason = `part of a burst of ${opts.burstMinEvents}+ clicks/page views within ${describeSeconds(opts.burstWindowMs)} (likely automated)`;
        reasons[index] = reasons[index] === undefined ? reason : `${reasons[index]}; ${reason}`;
      }
      markedUpTo = right;
    }
  }

  for (let i = 0; i < sorted.length; i++) {
    const reason = reasons[i];
    if (reason !== undefined) sorted[i] = { ...sorted[i]!, likelyBot: true, botReason: reason };
  }
  return sorted;
}

function emailKey(event: EngagementEvent): string | null {
  const campaign = (event.campaign ?? '').trim().toLowerCase();
  const subject = (event.title ?? '').trim().toLowerCase();
  if (campaign === '' && subject === '') return null;
  return `${campaign}\u0000${subject}`;
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
