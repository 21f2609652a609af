import { z } from 'zod';
import type { HubSpotClient } from './hubspot-client';
import { BATON_PROPERTY_NAMES } from './baton-properties';

/*
 * The contact's freshness stamp: one `GET /crm/v3/objects/contacts/{id}` with only the properties
 * HubSpot changes when the record changes for the panel (lib/crm/lead-freshness.ts). From HubSpot's
 * default contact properties:
 *   lastmodifieddate     "Last Modified Date": the most recent update of any property of the contact
 *                        (the calculated ones below included);
 *   notes_last_updated   "Last Activity Date": a call, email, meeting, note or task logged for the contact;
 *   notes_last_contacted "Last Contacted": a call, sales email or meeting logged for the contact;
 *   num_notes            "Number of Sales Activities"; num_contacted_notes "Number of times contacted"
 *                        (counts: an activity logged with an older date still moves them);
 *   hs_last_sales_activity_timestamp "Last Engagement Date" (the contact opened a sales email,
 *                        booked a meeting...);
 *   hubspot_owner_id, hs_lead_status, lifecyclestage: the owner and the status the panel shows;
 *   baton_disposition_id: another rep's disposition written through Baton.
 * HubSpot calculates the activity properties shortly after the activity is logged: a full read
 * that already saw the call is then followed by one more read when the stamp moves, never a call
 * missed. Properties a portal lacks (Baton's, before setup) are left out of the answer and count
 * as empty, both here and in the full read, so they never move the stamp by themselves.
 */
export const HUBSPOT_FRESHNESS_PROPERTIES = [
  'lastmodifieddate',
  'notes_last_updated',
  'notes_last_contacted',
  'num_notes',
  'num_contacted_notes',
  'hs_last_sales_activity_timestamp',
  'hubspot_owner_id',
  'hs_lead_status',
  'lifecyclestage',
  BATON_PROPERTY_NAMES.dispositionId,
] as const;

/** Only the properties read: a value HubSpot sends as a number or boolean is its text; anything else is empty. */
const freshnessAnswerSchema = z.looseObject({
  properties: z.record(z.string(), z.union([z.string(), z.number().transform(String), z.boolean().transform(String), z.null()]).catch(null)),
});

/** The stamp of a contact's properties (from this check, or from the full read's contact). */
export function hubSpotFreshnessStamp(properties: Readonly<Record<string, string | null | undefined>>): string {
  return JSON.stringify(HUBSPOT_FRESHNESS_PROPERTIES.map((name) => properties[name] ?? null));
}

/** One request: the contact's stamp now. */
export async function readHubSpotFreshness(client: HubSpotClient, contactId: string, signal?: AbortSignal): Promise<string> {
  const answer = await client.request('GET', `/crm/v3/objects/contacts/${encodeURIComponent(contactId)}`, {
    query: { properties: [...HUBSPOT_FRESHNESS_PROPERTIES], archived: false },
    schema: freshnessAnswerSchema,
    signal,
  });
  return hubSpotFreshnessStamp(answer.properties);
}
