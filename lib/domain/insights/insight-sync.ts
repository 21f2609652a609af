import type { InsightRecord } from './insight-record';

/*
 * Keeping a read of the CRM up to date without reading it all again: the records persisted from
 * the last read are merged with the contacts modified since (an incremental search), by contact
 * id. Pure, so the rules about windows and margins are tested without a browser or a CRM.
 */

/**
 * A CRM's search index can trail its writes by seconds (sometimes minutes), and the last read's
 * clock is ours, not the CRM's: an incremental read asks for contacts modified since the last read
 * started minus this margin. Re-reading a few contacts twice costs nothing; missing one would.
 */
export const INCREMENTAL_MARGIN_MS = 10 * 60_000;

/** The time an incremental read asks "modified since" for, after a read that started at `syncedAt`. */
export function incrementalSince(syncedAt: number): number {
  return syncedAt - INCREMENTAL_MARGIN_MS;
}

/**
 * Whether a record belongs to a read window [from, to): handed off in it, or dispositioned in it
 * (the same two ORed conditions the CRM search uses), so a persisted read answers a window exactly
 * as a fresh read of it would.
 */
export function isInReadWindow(record: InsightRecord, from: number, to: number): boolean {
  const inside = (at: number | null | undefined) => at !== null && at !== undefined && at >= from && at < to;
  return inside(record.handedOffAt) || inside(record.disposition?.decidedAt);
}

/** The records of a window, in their order. */
export function recordsInWindow(records: readonly InsightRecord[], from: number, to: number): InsightRecord[] {
  return records.filter((record) => isInReadWindow(record, from, to));
}

/**
 * `base` with `changed` merged in by contact id (a changed record replaces the old one in place;
 * new ones go at the end), keeping only the records of the window: a contact whose handoff and
 * disposition both moved out of it is dropped.
 */
export function mergeInsightRecords(base: readonly InsightRecord[], changed: readonly InsightRecord[], from: number, to: number): InsightRecord[] {
  const byId = new Map<string, InsightRecord>();
  for (const record of base) byId.set(record.contactId, record);
  for (const record of changed) byId.set(record.contactId, record);
  return recordsInWindow([...byId.values()], from, to);
}
