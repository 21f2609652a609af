import { describe, expect, it } from 'vitest';
import { jsonResponse } from '../../support/hubspot/fake-hubspot-fetch';
import { loadFixture } from '../../support/hubspot/hubspot-fixtures';
import { V1_PATH, type V1Page, baseRoutes, contactWithEveryKind, findRequest, perView, ref, setupAdapter, v1Page } from './hubspot-adapter-kit';

/**
 * How the HubSpot adapter reads a lead's touches (calls, emails, meetings, social attempts): all kinds
 * in one paged request to the engagements v1 endpoint, and, if HubSpot retires that endpoint, the
 * slower v3 reads, remembered for an hour; plus what the panel is told when that read fails.
 */

describe('createHubSpotAdapter: touches from the engagements v1 endpoint', () => {
  const everyKind = () => baseRoutes({ [`GET ${V1_PATH}`]: () => jsonResponse(v1Page()) }, contactWithEveryKind());

  it('a lead with calls, emails, meetings and a social attempt costs 4 requests, all touch kinds in one', async () => {
    const { fake, adapter, logged } = setupAdapter(everyKind());
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
    const { fake, adapter } = setupAdapter(everyKind());
    await adapter.getLeadContext(ref);
    const from = fake.requests.length;
    await adapter.getLeadContext(ref);
    const second = fake.requests.slice(from);
    expect(perView(second)).toHaveLength(4);
    const contact = findRequest(second, 'GET /crm/v3/objects/contacts/51');
    for (const path of [`GET ${V1_PATH}`, 'GET /events/v3/events', 'GET /email/public/v1/events']) {
      expect(findRequest(second, path).startedAt).toBeLessThan(contact.endedAt ?? Infinity);
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
    const { fake, adapter } = setupAdapter(baseRoutes({ [`GET ${V1_PATH}`]: (r) => jsonResponse(pages[r.url.searchParams.get('offset') ?? '']) }, contactWithEveryKind()));
    const context = await adapter.getLeadContext(ref);
    const engagementRequests = fake.requests.filter((r) => r.url.pathname === V1_PATH);
    expect(engagementRequests.map((r) => r.url.searchParams.get('offset'))).toEqual([null, '4', '7']);
    expect(engagementRequests.every((r) => r.url.searchParams.get('limit') === '100')).toBe(true);
    expect(perView(fake.requests)).toHaveLength(4 + 2);
    expect(context.touches).toHaveLength(6);
    expect(new Set(context.touches.map((t) => t.id)).size).toBe(6);
  });

  it('stops at the page cap and says the history was cut', async () => {
    const { fake, adapter } = setupAdapter(
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
    const { fake, adapter } = setupAdapter(routes);
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
    const { fake, adapter } = setupAdapter(routes, { now: () => clock });
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
    const { fake, adapter } = setupAdapter(
      baseRoutes({ [`GET ${V1_PATH}`]: () => jsonResponse(loadFixture('error-403-scopes.json'), { status: 403 }) }, contactWithEveryKind()),
    );
    const context = await adapter.getLeadContext(ref);
    expect(fake.requests.some((r) => r.url.pathname.endsWith('/batch/read'))).toBe(false);
    expect(context.touches).toEqual([]);
    expect(context.sources.find((s) => s.source === 'crm-activities')).toMatchObject({ status: 'unavailable', message: expect.stringContaining('crm.objects.contacts.read') });
    expect(context.lead.firstName).toBe('Ada');
  });

  it('a server error is an error status for the touches, not a failed view and not the fallback', async () => {
    const { fake, adapter } = setupAdapter(baseRoutes({ [`GET ${V1_PATH}`]: () => new Response('oops', { status: 502 }) }));
    const context = await adapter.getLeadContext(ref);
    expect(fake.requests.some((r) => r.url.pathname.endsWith('/batch/read'))).toBe(false);
    expect(context.sources.find((s) => s.source === 'crm-activities')).toMatchObject({ status: 'error', message: expect.stringContaining('502') });
  });

  it('emails redacted for want of sales-email-read still count; the panel is told which scope shows their subjects', async () => {
    const { adapter } = setupAdapter(baseRoutes({ [`GET ${V1_PATH}`]: () => jsonResponse(loadFixture('engagements-v1-redacted-email.json')) }));
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
    const { adapter } = setupAdapter(baseRoutes({ [`GET ${V1_PATH}`]: () => jsonResponse({ results: [{ engagement: { type: 'CALL' } }], hasMore: false }) }));
    const context = await adapter.getLeadContext(ref);
    expect(context.lead.firstName).toBe('Ada');
    expect(context.sources.find((s) => s.source === 'crm-activities')).toMatchObject({ status: 'error', message: expect.stringContaining('engagement.id') });
  });
});
