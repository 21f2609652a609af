/**
 * HubSpot Leads (object 0-136) in the sandbox: the object API, v4 associations as HubSpot lists
 * them (primary label 578 next to the unlabeled 608; 609 back from the contact), HubSpot's create
 * rules, the record pages, and Baton's own resolver reading it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHubSpotClient } from '../../lib/crm/hubspot/hubspot-client';
import { resolveHubSpotLeadContact } from '../../lib/crm/hubspot/resolve-lead-contact';
import { SANDBOX_LEAD_SCENARIOS, SANDBOX_PORTAL_ID, SANDBOX_SCENARIOS } from '../../lib/sandbox/scenarios';
import { seedSandboxData } from '../../lib/sandbox/seed-data';
import { TEST_NOW, startTestSandbox } from './sandbox-test-kit';
import type { TestSandbox } from './sandbox-test-kit';

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => {
  await sandbox.stop();
});

const PRIMARY = { category: 'HUBSPOT_DEFINED', typeId: 578, label: 'Lead with Primary Contact' };
const UNLABELED = { category: 'HUBSPOT_DEFINED', typeId: 608, label: null };

describe('leads object API', () => {
  it('reads a lead by id, by its object type id, with the properties asked for', async () => {
    const id = SANDBOX_LEAD_SCENARIOS.demoPrimary;
    const res = await sandbox.call(`/crm/v3/objects/leads/${id}?properties=hs_lead_name,hs_pipeline_stage,hubspot_owner_id`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id, archived: false, properties: { hs_object_id: id, hs_lead_name: 'Elena Marsh', hs_pipeline_stage: 'new-stage-id' } });
    const contact = await sandbox.call(`/crm/v3/objects/contacts/${SANDBOX_SCENARIOS.demoPrimary}?properties=hubspot_owner_id`);
    expect(res.body.properties.hubspot_owner_id).toBe(contact.body.properties.hubspot_owner_id);
    expect((await sandbox.call(`/crm/v3/objects/0-136/${id}`)).body.id).toBe(id);
    expect((await sandbox.call('/crm/v3/objects/leads/424242')).status).toBe(404);
  });

  it('lists, batch-reads and searches leads', async () => {
    const list = await sandbox.call('/crm/v3/objects/leads?limit=100&properties=hs_lead_name');
    expect(list.body.results.map((lead: { id: string }) => lead.id).sort()).toEqual(Object.values(SANDBOX_LEAD_SCENARIOS).sort());
    const batch = await sandbox.call('/crm/v3/objects/leads/batch/read', { body: { inputs: [{ id: SANDBOX_LEAD_SCENARIOS.noContact }, { id: '1' }], properties: ['hs_lead_name'] } });
    expect(batch.status).toBe(207);
    expect(batch.body.results[0].properties.hs_lead_name).toBe('Trade-show badge scan');
    const search = await sandbox.call('/crm/v3/objects/leads/search', { body: { filterGroups: [{ filters: [{ propertyName: 'hs_pipeline_stage', operator: 'EQ', value: 'attempting-stage-id' }] }] } });
    expect(search.body.results.map((lead: { id: string }) => lead.id)).toEqual([SANDBOX_LEAD_SCENARIOS.twoContacts]);
  });
});

describe('lead ↔ contact associations (v4)', () => {
  it("lists a lead's contact with the primary label's type and the unlabeled one, as HubSpot does", async () => {
    const res = await sandbox.call(`/crm/v4/objects/leads/${SANDBOX_LEAD_SCENARIOS.demoPrimary}/associations/contacts`);
    expect(res.body.results).toEqual([{ toObjectId: Number(SANDBOX_SCENARIOS.demoPrimary), associationTypes: [PRIMARY, UNLABELED] }]);
  });

  it('a second, unlabeled contact carries only 608, whatever its order', async () => {
    const res = await sandbox.call(`/crm/v4/objects/0-136/${SANDBOX_LEAD_SCENARIOS.twoContacts}/associations/contacts`);
    expect(res.body.results).toEqual([
      { toObjectId: Number(SANDBOX_SCENARIOS.sequenceOnly), associationTypes: [UNLABELED] },
      { toObjectId: Number(SANDBOX_SCENARIOS.touched), associationTypes: [PRIMARY, UNLABELED] },
    ]);
  });

  it('a lead without a contact has no results; the contact side lists its lead as type 609', async () => {
    expect((await sandbox.call(`/crm/v4/objects/leads/${SANDBOX_LEAD_SCENARIOS.noContact}/associations/contacts`)).body.results).toEqual([]);
    const back = await sandbox.call(`/crm/v4/objects/contacts/${SANDBOX_SCENARIOS.demoPrimary}/associations/leads`);
    expect(back.body.results).toEqual([{ toObjectId: Number(SANDBOX_LEAD_SCENARIOS.demoPrimary), associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 609, label: null }] }]);
    const batch = await sandbox.call('/crm/v4/associations/leads/contacts/batch/read', { body: { inputs: [{ id: SANDBOX_LEAD_SCENARIOS.twoContacts }] } });
    expect(batch.body.results[0].to.map((t: { toObjectId: number }) => t.toObjectId)).toEqual([Number(SANDBOX_SCENARIOS.sequenceOnly), Number(SANDBOX_SCENARIOS.touched)]);
  });

  it("Baton's resolver finds the primary contact, not the first listed, and null for a lead without one", async () => {
    const client = createHubSpotClient({ baseUrl: sandbox.server.url, getAccessToken: async () => 'sandbox' });
    expect(await resolveHubSpotLeadContact(client, SANDBOX_LEAD_SCENARIOS.demoPrimary)).toBe(SANDBOX_SCENARIOS.demoPrimary);
    expect(await resolveHubSpotLeadContact(client, SANDBOX_LEAD_SCENARIOS.twoContacts)).toBe(SANDBOX_SCENARIOS.touched);
    expect(await resolveHubSpotLeadContact(client, SANDBOX_LEAD_SCENARIOS.noContact)).toBeNull();
  });
});

describe("creating leads follows HubSpot's rules", () => {
  const toContact = (typeId: number) => [{ to: { id: SANDBOX_SCENARIOS.noEngagement }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: typeId }] }];

  it('needs hs_lead_name and an associated contact', async () => {
    const noName = await sandbox.call('/crm/v3/objects/leads', { body: { properties: { hs_lead_type: 'NEW_BUSINESS' }, associations: toContact(578) } });
    expect(noName.status).toBe(400);
    expect(noName.body.message).toMatch(/hs_lead_name/);
    const noContact = await sandbox.call('/crm/v3/objects/leads', { body: { properties: { hs_lead_name: 'Nobody' } } });
    expect(noContact.status).toBe(400);
    expect(noContact.body.message).toMatch(/associated with an existing contact/);
  });

  it('a lead created with type 578 lists its contact as primary', async () => {
    const created = await sandbox.call('/crm/v3/objects/leads', { body: { properties: { hs_lead_name: 'Trade-show follow-up' }, associations: toContact(578) } });
    expect(created.status).toBe(201);
    const links = await sandbox.call(`/crm/v4/objects/leads/${created.body.id}/associations/contacts`);
    expect(links.body.results).toEqual([{ toObjectId: Number(SANDBOX_SCENARIOS.noEngagement), associationTypes: [PRIMARY, UNLABELED] }]);
    const unlabeled = await sandbox.call('/crm/v3/objects/leads', { body: { properties: { hs_lead_name: 'Second' }, associations: toContact(608) } });
    expect((await sandbox.call(`/crm/v4/objects/leads/${unlabeled.body.id}/associations/contacts`)).body.results[0].associationTypes).toEqual([UNLABELED]);
  });
});

describe('lead pages', () => {
  it('serves the lead record and the Leads index in HubSpot URL forms', async () => {
    for (const path of [`/contacts/${SANDBOX_PORTAL_ID}/record/0-136/${SANDBOX_LEAD_SCENARIOS.demoPrimary}`, `/contacts/${SANDBOX_PORTAL_ID}/objects/0-136/views/all/list`]) {
      const res = await fetch(`${sandbox.server.url}${path}`);
      expect(res.status, path).toBe(200);
      expect(await res.text()).toContain('/sandbox-assets/app.js');
    }
    expect((await fetch(`${sandbox.server.url}/contacts/${SANDBOX_PORTAL_ID}/record/0-136/abc`)).status).toBe(404);
  });
});

describe('seed', () => {
  it('gives the same leads for the same clock, each tied to existing contacts', () => {
    const a = seedSandboxData(TEST_NOW);
    const b = seedSandboxData(TEST_NOW);
    expect(JSON.stringify(a.records.leads)).toBe(JSON.stringify(b.records.leads));
    const contactIds = new Set(a.records.contacts.map((contact) => contact.id));
    const links = a.associations.filter((link) => link.fromType === 'leads');
    expect(links.every((link) => contactIds.has(link.toId))).toBe(true);
    // One primary contact per lead that has contacts.
    for (const lead of a.records.leads) {
      const own = links.filter((link) => link.fromId === lead.id);
      if (own.length) expect(own.filter((link) => link.primary).length, lead.id).toBe(1);
    }
  });

  it('a data file written before leads existed still loads (no leads, contacts intact)', async () => {
    const old = await startTestSandbox();
    const dataFile = old.dataFile;
    await old.stop({ keepDir: true });
    const raw = JSON.parse(readFileSync(dataFile, 'utf8'));
    delete raw.records.leads;
    delete raw.properties.leads;
    delete raw.groups.leads;
    raw.associations = raw.associations.filter((link: { fromType: string }) => link.fromType !== 'leads');
    writeFileSync(dataFile, JSON.stringify(raw));
    const reopened = await startTestSandbox({ dir: old.dir, dataFile });
    try {
      expect((await reopened.call('/crm/v3/objects/leads')).body.results).toEqual([]);
      expect((await reopened.call(`/crm/v3/objects/contacts/${SANDBOX_SCENARIOS.demoPrimary}`)).status).toBe(200);
    } finally {
      await reopened.stop();
    }
  });
});
