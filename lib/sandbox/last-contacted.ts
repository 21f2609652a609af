import { toIso } from './http-kit';
import { parseTimeValue } from './property-values';
import type { CrmObjectType } from './sandbox-data';
import type { SandboxState } from './sandbox-state';

/*
 * HubSpot's "Last Contacted" (`notes_last_contacted`): "the last time a call, sales email, or
 * meeting was logged for the contact". HubSpot calculates it when such an activity is associated
 * with the contact; the sandbox does the same, so a search for contacts with no contact yet (the
 * rep's queue) sees a call logged through the API or the sandbox's own "Log call".
 */

const CONTACTING: ReadonlySet<CrmObjectType> = new Set<CrmObjectType>(['calls', 'meetings', 'emails']);

/** After an association from an activity to a contact: moves the contact's Last Contacted forward. Returns whether it changed. */
export function noteLastContacted(state: SandboxState, fromType: CrmObjectType, fromId: string, toType: CrmObjectType, toId: string): boolean {
  const [activityType, activityId, contactId] =
    toType === 'contacts' ? [fromType, fromId, toId] : fromType === 'contacts' ? [toType, toId, fromId] : [null, null, null];
  if (!activityType || !activityId || !contactId || !CONTACTING.has(activityType)) return false;
  const activity = state.record(activityType, activityId);
  const contact = state.record('contacts', contactId);
  if (!activity || !contact) return false;
  // A reply from the contact is not the rep contacting them.
  if (activityType === 'emails' && activity.properties.hs_email_direction && activity.properties.hs_email_direction !== 'EMAIL') return false;
  const at = parseTimeValue(activity.properties.hs_timestamp ?? '') ?? activity.createdAt;
  noteFirstEngagement(contact, activity.properties.hubspot_owner_id ?? null, at);
  const current = parseTimeValue(contact.properties.notes_last_contacted ?? '');
  if (current !== null && current >= at) return false;
  const value = toIso(at);
  contact.properties.notes_last_contacted = value;
  (contact.history.notes_last_contacted ??= []).push({ value, timestamp: at, sourceType: 'CALCULATED' });
  return true;
}

/**
 * HubSpot's "Date of first engagement" (`hs_sa_first_engagement_date`): the current owner's first
 * call, sales email or meeting after they were assigned; set once, reset when the owner changes
 * (crm-objects-api.ts). An activity by someone else, or from before the assignment, does not set it.
 */
function noteFirstEngagement(contact: NonNullable<ReturnType<SandboxState['record']>>, activityOwner: string | null, at: number): void {
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
