import { describe, expect, it } from 'vitest';
import { SANDBOX_SCENARIOS } from '../../lib/sandbox/scenarios';
import { sandboxForThisFile } from './sandbox-for-this-file';

/**
 * The sandbox's contacts API as HubSpot documents it: reads with properties, history and
 * associations; list paging; batch reads (207 for missing ids); search filters, sorts and paging;
 * and PATCH (idempotent, stamps the owner assignment date, validates property names and options).
 */

const sandbox = sandboxForThisFile();

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
