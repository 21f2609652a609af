import type { CrmAdapter, LeadContext, SourceStatus } from '../crm-port';
import { CrmError } from '../crm-error';
import type { EngagementEvent } from '../../domain/engagement/engagement-event';
import type { LeadRef, Owner, Touch } from '../../domain/lead';
import type { HubSpotClient } from './hubspot-client';
import {
  CONTACT_PROPERTIES,
  fromHubSpotContact,
  fromHubSpotEmailEvent,
  fromHubSpotEngagement,
  fromHubSpotEngagementV1,
  fromHubSpotOwner,
  fromHubSpotWebEvent,
  HUBSPOT_EMAIL_SOURCE,
  HUBSPOT_WEB_SOURCE,
  isKnownHubSpotV1EngagementType,
  isRedactedHubSpotV1Email,
} from './hubspot-mappers';
import type { HubSpotEngagementKind } from './hubspot-mappers';
import { toHubSpotBatchRead } from './hubspot-requests';
import {
  CALL_PROPERTIES,
  EMAIL_PROPERTIES,
  hubSpotBatchReadResponseSchema,
  hubSpotContactSchema,
  hubSpotEmailCampaignSchema,
  hubSpotEmailEventsPageSchema,
  hubSpotOwnerSchema,
  hubSpotPropertyDefinitionsSchema,
  hubSpotV1EngagementsPageSchema,
  hubSpotWebEventsPageSchema,
  MEETING_PROPERTIES,
} from './hubspot-schemas';
import type { HubSpotContact, HubSpotEmailCampaign, HubSpotEmailEvent, HubSpotObject, HubSpotV1Engagement, HubSpotWebEvent } from './hubspot-schemas';

/**
 * The HubSpot adapter's read path (also used against the sandbox CRM, which speaks HubSpot).
 *
 * Requests per lead view (DESIGN.md budget: <= 4, in parallel, + 1 per extra page of history):
 *   t0  ─┬─ GET /crm/v3/objects/contacts/{id}?properties&propertiesWithHistory&associations        (1)
 *        ├─ GET /engagements/v1/engagements/associated/CONTACT/{id}/paged?limit=100&offset=        (2, +1 per extra page)
 *        ├─ GET /events/v3/events?objectType=contact&objectId={id}&limit=100                         (3, +1 per extra page)
 *        └─ GET /email/public/v1/events?recipient={email}   on a revisit, with the remembered email  (4, +1 per extra page)
 *   t1  ─── GET /email/public/v1/events?recipient={email}   first view, or the email changed         (4)
 * (2) lists every engagement type associated with the contact in one call (calls, emails,
 * meetings, Baton's social attempts logged as notes), so a lead costs 4 whatever touches it has,
 * and it needs only the contact id, so it runs alongside the contact instead of after it.
 * The email events need the contact's email, which the URL does not carry: on the first view of
 * a contact they wait for the contact (in parallel with the remaining pages of (2) and (3)); on
 * later views they start at t0 with the email remembered from the previous read, and are re-read
 * after the contact only if its email has changed since (that view costs one more).
 * A revisit within the cache window costs nothing: lib/crm/crm-service.ts answers it from its
 * cache without calling this adapter.
 *
 * Fallback, when HubSpot has retired the v1 endpoint (404/410): the touches are read the older,
 * slower way, `POST /crm/v3/objects/{calls|emails|meetings}/batch/read` with the ids from the
 * contact's associations, one request per kind of touch after the contact (v3 has no cross-type
 * batch read). That view costs the 404 plus up to 3 more: up to 7 for a lead with calls, emails
 * and meetings, over the budget; the retirement is remembered for an hour, so later views cost
 * up to 6. Social attempts (notes) are not read on that path. The panel says touches were read
 * the slower way (SourceStatus 'degraded').
 * Cached lookups that do not count per view: property definitions (form-field labels, 1 h),
 * owners (1 h), email campaign names (24 h).
 */

export interface CreateHubSpotAdapterOptions {
  client: HubSpotClient;
  crm: 'hubspot' | 'sandbox';
  now?: () => number;
  /** Cap on web-analytics pages followed per view (100 events each). */
  maxEventPages?: number;
  /** Cap on legacy email-event pages followed per view. */
  maxEmailEventPages?: number;
  /** Cap on engagement (v1) pages followed per view (100 engagements each). */
  maxEngagementPages?: number;
  /** Where skipped-but-harmless oddities are reported (engagement types Baton does not know). */
  log?: (message: string, detail?: unknown) => void;
}

