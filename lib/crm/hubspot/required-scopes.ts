/**
 * The HubSpot scopes Baton asks a private app for, grouped by what each one enables. This is the
 * one definition: the connection check compares a token's scopes with it and the README lists it.
 * Scope names as HubSpot's API reference states them for each endpoint Baton calls.
 */

export type HubSpotFeature =
  | 'read-lead'
  | 'read-leads-object'
  | 'read-owners'
  | 'read-property-definitions'
  | 'write-dispositions'
  | 'set-up-properties'
  | 'web-events'
  | 'email-events';

export interface HubSpotScopeGroup {
  feature: HubSpotFeature;
  /** What the feature is, for the admin. */
  label: string;
  scopes: readonly string[];
  /** What stops working without it, said to the admin who has to fix it. */
  withoutIt: string;
  /** The endpoints that need it (documentation, and a pointer for whoever changes the adapter). */
  endpoints: readonly string[];
}

export const HUBSPOT_SCOPE_GROUPS: readonly HubSpotScopeGroup[] = [
  {
    feature: 'read-lead',
    label: 'Read the lead',
    scopes: ['crm.objects.contacts.read'],
    withoutIt: 'the panel cannot read any contact, nor its logged calls, emails and meetings',
    endpoints: ['GET /crm/v3/objects/contacts/{id}', 'POST /crm/v3/objects/{calls|emails|meetings|notes}/batch/read', 'GET /crm/v4/objects/contacts/{id}/associations/{type}'],
  },
  {
    feature: 'read-leads-object',
    label: 'Open HubSpot Leads records',
    scopes: ['crm.objects.leads.read'],
    withoutIt: "on a Leads record the panel cannot find the lead's contact (contact records still work)",
    endpoints: ['GET /crm/v4/objects/leads/{id}/associations/contacts'],
  },
  {
    feature: 'read-owners',
    label: "Read the owner's name",
    scopes: ['crm.objects.owners.read'],
    withoutIt: "the panel cannot name the lead's owner",
    endpoints: ['GET /crm/v3/owners/{id}'],
  },
  {
    feature: 'read-property-definitions',
    label: 'Read property definitions',
    scopes: ['crm.schemas.contacts.read'],
    withoutIt: 'form answers lose their question labels and Baton cannot tell form fields from other properties',
    endpoints: ['GET /crm/v3/properties/contacts'],
  },
  {
    feature: 'write-dispositions',
    label: 'Write dispositions and contact attempts',
    scopes: ['crm.objects.contacts.write'],
    withoutIt: 'dispositions and contact attempts stay in Baton and are never written to HubSpot',
    endpoints: ['PATCH /crm/v3/objects/contacts/{id}', 'POST /crm/v3/objects/{notes|calls|emails}'],
  },
  {
    feature: 'set-up-properties',
    label: 'Set up the Baton properties',
    scopes: ['crm.schemas.contacts.write'],
    withoutIt: '"Set up Baton properties" cannot create the Baton property group and properties',
    endpoints: ['POST /crm/v3/properties/contacts/groups', 'POST /crm/v3/properties/contacts'],
  },
  {
    feature: 'web-events',
    label: 'Web-analytics events (Enterprise portals)',
    // The sandbox grants the same scope; the stored copy of HubSpot's event-analytics reference does not
    // list its scope, so this one is the least certain entry here.
    scopes: ['behavioral_events.event_definitions.read_write'],
    withoutIt: 'page views and other web events are shown as unavailable',
    endpoints: ['GET /events/v3/events'],
  },
  {
    feature: 'email-events',
    label: 'Marketing-email opens and clicks',
    scopes: ['content'],
    withoutIt: 'marketing-email opens and clicks are shown as unavailable',
    endpoints: ['GET /email/public/v1/events', 'GET /email/public/v1/campaigns/{id}'],
  },
];

/** Every scope Baton asks for, once, in the order of the groups. */
export function listRequiredHubSpotScopes(): string[] {
  return [...new Set(HUBSPOT_SCOPE_GROUPS.flatMap((group) => group.scopes))];
}

export interface MissingHubSpotScope {
  scope: string;
  /** The features it takes away, and what stops working. */
  features: { feature: HubSpotFeature; label: string; withoutIt: string }[];
}

/** The scopes Baton needs that `granted` lacks, each with what stops working without it. */
export function findMissingHubSpotScopes(granted: readonly string[]): MissingHubSpotScope[] {
  const have = new Set(granted);
  const missing = new Map<string, MissingHubSpotScope>();
  for (const group of HUBSPOT_SCOPE_GROUPS) {
    for (const scope of group.scopes) {
      if (have.has(scope)) continue;
      const entry = missing.get(scope) ?? { scope, features: [] };
      entry.features.push({ feature: group.feature, label: group.label, withoutIt: group.withoutIt });
      missing.set(scope, entry);
    }
  }
  return [...missing.values()];
}
