import type { HubSpotClient } from './hubspot-client';
import { CONTACT_PROPERTIES } from './hubspot-contact-mappers';
import { hubSpotContactSchema } from './hubspot-schemas';
import type { HubSpotContact } from './hubspot-schemas';
import { HUBSPOT_ENGAGEMENT_KINDS } from './read-hubspot-engagements';
import { HUBSPOT_FRESHNESS_PROPERTIES } from './hubspot-freshness';
import { HUBSPOT_RECORDED_DISPOSITION_PROPERTIES } from './hubspot-recorded-disposition';

/**
 * Form fields whose history we ask for. Each name lengthens the contact URL; portals with
 * hundreds of form fields would overflow it, so the cap keeps the request well under 8 kB.
 */
const MAX_HISTORY_FORM_FIELDS = 150;

/** The mapped properties, the freshness stamp's (its baseline) and Baton's own disposition (another rep's outcome): one list, no repeats. */
const READ_PROPERTIES = [...new Set<string>([...CONTACT_PROPERTIES, ...HUBSPOT_FRESHNESS_PROPERTIES, ...HUBSPOT_RECORDED_DISPOSITION_PROPERTIES])];

/**
 * `GET /crm/v3/objects/contacts/{id}`: the properties Baton maps, the history of the owner, the
 * lifecycle stage and the form fields, and the ids of the associated calls, emails and meetings
 * (used only by the engagements fallback; asking for them costs no extra request).
 */
export async function readHubSpotContact(
  client: HubSpotClient,
  contactId: string,
  formFields: readonly string[],
  signal: AbortSignal | undefined,
): Promise<HubSpotContact> {
  return client.request('GET', `/crm/v3/objects/contacts/${encodeURIComponent(contactId)}`, {
    query: {
      properties: READ_PROPERTIES,
      propertiesWithHistory: ['hubspot_owner_id', 'lifecyclestage', ...formFields.slice(0, MAX_HISTORY_FORM_FIELDS)],
      associations: HUBSPOT_ENGAGEMENT_KINDS,
      archived: false,
    },
    schema: hubSpotContactSchema,
    signal,
  });
}
