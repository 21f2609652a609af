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
  const current = parseTimeValue(contact.properties.notes_last_contacted ?? '');
  if (current !== null && current >= at) return false;
  const value = toIso(at);
  contact.properties.notes_last_contacted = value;
  (contact.history.notes_last_contacted ??= []).push({ value, timestamp: at, sourceType: 'CALCULATED' });
  return true;
}
