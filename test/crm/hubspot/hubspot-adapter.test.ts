import { describe, expect, it } from 'vitest';
import { CrmError } from '../../../lib/crm/crm-error';
import { createHubSpotAdapter } from '../../../lib/crm/hubspot/hubspot-adapter';
import type { LeadRef } from '../../../lib/domain/lead';
import { jsonResponse } from '../../support/hubspot/fake-hubspot-fetch';
import type { FakeRoute, RecordedRequest } from '../../support/hubspot/fake-hubspot-fetch';
import { fakeHubSpotClient } from '../../support/hubspot/fake-hubspot-client';
import { loadFixture } from '../../support/hubspot/hubspot-fixtures';

const ref: LeadRef = { crm: 'hubspot', account: '4711', id: '51', objectType: 'contact' };
const CACHED_LOOKUPS = /^GET \/(crm\/v3\/properties\/contacts|crm\/v3\/owners\/|email\/public\/v1\/campaigns\/)/;

type Contact = { associations?: Record<string, unknown> } & Record<string, unknown>;
type V1Page = { results: { engagement: { id: number; type: string } }[]; hasMore: boolean; offset?: number };

const V1_PATH = '/engagements/v1/engagements/associated/CONTACT/51/paged';
/** The documented v1 page, cut down to the engagements with these ids. */
function v1Page(ids: readonly number[] | 'all' = 'all'): V1Page {
  const page = loadFixture<V1Page>('engagements-v1-associated.json');
  return ids === 'all' ? page : { ...page, results: page.results.filter((r) => ids.includes(r.engagement.id)) };
}
/** A contact associated with calls, emails and meetings (what the v3 fallback needs). */
function contactWithEveryKind(): Contact {
  const contact = loadFixture<Contact>('contact.json');
  contact.associations = {
    calls: { results: [{ id: '7001', type: 'contact_to_call' }] },
    emails: { results: [{ id: '8001', type: 'contact_to_email' }, { id: '8003', type: 'contact_to_email' }] },
    meetings: { results: [{ id: '9001', type: 'contact_to_meeting' }] },
  };
  return contact;
}

function contactWithOnlyCalls(): Contact {
  const contact = loadFixture<Contact>('contact.json');
  contact.associations = { calls: { results: [{ id: '7001', type: 'contact_to_call' }] } };
  return contact;
}

