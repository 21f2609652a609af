import type { HubSpotClient } from './hubspot-client';
import { hubSpotAssociationsV4PageSchema } from './hubspot-schemas';

/*
 * A HubSpot Leads record (object type 0-136, `leads` in API paths) is a sales-workspace wrapper
 * around a contact: HubSpot requires every lead to be associated with one. Baton's panel is about
 * that person, so a Leads record page shows (and writes to) its contact.
 */

/** Enough for any real lead (one primary contact, rarely a few more) in one request. */
const ASSOCIATIONS_LIMIT = 100;

/**
 * HubSpot-defined "lead to primary contact" association type (608 is the unlabeled "lead to
 * contact"), from HubSpot's association type table. HubSpot asks integrations to rely on type
 * ids, not label text, which it has renamed before; the label is only a fallback.
 */
export const LEAD_TO_PRIMARY_CONTACT_TYPE_ID = 578;

/**
 * The id of the contact a Leads record belongs to, or null when it has none.
 * `GET /crm/v4/objects/leads/{id}/associations/contacts`; a lead has one primary contact, whose
 * association carries type 578 (and a "Primary" label): that one wins, else the first listed.
 */
export async function resolveHubSpotLeadContact(client: HubSpotClient, leadId: string, options: { signal?: AbortSignal } = {}): Promise<string | null> {
  const page = await client.request('GET', `/crm/v4/objects/leads/${encodeURIComponent(leadId)}/associations/contacts`, {
    query: { limit: ASSOCIATIONS_LIMIT },
    schema: hubSpotAssociationsV4PageSchema,
    signal: options.signal,
  });
  const primary =
    page.results.find((r) => r.associationTypes.some((t) => t.typeId === LEAD_TO_PRIMARY_CONTACT_TYPE_ID)) ??
    page.results.find((r) => r.associationTypes.some((t) => /primary/i.test(t.label ?? '')));
  const chosen = primary ?? page.results[0];
  return chosen ? String(chosen.toObjectId) : null;
}