const PROPERTY_DEFINITIONS_TTL_MS = 60 * 60 * 1000;
const OWNER_TTL_MS = 60 * 60 * 1000;
const CAMPAIGN_TTL_MS = 24 * 60 * 60 * 1000;
const WEB_EVENTS_PAGE_SIZE = 100;
const EMAIL_EVENTS_PAGE_SIZE = 1000;
const DEFAULT_MAX_EVENT_PAGES = 50;
const DEFAULT_MAX_EMAIL_EVENT_PAGES = 10;
const ENGAGEMENTS_PAGE_SIZE = 100;
const DEFAULT_MAX_ENGAGEMENT_PAGES = 20;
/** A retired endpoint stays retired: after a 404/410, go straight to the fallback for this long. */
const ENGAGEMENTS_V1_RETIRED_TTL_MS = 60 * 60 * 1000;
const TOUCHES_SOURCE = 'crm-activities';
const TOUCHES_LABEL = 'Calls, emails and meetings';
/** Without it HubSpot redacts email engagements (subject, body) instead of refusing them. */
const SALES_EMAIL_READ_SCOPE = 'sales-email-read';
/**
 * Form fields whose history we ask for. Each name lengthens the contact URL; portals with
 * hundreds of form fields would overflow it, so the cap keeps the request well under 8 kB.
 */
const MAX_HISTORY_FORM_FIELDS = 150;
const ENGAGEMENT_KINDS: readonly HubSpotEngagementKind[] = ['calls', 'emails', 'meetings'];
const ENGAGEMENT_PROPERTIES: Record<HubSpotEngagementKind, readonly string[]> = {
  calls: CALL_PROPERTIES,
  emails: EMAIL_PROPERTIES,
  meetings: MEETING_PROPERTIES,
};
const NUMERIC_ID = /^\d{1,20}$/;
const MAX_REMEMBERED_EMAILS = 500;
/** Batch read accepts up to 100 ids. */
const BATCH_READ_LIMIT = 100;

/** Properties Baton already maps onto the Lead; their form history would only repeat them. */
const READ_DIRECTLY = new Set<string>(CONTACT_PROPERTIES);

export interface HubSpotAdapter extends CrmAdapter {
  readonly crm: 'hubspot' | 'sandbox';
}

interface Cached<T> {
  value: Promise<T>;
  expiresAt: number;
}

