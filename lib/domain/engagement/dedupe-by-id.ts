import type { EngagementEvent } from './engagement-event';
import { copyEvent, fillMissing } from './engagement-event-details';

/** `likelyBot`/`botReason` are ours to set: whatever the source or an earlier pass said is dropped and recomputed. */
function stripBotFlags(event: EngagementEvent): EngagementEvent {
  if (event.likelyBot === undefined && event.botReason === undefined) return event;
  return copyEvent(event);
}

/**
 * Same id = same event fetched twice (paging overlap, two adapters sharing a source). When the
 * copies differ, the winner must not depend on input order: the copy with the most detail wins,
 * then the lexicographically smallest serialisation; its gaps are filled from the other copies.
 */
export function dedupeById(events: readonly EngagementEvent[]): EngagementEvent[] {
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
