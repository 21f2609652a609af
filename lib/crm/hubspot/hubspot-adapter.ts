import type { CrmAdapter, LeadContext, SourceStatus } from '../crm-port';
import { CrmError } from '../crm-error';
import type { EngagementEvent } from '../../domain/engagement/engagement-event';
import type { LeadRef } from '../../domain/lead';
import type { HubSpotClient } from './hubspot-client';
import { fromHubSpotContact } from './hubspot-contact-mappers';
import { fromHubSpotWebEvent, HUBSPOT_EMAIL_SOURCE, HUBSPOT_WEB_SOURCE } from './hubspot-event-mappers';
import type { HubSpotContact } from './hubspot-schemas';
import { createHubSpotLookups } from './hubspot-lookups';
import { createRememberedEmails } from './hubspot-remembered-emails';
import { toSourceStatus, withMessage } from './hubspot-source-status';
import { readHubSpotContact } from './read-hubspot-contact';
import { EMAIL_EVENTS_PAGE_SIZE, readHubSpotEmailEvents } from './read-hubspot-email-events';
import { createHubSpotEngagementsReader } from './read-hubspot-engagements';
import { readHubSpotWebEvents, WEB_EVENTS_PAGE_SIZE } from './read-hubspot-web-events';
import { settle } from './settle';
import { hubSpotFreshnessStamp, readHubSpotFreshness } from './hubspot-freshness';
import { fromHubSpotRecordedDisposition } from './hubspot-recorded-disposition';

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
 * A live panel's minute costs one request while the contact has not changed: readFreshness, a GET
 * of only the properties that move when it does (hubspot-freshness.ts); the view above follows
 * only when they moved.
 * Cached lookups that do not count per view: property definitions (form-field labels, 1 h),
 * owners (1 h), email campaign names (24 h).
 *
 * The reads live beside this file: read-hubspot-contact.ts (1), read-hubspot-engagements.ts (2 and
 * the fallback), read-hubspot-web-events.ts (3), read-hubspot-email-events.ts (4), and the cached
 * lookups in hubspot-lookups.ts. This file starts them, turns their outcomes into SourceStatus
 * entries and merges them into the LeadContext.
 */

export interface CreateHubSpotAdapterOptions {
  client: HubSpotClient;
  crm: LeadRef['crm'];
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

const DEFAULT_MAX_EVENT_PAGES = 50;
const DEFAULT_MAX_EMAIL_EVENT_PAGES = 10;
const DEFAULT_MAX_ENGAGEMENT_PAGES = 20;
const NUMERIC_ID = /^\d{1,20}$/;

export interface HubSpotAdapter extends CrmAdapter {
  readonly crm: LeadRef['crm'];
  readFreshness(ref: LeadRef, options?: { signal?: AbortSignal }): Promise<string>;
}

export function createHubSpotAdapter(options: CreateHubSpotAdapterOptions): HubSpotAdapter {
  const { client, crm } = options;
  const now = options.now ?? Date.now;
  const maxEventPages = options.maxEventPages ?? DEFAULT_MAX_EVENT_PAGES;
  const maxEmailEventPages = options.maxEmailEventPages ?? DEFAULT_MAX_EMAIL_EVENT_PAGES;
  const maxEngagementPages = options.maxEngagementPages ?? DEFAULT_MAX_ENGAGEMENT_PAGES;
  const log = options.log ?? ((message: string, detail?: unknown) => console.info(`Baton: ${message}`, detail ?? ''));

  const lookups = createHubSpotLookups({ client, now });
  const engagements = createHubSpotEngagementsReader({ client, now, maxPages: maxEngagementPages, log });
  const knownEmails = createRememberedEmails();

  function readEmailEvents(email: string, signal: AbortSignal | undefined) {
    return readHubSpotEmailEvents(client, email, { maxPages: maxEmailEventPages, getEmailCampaign: lookups.getEmailCampaign, signal });
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
    const engagementsPromise = engagements.startV1(ref.id, viewSignal);
    const webEventsPromise = settle(readHubSpotWebEvents(client, ref.id, { maxPages: maxEventPages, signal: viewSignal }));
    // (4) Email events, early when a previous view told us the email.
    const rememberedEmail = knownEmails.get(ref.id);
    const earlyEmailEvents = rememberedEmail === null ? null : settle(readEmailEvents(rememberedEmail, viewSignal));

    // Form-field labels are a cached lookup; if the portal refuses them (scope, outage) the lead
    // still shows, only without form answers. A revoked token fails the contact read just below.
    let formFieldLabels: Record<string, string> = {};
    let formAnswersStatus: SourceStatus | null = null;
    try {
      formFieldLabels = await lookups.getFormFieldLabels();
    } catch (error) {
      formAnswersStatus = toSourceStatus(error, 'hubspot-form-answers', 'Form answers', 'Form answers need read access to contact property definitions');
    }

    // (1) The contact: its failure fails the view with its own CrmError. Its associations are
    // only used when (2) turns out to be retired; asking for them costs no extra request.
    let contact: HubSpotContact;
    try {
      contact = await readHubSpotContact(client, ref.id, Object.keys(formFieldLabels), signal);
    } catch (error) {
      view.abort(error);
      throw error;
    }

    const ownerId = contact.properties['hubspot_owner_id'];
    const rawEmail = contact.properties['email'];
    const email = rawEmail && rawEmail.trim() !== '' ? rawEmail : null;
    knownEmails.remember(ref.id, email);
    const emailEvents =
      email === null ? null : earlyEmailEvents !== null && rememberedEmail === email ? earlyEmailEvents : settle(readEmailEvents(email, viewSignal));
    const [owner, touchesResult, emailResult, webResult] = await Promise.all([
      ownerId && NUMERIC_ID.test(ownerId) ? lookups.getOwner(ownerId).catch(() => null) : Promise.resolve(null),
      engagements.resolveTouches(contact, engagementsPromise, viewSignal),
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

    return {
      lead,
      events,
      touches,
      sources,
      fetchedAt,
      recordedDisposition: fromHubSpotRecordedDisposition(contact.properties),
      freshness: hubSpotFreshnessStamp(contact.properties),
    };
  }

  /** The live panel's minute: one GET of the contact's freshness properties (hubspot-freshness.ts). */
  async function readFreshness(ref: LeadRef, { signal }: { signal?: AbortSignal } = {}): Promise<string> {
    if (ref.objectType === 'lead' || !NUMERIC_ID.test(ref.id)) throw new CrmError('rejected', `"${ref.id}" is not a HubSpot contact id`);
    return readHubSpotFreshness(client, ref.id, signal);
  }

  return { crm, getLeadContext, readFreshness };
}
