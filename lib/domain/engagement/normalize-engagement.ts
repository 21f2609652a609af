import { ascendingTimeOrder } from './ascending-time-order';
import { dedupeAcrossSources } from './dedupe-across-sources';
import { dedupeById } from './dedupe-by-id';
import type { EngagementEvent } from './engagement-event';
import { flagLikelyBots } from './flag-likely-bots';

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
  const order = ascendingTimeOrder(times, ids);
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

/** Output order of normalizeEngagement: newest first, ties by id ascending. */
export function compareNewestFirst(a: EngagementEvent, b: EngagementEvent): number {
  if (a.occurredAt !== b.occurredAt) return b.occurredAt - a.occurredAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