export function createHubSpotAdapter(options: CreateHubSpotAdapterOptions): HubSpotAdapter {
  const { client, crm } = options;
  const now = options.now ?? Date.now;
  const maxEventPages = options.maxEventPages ?? DEFAULT_MAX_EVENT_PAGES;
  const maxEmailEventPages = options.maxEmailEventPages ?? DEFAULT_MAX_EMAIL_EVENT_PAGES;
  const maxEngagementPages = options.maxEngagementPages ?? DEFAULT_MAX_ENGAGEMENT_PAGES;
  const log = options.log ?? ((message: string, detail?: unknown) => console.info(`Baton: ${message}`, detail ?? ''));
  /** Until when the v1 engagements endpoint is known to be gone (0: not known). */
  let engagementsV1RetiredUntil = 0;

  let formFieldCache: Cached<Record<string, string>> | null = null;
  /** Contact id → email from the last read, so a revisit can start the email events at once. */
  const knownEmails = new Map<string, string>();
  const ownerCache = new Map<string, Cached<Owner | null>>();
  const campaignCache = new Map<number, Cached<HubSpotEmailCampaign | null>>();

  /**
   * Shared lookups are not tied to one view's AbortSignal: a second panel waiting on the same
   * promise must not be cancelled because the first one navigated away. Failures are not cached.
   */
  function cached<K, T>(cache: Map<K, Cached<T>>, key: K, ttlMs: number, load: () => Promise<T>): Promise<T> {
    const hit = cache.get(key);
    if (hit && hit.expiresAt > now()) return hit.value;
    const value = load();
    cache.set(key, { value, expiresAt: now() + ttlMs });
    value.catch(() => {
      if (cache.get(key)?.value === value) cache.delete(key);
    });
    return value;
  }

  function getFormFieldLabels(): Promise<Record<string, string>> {
    if (formFieldCache && formFieldCache.expiresAt > now()) return formFieldCache.value;
    const value = client
      .request('GET', '/crm/v3/properties/contacts', { schema: hubSpotPropertyDefinitionsSchema })
      .then((page) => {
        const labels: Record<string, string> = {};
        for (const property of page.results) {
          if (property.formField === true && !READ_DIRECTLY.has(property.name)) labels[property.name] = property.label;
        }
        return labels;
      });
    const entry = { value, expiresAt: now() + PROPERTY_DEFINITIONS_TTL_MS };
    formFieldCache = entry;
    value.catch(() => {
      if (formFieldCache === entry) formFieldCache = null;
    });
    return value;
  }

  function getOwner(ownerId: string): Promise<Owner | null> {
    return cached(ownerCache, ownerId, OWNER_TTL_MS, () =>
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
    return cached(campaignCache, campaignId, CAMPAIGN_TTL_MS, () =>
      client
        .request('GET', `/email/public/v1/campaigns/${campaignId}`, { schema: hubSpotEmailCampaignSchema })
        // A deleted or hidden campaign stays that way: remember "no name" instead of asking each view.
        .catch((error: unknown) => {
          if (isDegradable(error)) return null;
          throw error;
        }),
    );
  }

  async function readContact(ref: LeadRef, formFields: readonly string[], signal: AbortSignal | undefined): Promise<HubSpotContact> {
    return client.request('GET', `/crm/v3/objects/contacts/${encodeURIComponent(ref.id)}`, {
      query: {
        properties: CONTACT_PROPERTIES,
        propertiesWithHistory: ['hubspot_owner_id', 'lifecyclestage', ...formFields.slice(0, MAX_HISTORY_FORM_FIELDS)],
        associations: ENGAGEMENT_KINDS,
        archived: false,
      },
      schema: hubSpotContactSchema,
      signal,
    });
  }

  async function readWebEvents(contactId: string, signal: AbortSignal | undefined): Promise<{ events: HubSpotWebEvent[]; truncated: boolean }> {
    const events: HubSpotWebEvent[] = [];
    let after: string | undefined;
    for (let page = 0; page < maxEventPages; page++) {
      const result = await client.request('GET', '/events/v3/events', {
        query: { objectType: 'contact', objectId: contactId, limit: WEB_EVENTS_PAGE_SIZE, sort: '-occurredAt', after },
        schema: hubSpotWebEventsPageSchema,
        signal,
      });
      events.push(...result.results);
      after = result.paging?.next?.after;
      // An empty page with a cursor would loop for nothing: stop.
      if (!after || result.results.length === 0) return { events, truncated: false };
    }
    return { events, truncated: true };
  }

  async function readEmailEvents(email: string, signal: AbortSignal | undefined): Promise<{ events: HubSpotEmailEvent[]; truncated: boolean }> {
    const events: HubSpotEmailEvent[] = [];
    let offset: string | undefined;
    for (let page = 0; page < maxEmailEventPages; page++) {
      const result = await client.request('GET', '/email/public/v1/events', {
        query: { recipient: email, limit: EMAIL_EVENTS_PAGE_SIZE, offset },
        schema: hubSpotEmailEventsPageSchema,
        signal,
      });
      events.push(...result.events);
      offset = result.offset;
      if (!result.hasMore || !offset || result.events.length === 0) return { events, truncated: false };
    }
    return { events, truncated: true };
  }

  async function readEngagementsV1(contactId: string, signal: AbortSignal | undefined): Promise<{ engagements: HubSpotV1Engagement[]; truncated: boolean }> {
    const byId = new Map<string, HubSpotV1Engagement>();
    let offset: number | string | undefined;
    for (let page = 0; page < maxEngagementPages; page++) {
      const result = await client.request('GET', `/engagements/v1/engagements/associated/CONTACT/${encodeURIComponent(contactId)}/paged`, {
        query: { limit: ENGAGEMENTS_PAGE_SIZE, offset },
        schema: hubSpotV1EngagementsPageSchema,
        signal,
      });
      // Keyed by id: an engagement logged while paging can shift one onto the next page twice.
      for (const item of result.results) byId.set(item.engagement.id, item);
      offset = result.offset;
      if (!result.hasMore || offset === undefined || result.results.length === 0) return { engagements: [...byId.values()], truncated: false };
    }
    return { engagements: [...byId.values()], truncated: true };
  }

  /** v1 engagements → touches and the source status the panel shows for them. */
  function mapEngagementsV1(read: { engagements: HubSpotV1Engagement[]; truncated: boolean }): { touches: Touch[]; status: SourceStatus } {
    const touches: Touch[] = [];
    const unknownTypes = new Set<string>();
    let redacted = 0;
    for (const item of read.engagements) {
      if (!isKnownHubSpotV1EngagementType(item.engagement.type)) {
        unknownTypes.add(item.engagement.type);
        continue;
      }
      if (isRedactedHubSpotV1Email(item)) redacted++;
      const touch = fromHubSpotEngagementV1(item);
      if (touch) touches.push(touch);
    }
    // HubSpot adds engagement types over time: a new one is not an error, only not shown.
    if (unknownTypes.size > 0) log('HubSpot engagement types Baton does not read were skipped', [...unknownTypes]);
    const notes = [read.truncated ? `only the latest ${maxEngagementPages * ENGAGEMENTS_PAGE_SIZE} engagements were read` : null].filter((s): s is string => s !== null);
    const base: SourceStatus = { source: TOUCHES_SOURCE, label: TOUCHES_LABEL, status: 'ok' };
    const status: SourceStatus =
      redacted > 0
        ? {
            ...base,
            status: 'degraded',
            message: [`Email subjects are hidden (${redacted} email${redacted === 1 ? '' : 's'}): the connection is missing the scope ${SALES_EMAIL_READ_SCOPE}`, ...notes].join('; '),
          }
        : withMessage(base, notes);
    return { touches: touches.sort(byNewest), status };
  }

  /**
   * The view's touches: from the v1 read started at t0, or, when HubSpot has retired that
   * endpoint, from the per-kind v3 batch reads of the contact's associated ids.
   */
  async function resolveTouches(
    contact: HubSpotContact,
    v1: Promise<Settled<{ engagements: HubSpotV1Engagement[]; truncated: boolean }>> | null,
    signal: AbortSignal | undefined,
  ): Promise<{ touches: Touch[]; status: SourceStatus }> {
    if (v1 !== null) {
      const result = await v1;
      if (result.ok) return mapEngagementsV1(result.value);
      if (!isRetired(result.error)) {
        return { touches: [], status: toSourceStatus(result.error, TOUCHES_SOURCE, TOUCHES_LABEL, 'Calls, emails and meetings are not readable with this connection') };
      }
      engagementsV1RetiredUntil = now() + ENGAGEMENTS_V1_RETIRED_TTL_MS;
    }
    const fallback = await settle(readTouches(contact, signal));
    if (!fallback.ok) {
      return { touches: [], status: toSourceStatus(fallback.error, TOUCHES_SOURCE, TOUCHES_LABEL, 'Calls, emails and meetings are not readable with this connection') };
    }
    return {
      touches: fallback.value,
      status: {
        source: TOUCHES_SOURCE,
        label: TOUCHES_LABEL,
        status: 'degraded',
        message: "Read the slower way (HubSpot's engagements endpoint is not available): one request per kind of touch, and social attempts are not shown",
      },
    };
  }

  async function readTouches(contact: HubSpotContact, signal: AbortSignal | undefined): Promise<Touch[]> {
    const reads = ENGAGEMENT_KINDS.flatMap((kind) => {
      const ids = [...new Set((contact.associations?.[kind]?.results ?? []).map((a) => a.id))];
      // Only when there are any: a fresh lead costs no request here.
      return chunk(ids, BATCH_READ_LIMIT).map(async (batch) => {
        const response = await client.request('POST', `/crm/v3/objects/${kind}/batch/read`, {
          body: toHubSpotBatchRead(batch, ENGAGEMENT_PROPERTIES[kind]),
          schema: hubSpotBatchReadResponseSchema,
          signal,
        });
        return response.results.map((object: HubSpotObject) => fromHubSpotEngagement(kind, object));
      });
    });
    const touches = (await Promise.all(reads)).flat();
    return touches.sort(byNewest);
  }

  async function mapEmailEvents(raw: readonly HubSpotEmailEvent[]): Promise<EngagementEvent[]> {
    const campaignIds = [...new Set(raw.map((e) => e.emailCampaignId).filter((id): id is number => id !== undefined))];
    // A missing campaign name only costs the label: fall back to the id.
    const campaigns = new Map(
      await Promise.all(campaignIds.map(async (id) => [id, await getEmailCampaign(id).catch(() => null)] as const)),
    );
    const events: EngagementEvent[] = [];
    for (const event of raw) {
      const campaign = event.emailCampaignId === undefined ? null : (campaigns.get(event.emailCampaignId) ?? null);
      const mapped = fromHubSpotEmailEvent(event, campaign?.name ?? null, campaign?.subject ?? null);
      if (mapped) events.push(mapped);
    }
    return events;
  }

  async function readMappedEmailEvents(email: string, signal: AbortSignal | undefined) {
    const result = await readEmailEvents(email, signal);
    return { ...result, mapped: await mapEmailEvents(result.events) };
  }

  function rememberEmail(contactId: string, email: string | null): void {
    knownEmails.delete(contactId);
    if (email === null) return;
    knownEmails.set(contactId, email);
    // Oldest first in a Map: keep the memory bounded in a long-lived service worker.
    if (knownEmails.size > MAX_REMEMBERED_EMAILS) {
      const oldest = knownEmails.keys().next();
      if (!oldest.done) knownEmails.delete(oldest.value);
    }
  }

  async function getLeadContext(ref: LeadRef, { signal }: { signal?: AbortSignal } = {}): Promise<LeadContext> {
    if (ref.objectType === 'lead') {
      throw new CrmError('rejected', 'Baton reads HubSpot contacts: open the contact record of this lead');
    }
    // Ids go into URL paths: "..", "%2F" or "?" would reach another endpoint on the same host.
    // HubSpot record ids are numeric; anything else cannot be a contact.
    if (!NUMERIC_ID.test(ref.id)) {
      throw new CrmError('rejected', `"${ref.id}" is not a HubSpot contact id`);
    }
    const fetchedAt = now();
    const sources: SourceStatus[] = [];

    // Sources of a view that has already failed (contact unreadable) stop paging at once.
    const view = new AbortController();
    const viewSignal = signal ? AbortSignal.any([signal, view.signal]) : view.signal;

    // (2) Engagements and (3) web events only need the contact id: start them at once, in
    // parallel with the contact. (2) is skipped while v1 is known to be retired.
    const engagementsPromise = engagementsV1RetiredUntil > now() ? null : settle(readEngagementsV1(ref.id, viewSignal));
    const webEventsPromise = settle(readWebEvents(ref.id, viewSignal));
    // (4) Email events, early when a previous view told us the email.
    const rememberedEmail = knownEmails.get(ref.id) ?? null;
    const earlyEmailEvents = rememberedEmail === null ? null : settle(readMappedEmailEvents(rememberedEmail, viewSignal));

    // Form-field labels are a cached lookup; if the portal refuses them (scope, outage) the lead
    // still shows, only without form answers. A revoked token fails the contact read just below.
    let formFieldLabels: Record<string, string> = {};
    let formAnswersStatus: SourceStatus | null = null;
    try {
      formFieldLabels = await getFormFieldLabels();
    } catch (error) {
      formAnswersStatus = toSourceStatus(error, 'hubspot-form-answers', 'Form answers', 'Form answers need read access to contact property definitions');
    }

    // (1) The contact: its failure fails the view with its own CrmError. Its associations are
    // only used when (2) turns out to be retired; asking for them costs no extra request.
    let contact: HubSpotContact;
    try {
      contact = await readContact(ref, Object.keys(formFieldLabels), signal);
    } catch (error) {
      view.abort(error);
      throw error;
    }

    const ownerId = contact.properties['hubspot_owner_id'];
    const rawEmail = contact.properties['email'];
    const email = rawEmail && rawEmail.trim() !== '' ? rawEmail : null;
    rememberEmail(ref.id, email);
    const emailEvents =
      email === null ? null : earlyEmailEvents !== null && rememberedEmail === email ? earlyEmailEvents : settle(readMappedEmailEvents(email, viewSignal));
    const [owner, touchesResult, emailResult, webResult] = await Promise.all([
      ownerId && NUMERIC_ID.test(ownerId) ? getOwner(ownerId).catch(() => null) : Promise.resolve(null),
      resolveTouches(contact, engagementsPromise, viewSignal),
      emailEvents ?? Promise.resolve(null),
      webEventsPromise,
    ]);

    if (signal?.aborted) throw new CrmError('network', 'The request to HubSpot was cancelled', { cause: signal.reason });

    const lead = fromHubSpotContact(contact, { ref, owner, formFieldLabels });
    const events: EngagementEvent[] = [];

    if (webResult.ok) {
      let unknown = 0;
      for (const raw of webResult.value.events) {
        const mapped = fromHubSpotWebEvent(raw, ref.account);
        if (mapped) events.push(mapped);
        else unknown++;
      }
      const notes = [
        unknown > 0 ? `${unknown} event${unknown === 1 ? '' : 's'} of types Baton does not show were skipped` : null,
        webResult.value.truncated ? `only the latest ${maxEventPages * WEB_EVENTS_PAGE_SIZE} events were read` : null,
      ].filter((s): s is string => s !== null);
      sources.push(withMessage({ source: HUBSPOT_WEB_SOURCE, label: 'Website activity', status: 'ok' }, notes));
    } else {
      sources.push(toSourceStatus(webResult.error, HUBSPOT_WEB_SOURCE, 'Website activity', 'Web analytics events need Marketing Hub Enterprise'));
    }

    if (emailResult === null) {
      sources.push({ source: HUBSPOT_EMAIL_SOURCE, label: 'Marketing emails', status: 'unavailable', message: 'The contact has no email address' });
    } else if (emailResult.ok) {
      events.push(...emailResult.value.mapped);
      const notes = emailResult.value.truncated ? [`only the latest ${maxEmailEventPages * EMAIL_EVENTS_PAGE_SIZE} email events were read`] : [];
      sources.push(withMessage({ source: HUBSPOT_EMAIL_SOURCE, label: 'Marketing emails', status: 'ok' }, notes));
    } else {
      sources.push(toSourceStatus(emailResult.error, HUBSPOT_EMAIL_SOURCE, 'Marketing emails', 'Marketing email events are not available for this HubSpot account'));
    }

    const touches = touchesResult.touches;
    sources.push(touchesResult.status);
    if (formAnswersStatus) sources.push(formAnswersStatus);

    // Newest first; ties broken by id so the order is stable across reloads.
    events.sort((a, b) => b.occurredAt - a.occurredAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

    return { lead, events, touches, sources, fetchedAt };
  }

  return { crm, getLeadContext };
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  return promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}

/**
 * Failures that mean "this portal/connection does not offer this source": the view goes on
 * without it. Anything else (auth, rate limit, server, malformed data) is reported as an error
 * status, but still does not take the lead down with it.
 */
function isDegradable(error: unknown): boolean {
  return error instanceof CrmError && (error.kind === 'forbidden' || error.kind === 'not_found');
}

/** HubSpot answers 404 or 410 for an endpoint it has retired (the contact itself was just read). */
function isRetired(error: unknown): boolean {
  return error instanceof CrmError && (error.status === 404 || error.status === 410);
}

function byNewest(a: Touch, b: Touch): number {
  return b.occurredAt - a.occurredAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function toSourceStatus(error: unknown, source: string, label: string, unavailableMessage: string): SourceStatus {
  if (isDegradable(error)) {
    const scopeHint = error instanceof CrmError && error.kind === 'forbidden' && /scope/i.test(error.message) ? ` (${error.message})` : '';
    return { source, label, status: 'unavailable', message: unavailableMessage + scopeHint };
  }
  return { source, label, status: 'error', message: describe(error) };
}

function describe(error: unknown): string {
  if (error instanceof CrmError) return error.message;
  return error instanceof Error ? error.message : String(error);
}

function withMessage(status: SourceStatus, notes: readonly string[]): SourceStatus {
  if (notes.length === 0) return status;
  const text = notes.join('; ');
  return { ...status, message: text.charAt(0).toUpperCase() + text.slice(1) };
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