function baseRoutes(overrides: Record<string, FakeRoute> = {}, contact: Contact = contactWithOnlyCalls()): Record<string, FakeRoute> {
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

function setup(routes: Record<string, FakeRoute>, options: Partial<Parameters<typeof createHubSpotAdapter>[0]> = {}) {
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

const perView = (requests: readonly RecordedRequest[]) => requests.map((r) => `${r.method} ${r.url.pathname}`).filter((p) => !CACHED_LOOKUPS.test(p));
const find = (requests: readonly RecordedRequest[], path: string) => {
  const r = requests.find((x) => `${x.method} ${x.url.pathname}` === path);
  if (!r) throw new Error(`no request ${path}`);
  return r;
};

describe('createHubSpotAdapter.getLeadContext', () => {
  it('reads the lead, events and touches in at most 4 per-view requests', async () => {
    const { fake, adapter } = setup(baseRoutes());
    const context = await adapter.getLeadContext(ref);
    expect(perView(fake.requests).sort()).toEqual(['GET /crm/v3/objects/contacts/51', 'GET /email/public/v1/events', 'GET /events/v3/events', `GET ${V1_PATH}`].sort());
    expect(context.fetchedAt).toBe(Date.parse('2026-11-22T15:00:00.000Z'));
    expect(context.lead.owner).toEqual({ id: '910', name: 'Sam Rep', email: 'sam.rep@example.com' });
    expect(context.lead.formAnswers[0]?.question).toBe("What's your biggest challenge?");
    expect(context.touches).toEqual([expect.objectContaining({ id: 'hubspot-call:7001', connected: true })]);
  });

  it('does not repeat cached lookups on the next view', async () => {
    const { fake, adapter } = setup(baseRoutes());
    await adapter.getLeadContext(ref);
    const first = fake.requests.length;
    await adapter.getLeadContext(ref);
    const second = fake.requests.slice(first).map((r) => `${r.method} ${r.url.pathname}`);
    expect(second).toHaveLength(4);
    expect(second.some((p) => CACHED_LOOKUPS.test(p))).toBe(false);
  });

  it('asks for the properties Baton reads, their history, and the associations', async () => {
    const { fake, adapter } = setup(baseRoutes());
    await adapter.getLeadContext(ref);
    const query = find(fake.requests, 'GET /crm/v3/objects/contacts/51').url.searchParams;
    expect(query.get('properties')?.split(',')).toEqual(expect.arrayContaining(['firstname', 'hs_lead_status', 'hubspot_owner_assigneddate', 'recent_conversion_event_name']));
    // Form fields from the property definitions, minus the ones already read as plain properties.
    expect(query.get('propertiesWithHistory')?.split(',')).toEqual(['hubspot_owner_id', 'lifecyclestage', 'biggest_challenge', 'fleet_size']);
    expect(query.get('associations')).toBe('calls,emails,meetings');
    const events = find(fake.requests, 'GET /events/v3/events').url.searchParams;
    expect(Object.fromEntries(events)).toMatchObject({ objectType: 'contact', objectId: '51', limit: '100' });
    expect(find(fake.requests, 'GET /email/public/v1/events').url.searchParams.get('recipient')).toBe('ada@example.com');
    expect(Object.fromEntries(find(fake.requests, `GET ${V1_PATH}`).url.searchParams)).toEqual({ limit: '100' });
  });

  it('runs the contact, the engagements and the web events in parallel, then the email events', async () => {
    const { fake, adapter } = setup(baseRoutes());
    await adapter.getLeadContext(ref);
    const contact = find(fake.requests, 'GET /crm/v3/objects/contacts/51');
    const events = find(fake.requests, 'GET /events/v3/events');
    const engagements = find(fake.requests, `GET ${V1_PATH}`);
    const emails = find(fake.requests, 'GET /email/public/v1/events');
    expect(events.startedAt).toBeLessThan(contact.endedAt ?? Infinity);
    // The engagements need only the contact id: they no longer wait for the contact.
    expect(engagements.startedAt).toBeLessThan(contact.endedAt ?? Infinity);
    expect(emails.startedAt).toBeGreaterThanOrEqual(contact.endedAt ?? 0);
    expect(fake.maxInFlight).toBeGreaterThanOrEqual(3);
  });

  it('on a revisit, starts the email events at once with the email remembered from the last read', async () => {
    const { fake, adapter } = setup(baseRoutes());
    await adapter.getLeadContext(ref);
    const from = fake.requests.length;
    const context = await adapter.getLeadContext(ref);
    const second = fake.requests.slice(from);
    const contact = find(second, 'GET /crm/v3/objects/contacts/51');
    const emails = find(second, 'GET /email/public/v1/events');
    expect(emails.startedAt).toBeLessThan(contact.endedAt ?? Infinity);
    expect(second).toHaveLength(4);
    expect(context.events.some((e) => e.source === 'hubspot-email')).toBe(true);
  });

  it('re-reads the email events when the contact’s email changed since the last view', async () => {
    let email = 'ada@example.com';
    const routes = baseRoutes({
      'GET /crm/v3/objects/contacts/51': () => {
        const contact = contactWithOnlyCalls() as Contact & { properties: Record<string, string> };
        contact.properties = { ...contact.properties, email };
        return jsonResponse(contact);
      },
      'GET /email/public/v1/events': (r) => {
        const recipient = r.url.searchParams.get('recipient');
        return jsonResponse({ events: [{ id: `open-${recipient}`, created: 1763300000000, type: 'OPEN', recipient, emailCampaignId: 301 }], hasMore: false });
      },
    });
    const { fake, adapter } = setup(routes);
    await adapter.getLeadContext(ref);
    email = 'ada@new-employer.example';
    const from = fake.requests.length;
    const context = await adapter.getLeadContext(ref);
    const recipients = fake.requests.slice(from).filter((r) => r.url.pathname === '/email/public/v1/events').map((r) => r.url.searchParams.get('recipient'));
    expect(recipients).toEqual(['ada@example.com', 'ada@new-employer.example']);
    expect(context.events.filter((e) => e.source === 'hubspot-email').map((e) => e.id)).toEqual(['hubspot-email:open-ada@new-employer.example']);
  });

  it('issues one more request per extra page of events, up to the cap', async () => {
    const pages = [0, 1, 2].map((n) => ({
      results: [{ id: `p${n}`, eventType: 'e_visited_page', objectId: '51', objectType: 'CONTACT', occurredAt: `2026-11-1${n}T10:00:00.000Z`, properties: { hs_url: `https://example.com/${n}` } }],
      ...(n < 2 ? { paging: { next: { after: `cursor-${n + 1}`, link: 'ignored' } } } : {}),
    }));
    const { fake, adapter } = setup(baseRoutes({ 'GET /events/v3/events': (r) => jsonResponse(pages[Number(r.url.searchParams.get('after')?.slice(7) ?? 0)]) }));
    const context = await adapter.getLeadContext(ref);
    const eventRequests = fake.requests.filter((r) => r.url.pathname === '/events/v3/events');
    expect(eventRequests.map((r) => r.url.searchParams.get('after'))).toEqual([null, 'cursor-1', 'cursor-2']);
    expect(perView(fake.requests)).toHaveLength(4 + 2);
    expect(context.events.filter((e) => e.source === 'hubspot-web-analytics').map((e) => e.id)).toEqual(['hubspot-web-analytics:p2', 'hubspot-web-analytics:p1', 'hubspot-web-analytics:p0']);

    const capped = setup(baseRoutes({ 'GET /events/v3/events': (r) => jsonResponse({ ...pages[0], paging: { next: { after: `${r.url.searchParams.get('after') ?? ''}x` } } }) }));
    const cappedAdapter = createHubSpotAdapter({
      client: capped.client,
      crm: 'hubspot',
      maxEventPages: 3,
    });
    const cappedContext = await cappedAdapter.getLeadContext(ref);
    expect(capped.fake.requests.filter((r) => r.url.pathname === '/events/v3/events')).toHaveLength(3);
    expect(cappedContext.sources.find((s) => s.source === 'hubspot-web-analytics')?.message).toMatch(/only the latest 300/i);
  });

  it('returns events newest first across sources, with bot flags and counts of skipped types', async () => {
    const { adapter } = setup(baseRoutes());
    const { events, sources } = await adapter.getLeadContext(ref);
    const times = events.map((e) => e.occurredAt);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(events.map((e) => e.source)).toEqual(expect.arrayContaining(['hubspot-web-analytics', 'hubspot-email']));
    expect(events.find((e) => e.id === 'hubspot-email:e-open-bot')?.likelyBot).toBe(true);
    // Campaign 302 has no readable name: the id stands in.
    expect(events.find((e) => e.id === 'hubspot-email:e-click-js')?.campaign).toBe('302');
    expect(events.find((e) => e.id === 'hubspot-email:e-open')?.campaign).toBe('Q4 nurture #2 <script>');
    expect(sources).toEqual(
      expect.arrayContaining([
        { source: 'hubspot-web-analytics', label: 'Website activity', status: 'ok', message: '2 events of types Baton does not show were skipped' },
        { source: 'hubspot-email', label: 'Marketing emails', status: 'ok' },
        { source: 'crm-activities', label: 'Calls, emails and meetings', status: 'ok' },
      ]),
    );
  });

  it('turns a 403 from the events API into an unavailable source; the view still succeeds', async () => {
    const { adapter } = setup(
      baseRoutes({ 'GET /events/v3/events': () => jsonResponse({ status: 'error', message: 'This portal does not have access to this API', category: 'FORBIDDEN' }, { status: 403 }) }),
    );
    const context = await adapter.getLeadContext(ref);
    expect(context.lead.firstName).toBe('Ada');
    expect(context.sources).toContainEqual({ source: 'hubspot-web-analytics', label: 'Website activity', status: 'unavailable', message: 'Web analytics events need Marketing Hub Enterprise' });
    expect(context.events.every((e) => e.source === 'hubspot-email')).toBe(true);
  });

  it('reports a failing email source as an error status, not a failed view', async () => {
    const { adapter } = setup(baseRoutes({ 'GET /email/public/v1/events': () => new Response('oops', { status: 502 }) }));
    const context = await adapter.getLeadContext(ref);
    expect(context.sources.find((s) => s.source === 'hubspot-email')).toMatchObject({ status: 'error', message: expect.stringContaining('502') });
  });

  it('fails the view with the contact’s CrmError', async () => {
    const { adapter } = setup(baseRoutes({ 'GET /crm/v3/objects/contacts/51': () => jsonResponse({ status: 'error', message: 'resource not found', category: 'OBJECT_NOT_FOUND' }, { status: 404 }) }));
    await expect(adapter.getLeadContext(ref)).rejects.toMatchObject({ kind: 'not_found' });
    const auth = setup(baseRoutes({ 'GET /crm/v3/objects/contacts/51': () => jsonResponse({ status: 'error', message: 'expired' }, { status: 401 }) }));
    await expect(auth.adapter.getLeadContext(ref)).rejects.toBeInstanceOf(CrmError);
  });

  it('stops paging events as soon as the contact read fails', async () => {
    const { fake, adapter } = setup(
      baseRoutes({
        'GET /crm/v3/objects/contacts/51': () => jsonResponse({ status: 'error', message: 'resource not found' }, { status: 404 }),
        // Non-empty pages with a cursor: the pager would otherwise go on to the cap of 50.
        'GET /events/v3/events': (r) =>
          jsonResponse({
            results: [{ id: 'e', eventType: 'e_visited_page', objectId: '51', objectType: 'CONTACT', occurredAt: '2026-11-20T10:00:00.000Z' }],
            paging: { next: { after: `${r.url.searchParams.get('after') ?? ''}x` } },
          }),
      }),
    );
    await expect(adapter.getLeadContext(ref)).rejects.toMatchObject({ kind: 'not_found' });
    await new Promise((resolve) => setTimeout(resolve, 60));
    const contactEnded = find(fake.requests, 'GET /crm/v3/objects/contacts/51').endedAt ?? 0;
    const eventPages = fake.requests.filter((r) => r.url.pathname === '/events/v3/events');
    expect(eventPages.length).toBeLessThan(5);
    expect(eventPages.filter((r) => r.startedAt > contactEnded + 1)).toEqual([]);
  });

  it('rejects with a CrmError when the caller aborts', async () => {
    const { adapter } = setup(baseRoutes());
    const controller = new AbortController();
    const pending = adapter.getLeadContext(ref, { signal: controller.signal });
    setTimeout(() => controller.abort(), 1);
    await expect(pending).rejects.toBeInstanceOf(CrmError);
  });

  it('a lead without touches or email costs the contact, one engagements page and the web events', async () => {
    const bare = { ...contactWithOnlyCalls(), associations: undefined, properties: { firstname: 'No', email: '' } };
    const { fake, adapter } = setup(baseRoutes({ [`GET ${V1_PATH}`]: () => jsonResponse({ results: [], hasMore: false, offset: 0 }) }, bare));
    const context = await adapter.getLeadContext(ref);
    expect(perView(fake.requests).sort()).toEqual(['GET /crm/v3/objects/contacts/51', `GET ${V1_PATH}`, 'GET /events/v3/events']);
    expect(context.touches).toEqual([]);
    expect(context.sources).toContainEqual({ source: 'crm-activities', label: 'Calls, emails and meetings', status: 'ok' });
    expect(context.sources).toContainEqual(expect.objectContaining({ source: 'hubspot-email', status: 'unavailable' }));
  });

  it('still shows the lead when property definitions are refused, without form answers', async () => {
    const { adapter } = setup(baseRoutes({ 'GET /crm/v3/properties/contacts': () => jsonResponse(loadFixture('error-403-scopes.json'), { status: 403 }) }));
    const context = await adapter.getLeadContext(ref);
    expect(context.lead.formAnswers).toEqual([]);
    expect(context.sources).toContainEqual(expect.objectContaining({ source: 'hubspot-form-answers', status: 'unavailable' }));
  });

  it('still shows the lead with the owner id when the owner lookup fails', async () => {
    const { fake, adapter } = setup(baseRoutes({ 'GET /crm/v3/owners/910': () => jsonResponse({ status: 'error', message: 'missing scope' }, { status: 403 }) }));
    expect((await adapter.getLeadContext(ref)).lead.owner).toEqual({ id: '910', name: null, email: null });
    await adapter.getLeadContext(ref);
    // The refusal is remembered for the cache window, not retried on every view.
    expect(fake.requests.filter((r) => r.url.pathname === '/crm/v3/owners/910')).toHaveLength(1);
  });

  it.each(['..', '../owners', '51?archived=true', '51/associations/notes', '', 'abc'])('refuses a non-numeric contact id %j without any request', async (id) => {
    const { fake, adapter } = setup(baseRoutes());
    await expect(adapter.getLeadContext({ ...ref, id })).rejects.toMatchObject({ kind: 'rejected' });
    expect(fake.requests).toEqual([]);
  });

  it('does not put a non-numeric owner id into a URL', async () => {
    const contact = contactWithOnlyCalls() as Contact & { properties: Record<string, string> };
    contact.properties = { ...contact.properties, hubspot_owner_id: '../properties/contacts' };
    const { fake, adapter } = setup(baseRoutes({}, contact));
    const context = await adapter.getLeadContext(ref);
    expect(fake.requests.some((r) => r.url.pathname.startsWith('/crm/v3/owners'))).toBe(false);
    expect(context.lead.owner).toEqual({ id: '../properties/contacts', name: null, email: null });
  });

  it('turns a malformed contact into bad_response', async () => {
    // (A number where a property's text belongs is read as its text: see hubspot-malformed-responses.test.ts.)
    const { adapter } = setup(baseRoutes({}, { id: '51', properties: 'firstname=7' }));
    await expect(adapter.getLeadContext(ref)).rejects.toMatchObject({ kind: 'bad_response', message: expect.stringContaining('properties') });
  });
});

describe('createHubSpotAdapter: touches from the engagements v1 endpoint', () => {
  const everyKind = () => baseRoutes({ [`GET ${V1_PATH}`]: () => jsonResponse(v1Page()) }, contactWithEveryKind());

  it('a lead with calls, emails, meetings and a social attempt costs 4 requests, all touch kinds in one', async () => {
    const { fake, adapter, logged } = setup(everyKind());
    const context = await adapter.getLeadContext(ref);
    expect(perView(fake.requests).sort()).toEqual(['GET /crm/v3/objects/contacts/51', 'GET /email/public/v1/events', 'GET /events/v3/events', `GET ${V1_PATH}`].sort());
    expect(fake.requests.some((r) => r.url.pathname.endsWith('/batch/read'))).toBe(false);
    // Newest first; the plain note, the task and the unknown type are not touches.
    expect(context.touches.map((t) => `${t.kind} ${t.id}`)).toEqual([
      'social hubspot-note:9102',
      'meeting hubspot-meeting:9001',
      'email hubspot-email-activity:8003',
      'sequence_email hubspot-email-activity:8002',
      'email hubspot-email-activity:8001',
      'call hubspot-call:7001',
    ]);
    expect(context.touches.find((t) => t.id === 'hubspot-email-activity:8003')?.ownerId).toBeNull();
    expect(context.sources).toContainEqual({ source: 'crm-activities', label: 'Calls, emails and meetings', status: 'ok' });
    // An engagement type HubSpot added later is logged and skipped, not a failure.
    expect(logged).toEqual([{ message: expect.stringContaining('engagement types'), detail: ['CONVERSATION_SESSION'] }]);
  });

  it('the same lead costs 4 again on the next view (the email events then start at once)', async () => {
    const { fake, adapter } = setup(everyKind());
    await adapter.getLeadContext(ref);
    const from = fake.requests.length;
    await adapter.getLeadContext(ref);
    const second = fake.requests.slice(from);
    expect(perView(second)).toHaveLength(4);
    const contact = find(second, 'GET /crm/v3/objects/contacts/51');
    for (const path of [`GET ${V1_PATH}`, 'GET /events/v3/events', 'GET /email/public/v1/events']) {
      expect(find(second, path).startedAt).toBeLessThan(contact.endedAt ?? Infinity);
    }
  });

  it('follows hasMore/offset: one more request per extra page, each engagement once', async () => {
    const all = v1Page().results;
    const pages: Record<string, V1Page> = {
      '': { results: all.slice(0, 4), hasMore: true, offset: 4 },
      // The page boundary moved (an engagement was logged meanwhile): 8003 comes again.
      '4': { results: all.slice(3, 7), hasMore: true, offset: 7 },
      '7': { results: all.slice(7), hasMore: false, offset: 9 },
    };
    const { fake, adapter } = setup(baseRoutes({ [`GET ${V1_PATH}`]: (r) => jsonResponse(pages[r.url.searchParams.get('offset') ?? '']) }, contactWithEveryKind()));
    const context = await adapter.getLeadContext(ref);
    const engagementRequests = fake.requests.filter((r) => r.url.pathname === V1_PATH);
    expect(engagementRequests.map((r) => r.url.searchParams.get('offset'))).toEqual([null, '4', '7']);
    expect(engagementRequests.every((r) => r.url.searchParams.get('limit') === '100')).toBe(true);
    expect(perView(fake.requests)).toHaveLength(4 + 2);
    expect(context.touches).toHaveLength(6);
    expect(new Set(context.touches.map((t) => t.id)).size).toBe(6);
  });

  it('stops at the page cap and says the history was cut', async () => {
    const { fake, adapter } = setup(
      baseRoutes({ [`GET ${V1_PATH}`]: (r) => jsonResponse({ results: v1Page([7001]).results, hasMore: true, offset: Number(r.url.searchParams.get('offset') ?? 0) + 1 }) }),
      { maxEngagementPages: 3 },
    );
    const context = await adapter.getLeadContext(ref);
    expect(fake.requests.filter((r) => r.url.pathname === V1_PATH)).toHaveLength(3);
    expect(context.sources.find((s) => s.source === 'crm-activities')).toEqual({ source: 'crm-activities', label: 'Calls, emails and meetings', status: 'ok', message: 'Only the latest 300 engagements were read' });
  });

  it.each([404, 410])('when HubSpot has retired the endpoint (%i): reads the touches the slower v3 way and says so', async (status) => {
    const routes = baseRoutes(
      {
        [`GET ${V1_PATH}`]: () => jsonResponse({ status: 'error', message: 'Not found', category: 'OBJECT_NOT_FOUND' }, { status }),
        'POST /crm/v3/objects/meetings/batch/read': () =>
          jsonResponse({ status: 'COMPLETE', results: [{ id: '9001', properties: { hs_timestamp: '2026-11-21T10:00:00.000Z', hubspot_owner_id: '910', hs_meeting_title: 'Demo', hs_meeting_outcome: 'COMPLETED' }, createdAt: '2026-11-21T09:00:00.000Z', updatedAt: '2026-11-21T09:00:00.000Z' }] }),
      },
      contactWithEveryKind(),
    );
    const { fake, adapter } = setup(routes);
    const context = await adapter.getLeadContext(ref);
    expect(perView(fake.requests).filter((p) => p.endsWith('/batch/read')).sort()).toEqual([
      'POST /crm/v3/objects/calls/batch/read',
      'POST /crm/v3/objects/emails/batch/read',
      'POST /crm/v3/objects/meetings/batch/read',
    ]);
    expect(context.touches.map((t) => t.id)).toEqual(['hubspot-meeting:9001', 'hubspot-email-activity:8001', 'hubspot-email-activity:8003', 'hubspot-call:7001']);
    expect(context.sources.find((s) => s.source === 'crm-activities')).toEqual({
      source: 'crm-activities',
      label: 'Calls, emails and meetings',
      status: 'degraded',
      message: expect.stringMatching(/^Read the slower way/),
    });
    expect(fake.requests.find((r) => r.url.pathname.endsWith('/calls/batch/read'))?.body).toMatchObject({ inputs: [{ id: '7001' }], properties: expect.arrayContaining(['hs_call_disposition']) });
  });

  it('remembers the retirement for an hour: later views skip the v1 request, then try it again', async () => {
    let clock = Date.parse('2026-11-22T15:00:00.000Z');
    let v1Status = 404;
    const routes = baseRoutes({ [`GET ${V1_PATH}`]: () => (v1Status === 200 ? jsonResponse(v1Page([7001])) : jsonResponse({ status: 'error', message: 'gone' }, { status: v1Status })) });
    const { fake, adapter } = setup(routes, { now: () => clock });
    await adapter.getLeadContext(ref);
    const v1Count = () => fake.requests.filter((r) => r.url.pathname === V1_PATH).length;
    expect(v1Count()).toBe(1);

    const from = fake.requests.length;
    clock += 30 * 60 * 1000;
    const second = await adapter.getLeadContext(ref);
    expect(v1Count()).toBe(1);
    expect(perView(fake.requests.slice(from)).sort()).toEqual(['GET /crm/v3/objects/contacts/51', 'GET /email/public/v1/events', 'GET /events/v3/events', 'POST /crm/v3/objects/calls/batch/read']);
    expect(second.sources.find((s) => s.source === 'crm-activities')?.status).toBe('degraded');

    clock += 31 * 60 * 1000;
    v1Status = 200;
    const third = await adapter.getLeadContext(ref);
    expect(v1Count()).toBe(2);
    expect(third.sources.find((s) => s.source === 'crm-activities')?.status).toBe('ok');
  });

  it('a 403 names the missing scope and does not fall back (the v3 reads need the same scope)', async () => {
    const { fake, adapter } = setup(
      baseRoutes({ [`GET ${V1_PATH}`]: () => jsonResponse(loadFixture('error-403-scopes.json'), { status: 403 }) }, contactWithEveryKind()),
    );
    const context = await adapter.getLeadContext(ref);
    expect(fake.requests.some((r) => r.url.pathname.endsWith('/batch/read'))).toBe(false);
    expect(context.touches).toEqual([]);
    expect(context.sources.find((s) => s.source === 'crm-activities')).toMatchObject({ status: 'unavailable', message: expect.stringContaining('crm.objects.contacts.read') });
    expect(context.lead.firstName).toBe('Ada');
  });

  it('a server error is an error status for the touches, not a failed view and not the fallback', async () => {
    const { fake, adapter } = setup(baseRoutes({ [`GET ${V1_PATH}`]: () => new Response('oops', { status: 502 }) }));
    const context = await adapter.getLeadContext(ref);
    expect(fake.requests.some((r) => r.url.pathname.endsWith('/batch/read'))).toBe(false);
    expect(context.sources.find((s) => s.source === 'crm-activities')).toMatchObject({ status: 'error', message: expect.stringContaining('502') });
  });

  it('emails redacted for want of sales-email-read still count; the panel is told which scope shows their subjects', async () => {
    const { adapter } = setup(baseRoutes({ [`GET ${V1_PATH}`]: () => jsonResponse(loadFixture('engagements-v1-redacted-email.json')) }));
    const context = await adapter.getLeadContext(ref);
    expect(context.touches.map((t) => t.id)).toEqual(['hubspot-email-activity:8003', 'hubspot-email-activity:8001']);
    expect(context.sources.find((s) => s.source === 'crm-activities')).toEqual({
      source: 'crm-activities',
      label: 'Calls, emails and meetings',
      status: 'degraded',
      message: 'Email subjects are hidden (2 emails): the connection is missing the scope sales-email-read',
    });
  });

  it('a malformed engagements page is a bad_response error for the touches only', async () => {
    const { adapter } = setup(baseRoutes({ [`GET ${V1_PATH}`]: () => jsonResponse({ results: [{ engagement: { type: 'CALL' } }], hasMore: false }) }));
    const context = await adapter.getLeadContext(ref);
    expect(context.lead.firstName).toBe('Ada');
    expect(context.sources.find((s) => s.source === 'crm-activities')).toMatchObject({ status: 'error', message: expect.stringContaining('engagement.id') });
  });
});
