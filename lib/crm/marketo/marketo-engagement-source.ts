import type { EngagementEvent } from '../../domain/engagement/engagement-event';
import { retentionCutoffFor } from '../../domain/engagement/source-retention';
import type { CrmAddress } from '../crm-provider';
import { engagementStatusId, type EngagementReading, type EngagementSource, type EngagementSourceConnection, type EngagementSourceContext } from '../engagement-source-port';
import { engagementFailureStatus } from '../engagement-source-status';
import { fromMarketoActivity, MARKETO_ACTIVITY_TYPES, MARKETO_SOURCE, NINETY_DAY_TYPES, type MarketoActivityType } from './marketo-activity-mappers';
import { createMarketoClient, readRecords, type MarketoClient } from './marketo-client';
import { marketoActivitySchema, marketoActivityTypeSchema, marketoLeadSchema } from './marketo-schemas';
import { checkMarketoSettings, readMarketoSettings } from './marketo-settings';

/*
 * Marketo Engage as an engagement source (read-only). Per lead view:
 *   GET /rest/v1/leads.json?filterType=email&filterValues=<email>&fields=id,email,createdAt   (1)
 *   GET /rest/v1/activities/pagingtoken.json?sinceDatetime=<the lead's first day, at most 25 months back>
 *   GET /rest/v1/activities.json?nextPageToken=…&activityTypeIds=…&leadIds=<id>               (2, more while moreResult)
 * Shared by every view: the access token (renewed a minute before it ends) and the activity type
 * ids (`/rest/v1/activities/types.json`, once a day). The person found for an email and their
 * paging token are kept for a day, so a lead seen before costs (1) and (2) only; the CRM service
 * caches the whole view, so a revisit within its window costs nothing.
 */

const LABEL = 'Marketo';
const TYPES_TTL_MS = 24 * 60 * 60 * 1000;
const PERSON_TTL_MS = 24 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Marketo keeps most activity 25 months; web visits and link clicks 90 days. */
const HISTORY_DAYS = 25 * 30;
const WEB_ACTIVITY_DAYS = 90;
/** Activity pages read per view at most (300 activities each). */
export const MAX_ACTIVITY_PAGES = 4;

interface Person {
  leadId: number;
  createdAt: number | null;
  pagingToken: string;
}

export const engagementSource: EngagementSource = {
  kind: MARKETO_SOURCE,
  label: LABEL,
  checkSettings: checkMarketoSettings,
  connect: connectMarketo,
};

