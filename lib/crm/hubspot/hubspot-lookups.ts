import type { Owner } from '../../domain/lead';
import type { HubSpotClient } from './hubspot-client';
import { CONTACT_PROPERTIES, fromHubSpotOwner } from './hubspot-contact-mappers';
import { hubSpotEmailCampaignSchema, hubSpotOwnerSchema, hubSpotPropertyDefinitionsSchema } from './hubspot-schemas';
import type { HubSpotEmailCampaign } from './hubspot-schemas';
import { isDegradable } from './hubspot-source-status';
import { createTtlCache } from './hubspot-ttl-cache';

/**
 * The cached lookups of the read path, which do not count per lead view: property definitions
 * (form-field labels, 1 h), owners (1 h), email campaign names (24 h).
 */
export interface HubSpotLookups {
  /** Property name → label of the contact properties that are form fields (minus those read directly). */
  getFormFieldLabels(): Promise<Record<string, string>>;
  /** The owner, or null when HubSpot will not say (deactivated owner, no owners scope). */
  getOwner(ownerId: string): Promise<Owner | null>;
  /** The campaign, or null when it is deleted or hidden. */
  getEmailCampaign(campaignId: number): Promise<HubSpotEmailCampaign | null>;
}

const PROPERTY_DEFINITIONS_TTL_MS = 60 * 60 * 1000;
const OWNER_TTL_MS = 60 * 60 * 1000;
const CAMPAIGN_TTL_MS = 24 * 60 * 60 * 1000;

/** Properties Baton already maps onto the Lead; their form history would only repeat them. */
const READ_DIRECTLY = new Set<string>(CONTACT_PROPERTIES);

/** The portal's contact property definitions: one entry, there is one set per connection. */
const CONTACT_PROPERTY_DEFINITIONS = 'contacts';

export function createHubSpotLookups({ client, now }: { client: HubSpotClient; now: () => number }): HubSpotLookups {
  const formFieldCache = createTtlCache<typeof CONTACT_PROPERTY_DEFINITIONS, Record<string, string>>(PROPERTY_DEFINITIONS_TTL_MS, now);
  const ownerCache = createTtlCache<string, Owner | null>(OWNER_TTL_MS, now);
  const campaignCache = createTtlCache<number, HubSpotEmailCampaign | null>(CAMPAIGN_TTL_MS, now);

  function getFormFieldLabels(): Promise<Record<string, string>> {
    return formFieldCache.get(CONTACT_PROPERTY_DEFINITIONS, () =>
      client.request('GET', '/crm/v3/properties/contacts', { schema: hubSpotPropertyDefinitionsSchema }).then((page) => {
        const labels: Record<string, string> = {};
        for (const property of page.results) {
          if (property.formField === true && !READ_DIRECTLY.has(property.name)) labels[property.name] = property.label;
        }
        return labels;
      }),
    );
  }

  function getOwner(ownerId: string): Promise<Owner | null> {
    return ownerCache.get(ownerId, () =>
      client
        .request('GET', `/crm/v3/owners/${encodeURIComponent(ownerId)}`, { schema: hubSpotOwnerSchema })
        .then(fromHubSpotOwner)
        // A deactivated owner (404) or a token without the owners scope (403) will not change
        // within the cache window: remember "unknown" rather than spend a request on every view.
        .catch((error: unknown) => {
          if (isDegradable(error)) return null;
          throw error;
        }),
    );
  }

  function getEmailCampaign(campaignId: number): Promise<HubSpotEmailCampaign | null> {
    return campaignCache.get(campaignId, () =>
      client
        .request('GET', `/email/public/v1/campaigns/${campaignId}`, { schema: hubSpotEmailCampaignSchema })
        // A deleted or hidden campaign stays that way: remember "no name" instead of asking each view.
        .catch((error: unknown) => {
          if (isDegradable(error)) return null;
          throw error;
        }),
    );
  }

  return { getFormFieldLabels, getOwner, getEmailCampaign };
}
