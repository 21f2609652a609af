import { describe, expect, it } from 'vitest';
import { createHubSpotAdapter } from '../../../lib/crm/hubspot/hubspot-adapter';
import { jsonResponse } from '../../support/hubspot/fake-hubspot-fetch';
import { CACHED_LOOKUPS, type Contact, V1_PATH, baseRoutes, contactWithOnlyCalls, findRequest, perView, ref, setupAdapter } from './hubspot-adapter-kit';

/**
 * The HubSpot adapter's lead view when every source answers: which requests it sends, in what order
 * and how many (a view should cost at most 4 requests once the lookups are cached), and the lead,
 * events and touches it builds from the answers.
 */

describe('createHubSpotAdapter.getLeadContext', () => {
  it('reads the lead, events and touches in at most 4 per-view requests', async () => {
    const { fake, adapter } = setupAdapter(baseRoutes());
    const context = await adapter.getLeadContext(ref);
    expect(perView(fake.requests).sort()).toEqual(['GET /crm/v3/objects/contacts/51', 'GET /email/public/v1/events', 'GET /events/v3/events', `GET ${V1_PATH}`].sort());
    expect(context.fetchedAt).toBe(Date.parse('2026-11-22T15:00:00.000Z'));
    expect(context.lead.owner).toEqual({ id: '910', name: 'Sam Rep', email: 'sam.rep@example.com' });
    expect(context.lead.formAnswers[0]?.question).toBe("What's your biggest challenge?");
    expect(context.touches).toEqual([expect.objectContaining({ id: 'hubspot-call:7001', connected: true })]);
  });

  it('does not repeat cached lookups on the next view', async () => {
    const { fake, adapter } = setupAdapter(baseRoutes());
    await adapter.getLeadContext(ref);
    const first = fake.requests.length;
    await adapter.getLeadContext(ref);
    const second = fake.requests.slice(first).map((r) => `${r.method} ${r.url.pathname}`);
    expect(second).toHaveLength(4);
    expect(second.some((p) => CACHED_LOOKUPS.test(p))).toBe(false);
  });

  it('asks for the properties Baton reads, their history, and the associations', async () => {
    const { fake, adapter } = setupAdapter(baseRoutes());
    await adapter.getLeadContext(ref);
    const query = findRequest(fake.requests, 'GET /crm/v3/objects/contacts/51').url.searchParams;
    expect(query.get('properties')?.split(',')).toEqual(expect.arrayContaining(['firstname', 'hs_lead_status', 'hubspot_owner_assigneddate', 'recent_conversion_event_name']));
    // Form fields from the property definitions, minus the ones already read as plain properties.
    expect(query.get('propertiesWithHistory')?.split(',')).toEqual(['hubspot_owner_id', 'lifecyclestage', 'biggest_challenge', 'fleet_size']);
    expect(query.get('associations')).toBe('calls,emails,meetings');
    const events = findRequest(fake.requests, 'GET /events/v3/events').url.searchParams;
    expect(Object.fromEntries(events)).toMatchObject({ objectType: 'contact', objectId: '51', limit: '100' });
    expect(findRequest(fake.requests, 'GET /email/public/v1/events').url.searchParams.get('recipient')).toBe('ada@example.com');
    expect(Object.fromEntries(findRequest(fake.requests, `GET ${V1_PATH}`).url.searchParams)).toEqual({ limit: '100' });
  });

  it('runs the contact, the engagements and the web events in parallel, then the email events', async () => {
    const { fake, adapter } = setupAdapter(baseRoutes());
    await adapter.getLeadContext(ref);
    const contact = findRequest(fake.requests, 'GET /crm/v3/objects/contacts/51');
    const events = findRequest(fake.requests, 'GET /events/v3/events');
    const engagements = findRequest(fake.requests, `GET ${V1_PATH}`);
    const emails = findRequest(fake.requests, 'GET /email/public/v1/events');
    expect(events.startedAt).toBeLessThan(contact.endedAt ?? Infinity);
    // The engagements need only the contact id: they no longer wait for the contact.
    expect(engagements.startedAt).toBeLessThan(contact.endedAt ?? Infinity);
    expect(emails.startedAt).toBeGreaterThanOrEqual(contact.endedAt ?? 0);
    expect(fake.maxInFlight).toBeGreaterThanOrEqual(3);
  });

  it('on a revisit, starts the email events at once with the email remembered from the last read', async () => {
    const { fake, adapter } = setupAdapter(baseRoutes());
    await adapter.getLeadContext(ref);
    const from = fake.requests.length;
    const context = await adapter.getLeadContext(ref);
    const second = fake.requests.slice(from);
    const contact = findRequest(second, 'GET /crm/v3/objects/contacts/51');
    const emails = findRequest(second, 'GET /email/public/v1/events');
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
    const { fake, adapter } = setupAdapter(routes);
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
    const { fake, adapter } = setupAdapter(baseRoutes({ 'GET /events/v3/events': (r) => jsonResponse(pages[Number(r.url.searchParams.get('after')?.slice(7) ?? 0)]) }));
    const context = await adapter.getLeadContext(ref);
    const eventRequests = fake.requests.filter((r) => r.url.pathname === '/events/v3/events');
    expect(eventRequests.map((r) => r.url.searchParams.get('after'))).toEqual([null, 'cursor-1', 'cursor-2']);
    expect(perView(fake.requests)).toHaveLength(4 + 2);
    expect(context.events.filter((e) => e.source === 'hubspot-web-analytics').map((e) => e.id)).toEqual(['hubspot-web-analytics:p2', 'hubspot-web-analytics:p1', 'hubspot-web-analytics:p0']);

    const capped = setupAdapter(baseRoutes({ 'GET /events/v3/events': (r) => jsonResponse({ ...pages[0], paging: { next: { after: `${r.url.searchParams.get('after') ?? ''}x` } } }) }));
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
    const { adapter } = setupAdapter(baseRoutes());
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
});
