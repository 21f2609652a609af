import { normalizeForMatching } from '../../domain/engagement/match-keywords';
import type { FormAnswer, Lead, LeadRef, Owner } from '../../domain/lead';
import type { HubSpotContact, HubSpotOwner, HubSpotValueWithTimestamp } from './hubspot-schemas';
import { nonBlank, parseEmployeeCount, parseHubSpotTime, readText } from './hubspot-map-helpers';

/*
 * The HubSpot contact → Baton's Lead (and its owner), with the form answers the prospect typed.
 * Every string may have been typed by anyone who filled a form: kept verbatim, rendered as text downstream.
 */

/** The contact properties Baton reads (CRM-FACTS.md). */
export const CONTACT_PROPERTIES = [
  'firstname',
  'lastname',
  'email',
  'phone',
  'jobtitle',
  'company',
  'industry',
  'numemployees',
  'country',
  'lifecyclestage',
  'hs_lead_status',
  'hs_analytics_source',
  'hs_analytics_source_data_1',
  'hs_analytics_source_data_2',
  'hs_latest_source',
  'campaign_name',
  'first_conversion_event_name',
  'first_conversion_date',
  'recent_conversion_event_name',
  'recent_conversion_date',
  'num_conversion_events',
  'hubspot_owner_id',
  'hubspot_owner_assigneddate',
  'hs_email_last_open_date',
  'createdate',
  'lastmodifieddate',
] as const;

/**
 * Where HubSpot puts the utm_campaign in the source drill-downs (its "Understand source
 * properties" article): drill-down 1 for paid search, email marketing and other campaigns;
 * drill-down 2 for organic and paid social, whose drill-down 1 is the network. Other sources
 * (organic search, referrals, direct, offline) carry no campaign there.
 */
const CAMPAIGN_DRILL_DOWN: Readonly<Record<string, 1 | 2>> = {
  PAID_SEARCH: 1,
  EMAIL_MARKETING: 1,
  OTHER_CAMPAIGNS: 1,
  SOCIAL_MEDIA: 2,
  PAID_SOCIAL: 2,
};

/** Stages that mean "handed to sales" for the SLA clock. */
const HANDOFF_STAGES = new Set(['marketingqualifiedlead', 'salesqualifiedlead']);

export interface FromHubSpotContactContext {
  ref: LeadRef;
  /** The owner looked up from `hubspot_owner_id`, or null when unknown / the lookup failed. */
  owner: Owner | null;
  /** Form-field property name → its label (the question as asked), from the property definitions. */
  formFieldLabels: Readonly<Record<string, string>>;
}

export function fromHubSpotContact(contact: HubSpotContact, { ref, owner, formFieldLabels }: FromHubSpotContactContext): Lead {
  const p = contact.properties;
  const history = contact.propertiesWithHistory ?? {};

  const ownerId = readText(p, 'hubspot_owner_id');
  const ownerHistory = newestFirst(history['hubspot_owner_id'] ?? []);
  const latestOwnerChange = ownerHistory[0] ?? null;
  const ownerAssignedAt = parseHubSpotTime(readText(p, 'hubspot_owner_assigneddate')) ?? (latestOwnerChange && latestOwnerChange.value !== '' ? parseHubSpotTime(latestOwnerChange.timestamp) : null);

  const source = readText(p, 'hs_analytics_source');
  const sourceData1 = readText(p, 'hs_analytics_source_data_1');
  const sourceData2 = readText(p, 'hs_analytics_source_data_2');

  return {
    ref,
    firstName: readText(p, 'firstname'),
    lastName: readText(p, 'lastname'),
    email: readText(p, 'email'),
    phone: readText(p, 'phone'),
    jobTitle: readText(p, 'jobtitle'),
    company: readText(p, 'company'),
    industry: readText(p, 'industry'),
    employees: parseEmployeeCount(readText(p, 'numemployees')),
    country: readText(p, 'country'),
    lifecycleStage: readText(p, 'lifecyclestage'),
    leadStatus: readText(p, 'hs_lead_status'),
    // The owner lookup can fail (scope, deleted user): keep the id so the SLA still knows who owns it.
    owner: ownerId ? (owner && owner.id === ownerId ? owner : { id: ownerId, name: null, email: null }) : null,
    ownerAssignedAt,
    // HubSpot's sourceType says what made the change: FORM, AUTOMATION_PLATFORM (a workflow), CRM_UI (a user), IMPORT...
    ownerAssignedBy: latestOwnerChange ? { type: latestOwnerChange.sourceType, label: latestOwnerChange.sourceLabel ?? null } : null,
    source,
    sourceDetail: [sourceData1, sourceData2].filter((s): s is string => s !== null),
    latestSource: readText(p, 'hs_latest_source'),
    campaign: readText(p, 'campaign_name') ?? campaignFromDrillDown(source, sourceData1, sourceData2),
    firstConversion: readConversion(p, 'first_conversion_event_name', 'first_conversion_date'),
    recentConversion: readConversion(p, 'recent_conversion_event_name', 'recent_conversion_date'),
    formAnswers: readFormAnswers(history, formFieldLabels),
    handedOffAt: findHandoffTime(history['lifecyclestage'] ?? []) ?? ownerAssignedAt,
    createdAt: parseHubSpotTime(readText(p, 'createdate')) ?? parseHubSpotTime(contact.createdAt),
    updatedAt: parseHubSpotTime(readText(p, 'lastmodifieddate')) ?? parseHubSpotTime(contact.updatedAt),
  };
}

