import { describe, expect, it } from 'vitest';
import { SANDBOX_SCENARIOS } from '../../lib/sandbox/scenarios';
import { sandboxForThisFile } from './sandbox-for-this-file';

/**
 * The rest of the sandbox's CRM: owners, deals associated to contacts, property definitions
 * (creating Baton's group and properties, 409 on duplicates, editing options), reading a contact
 * by email, and the account details.
 */

const sandbox = sandboxForThisFile();

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
