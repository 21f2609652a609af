/**
 * The HubSpot scopes Baton asks a private app (or service key) for, grouped by what each one
 * enables. This is the one definition: the connection check compares a token's scopes with it and
 * the README lists it. Scope names as HubSpot states them for each endpoint Baton calls; where the
 * source is not HubSpot's own reference page, the group says so.
 */

export type HubSpotFeature =
  | 'read-lead'
  | 'read-sales-emails'
  | 'read-leads-object'
  | 'read-owners'
  | 'read-property-definitions'
  | 'write-dispositions'
  | 'update-leads-object'
  | 'set-up-properties'
  | 'web-events'
  | 'email-events';

export interface HubSpotScopeGroup {
  feature: HubSpotFeature;
  /** What the feature is, for the admin. */
  label: string;
  scopes: readonly string[];
  /**
   * `all` (default): every scope is needed. `any`: HubSpot accepts any one of them (its 403 says
   * "requires one of: [...]"), so the group is satisfied by the first the token holds.
   */
  requires?: 'all' | 'any';
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
    withoutIt: 'the panel cannot read any contact, nor its logged calls, emails, meetings and notes',
    // The v1 engagements read needs only this scope; email engagements come back redacted
    // (no subject) without `sales-email-read`, which the panel then names (hubspot-adapter.ts).
    endpoints: [
      'GET /crm/v3/objects/contacts/{id}',
      'GET /engagements/v1/engagements/associated/CONTACT/{id}/paged',
      'POST /crm/v3/objects/{calls|emails|meetings|notes}/batch/read',
      'GET /crm/v4/objects/contacts/{id}/associations/{type}',
    ],
  },
  {
    feature: 'read-sales-emails',
    label: 'Read logged sales emails',
    // HubSpot's engagements API overview: without this scope the metadata of EMAIL,
    // INCOMING_EMAIL and FORWARDED_EMAIL engagements comes back redacted.
    scopes: ['sales-email-read'],
    withoutIt: 'logged emails still count as touches, but their subjects are hidden and the panel says so',
    endpoints: ['GET /engagements/v1/engagements/associated/CONTACT/{id}/paged'],
  },
  {
    feature: 'read-leads-object',
    label: 'Open HubSpot Leads records',
    // HubSpot's Leads API guide names crm.objects.leads.read and crm.objects.leads.write. Reading
    // lead pipelines and lead property definitions under the read scope is assumed, not confirmed.
    scopes: ['crm.objects.leads.read'],
    withoutIt: "on a Leads record the panel cannot find the lead's contact, and dispositions leave HubSpot's lead records (stage, disqualification reason) as they were (contact records still work)",
    endpoints: [
      'GET /crm/v4/objects/leads/{id}/associations/contacts',
      'GET /crm/v4/objects/contacts/{id}/associations/leads',
      'POST /crm/v3/objects/leads/batch/read',
      'GET /crm/v3/pipelines/leads',
      'GET /crm/v3/properties/leads/hs_lead_disqualification_reason',
    ],
  },
  {
    feature: 'read-owners',
    label: "Read the owner's name",
    // HubSpot's owners API guide: "requires one of the following scopes: crm.objects.owners.read".
    scopes: ['crm.objects.owners.read'],
    withoutIt: "the panel cannot name the lead's owner",
    endpoints: ['GET /crm/v3/owners/{id}'],
  },
  {
    feature: 'read-property-definitions',
    label: 'Read property definitions',
    // HubSpot's reference for reading all contact properties names crm.schemas.contacts.read (seen on
    // the v2 contact-properties page; the v3 properties guide's scope list was not in the stored copy).
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
    feature: 'update-leads-object',
    label: "Move HubSpot's lead records when a rep decides",
    scopes: ['crm.objects.leads.write'],
    withoutIt: "dispositions are written to the contact, but HubSpot's lead records keep their stage and get no disqualification reason (the delivery says so)",
    endpoints: ['PATCH /crm/v3/objects/leads/{id}'],
  },
  {
    feature: 'set-up-properties',
    label: 'Set up the Baton properties',
    // The write twin of the read scope above; not confirmed against a HubSpot page here.
    scopes: ['crm.schemas.contacts.write'],
    withoutIt: '"Set up Baton properties" cannot create the Baton property group and properties',
    endpoints: ['POST /crm/v3/properties/contacts/groups', 'POST /crm/v3/properties/contacts'],
  },
  {
    feature: 'web-events',
    label: 'Web-analytics events (Enterprise portals)',
    // Not from HubSpot's reference page (the stored copies of the event-analytics pages do not show
    // their scope list): this is what HubSpot itself answers on GET /events/v3/events without it,
    // "Insufficient scopes, requires one of: [event-detail-read,web-analytics-api-access]", as
    // recorded from live portals in several public integrations. The scope Baton guessed before,
    // behavioral_events.event_definitions.read_write, manages custom event definitions and does
    // not grant this read. Portals below Enterprise may not offer either scope at all.
    scopes: ['web-analytics-api-access', 'event-detail-read'],
    requires: 'any',
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
  /** Other scopes that would do instead (HubSpot accepts any one of them), when there are any. */
  alternatives?: string[];
  /** The features it takes away, and what stops working. */
  features: { feature: HubSpotFeature; label: string; withoutIt: string }[];
}

/** The scopes Baton needs that `granted` lacks, each with what stops working without it. */
export function findMissingHubSpotScopes(granted: readonly string[]): MissingHubSpotScope[] {
  const have = new Set(granted);
  const missing = new Map<string, MissingHubSpotScope>();
  const add = (scope: string, group: HubSpotScopeGroup, alternatives: string[]): void => {
    const entry = missing.get(scope) ?? { scope, ...(alternatives.length ? { alternatives } : {}), features: [] };
    entry.features.push({ feature: group.feature, label: group.label, withoutIt: group.withoutIt });
    missing.set(scope, entry);
  };
  for (const group of HUBSPOT_SCOPE_GROUPS) {
    if (group.requires === 'any') {
      // One of them is enough: name the first (the one the README lists first) and offer the rest.
      const [first, ...rest] = group.scopes;
      if (first !== undefined && !group.scopes.some((scope) => have.has(scope))) add(first, group, rest);
      continue;
    }
    for (const scope of group.scopes) if (!have.has(scope)) add(scope, group, []);
  }
  return [...missing.values()];
}
