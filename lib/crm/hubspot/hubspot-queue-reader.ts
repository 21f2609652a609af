import type { QueueReadResult, ReadQueueOptions } from '../crm-reporting-port';
import type { QueueLead } from '../../domain/queue/queue-lead';
import type { HubSpotClient } from './hubspot-client';
import { CONTACT_PROPERTIES, fromHubSpotContact } from './hubspot-contact-mappers';
import { searchContacts, type ContactSearchBody } from './hubspot-contact-search';
import { parseHubSpotTime, readText } from './hubspot-map-helpers';
import type { HubSpotSearchFilter } from './hubspot-requests';
import type { HubSpotObject } from './hubspot-schemas';

/*
 * The rep's queue from HubSpot: one contacts search (paged), filter groups ORed, each on the owner:
 *   1. never contacted (`notes_last_contacted` unset: HubSpot sets it when a call, sales email or
 *      meeting is logged), assigned within the last 30 days (older untouched leads were handed back);
 *   2. assigned within the engaged window, contacted or not (a lead reassigned after the previous
 *      owner's call awaits the new owner's first touch: the domain compares the two dates);
 *   3–5. engaged within the window: a form (`recent_conversion_date`), a visit
 *      (`hs_analytics_last_visit_timestamp`), a marketing-email click (`hs_email_last_click_date`).
 * Five groups of two filters is within HubSpot's limits (5 groups, 18 filters). Newest assignment
 * first, 200 a page, at most MAX_PAGES pages: past that the queue says it shows the newest.
 */

const PAGE_SIZE = 200;
export const QUEUE_MAX_PAGES = 3;
const AWAITING_LOOKBACK_MS = 30 * 24 * 3_600_000;

export const QUEUE_PROPERTIES = [...CONTACT_PROPERTIES, 'notes_last_contacted', 'hs_analytics_last_visit_timestamp', 'hs_email_last_click_date'];

export interface HubSpotQueueReaderOptions extends ReadQueueOptions {
  crm: string;
  account: string;
  /** The contact's record page (the portal's UI host, or the sandbox's own pages). */
  recordUrl(contactId: string): Promise<string>;
}

export function queueSearchBody(options: Pick<ReadQueueOptions, 'ownerId' | 'now' | 'engagedSince'>, after?: string): ContactSearchBody {
  const owner: HubSpotSearchFilter = { propertyName: 'hubspot_owner_id', operator: 'EQ', value: options.ownerId };
  const since = (propertyName: string, at: number): HubSpotSearchFilter => ({ propertyName, operator: 'GTE', value: String(at) });
  return {
    filterGroups: [
      { filters: [owner, { propertyName: 'notes_last_contacted', operator: 'NOT_HAS_PROPERTY' }, since('hubspot_owner_assigneddate', options.now - AWAITING_LOOKBACK_MS)] },
      { filters: [owner, since('hubspot_owner_assigneddate', options.engagedSince)] },
      { filters: [owner, since('recent_conversion_date', options.engagedSince)] },
      { filters: [owner, since('hs_analytics_last_visit_timestamp', options.engagedSince)] },
      { filters: [owner, since('hs_email_last_click_date', options.engagedSince)] },
    ],
    sorts: [{ propertyName: 'hubspot_owner_assigneddate', direction: 'DESCENDING' }],
    properties: QUEUE_PROPERTIES,
    limit: PAGE_SIZE,
    ...(after ? { after } : {}),
  };
}

export async function readHubSpotQueue(client: HubSpotClient, options: HubSpotQueueReaderOptions): Promise<QueueReadResult> {
  const leads: QueueLead[] = [];
  let requests = 0;
  let after: string | undefined;
  let truncated = false;
  for (let page = 0; ; page++) {
    const answer = await searchContacts(client, queueSearchBody(options, after), {
      pace: options.pace,
      signal: options.signal,
      onRequest: () => requests++,
      missingPropertiesMessage: 'HubSpot refused the queue search.',
    });
    for (const contact of answer.results) leads.push(await toQueueLead(contact, options));
    after = answer.paging?.next?.after;
    if (!after) break;
    if (page + 1 >= QUEUE_MAX_PAGES) {
      truncated = true;
      break;
    }
  }
  return { leads, requests, truncated };
}

/** A searched contact → a queue lead: the Lead the SLA engine reads, its last touch and latest engagement. */
export async function toQueueLead(contact: HubSpotObject, options: Pick<HubSpotQueueReaderOptions, 'crm' | 'account' | 'recordUrl'>): Promise<QueueLead> {
  const lead = fromHubSpotContact(
    { ...contact, createdAt: contact.createdAt, updatedAt: contact.updatedAt },
    { ref: { crm: options.crm, account: options.account, id: contact.id, objectType: 'contact' }, owner: null, formFieldLabels: {} },
  );
  const p = contact.properties;
  const engagements: [number | null, string | null][] = [
    [parseHubSpotTime(readText(p, 'recent_conversion_date')), readText(p, 'recent_conversion_event_name') ?? 'Filled in a form'],
    [parseHubSpotTime(readText(p, 'hs_analytics_last_visit_timestamp')), 'Visited the website'],
    [parseHubSpotTime(readText(p, 'hs_email_last_click_date')), 'Clicked a marketing email'],
  ];
  let lastEngagedAt: number | null = null;
  let lastEngagement: string | null = null;
  for (const [at, what] of engagements) {
    if (at !== null && (lastEngagedAt === null || at > lastEngagedAt)) {
      lastEngagedAt = at;
      lastEngagement = what;
    }
  }
  return {
    lead,
    recordUrl: await options.recordUrl(contact.id),
    lastTouchedAt: parseHubSpotTime(readText(p, 'notes_last_contacted')),
    lastEngagedAt,
    lastEngagement,
  };
}
