import type { LeadStatusValue } from '../crm-reporting-port';
import type { HubSpotClient } from './hubspot-client';
import { hubSpotPropertyDefinitionSchema, type HubSpotPropertyDefinition } from './hubspot-schemas';

/*
 * The portal's own Lead Status values (the `hs_lead_status` contact property's options; portals
 * rename and add them), for the admin's outcome → status mapping. `GET
 * /crm/v3/properties/contacts/hs_lead_status` (CRM Properties API) answers one Property with its
 * `options` (`label`, `value`, `displayOrder`, `hidden`). A hidden option is not offered in
 * HubSpot's own forms, so Baton does not offer it either.
 */

export const LEAD_STATUS_PROPERTY_PATH = '/crm/v3/properties/contacts/hs_lead_status';

/** The property's options → the values a disposition may set, in the portal's order. */
export function fromHubSpotLeadStatusProperty(property: Pick<HubSpotPropertyDefinition, 'options'>): LeadStatusValue[] {
  const seen = new Set<string>();
  return property.options
    .map((option, i) => ({ option, i }))
    .sort((a, b) => (a.option.displayOrder ?? Infinity) - (b.option.displayOrder ?? Infinity) || a.i - b.i)
    .filter(({ option }) => !option.hidden && option.value.trim() !== '' && !seen.has(option.value) && !!seen.add(option.value))
    .map(({ option }) => ({ value: option.value, label: option.label.trim() || option.value, isDefault: false }));
}

export async function readHubSpotLeadStatuses(client: HubSpotClient, signal?: AbortSignal): Promise<LeadStatusValue[]> {
  const property = await client.request('GET', LEAD_STATUS_PROPERTY_PATH, { schema: hubSpotPropertyDefinitionSchema, signal });
  return fromHubSpotLeadStatusProperty(property);
}