function connectMarketo(context: EngagementSourceContext): EngagementSourceConnection {
  const doFetch: typeof fetch = context.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const clients = new Map<string, MarketoClient>();
  const types = new Map<string, { at: number; value: Promise<Map<number, MarketoActivityType>> }>();
  const people = new Map<string, { at: number; person: Person | null }>();

  async function clientFor(address: CrmAddress): Promise<MarketoClient | null> {
    const settings = readMarketoSettings(await context.readSettings());
    if (!settings) return null;
    // Demo builds on the sandbox CRM read the sandbox's Marketo dialect, on the sandbox's origin.
    const baseUrl = address.kind === 'sandbox' ? address.baseUrl : settings.endpoint;
    const key = `${baseUrl}|${settings.clientId}`;
    let client = clients.get(key);
    if (!client) clients.set(key, (client = createMarketoClient({ baseUrl, clientId: settings.clientId, readSecret: context.readSecret, fetch: doFetch, now: context.now })));
    return client;
  }

  /** Activity type ids by the names Baton reads, confirmed with types.json once a day per instance. */
  function activityTypes(client: MarketoClient, signal?: AbortSignal): Promise<Map<number, MarketoActivityType>> {
    const hit = types.get(client.baseUrl);
    if (hit && context.now() - hit.at < TYPES_TTL_MS) return hit.value;
    const value = client.get('/rest/v1/activities/types.json', {}, { signal }).then((page) => {
      const byName = new Map(Object.entries(MARKETO_ACTIVITY_TYPES).map(([type, name]) => [name.toLowerCase(), type as MarketoActivityType]));
      const ids = new Map<number, MarketoActivityType>();
      for (const t of readRecords(page, marketoActivityTypeSchema)) {
        const type = byName.get(t.name.toLowerCase());
        if (type) ids.set(t.id, type);
      }
      return ids;
    });
    types.set(client.baseUrl, { at: context.now(), value });
    value.catch(() => {
      if (types.get(client.baseUrl)?.value === value) types.delete(client.baseUrl);
    });
    return value;
  }

  async function findPerson(client: MarketoClient, email: string, signal?: AbortSignal): Promise<Person | null> {
    const key = `${client.baseUrl}|${email.toLowerCase()}`;
    const hit = people.get(key);
    if (hit && context.now() - hit.at < PERSON_TTL_MS) return hit.person;
    const page = await client.get('/rest/v1/leads.json', { filterType: 'email', filterValues: email, fields: 'id,email,createdAt' }, { signal });
    // Several people may share an email in Marketo: the earliest created holds the longest history.
    const leads = readRecords(page, marketoLeadSchema).sort((a, b) => (parseTime(a.createdAt) ?? 0) - (parseTime(b.createdAt) ?? 0));
    const lead = leads[0];
    let person: Person | null = null;
    if (lead) {
      const createdAt = parseTime(lead.createdAt);
      const earliest = context.now() - HISTORY_DAYS * DAY_MS;
      const since = startOfUtcDay(Math.max(createdAt ?? earliest, earliest));
      const token = await client.get('/rest/v1/activities/pagingtoken.json', { sinceDatetime: new Date(since).toISOString().replace('.000Z', 'Z') }, { signal });
      if (!token.nextPageToken) throw new Error('Marketo gave no paging token');
      person = { leadId: lead.id, createdAt, pagingToken: token.nextPageToken };
    }
    people.set(key, { at: context.now(), person });
    return person;
  }

  async function read(email: string, address: CrmAddress, signal?: AbortSignal): Promise<EngagementReading> {
    const client = await clientFor(address);
    const status = { source: engagementStatusId(MARKETO_SOURCE), label: LABEL };
    if (!client) return { events: [], retention: null, requests: 0, status: { ...status, status: 'unavailable', message: "Marketo is not set up (Baton's options → Marketing engagement sources)." } };
    const before = client.requestCount;
    try {
      const [ids, person] = await Promise.all([activityTypes(client, signal), findPerson(client, email, signal)]);
      if (!person) return { events: [], retention: null, requests: client.requestCount - before, status: { ...status, status: 'ok', message: 'No one with this email in Marketo' } };
      const typeIds = [...ids.keys()];
      const events: EngagementEvent[] = [];
      let token = person.pagingToken;
      let more = typeIds.length > 0;
      let pages = 0;
      while (more && pages < MAX_ACTIVITY_PAGES) {
        const page = await client.get('/rest/v1/activities.json', { nextPageToken: token, activityTypeIds: typeIds.join(','), leadIds: String(person.leadId) }, { signal });
        pages++;
        for (const activity of readRecords(page, marketoActivitySchema)) {
          const event = fromMarketoActivity(activity, (id) => ids.get(id) ?? null);
          if (event) events.push(event);
        }
        more = page.moreResult && !!page.nextPageToken && page.nextPageToken !== token;
        if (page.nextPageToken) token = page.nextPageToken;
      }
      const readsWeb = NINETY_DAY_TYPES.some((type) => [...ids.values()].includes(type));
      const retention = readsWeb ? retentionCutoffFor({ now: context.now(), keptDays: WEB_ACTIVITY_DAYS, historyStartsAt: person.createdAt, what: 'web visits and link clicks', sourceLabel: LABEL }) : null;
      const requests = client.requestCount - before;
      if (more) {
        return { events, retention, requests, status: { ...status, status: 'degraded', message: `Only the oldest ${MAX_ACTIVITY_PAGES * 300} of this person's Marketo activities were read; newer ones are in Marketo` } };
      }
      return { events, retention, requests, status: { ...status, status: 'ok', message: `${events.length} activities in the timeline` } };
    } catch (error) {
      return { events: [], retention: null, requests: client.requestCount - before, status: engagementFailureStatus(MARKETO_SOURCE, LABEL, error) };
    }
  }

  return {
    async configured() {
      return readMarketoSettings(await context.readSettings()) !== null;
    },
    async read(lead, target, options = {}) {
      if (!lead.email) {
        return { events: [], retention: null, requests: 0, status: { source: engagementStatusId(MARKETO_SOURCE), label: LABEL, status: 'unavailable', message: 'This record has no email address, so Baton cannot find it in Marketo' } };
      }
      // filterValues is comma-separated: an address with a comma would look up other people.
      if (lead.email.includes(',')) {
        return { events: [], retention: null, requests: 0, status: { source: engagementStatusId(MARKETO_SOURCE), label: LABEL, status: 'unavailable', message: "This record's email address cannot be looked up in Marketo" } };
      }
      return read(lead.email, target.address, options.signal);
    },
    async test(_crm, target) {
      const client = await clientFor(target.address);
      if (!client) return { ok: false, message: 'Enter the REST endpoint, client id and client secret.' };
      try {
        const ids = await activityTypes(client);
        const missing = Object.entries(MARKETO_ACTIVITY_TYPES).filter(([type]) => ![...ids.values()].includes(type as MarketoActivityType)).map(([, name]) => name);
        return { ok: true, message: `Connected to Marketo: Baton reads ${ids.size} activity types${missing.length ? ` (this instance has no ${missing.join(', ')})` : ''}.` };
      } catch (error) {
        return { ok: false, message: engagementFailureStatus(MARKETO_SOURCE, LABEL, error).message ?? 'Marketo could not be reached.' };
      }
    },
    reset() {
      clients.clear();
      types.clear();
      people.clear();
    },
  };
}

function parseTime(value: string | null | undefined): number | null {
  if (!value) return null;
  const at = Date.parse(value);
  return Number.isFinite(at) ? at : null;
}

function startOfUtcDay(at: number): number {
  return at - (at % DAY_MS);
}
