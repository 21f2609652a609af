import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_SCENARIOS } from '../../lib/sandbox/scenarios';
import { startTestSandbox } from './sandbox-test-kit';
import type { TestSandbox } from './sandbox-test-kit';

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => {
  await sandbox.stop();
});

describe('auth, errors and headers', () => {
  it('rejects a missing token and the literal token "expired" with 401 in HubSpot error shape', async () => {
    const missing = await sandbox.call('/crm/v3/objects/contacts/101', { token: null });
    expect(missing.status).toBe(401);
    expect(missing.body).toMatchObject({ status: 'error', category: 'INVALID_AUTHENTICATION' });
    expect(typeof missing.body.correlationId).toBe('string');
    const expired = await sandbox.call('/crm/v3/objects/contacts/101', { token: 'expired' });
    expect(expired.status).toBe(401);
    expect(expired.body.status).toBe('error');
  });

  it('answers unknown objects and routes with 404', async () => {
    const contact = await sandbox.call('/crm/v3/objects/contacts/999999');
    expect(contact.status).toBe(404);
    expect(contact.body.category).toBe('OBJECT_NOT_FOUND');
    const route = await sandbox.call('/crm/v3/nothing-here/at/all/really');
    expect(route.status).toBe(404);
    expect(route.body.status).toBe('error');
  });

  it('answers malformed JSON with 400 VALIDATION_ERROR', async () => {
    const response = await sandbox.call('/crm/v3/objects/contacts/101', { method: 'PATCH', rawBody: '{"properties": {' });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
  });

  it('sends rate-limit headers that count down, and CORS headers', async () => {
    const first = await sandbox.call('/crm/v3/owners');
    const second = await sandbox.call('/crm/v3/owners');
    expect(first.headers.get('x-hubspot-ratelimit-max')).toBe('190');
    expect(first.headers.get('x-hubspot-ratelimit-interval-milliseconds')).toBe('10000');
    expect(Number(second.headers.get('x-hubspot-ratelimit-daily-remaining'))).toBeLessThan(Number(first.headers.get('x-hubspot-ratelimit-daily-remaining')));
    expect(first.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('answers CORS preflights without auth', async () => {
    const response = await fetch(`${sandbox.server.url}/crm/v3/objects/contacts/101`, {
      method: 'OPTIONS',
      headers: { Origin: 'chrome-extension://abc', 'Access-Control-Request-Method': 'PATCH', 'Access-Control-Request-Headers': 'authorization,content-type,x-request-id' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    expect(response.headers.get('access-control-allow-headers')).toMatch(/x-request-id/);
    expect(response.headers.get('access-control-allow-methods')).toMatch(/PATCH/);
  });
});

describe('contacts', () => {
  it('gets a contact with requested properties, history newest first and associations', async () => {
    const id = SANDBOX_SCENARIOS.touched;
    const { status, body } = await sandbox.call(
      `/crm/v3/objects/contacts/${id}?properties=firstname,lastname,hs_lead_status,fax_number_nope,phone&propertiesWithHistory=hs_lead_status,biggest_challenge&associations=calls,emails,meetings`,
    );
    expect(status).toBe(200);
    expect(body.id).toBe(id);
    expect(body.properties).toMatchObject({ firstname: 'Grace', lastname: 'Sullivan', hs_lead_status: 'CONNECTED', hs_object_id: id });
    expect(body.properties).not.toHaveProperty('fax_number_nope');
    expect(body.archived).toBe(false);
    expect(new Date(body.createdAt).toISOString()).toBe(body.createdAt);
    const statusHistory = body.propertiesWithHistory.hs_lead_status;
    expect(statusHistory[0].value).toBe('CONNECTED');
    expect(statusHistory.at(-1).value).toBe('NEW');
    expect(Date.parse(statusHistory[0].timestamp)).toBeGreaterThan(Date.parse(statusHistory.at(-1).timestamp));
    expect(body.propertiesWithHistory.biggest_challenge[0]).toMatchObject({ sourceType: 'FORM', sourceLabel: 'Request a demo' });
    expect(body.associations.calls.results[0]).toMatchObject({ type: 'contact_to_call' });
    expect(body.associations.meetings.results).toHaveLength(1);
  });

  it('returns unset requested properties as null and the default set when none is requested', async () => {
    const requested = await sandbox.call(`/crm/v3/objects/contacts/${SANDBOX_SCENARIOS.personalEmail}?properties=phone`);
    expect(requested.body.properties.phone).toBeNull();
    const defaults = await sandbox.call('/crm/v3/objects/contacts/101');
    expect(Object.keys(defaults.body.properties).sort()).toEqual(['createdate', 'email', 'firstname', 'hs_object_id', 'lastmodifieddate', 'lastname']);
  });

  it('lists contacts with limit/after paging', async () => {
    const seen = new Set<string>();
    let after: string | undefined;
    let pages = 0;
    do {
      const { body } = await sandbox.call(`/crm/v3/objects/contacts?limit=20&properties=email${after ? `&after=${after}` : ''}`);
      for (const contact of body.results) seen.add(contact.id);
      after = body.paging?.next?.after;
      pages++;
    } while (after && pages < 10);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(seen.size).toBeGreaterThanOrEqual(40);
  });

  it('batch-reads contacts and reports missing ids with 207', async () => {
    const ok = await sandbox.call('/crm/v3/objects/contacts/batch/read', { body: { inputs: [{ id: '101' }, { id: '102' }], properties: ['email'], propertiesWithHistory: [] } });
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('COMPLETE');
    expect(ok.body.results.map((r: { id: string }) => r.id).sort()).toEqual(['101', '102']);
    const partial = await sandbox.call('/crm/v3/objects/contacts/batch/read', { body: { inputs: [{ id: '101' }, { id: '424242' }] } });
    expect(partial.status).toBe(207);
    expect(partial.body.errors[0].context.ids).toEqual(['424242']);
  });

  it('searches with filters, sorts, total and paging', async () => {
    const search = (body: unknown) => sandbox.call('/crm/v3/objects/contacts/search', { body });
    const newLeads = await search({ filterGroups: [{ filters: [{ propertyName: 'hs_lead_status', operator: 'EQ', value: 'NEW' }] }], properties: ['hs_lead_status'], limit: 200 });
    expect(newLeads.status).toBe(200);
    expect(newLeads.body.total).toBeGreaterThan(3);
    expect(newLeads.body.results.every((r: any) => r.properties.hs_lead_status === 'NEW')).toBe(true);

    const byEmail = await search({ filterGroups: [{ filters: [{ propertyName: 'email', operator: 'EQ', value: 'ELENA.MARSH@brightlinelogistics.com' }] }] });
    expect(byEmail.body.results.map((r: any) => r.id)).toEqual([SANDBOX_SCENARIOS.demoPrimary]);

    const inStages = await search({ filterGroups: [{ filters: [{ propertyName: 'lifecyclestage', operator: 'IN', values: ['opportunity', 'customer'] }] }], properties: ['lifecyclestage'], limit: 100 });
    expect(inStages.body.total).toBeGreaterThan(0);
    expect(inStages.body.results.every((r: any) => ['opportunity', 'customer'].includes(r.properties.lifecyclestage))).toBe(true);

    const noOwner = await search({ filterGroups: [{ filters: [{ propertyName: 'hubspot_owner_id', operator: 'NOT_HAS_PROPERTY' }] }], properties: ['hubspot_owner_id'], limit: 100 });
    expect(noOwner.body.total).toBeGreaterThan(0);
    expect(noOwner.body.results.every((r: any) => r.properties.hubspot_owner_id === null)).toBe(true);

    // OR across groups, AND within a group; GT on a number; CONTAINS_TOKEN; NEQ.
    const orGroups = await search({
      filterGroups: [
        { filters: [{ propertyName: 'hs_analytics_source', operator: 'EQ', value: 'OFFLINE' }] },
        { filters: [{ propertyName: 'num_conversion_events', operator: 'GT', value: '3' }, { propertyName: 'hs_lead_status', operator: 'NEQ', value: 'UNQUALIFIED' }] },
      ],
      properties: ['hs_analytics_source', 'num_conversion_events', 'hs_lead_status'],
      limit: 200,
    });
    expect(orGroups.body.results.every((r: any) => r.properties.hs_analytics_source === 'OFFLINE' || (Number(r.properties.num_conversion_events) > 3 && r.properties.hs_lead_status !== 'UNQUALIFIED'))).toBe(true);
    const token = await search({ filterGroups: [{ filters: [{ propertyName: 'company', operator: 'CONTAINS_TOKEN', value: 'logistics' }] }] });
    expect(token.body.results.map((r: any) => r.id)).toContain(SANDBOX_SCENARIOS.demoPrimary);

    // Datetime comparisons accept epoch ms; sorts apply; paging is stable.
    const recent = await search({
      filterGroups: [{ filters: [{ propertyName: 'hubspot_owner_assigneddate', operator: 'GTE', value: String(Date.parse('2026-11-22T00:00:00Z')) }] }],
      sorts: [{ propertyName: 'hubspot_owner_assigneddate', direction: 'DESCENDING' }],
      properties: ['hubspot_owner_assigneddate'],
      limit: 2,
    });
    expect(recent.body.total).toBeGreaterThanOrEqual(4);
    expect(recent.body.results[0].id).toBe(SANDBOX_SCENARIOS.justHandedOff);
    const page2 = await search({
      filterGroups: [{ filters: [{ propertyName: 'hubspot_owner_assigneddate', operator: 'GTE', value: String(Date.parse('2026-11-22T00:00:00Z')) }] }],
      sorts: [{ propertyName: 'hubspot_owner_assigneddate', direction: 'DESCENDING' }],
      limit: 2,
      after: recent.body.paging.next.after,
    });
    expect(page2.body.results.map((r: any) => r.id)).not.toContain(SANDBOX_SCENARIOS.justHandedOff);
  });

  it('rejects searches with limit over 200 or unknown filter properties', async () => {
    expect((await sandbox.call('/crm/v3/objects/contacts/search', { body: { limit: 201 } })).status).toBe(400);
    const unknown = await sandbox.call('/crm/v3/objects/contacts/search', { body: { filterGroups: [{ filters: [{ propertyName: 'no_such_prop', operator: 'EQ', value: 'x' }] }] } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toMatch(/no_such_prop/);
  });

  it('PATCH is idempotent: rewriting the same value adds no history and keeps the modified date', async () => {
    const id = SANDBOX_SCENARIOS.demoSecondary;
    const write = () => sandbox.call(`/crm/v3/objects/contacts/${id}`, { method: 'PATCH', body: { properties: { hs_lead_status: 'IN_PROGRESS' } } });
    const first = await write();
    expect(first.status).toBe(200);
    const second = await write();
    expect(second.body.properties.lastmodifieddate).toBe(first.body.properties.lastmodifieddate);
    const read = await sandbox.call(`/crm/v3/objects/contacts/${id}?propertiesWithHistory=hs_lead_status`);
    expect(read.body.propertiesWithHistory.hs_lead_status.filter((entry: any) => entry.value === 'IN_PROGRESS')).toHaveLength(1);
  });

  it('stamps hubspot_owner_assigneddate when the owner changes', async () => {
    const id = SANDBOX_SCENARIOS.noEngagement;
    const before = Date.now();
    const response = await sandbox.call(`/crm/v3/objects/contacts/${id}`, { method: 'PATCH', body: { properties: { hubspot_owner_id: '81300102' } } });
    expect(response.status).toBe(200);
    const read = await sandbox.call(`/crm/v3/objects/contacts/${id}?properties=hubspot_owner_assigneddate&propertiesWithHistory=hubspot_owner_id`);
    expect(Date.parse(read.body.properties.hubspot_owner_assigneddate)).toBeGreaterThanOrEqual(before - 1000);
    expect(read.body.propertiesWithHistory.hubspot_owner_id[0]).toMatchObject({ value: '81300102', sourceType: 'INTEGRATION' });
    expect((await sandbox.call(`/crm/v3/objects/contacts/${id}`, { method: 'PATCH', body: { properties: { hubspot_owner_id: '42' } } })).status).toBe(400);
  });

  it('validates PATCH: unknown properties and bad enumeration values are 400s naming them', async () => {
    const unknown = await sandbox.call('/crm/v3/objects/contacts/101', { method: 'PATCH', body: { properties: { baton_not_created_yet: 'x' } } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.category).toBe('VALIDATION_ERROR');
    expect(unknown.body.message).toMatch(/PROPERTY_DOESNT_EXIST/);
    expect(unknown.body.message).toMatch(/baton_not_created_yet/);
    const badOption = await sandbox.call('/crm/v3/objects/contacts/101', { method: 'PATCH', body: { properties: { hs_lead_status: 'MAYBE' } } });
    expect(badOption.status).toBe(400);
    expect(badOption.body.message).toMatch(/INVALID_OPTION/);
    const notFound = await sandbox.call('/crm/v3/objects/contacts/999999', { method: 'PATCH', body: { properties: { hs_lead_status: 'OPEN' } } });
    expect(notFound.status).toBe(404);
  });
});

describe('engagements and associations', () => {
  it('creates a note associated to a contact and finds it via v4 associations, batch read and search', async () => {
    const contactId = SANDBOX_SCENARIOS.demoPrimary;
    const created = await sandbox.call('/crm/v3/objects/notes', {
      body: {
        properties: { hs_timestamp: '2026-11-22T15:30:00.000Z', hs_note_body: 'Baton disposition d-123: accepted', hubspot_owner_id: '81300101' },
        associations: [{ to: { id: contactId }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 202 }] }],
      },
    });
    expect(created.status).toBe(201);
    const noteId = created.body.id as string;
    expect(created.body.properties).toMatchObject({ hs_note_body: 'Baton disposition d-123: accepted', hs_timestamp: '2026-11-22T15:30:00.000Z', hs_object_id: noteId });

    const links = await sandbox.call(`/crm/v4/objects/contacts/${contactId}/associations/notes`);
    expect(links.status).toBe(200);
    const link = links.body.results.find((r: any) => String(r.toObjectId) === noteId);
    expect(link.associationTypes).toEqual([{ category: 'HUBSPOT_DEFINED', typeId: 201, label: null }]);

    const read = await sandbox.call('/crm/v3/objects/notes/batch/read', { body: { inputs: [{ id: noteId }], properties: ['hs_note_body'] } });
    expect(read.body.results[0].properties.hs_note_body).toBe('Baton disposition d-123: accepted');

    const search = await sandbox.call('/crm/v3/objects/notes/search', {
      body: { filterGroups: [{ filters: [{ propertyName: 'associations.contact', operator: 'EQ', value: contactId }] }], properties: ['hs_note_body'] },
    });
    expect(search.body.results.map((r: any) => r.id)).toContain(noteId);
  });

  it('finds a note by an id inside its body with CONTAINS_TOKEN (hyphenated ids match as a phrase)', async () => {
    const dispositionId = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
    const created = await sandbox.call('/crm/v3/objects/notes', {
      body: {
        properties: { hs_timestamp: '2026-11-22T15:40:00Z', hs_note_body: `<p>Disposition: rejected (no budget)</p><p>baton:${dispositionId}</p>` },
        associations: [{ to: { id: SANDBOX_SCENARIOS.breached }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 202 }] }],
      },
    });
    const search = (value: string) =>
      sandbox.call('/crm/v3/objects/notes/search', {
        body: {
          filterGroups: [{ filters: [
            { propertyName: 'associations.contact', operator: 'EQ', value: SANDBOX_SCENARIOS.breached },
            { propertyName: 'hs_note_body', operator: 'CONTAINS_TOKEN', value },
          ] }],
        },
      });
    expect((await search(dispositionId)).body.results.map((r: any) => r.id)).toEqual([created.body.id]);
    expect((await search('budget')).body.total).toBe(1);
    expect((await search('bud*')).body.total).toBe(1);
    expect((await search('7c9e6679-0000-40de-944b-e07fc1f90ae7')).body.total).toBe(0);
  });

  it('rejects creates with an unknown association target or a missing hs_timestamp', async () => {
    const badTarget = await sandbox.call('/crm/v3/objects/calls', {
      body: { properties: { hs_timestamp: '2026-11-22T15:30:00Z' }, associations: [{ to: { id: '999999' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 194 }] }] },
    });
    expect(badTarget.status).toBe(400);
    const noTimestamp = await sandbox.call('/crm/v3/objects/notes', { body: { properties: { hs_note_body: 'x' } } });
    expect(noTimestamp.status).toBe(400);
  });

  it('creates a default association with PUT and lists it from both sides', async () => {
    const note = await sandbox.call('/crm/v3/objects/notes', { body: { properties: { hs_timestamp: String(Date.parse('2026-11-22T15:31:00Z')), hs_note_body: 'unlinked' } } });
    expect(note.body.properties.hs_timestamp).toBe('2026-11-22T15:31:00.000Z');
    const put = await sandbox.call(`/crm/v4/objects/notes/${note.body.id}/associations/default/contacts/${SANDBOX_SCENARIOS.demoSecondary}`, { method: 'PUT' });
    expect(put.status).toBe(200);
    expect(put.body.status).toBe('COMPLETE');
    expect(put.body.results[0].associationSpec).toEqual({ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 202 });
    const fromNote = await sandbox.call(`/crm/v4/objects/notes/${note.body.id}/associations/contacts`);
    expect(fromNote.body.results.map((r: any) => String(r.toObjectId))).toEqual([SANDBOX_SCENARIOS.demoSecondary]);
  });

  it('lists the seeded touches for the touched lead: a call by the owner after assignment', async () => {
    const calls = await sandbox.call('/crm/v3/objects/calls/search', {
      body: {
        filterGroups: [{ filters: [{ propertyName: 'associations.contact', operator: 'EQ', value: SANDBOX_SCENARIOS.touched }] }],
        properties: ['hs_timestamp', 'hubspot_owner_id', 'hs_call_disposition'],
        sorts: [{ propertyName: 'hs_timestamp', direction: 'ASCENDING' }],
      },
    });
    expect(calls.body.total).toBe(1);
    const contact = await sandbox.call(`/crm/v3/objects/contacts/${SANDBOX_SCENARIOS.touched}?properties=hubspot_owner_id,hubspot_owner_assigneddate`);
    expect(calls.body.results[0].properties.hubspot_owner_id).toBe(contact.body.properties.hubspot_owner_id);
    expect(Date.parse(calls.body.results[0].properties.hs_timestamp)).toBeGreaterThan(Date.parse(contact.body.properties.hubspot_owner_assigneddate));
  });
});

describe('owners, deals, properties, account', () => {
  it('lists owners, filters by email and gets one by id', async () => {
    const all = await sandbox.call('/crm/v3/owners');
    expect(all.body.results.length).toBeGreaterThanOrEqual(5);
    const maya = await sandbox.call('/crm/v3/owners?email=maya.chen@tessellate.io');
    expect(maya.body.results).toHaveLength(1);
    const one = await sandbox.call(`/crm/v3/owners/${maya.body.results[0].id}`);
    expect(one.body).toMatchObject({ firstName: 'Maya', lastName: 'Chen', email: 'maya.chen@tessellate.io', archived: false, type: 'PERSON' });
    expect((await sandbox.call('/crm/v3/owners/1')).status).toBe(404);
  });

  it('reads deals associated to contacts', async () => {
    const deals = await sandbox.call('/crm/v3/objects/deals/search', {
      body: { filterGroups: [{ filters: [{ propertyName: 'hs_is_closed_won', operator: 'EQ', value: 'true' }] }], properties: ['dealname', 'amount', 'dealstage'] },
    });
    expect(deals.body.total).toBeGreaterThan(0);
    const deal = deals.body.results[0];
    expect(deal.properties.dealstage).toBe('closedwon');
    const contacts = await sandbox.call(`/crm/v4/objects/deals/${deal.id}/associations/contacts`);
    expect(contacts.body.results[0].associationTypes[0].typeId).toBe(3);
  });

  it('serves property definitions with options, creates groups and properties, 409 on duplicates', async () => {
    const leadStatus = await sandbox.call('/crm/v3/properties/contacts/hs_lead_status');
    expect(leadStatus.body.options.map((o: any) => o.value)).toEqual(['NEW', 'OPEN', 'IN_PROGRESS', 'OPEN_DEAL', 'UNQUALIFIED', 'ATTEMPTED_TO_CONTACT', 'CONNECTED', 'BAD_TIMING']);
    const challenge = await sandbox.call('/crm/v3/properties/contacts/biggest_challenge');
    expect(challenge.body).toMatchObject({ formField: true, label: "What's your biggest challenge?", groupName: 'marketing' });
    const group = await sandbox.call('/crm/v3/properties/contacts/groups', { body: { name: 'baton', label: 'Baton' } });
    expect(group.status).toBe(201);
    expect((await sandbox.call('/crm/v3/properties/contacts/groups', { body: { name: 'baton', label: 'Baton' } })).status).toBe(409);
    const property = await sandbox.call('/crm/v3/properties/contacts', {
      body: { name: 'baton_disposition_reason', label: 'Baton disposition reason', type: 'string', fieldType: 'text', groupName: 'baton' },
    });
    expect(property.status).toBe(201);
    const duplicate = await sandbox.call('/crm/v3/properties/contacts', {
      body: { name: 'baton_disposition_reason', label: 'again', type: 'string', fieldType: 'text', groupName: 'baton' },
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.category).toBe('OBJECT_ALREADY_EXISTS');
    const write = await sandbox.call(`/crm/v3/objects/contacts/${SANDBOX_SCENARIOS.atRisk}`, { method: 'PATCH', body: { properties: { baton_disposition_reason: 'no_budget' } } });
    expect(write.status).toBe(200);
    expect(write.body.properties.baton_disposition_reason).toBe('no_budget');
  });

  it('updates a custom property definition (options), refusing type changes on HubSpot-defined ones', async () => {
    const updated = await sandbox.call('/crm/v3/properties/contacts/budget_range', {
      method: 'PATCH',
      body: { options: [{ label: 'Under $25k', value: 'Under $25k' }, { label: '$25k+', value: '$25k+' }] },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.options.map((o: any) => o.value)).toEqual(['Under $25k', '$25k+']);
    expect((await sandbox.call(`/crm/v3/objects/contacts/${SANDBOX_SCENARIOS.atRisk}`, { method: 'PATCH', body: { properties: { budget_range: '$25k+' } } })).status).toBe(200);
    const refused = await sandbox.call('/crm/v3/properties/contacts/hs_lead_status', { method: 'PATCH', body: { type: 'string' } });
    expect(refused.status).toBe(400);
  });

  it('reads a contact by email with idProperty', async () => {
    const { status, body } = await sandbox.call('/crm/v3/objects/contacts/theo.quinn.data@gmail.com?idProperty=email&properties=jobtitle');
    expect(status).toBe(200);
    expect(body.id).toBe(SANDBOX_SCENARIOS.personalEmail);
    expect(body.properties.jobtitle).toBe('Student');
  });

  it('describes the account', async () => {
    const { body } = await sandbox.call('/account-info/v3/details');
    expect(body).toMatchObject({ portalId: 2400001, accountType: 'SANDBOX', timeZone: 'US/Eastern', companyCurrency: 'USD' });
  });
});

describe('web analytics and email events', () => {
  it('pages through ~1,200 events of the long-history lead, newest first, without duplicates', async () => {
    const ids = new Set<string>();
    let after: string | undefined;
    let previous = Number.POSITIVE_INFINITY;
    let pages = 0;
    do {
      const { status, body } = await sandbox.call(`/events/v3/events?objectType=contact&objectId=${SANDBOX_SCENARIOS.longHistory}&limit=100${after ? `&after=${after}` : ''}`);
      expect(status).toBe(200);
      for (const event of body.results) {
        ids.add(event.id);
        const at = Date.parse(event.occurredAt);
        expect(at).toBeLessThanOrEqual(previous);
        previous = at;
        expect(event.objectId).toBe(SANDBOX_SCENARIOS.longHistory);
        for (const value of Object.values(event.properties)) expect(typeof value).toBe('string');
      }
      after = body.paging?.next?.after;
      if (after) expect(body.paging.next.link).toContain(`after=${after}`);
      pages++;
    } while (after && pages < 50);
    expect(ids.size).toBeGreaterThanOrEqual(1150);
    expect(pages).toBeGreaterThanOrEqual(12);
  });

  it('filters events by type and time window and sorts ascending on request', async () => {
    const id = SANDBOX_SCENARIOS.demoPrimary;
    const forms = await sandbox.call(`/events/v3/events?objectType=contact&objectId=${id}&eventType=e_submitted_form`);
    expect(forms.body.results.length).toBeGreaterThanOrEqual(3);
    expect(forms.body.results.every((e: any) => e.eventType === 'e_submitted_form' && e.properties.hs_form_id)).toBe(true);
    const window = await sandbox.call(`/events/v3/events?objectType=contact&objectId=${id}&occurredAfter=2026-11-15T00:00:00Z&occurredBefore=2026-11-22T00:00:00Z&sort=occurredAt`);
    const times = window.body.results.map((e: any) => Date.parse(e.occurredAt));
    expect(times.every((t: number) => t >= Date.parse('2026-11-15T00:00:00Z') && t <= Date.parse('2026-11-22T00:00:00Z'))).toBe(true);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    const types = await sandbox.call('/events/v3/events/event-types');
    expect(types.body.eventTypes).toEqual(expect.arrayContaining(['e_visited_page', 'e_submitted_form', 'pe2400001_content_downloaded', 'pe2400001_webinar_attended']));
  });

  it('serves marketing email events with offset paging, bot-filtered opens and campaigns', async () => {
    const recipient = 'elena.marsh@brightlinelogistics.com';
    const all: any[] = [];
    let offset: string | undefined;
    let more = true;
    while (more) {
      const { body } = await sandbox.call(`/email/public/v1/events?recipient=${encodeURIComponent(recipient)}&limit=4${offset ? `&offset=${offset}` : ''}`);
      all.push(...body.events);
      more = body.hasMore;
      offset = body.offset;
    }
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
    expect(all.every((e) => e.recipient === recipient && typeof e.created === 'number')).toBe(true);
    expect(all.some((e) => e.type === 'DELIVERED')).toBe(true);
    const filtered = all.find((e) => e.type === 'OPEN' && e.filteredEvent === true);
    expect(filtered).toBeDefined();
    const delivered = all.find((e) => e.type === 'DELIVERED' && e.sentBy.id === filtered.sentBy.id);
    expect(filtered.created - delivered.created).toBeLessThanOrEqual(5000);
    const clicks = await sandbox.call(`/email/public/v1/events?recipient=${encodeURIComponent(recipient)}&eventType=CLICK`);
    expect(clicks.body.events.every((e: any) => e.type === 'CLICK' && e.url)).toBe(true);
    const campaign = await sandbox.call(`/email/public/v1/campaigns/${all[0].emailCampaignId}`);
    expect(campaign.body).toMatchObject({ id: all[0].emailCampaignId, appName: 'BatchEmail' });
    expect(typeof campaign.body.subject).toBe('string');
  });
});

describe('pages', () => {
  it('redirects / to the contacts list and serves record pages, 404 for unknown pages', async () => {
    const root = await fetch(`${sandbox.server.url}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/contacts/2400001/objects/0-1/views/all/list');
    const record = await fetch(`${sandbox.server.url}/contacts/2400001/record/0-1/101`);
    expect(record.status).toBe(200);
    expect(await record.text()).toContain('Sandbox CRM');
    const script = await fetch(`${sandbox.server.url}/sandbox-assets/app.js`);
    const source = await script.text();
    expect(source).toContain('pushState');
    expect(source).not.toMatch(/innerHTML|insertAdjacentHTML|outerHTML/);
    expect((await fetch(`${sandbox.server.url}/reports/2400001`)).status).toBe(200);
    expect((await fetch(`${sandbox.server.url}/contacts/2400001/nope`)).status).toBe(404);
  });
});
