import { toIso } from './http-kit';
import { parseTimeValue } from './property-values';
import type { CrmObjectType, CrmRecord } from './sandbox-data';
import type { SandboxState } from './sandbox-state';

/*
 * What HubSpot calculates on a contact when an activity is associated with it, from its default
 * contact properties:
 *   "Last Contacted" (`notes_last_contacted`): "the last time a call, sales email, or meeting was
 *   logged for the contact"; "Number of times contacted" (`num_contacted_notes`) counts them;
 *   "Last Activity Date" (`notes_last_updated`): the last call, email, meeting, note or task logged;
 *   "Number of Sales Activities" (`num_notes`) counts them;
 *   "Last Modified Date" (`lastmodifieddate`): moves with any of these, as with any property.
 * The sandbox does the same when an activity is created with an association or associated later,
 * so a search for contacts with no contact yet (the rep's queue) sees a call logged through the API
 * or the sandbox's own "Log call", and a live panel's freshness check sees the contact change.
 */

const CONTACTING: ReadonlySet<CrmObjectType> = new Set<CrmObjectType>(['calls', 'meetings', 'emails']);
const SALES_ACTIVITIES: readonly CrmObjectType[] = ['calls', 'emails', 'meetings', 'notes', 'tasks'];

/** After an association from an activity to a contact: updates the contact's calculated activity properties. Returns whether Last Contacted moved. */
export function noteLastContacted(state: SandboxState, fromType: CrmObjectType, fromId: string, toType: CrmObjectType, toId: string): boolean {
  const [activityType, activityId, contactId] =
    toType === 'contacts' ? [fromType, fromId, toId] : fromType === 'contacts' ? [toType, toId, fromId] : [null, null, null];
  if (!activityType || !activityId || !contactId || !SALES_ACTIVITIES.includes(activityType)) return false;
  const activity = state.record(activityType, activityId);
  const contact = state.record('contacts', contactId);
  if (!activity || !contact) return false;
  const at = parseTimeValue(activity.properties.hs_timestamp ?? '') ?? activity.createdAt;
  const changedAt = Date.now();
  noteActivityCounts(state, contact, contactId, at, changedAt);
  if (!CONTACTING.has(activityType)) return false;
  // A reply from the contact is not the rep contacting them.
  if (activityType === 'emails' && activity.properties.hs_email_direction && activity.properties.hs_email_direction !== 'EMAIL') return false;
  noteFirstEngagement(contact, activity.properties.hubspot_owner_id ?? null, at);
  const current = parseTimeValue(contact.properties.notes_last_contacted ?? '');
  if (current !== null && current >= at) return false;
  const value = toIso(at);
  contact.properties.notes_last_contacted = value;
  (contact.history.notes_last_contacted ??= []).push({ value, timestamp: at, sourceType: 'CALCULATED' });
  return true;
}

/** Last Activity Date, the two counts (from the contact's live associations) and Last Modified Date. */
function noteActivityCounts(state: SandboxState, contact: CrmRecord, contactId: string, at: number, changedAt: number): void {
  const linked = (type: CrmObjectType) => state.associatedIds('contacts', contactId, type);
  const activities = SALES_ACTIVITIES.reduce((sum, type) => sum + linked(type).length, 0);
  const contacted = [...CONTACTING].reduce((sum, type) => sum + linked(type).filter((id) => isContacting(state, type, id)).length, 0);
  const last = parseTimeValue(contact.properties.notes_last_updated ?? '');
  const values: Record<string, string> = {
    num_notes: String(activities),
    num_contacted_notes: String(contacted),
    ...(last === null || last < at ? { notes_last_updated: toIso(at) } : {}),
  };
  let changed = false;
  for (const [name, value] of Object.entries(values)) {
    if (contact.properties[name] === value) continue;
    contact.properties[name] = value;
    (contact.history[name] ??= []).push({ value, timestamp: changedAt, sourceType: 'CALCULATED' });
    changed = true;
  }
  if (!changed) return;
  contact.updatedAt = changedAt;
  contact.properties.lastmodifieddate = toIso(changedAt);
  contact.history.lastmodifieddate = [{ value: toIso(changedAt), timestamp: changedAt, sourceType: 'CALCULATED' }];
}

/** A call or meeting, or an email the rep sent (a reply from the contact is not contacting them). */
function isContacting(state: SandboxState, type: CrmObjectType, id: string): boolean {
  if (type !== 'emails') return true;
  const direction = state.record(type, id)?.properties.hs_email_direction;
  return !direction || direction === 'EMAIL';
}

/**
 * HubSpot's "Date of first engagement" (`hs_sa_first_engagement_date`): the current owner's first
 * call, sales email or meeting after they were assigned; set once, reset when the owner changes
 * (crm-objects-api.ts). An activity by someone else, or from before the assignment, does not set it.
 */
function noteFirstEngagement(contact: CrmRecord, activityOwner: string | null, at: number): void {
  const owner = contact.properties.hubspot_owner_id ?? '';
  if (!owner || (activityOwner !== null && activityOwner !== '' && activityOwner !== owner)) return;
  const assigned = parseTimeValue(contact.properties.hubspot_owner_assigneddate ?? '');
  if (assigned !== null && at < assigned) return;
  const current = parseTimeValue(contact.properties.hs_sa_first_engagement_date ?? '');
  if (current !== null && current <= at) return;
  const value = toIso(at);
  contact.properties.hs_sa_first_engagement_date = value;
  (contact.history.hs_sa_first_engagement_date ??= []).push({ value, timestamp: at, sourceType: 'CALCULATED' });
}
