import type { EngagementEvent } from './engagement-event';

/**
 * A copy with the contract's fields only, built field by field: object spread over events of many
 * shapes falls off V8's fast path and was the single most expensive line of normalisation.
 * Bot flags are not copied; the caller sets them when they apply.
 */
export function copyEvent(event: EngagementEvent): EngagementEvent {
  const copy: EngagementEvent = { id: event.id, kind: event.kind, occurredAt: event.occurredAt, source: event.source };
  if (event.campaign !== undefined) copy.campaign = event.campaign;
  if (event.url !== undefined) copy.url = event.url;
  if (event.title !== undefined) copy.title = event.title;
  if (event.answers !== undefined) copy.answers = event.answers;
  return copy;
}

/** Keeps `kept` as is and borrows only the optional details it lacks (never its time, kind or source). */
export function fillMissing(kept: EngagementEvent, other: EngagementEvent): EngagementEvent {
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
