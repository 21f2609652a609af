import { createHubSpotAdapter } from '../../../lib/crm/hubspot/hubspot-adapter';
import type { LeadRef } from '../../../lib/domain/lead';
import { jsonResponse } from '../../support/hubspot/fake-hubspot-fetch';
import type { FakeRoute, RecordedRequest } from '../../support/hubspot/fake-hubspot-fetch';
import { fakeHubSpotClient } from '../../support/hubspot/fake-hubspot-client';
import { loadFixture } from '../../support/hubspot/hubspot-fixtures';

/**
 * What the HubSpot adapter tests share: the one contact (51) they read, a fake portal answering every
 * request a lead view makes (each route replaceable), and helpers to count and find the requests sent.
 */

export const ref: LeadRef = { crm: 'hubspot', account: '4711', id: '51', objectType: 'contact' };
/** Lookups the adapter caches across views (property definitions, owners, campaigns): not per-view cost. */
export const CACHED_LOOKUPS = /^GET \/(crm\/v3\/properties\/contacts|crm\/v3\/owners\/|email\/public\/v1\/campaigns\/)/;

export type Contact = { associations?: Record<string, unknown> } & Record<string, unknown>;
export type V1Page = { results: { engagement: { id: number; type: string } }[]; hasMore: boolean; offset?: number };

export const V1_PATH = '/engagements/v1/engagements/associated/CONTACT/51/paged';
/** The documented v1 page, cut down to the engagements with these ids. */
export function v1Page(ids: readonly number[] | 'all' = 'all'): V1Page {
  const page = loadFixture<V1Page>('engagements-v1-associated.json');
  return ids === 'all' ? page : { ...page, results: page.results.filter((r) => ids.includes(r.engagement.id)) };
}
/** A contact associated with calls, emails and meetings (what the v3 fallback needs). */
export function contactWithEveryKind(): Contact {
  const contact = loadFixture<Contact>('contact.json');
  contact.associations = {
    calls: { results: [{ id: '7001', type: 'contact_to_call' }] },
    emails: { results: [{ id: '8001', type: 'contact_to_email' }, { id: '8003', type: 'contact_to_email' }] },
    meetings: { results: [{ id: '9001', type: 'contact_to_meeting' }] },
  };
  return contact;
}

/** A contact associated with one call only. */
export function contactWithOnlyCalls(): Contact {
  const contact = loadFixture<Contact>('contact.json');
  contact.associations = { calls: { results: [{ id: '7001', type: 'contact_to_call' }] } };
  return contact;
}

/** Every route a lead view calls, answering from the recorded fixtures; `overrides` replace single routes. */
export function baseRoutes(overrides: Record<string, FakeRoute> = {}, contact: Contact = contactWithOnlyCalls()): Record<string, FakeRoute> {
  return {
    'GET /crm/v3/properties/contacts': () => jsonResponse(loadFixture('properties-contacts.json')),
    'GET /crm/v3/objects/contacts/51': () => jsonResponse(contact),
    'GET /crm/v3/owners/910': () => jsonResponse(loadFixture('owner.json')),
    [`GET ${V1_PATH}`]: () => jsonResponse(v1Page([7001])),
    'GET /events/v3/events': () => jsonResponse(loadFixture('web-events.json')),
    'GET /email/public/v1/events': () => jsonResponse(loadFixture('email-events.json')),
    'GET /email/public/v1/campaigns/301': () => jsonResponse(loadFixture('email-campaign.json')),
    'GET /email/public/v1/campaigns/302': () => jsonResponse({ status: 'error', message: 'not found' }, { status: 404 }),
    'POST /crm/v3/objects/calls/batch/read': () => jsonResponse(loadFixture('engagements-batch.json')),
    'POST /crm/v3/objects/emails/batch/read': (r) =>
      jsonResponse({
        status: 'COMPLETE',
        results: (r.body as { inputs: { id: string }[] }).inputs.map(({ id }) => ({
          id,
          properties: { hs_timestamp: '2026-11-20T15:00:00.000Z', hubspot_owner_id: '910', hs_email_direction: 'EMAIL', hs_email_subject: `Email ${id}` },
          createdAt: '2026-11-20T15:00:00.000Z',
          updatedAt: '2026-11-20T15:00:00.000Z',
        })),
      }),
    ...overrides,
  };
}

/** The adapter on the fake portal, at a fixed clock, with what it logged. */
export function setupAdapter(routes: Record<string, FakeRoute>, options: Partial<Parameters<typeof createHubSpotAdapter>[0]> = {}) {
  const { fake, client } = fakeHubSpotClient(routes);
  const logged: { message: string; detail: unknown }[] = [];
  const adapter = createHubSpotAdapter({
    client,
    crm: 'hubspot',
    now: () => Date.parse('2026-11-22T15:00:00.000Z'),
    log: (message, detail) => logged.push({ message, detail }),
    ...options,
  });
  return { fake, client, adapter, logged };
}

/** The requests a view paid for, leaving out the cached lookups. */
export const perView = (requests: readonly RecordedRequest[]) => requests.map((r) => `${r.method} ${r.url.pathname}`).filter((p) => !CACHED_LOOKUPS.test(p));
/** The one request sent to "METHOD /path"; fails the test if there is none. */
export const findRequest = (requests: readonly RecordedRequest[], path: string) => {
  const r = requests.find((x) => `${x.method} ${x.url.pathname}` === path);
  if (!r) throw new Error(`no request ${path}`);
  return r;
};