/** HubSpot owner → domain Owner. */
export function fromHubSpotOwner(owner: HubSpotOwner): Owner {
  const name = [owner.firstName, owner.lastName].filter((s): s is string => !!s && s.trim() !== '').join(' ');
  return { id: owner.id, name: name === '' ? null : name, email: nonBlank(owner.email) };
}

function campaignFromDrillDown(source: string | null, data1: string | null, data2: string | null): string | null {
  const drillDown = source === null ? undefined : CAMPAIGN_DRILL_DOWN[source];
  return drillDown === 1 ? data1 : drillDown === 2 ? data2 : null;
}

function readConversion(p: Readonly<Record<string, string | null>>, nameKey: string, dateKey: string): { name: string; at: number | null } | null {
  const name = readText(p, nameKey);
  return name === null ? null : { name, at: parseHubSpotTime(readText(p, dateKey)) };
}

function newestFirst(entries: readonly HubSpotValueWithTimestamp[]): HubSpotValueWithTimestamp[] {
  return [...entries].sort((a, b) => (parseHubSpotTime(b.timestamp) ?? 0) - (parseHubSpotTime(a.timestamp) ?? 0));
}

/** The first time the lifecycle stage became MQL or SQL (a later re-entry does not restart the handoff). */
function findHandoffTime(entries: readonly HubSpotValueWithTimestamp[]): number | null {
  let earliest: number | null = null;
  for (const entry of entries) {
    if (!HANDOFF_STAGES.has(entry.value)) continue;
    const at = parseHubSpotTime(entry.timestamp);
    if (at !== null && (earliest === null || at < earliest)) earliest = at;
  }
  return earliest;
}

/**
 * HubSpot's own hidden form fields (`hs_context`, `hubspotutk`, ...) carry tracking, not the
 * prospect's words: they never become form answers. Matched on the property name, and on the label
 * as asked (its first word "hs" or "hubspot", ignoring case and punctuation).
 */
function isHubSpotHiddenField(name: string, question: string): boolean {
  if (/^(?:hs_|hubspot)/i.test(name)) return true;
  const words = normalizeForMatching(question);
  return words.startsWith(' hs ') || words.startsWith(' hubspot ');
}

function readFormAnswers(
  history: Readonly<Record<string, readonly HubSpotValueWithTimestamp[]>>,
  formFieldLabels: Readonly<Record<string, string>>,
): FormAnswer[] {
  const answers: FormAnswer[] = [];
  for (const [name, question] of Object.entries(formFieldLabels)) {
    if (isHubSpotHiddenField(name, question)) continue;
    for (const entry of history[name] ?? []) {
      if (entry.sourceType !== 'FORM' || entry.value.trim() === '') continue;
      const answeredAt = parseHubSpotTime(entry.timestamp);
      if (answeredAt === null) continue;
      answers.push({ question, answer: entry.value, answeredAt, form: nonBlank(entry.sourceLabel) ?? nonBlank(entry.sourceId) });
    }
  }
  return answers.sort((a, b) => b.answeredAt - a.answeredAt);
}
