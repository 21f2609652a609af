import { describe, expect, it } from 'vitest';
import { CrmError } from '../../../lib/crm/crm-error';
import { jsonResponse } from '../../support/hubspot/fake-hubspot-fetch';
import { loadFixture } from '../../support/hubspot/hubspot-fixtures';
import { type Contact, V1_PATH, baseRoutes, contactWithOnlyCalls, findRequest, perView, ref, setupAdapter } from './hubspot-adapter-kit';

/**
 * The HubSpot adapter's lead view when a part of it fails or the input is hostile: a source that
 * fails becomes a status the panel shows while the view still succeeds; only the contact itself
 * failing (or the caller aborting) fails the view; ids never reach a URL unless they are numeric.
 */

describe('createHubSpotAdapter.getLeadContext', () => {
  it('turns a 403 from the events API into an unavailable source; the view still succeeds', async () => {
    const { adapter } = setupAdapter(
      baseRoutes({ 'GET /events/v3/events': () => jsonResponse({ status: 'error', message: 'This portal does not have access to this API', category: 'FORBIDDEN' }, { status: 403 }) }),
    );
    const context = await adapter.getLeadContext(ref);
    expect(context.lead.firstName).toBe('Ada');
    expect(context.sources).toContainEqual({ source: 'hubspot-web-analytics', label: 'Website activity', status: 'unavailable', message: 'Web analytics events need Marketing Hub Enterprise' });
    expect(context.events.every((e) => e.source === 'hubspot-email')).toBe(true);
  });

  it('reports a failing email source as an error status, not a failed view', async () => {
    const { adapter } = setupAdapter(baseRoutes({ 'GET /email/public/v1/events': () => new Response('oops', { status: 502 }) }));
    const context = await adapter.getLeadContext(ref);
    expect(context.sources.find((s) => s.source === 'hubspot-email')).toMatchObject({ status: 'error', message: expect.stringContaining('502') });
  });

  it('fails the view with the contact’s CrmError', async () => {
    const { adapter } = setupAdapter(baseRoutes({ 'GET /crm/v3/objects/contacts/51': () => jsonResponse({ status: 'error', message: 'resource not found', category: 'OBJECT_NOT_FOUND' }, { status: 404 }) }));
    await expect(adapter.getLeadContext(ref)).rejects.toMatchObject({ kind: 'not_found' });
    const auth = setupAdapter(baseRoutes({ 'GET /crm/v3/objects/contacts/51': () => jsonResponse({ status: 'error', message: 'expired' }, { status: 401 }) }));
    await expect(auth.adapter.getLeadContext(ref)).rejects.toBeInstanceOf(CrmError);
  });

  it('stops paging events as soon as the contact read fails', async () => {
    const { fake, adapter } = setupAdapter(
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
    const contactEnded = findRequest(fake.requests, 'GET /crm/v3/objects/contacts/51').endedAt ?? 0;
    const eventPages = fake.requests.filter((r) => r.url.pathname === '/events/v3/events');
    expect(eventPages.length).toBeLessThan(5);
    expect(eventPages.filter((r) => r.startedAt > contactEnded + 1)).toEqual([]);
  });

  it('rejects with a CrmError when the caller aborts', async () => {
    const { adapter } = setupAdapter(baseRoutes());
    const controller = new AbortController();
    const pending = adapter.getLeadContext(ref, { signal: controller.signal });
    setTimeout(() => controller.abort(), 1);
    await expect(pending).rejects.toBeInstanceOf(CrmError);
  });

  it('a lead without touches or email costs the contact, one engagements page and the web events', async () => {
    const bare = { ...contactWithOnlyCalls(), associations: undefined, properties: { firstname: 'No', email: '' } };
    const { fake, adapter } = setupAdapter(baseRoutes({ [`GET ${V1_PATH}`]: () => jsonResponse({ results: [], hasMore: false, offset: 0 }) }, bare));
    const context = await adapter.getLeadContext(ref);
    expect(perView(fake.requests).sort()).toEqual(['GET /crm/v3/objects/contacts/51', `GET ${V1_PATH}`, 'GET /events/v3/events']);
    expect(context.touches).toEqual([]);
    expect(context.sources).toContainEqual({ source: 'crm-activities', label: 'Calls, emails and meetings', status: 'ok' });
    expect(context.sources).toContainEqual(expect.objectContaining({ source: 'hubspot-email', status: 'unavailable' }));
  });

  it('still shows the lead when property definitions are refused, without form answers', async () => {
    const { adapter } = setupAdapter(baseRoutes({ 'GET /crm/v3/properties/contacts': () => jsonResponse(loadFixture('error-403-scopes.json'), { status: 403 }) }));
    const context = await adapter.getLeadContext(ref);
    expect(context.lead.formAnswers).toEqual([]);
    expect(context.sources).toContainEqual(expect.objectContaining({ source: 'hubspot-form-answers', status: 'unavailable' }));
  });

  it('still shows the lead with the owner id when the owner lookup fails', async () => {
    const { fake, adapter } = setupAdapter(baseRoutes({ 'GET /crm/v3/owners/910': () => jsonResponse({ status: 'error', message: 'missing scope' }, { status: 403 }) }));
    expect((await adapter.getLeadContext(ref)).lead.owner).toEqual({ id: '910', name: null, email: null });
    await adapter.getLeadContext(ref);
    // The refusal is remembered for the cache window, not retried on every view.
    expect(fake.requests.filter((r) => r.url.pathname === '/crm/v3/owners/910')).toHaveLength(1);
  });

  it.each(['..', '../owners', '51?archived=true', '51/associations/notes', '', 'abc'])('refuses a non-numeric contact id %j without any request', async (id) => {
    const { fake, adapter } = setupAdapter(baseRoutes());
    await expect(adapter.getLeadContext({ ...ref, id })).rejects.toMatchObject({ kind: 'rejected' });
    expect(fake.requests).toEqual([]);
  });

  it('does not put a non-numeric owner id into a URL', async () => {
    const contact = contactWithOnlyCalls() as Contact & { properties: Record<string, string> };
    contact.properties = { ...contact.properties, hubspot_owner_id: '../properties/contacts' };
    const { fake, adapter } = setupAdapter(baseRoutes({}, contact));
    const context = await adapter.getLeadContext(ref);
    expect(fake.requests.some((r) => r.url.pathname.startsWith('/crm/v3/owners'))).toBe(false);
    expect(context.lead.owner).toEqual({ id: '../properties/contacts', name: null, email: null });
  });

  it('turns a malformed contact into bad_response', async () => {
    // (A number where a property's text belongs is read as its text: see hubspot-malformed-responses.test.ts.)
    const { adapter } = setupAdapter(baseRoutes({}, { id: '51', properties: 'firstname=7' }));
    await expect(adapter.getLeadContext(ref)).rejects.toMatchObject({ kind: 'bad_response', message: expect.stringContaining('properties') });
  });
});
