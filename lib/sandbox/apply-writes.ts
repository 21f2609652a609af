import { z } from 'zod';
import { toIso } from './http-kit';
import { modifiedProperty } from './object-system-properties';
import type { CrmObjectType, CrmRecord } from './sandbox-data';
import type { SandboxState } from './sandbox-state';

/** Who wrote through the API: HubSpot records private-app writes as INTEGRATION with the app id. */
export const API_WRITE_SOURCE = { sourceType: 'INTEGRATION', sourceId: '1901234', sourceLabel: 'Baton (private app)' } as const;

/** A property value as a write may send it; normalised to a string before it is stored. */
export const propertyValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/**
 * Applies normalised writes to a record, appending property history (newest last) like HubSpot.
 * Writing a value a property already holds changes nothing (no history entry, no modified date),
 * so an idempotent retry leaves the record exactly as the first delivery did. Returns the number
 * of properties that changed.
 */
export function applyWrites(state: SandboxState, type: CrmObjectType, record: CrmRecord, writes: Record<string, string>, at: number): number {
  let changed = 0;
  for (const [name, value] of Object.entries(writes)) {
    if (record.properties[name] === value) continue;
    record.properties[name] = value;
    (record.history[name] ??= []).push({ value, timestamp: at, ...API_WRITE_SOURCE });
    changed++;
  }
  if (changed === 0) return 0;
  // Assigning an owner stamps the assignment date, as HubSpot does.
  if (type === 'contacts' && writes.hubspot_owner_id !== undefined && record.history.hubspot_owner_id?.at(-1)?.timestamp === at && state.property(type, 'hubspot_owner_assigneddate')) {
    const value = writes.hubspot_owner_id === '' ? '' : toIso(at);
    record.properties.hubspot_owner_assigneddate = value;
    (record.history.hubspot_owner_assigneddate ??= []).push({ value, timestamp: at, ...API_WRITE_SOURCE });
    // The first engagement date is the current owner's: a new owner starts without one.
    if (record.properties.hs_sa_first_engagement_date) {
      record.properties.hs_sa_first_engagement_date = '';
      (record.history.hs_sa_first_engagement_date ??= []).push({ value: '', timestamp: at, sourceType: 'CALCULATED' });
    }
  }
  record.updatedAt = at;
  const modified = modifiedProperty(type);
  record.properties[modified] = toIso(at);
  record.history[modified] = [{ value: toIso(at), timestamp: at, sourceType: 'CALCULATED' }];
  return changed;
}
