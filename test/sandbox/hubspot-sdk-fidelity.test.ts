/**
 * HubSpot's official SDK is the sandbox's contract: every endpoint the SDK covers is called
 * through it here, and the parsed models (dates, enums, nested types) are checked.
 */
import { Client } from '@hubspot/api-client';
import { FilterOperatorEnum } from '@hubspot/api-client/lib/codegen/crm/contacts/models/Filter';
import { FilterOperatorEnum as DealFilterOperator } from '@hubspot/api-client/lib/codegen/crm/deals/models/Filter';
import { FilterOperatorEnum as EmailFilterOperator } from '@hubspot/api-client/lib/codegen/crm/objects/emails/models/Filter';
import { FilterOperatorEnum as NoteFilterOperator } from '@hubspot/api-client/lib/codegen/crm/objects/notes/models/Filter';
import { AssociationSpecAssociationCategoryEnum } from '@hubspot/api-client/lib/codegen/crm/objects/notes/models/AssociationSpec';
import { AssociationSpecAssociationCategoryEnum as CallAssociationCategory } from '@hubspot/api-client/lib/codegen/crm/objects/calls/models/AssociationSpec';
import { PropertyCreateFieldTypeEnum, PropertyCreateTypeEnum } from '@hubspot/api-client/lib/codegen/crm/properties/models/PropertyCreate';
import { AssociationSpecAssociationCategoryEnum as LeadAssociationCategory } from '@hubspot/api-client/lib/codegen/crm/objects/leads/models/AssociationSpec';
import { FilterOperatorEnum as LeadFilterOperator } from '@hubspot/api-client/lib/codegen/crm/objects/leads/models/Filter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_LEAD_SCENARIOS, SANDBOX_SCENARIOS } from '../../lib/sandbox/scenarios';
import { startTestSandbox } from './sandbox-test-kit';
import type { TestSandbox } from './sandbox-test-kit';

let sandbox: TestSandbox;
let client: Client;
beforeAll(async () => {
  sandbox = await startTestSandbox();
  client = new Client({ accessToken: 'sandbox', basePath: sandbox.server.url });
});
afterAll(async () => {
  await sandbox.stop();
});

describe('contacts via the SDK', () => {
  it('basicApi.getById parses properties, history (dates) and associations', async () => {
    const contact = await client.crm.contacts.basicApi.getById(
      SANDBOX_SCENARIOS.demoPrimary,
      ['firstname', 'lastname', 'email', 'hubspot_owner_id', 'biggest_challenge', 'hs_lead_status'],
      ['hubspot_owner_id', 'biggest_challenge'],
      ['notes', 'tasks'],
    );
    expect(contact.id).toBe(SANDBOX_SCENARIOS.demoPrimary);
    expect(contact.properties.firstname).toBe('Elena');
    expect(contact.createdAt).toBeInstanceOf(Date);
    expect(contact.updatedAt).toBeInstanceOf(Date);
    expect(contact.archived).toBe(false);
    const history = contact.propertiesWithHistory?.biggest_challenge?.[0];
    expect(history?.timestamp).toBeInstanceOf(Date);
    expect(history?.sourceType).toBe('FORM');
    expect(history?.sourceLabel).toBe('Contact sales');
    expect(contact.propertiesWithHistory?.hubspot_owner_id?.[0]?.sourceLabel).toBe('Round robin — contact sales');
    expect(contact.associations?.tasks?.results[0]?.id).toMatch(/^\d+$/);
  });

  it('basicApi.getPage pages through contacts', async () => {
    const first = await client.crm.contacts.basicApi.getPage(25, undefined, ['email', 'company']);
    expect(first.results).toHaveLength(25);
    expect(first.results[0]?.properties.email).toContain('@');
    const after = first.paging?.next?.after;
    expect(after).toBeTruthy();
    const second = await client.crm.contacts.basicApi.getPage(25, after, ['email']);
    expect(second.results[0]?.id).not.toBe(first.results[0]?.id);
  });

  it('basicApi.update writes and returns the object; bad values raise the SDK ApiException with HubSpot\'s body', async () => {
    const updated = await client.crm.contacts.basicApi.update(SANDBOX_SCENARIOS.breached, { properties: { hs_lead_status: 'ATTEMPTED_TO_CONTACT' } });
    expect(updated.properties.hs_lead_status).toBe('ATTEMPTED_TO_CONTACT');
    expect(updated.updatedAt).toBeInstanceOf(Date);
    await expect(client.crm.contacts.basicApi.update(SANDBOX_SCENARIOS.breached, { properties: { no_such_property: 'x' } })).rejects.toMatchObject({
      code: 400,
      body: expect.objectContaining({ category: 'VALIDATION_ERROR' }),
    });
    await expect(client.crm.contacts.basicApi.getById('999999')).rejects.toMatchObject({ code: 404 });
  });

  it('a value HubSpot refuses (a text over 65,536 characters) is an ApiException carrying the VALIDATION_ERROR body', async () => {
    const refused = await client.crm.contacts.basicApi.update(SANDBOX_SCENARIOS.breached, { properties: { message: 'm'.repeat(65_537) } }).then(
      () => null,
      (error: unknown) => error as { code: number; body: any },
    );
    expect(refused?.code).toBe(400);
    expect(refused?.body).toMatchObject({
      status: 'error',
      category: 'VALIDATION_ERROR',
      correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      message: expect.stringMatching(/^Property values were not valid: \[\{"isValid":false,/),
      errors: [{ code: 'VALUE_TOO_LONG', message: expect.any(String), context: { propertyName: ['message'] } }],
    });
    const unchanged = await client.crm.contacts.basicApi.getById(SANDBOX_SCENARIOS.breached, ['message']);
    expect(unchanged.properties.message?.length ?? 0).toBeLessThan(65_537);
  });

  it('searchApi.doSearch with filters, sorts and paging', async () => {
    const page = await client.crm.contacts.searchApi.doSearch({
      filterGroups: [{ filters: [{ propertyName: 'lifecyclestage', operator: FilterOperatorEnum.Eq, value: 'marketingqualifiedlead' }] }],
      sorts: ['-createdate'],
      properties: ['lifecyclestage', 'createdate'],
      limit: 5,
      after: '0',
    });
    expect(page.total).toBeGreaterThan(5);
    expect(page.results).toHaveLength(5);
    expect(page.results.every((r) => r.properties.lifecyclestage === 'marketingqualifiedlead')).toBe(true);
    const dates = page.results.map((r) => Date.parse(r.properties.createdate ?? ''));
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
    expect(page.paging?.next?.after).toBe('5');
  });

  it('batchApi.update updates several contacts; a bad value rejects the whole batch', async () => {
    const result = await client.crm.contacts.batchApi.update({
      inputs: [
        { id: SANDBOX_SCENARIOS.competitor, properties: { hs_lead_status: 'UNQUALIFIED' } },
        { id: SANDBOX_SCENARIOS.personalEmail, properties: { hs_lead_status: 'UNQUALIFIED' } },
      ],
    });
    expect(result.status).toBe('COMPLETE');
    expect(result.results.map((r) => r.properties.hs_lead_status)).toEqual(['UNQUALIFIED', 'UNQUALIFIED']);
    await expect(
      client.crm.contacts.batchApi.update({ inputs: [{ id: SANDBOX_SCENARIOS.competitor, properties: { hs_lead_status: 'OPEN' } }, { id: SANDBOX_SCENARIOS.personalEmail, properties: { hs_lead_status: 'NOPE' } }] }),
    ).rejects.toMatchObject({ code: 400 });
    const unchanged = await client.crm.contacts.basicApi.getById(SANDBOX_SCENARIOS.competitor, ['hs_lead_status']);
    expect(unchanged.properties.hs_lead_status).toBe('UNQUALIFIED');
  });

  it('batchApi.read returns the requested contacts', async () => {
    const batch = await client.crm.contacts.batchApi.read({
      inputs: [{ id: SANDBOX_SCENARIOS.demoPrimary }, { id: SANDBOX_SCENARIOS.demoSecondary }],
      properties: ['email'],
      propertiesWithHistory: ['hs_lead_status'],
    });
    expect(batch.status).toBe('COMPLETE');
    expect(batch.results.map((r) => r.id).sort()).toEqual([SANDBOX_SCENARIOS.demoPrimary, SANDBOX_SCENARIOS.demoSecondary]);
    expect(batch.startedAt).toBeInstanceOf(Date);
    expect(batch.results[0]?.propertiesWithHistory?.hs_lead_status?.[0]?.timestamp).toBeInstanceOf(Date);
  });
});

describe('the whole seeded portal through the SDK', () => {
  it('every contact, with every property and its history, parses into valid SDK models', async () => {
    const names = (await client.crm.properties.coreApi.getAll('contacts')).results.map((property) => property.name);
    const ids: string[] = [];
    let after: string | undefined;
    do {
      const page = await client.crm.contacts.basicApi.getPage(100, after);
      ids.push(...page.results.map((contact) => contact.id));
      after = page.paging?.next?.after;
    } while (after);
    expect(ids.length).toBeGreaterThanOrEqual(40);
    for (const id of ids) {
      const contact = await client.crm.contacts.basicApi.getById(id, names, names, ['calls', 'emails', 'meetings', 'notes', 'tasks', 'deals']);
      expect(Number.isNaN(contact.createdAt.getTime())).toBe(false);
      for (const [name, value] of Object.entries(contact.properties)) {
        expect(value === null || typeof value === 'string', `${id}.${name}`).toBe(true);
      }
      for (const [name, entries] of Object.entries(contact.propertiesWithHistory ?? {})) {
        for (const entry of entries) {
          expect(Number.isNaN(entry.timestamp.getTime()), `${id}.${name} history`).toBe(false);
          expect(typeof entry.value).toBe('string');
          expect(entry.sourceType).toMatch(/^[A-Z_]+$/);
        }
        if (contact.properties[name] !== null && entries.length > 0) expect(entries[0]?.value, `${id}.${name} newest history = value`).toBe(contact.properties[name]);
      }
    }
  });
});

describe('engagements and associations via the SDK', () => {
  it('notes: create with a HUBSPOT_DEFINED association, then read it back', async () => {
    const note = await client.crm.objects.notes.basicApi.create({
      properties: { hs_timestamp: new Date().toISOString(), hs_note_body: 'Baton: accepted (d-42)', hubspot_owner_id: '81300101' },
      associations: [{ to: { id: SANDBOX_SCENARIOS.demoPrimary }, types: [{ associationCategory: AssociationSpecAssociationCategoryEnum.HubspotDefined, associationTypeId: 202 }] }],
    });
    expect(note.id).toMatch(/^\d+$/);
    expect(note.properties.hs_note_body).toBe('Baton: accepted (d-42)');
    expect(note.createdAt).toBeInstanceOf(Date);
    const read = await client.crm.objects.notes.basicApi.getById(note.id, ['hs_note_body', 'hubspot_owner_id']);
    expect(read.properties.hubspot_owner_id).toBe('81300101');
    const batch = await client.crm.objects.notes.batchApi.read({ inputs: [{ id: note.id }], properties: ['hs_note_body'], propertiesWithHistory: [] });
    expect(batch.results[0]?.properties.hs_note_body).toBe('Baton: accepted (d-42)');
    const search = await client.crm.objects.notes.searchApi.doSearch({
      filterGroups: [{ filters: [{ propertyName: 'associations.contact', operator: NoteFilterOperator.Eq, value: SANDBOX_SCENARIOS.demoPrimary }] }],
      properties: ['hs_note_body'],
      limit: 100,
    });
    expect(search.results.map((r) => r.id)).toContain(note.id);
  });

  it('notes: batchApi.create creates several notes with associations', async () => {
    const created = await client.crm.objects.notes.batchApi.create({
      inputs: [1, 2].map((n) => ({
        properties: { hs_timestamp: new Date().toISOString(), hs_note_body: `batch note ${n}` },
        associations: [{ to: { id: SANDBOX_SCENARIOS.touched }, types: [{ associationCategory: AssociationSpecAssociationCategoryEnum.HubspotDefined, associationTypeId: 202 }] }],
      })),
    });
    expect(created.results.map((r) => r.properties.hs_note_body).sort()).toEqual(['batch note 1', 'batch note 2']);
    const links = await client.crm.associations.v4.basicApi.getPage('contacts', SANDBOX_SCENARIOS.touched, 'notes');
    const linked = links.results.map((r) => String(r.toObjectId));
    for (const note of created.results) expect(linked).toContain(note.id);
  });

  it('calls: create with an association and list via associations v4 getPage', async () => {
    const call = await client.crm.objects.calls.basicApi.create({
      properties: { hs_timestamp: new Date().toISOString(), hs_call_title: 'First touch', hs_call_direction: 'OUTBOUND', hs_call_disposition: 'f240bbac-87c9-4f6e-bf70-924b57d47db7', hubspot_owner_id: '81300103' },
      associations: [{ to: { id: SANDBOX_SCENARIOS.justHandedOff }, types: [{ associationCategory: CallAssociationCategory.HubspotDefined, associationTypeId: 194 }] }],
    });
    const page = await client.crm.associations.v4.basicApi.getPage('contacts', SANDBOX_SCENARIOS.justHandedOff, 'calls');
    const found = page.results.find((r) => String(r.toObjectId) === call.id);
    expect(found?.associationTypes[0]).toMatchObject({ category: 'HUBSPOT_DEFINED', typeId: 193 });
  });

  it('associations v4 createDefault links a note to a contact', async () => {
    const note = await client.crm.objects.notes.basicApi.create({ properties: { hs_timestamp: new Date().toISOString(), hs_note_body: 'to link' } });
    const result = await client.crm.associations.v4.basicApi.createDefault('notes', note.id, 'contacts', SANDBOX_SCENARIOS.demoSecondary);
    expect(result.status).toBe('COMPLETE');
    expect(result.completedAt).toBeInstanceOf(Date);
    expect(result.results[0]?._from.id).toBe(note.id);
    expect(result.results[0]?.associationSpec.associationTypeId).toBe(202);
    const back = await client.crm.associations.v4.basicApi.getPage('notes', note.id, 'contacts');
    expect(back.results.map((r) => String(r.toObjectId))).toEqual([SANDBOX_SCENARIOS.demoSecondary]);
  });

  it('archives notes and associations (basicApi.archive, associations v4 archive)', async () => {
    const note = await client.crm.objects.notes.basicApi.create({
      properties: { hs_timestamp: new Date().toISOString(), hs_note_body: 'duplicate to remove' },
      associations: [{ to: { id: SANDBOX_SCENARIOS.atRisk }, types: [{ associationCategory: AssociationSpecAssociationCategoryEnum.HubspotDefined, associationTypeId: 202 }] }],
    });
    await client.crm.associations.v4.basicApi.archive('notes', note.id, 'contacts', SANDBOX_SCENARIOS.atRisk);
    expect((await client.crm.associations.v4.basicApi.getPage('notes', note.id, 'contacts')).results).toEqual([]);
    await client.crm.objects.notes.basicApi.archive(note.id);
    await expect(client.crm.objects.notes.basicApi.getById(note.id)).rejects.toMatchObject({ code: 404 });
    const archived = await client.crm.objects.notes.basicApi.getById(note.id, ['hs_note_body'], undefined, undefined, true);
    expect(archived.archived).toBe(true);
    expect(archived.archivedAt).toBeInstanceOf(Date);
    const search = await client.crm.objects.notes.searchApi.doSearch({ filterGroups: [{ filters: [{ propertyName: 'hs_note_body', operator: NoteFilterOperator.ContainsToken, value: 'duplicate' }] }] });
    expect(search.results.map((r) => r.id)).not.toContain(note.id);
  });

  it('other engagement types read through their SDK apis', async () => {
    const meetings = await client.crm.objects.meetings.basicApi.getPage(10, undefined, ['hs_meeting_title', 'hs_meeting_start_time']);
    expect(meetings.results.length).toBeGreaterThan(0);
    const emails = await client.crm.objects.emails.searchApi.doSearch({
      filterGroups: [{ filters: [{ propertyName: 'associations.contact', operator: EmailFilterOperator.Eq, value: SANDBOX_SCENARIOS.sequenceOnly }] }],
      properties: ['hs_email_subject', 'hs_sequence_id'],
    });
    expect(emails.total).toBeGreaterThan(0);
    const tasks = await client.crm.objects.tasks.basicApi.getPage(10, undefined, ['hs_task_subject', 'hs_task_status']);
    expect(tasks.results.length).toBeGreaterThan(0);
  });
});

describe('HubSpot Leads (0-136) via the SDK', () => {
  it('leads: getById, getPage, batch read and search parse into the SDK models', async () => {
    const lead = await client.crm.objects.leads.basicApi.getById(SANDBOX_LEAD_SCENARIOS.demoPrimary, ['hs_lead_name', 'hs_pipeline_stage', 'hubspot_owner_id'], ['hs_pipeline_stage'], ['contacts']);
    expect(lead.id).toBe(SANDBOX_LEAD_SCENARIOS.demoPrimary);
    expect(lead.properties.hs_lead_name).toBe('Elena Marsh');
    expect(lead.createdAt).toBeInstanceOf(Date);
    expect(lead.propertiesWithHistory?.hs_pipeline_stage?.[0]?.timestamp).toBeInstanceOf(Date);
    expect(lead.associations?.contacts?.results.map((r) => r.id)).toEqual([SANDBOX_SCENARIOS.demoPrimary]);

    const page = await client.crm.objects.leads.basicApi.getPage(100, undefined, ['hs_lead_name']);
    expect(page.results.map((r) => r.id)).toEqual(expect.arrayContaining(Object.values(SANDBOX_LEAD_SCENARIOS)));

    const batch = await client.crm.objects.leads.batchApi.read({ inputs: [{ id: SANDBOX_LEAD_SCENARIOS.noContact }, { id: SANDBOX_LEAD_SCENARIOS.twoContacts }], properties: ['hs_lead_name'], propertiesWithHistory: [] });
    expect(batch.status).toBe('COMPLETE');
    expect(batch.results.map((r) => r.id).sort()).toEqual([SANDBOX_LEAD_SCENARIOS.noContact, SANDBOX_LEAD_SCENARIOS.twoContacts].sort());

    const found = await client.crm.objects.leads.searchApi.doSearch({
      filterGroups: [{ filters: [{ propertyName: 'hs_lead_label', operator: LeadFilterOperator.Eq, value: 'HOT' }] }],
      properties: ['hs_lead_name'],
      limit: 10,
    });
    expect(found.results.map((r) => r.id)).toEqual([SANDBOX_LEAD_SCENARIOS.demoPrimary]);
  });

  it("associations v4 getPage lists a lead's contacts with the primary type (578) and the unlabeled one (608)", async () => {
    const page = await client.crm.associations.v4.basicApi.getPage('leads', SANDBOX_LEAD_SCENARIOS.twoContacts, 'contacts');
    expect(page.results.map((r) => [String(r.toObjectId), r.associationTypes.map((t) => t.typeId)])).toEqual([
      [SANDBOX_SCENARIOS.sequenceOnly, [608]],
      [SANDBOX_SCENARIOS.touched, [578, 608]],
    ]);
    expect(page.results[1]?.associationTypes[0]?.category).toBe('HUBSPOT_DEFINED');
    const none = await client.crm.associations.v4.basicApi.getPage('leads', SANDBOX_LEAD_SCENARIOS.noContact, 'contacts');
    expect(none.results).toEqual([]);
  });

  it('leads: basicApi.create with a lead-to-primary-contact association; without a contact HubSpot refuses', async () => {
    const created = await client.crm.objects.leads.basicApi.create({
      properties: { hs_lead_name: 'SDK lead', hs_lead_type: 'NEW_BUSINESS' },
      associations: [{ to: { id: SANDBOX_SCENARIOS.noEngagement }, types: [{ associationCategory: LeadAssociationCategory.HubspotDefined, associationTypeId: 578 }] }],
    });
    expect(created.id).toMatch(/^\d+$/);
    const back = await client.crm.associations.v4.basicApi.getPage('contacts', SANDBOX_SCENARIOS.noEngagement, 'leads');
    expect(back.results.find((r) => String(r.toObjectId) === created.id)?.associationTypes.map((t) => t.typeId)).toEqual([609]);
    await expect(client.crm.objects.leads.basicApi.create({ properties: { hs_lead_name: 'orphan' }, associations: [] })).rejects.toMatchObject({ code: 400 });
  });
});

describe('deals, owners, properties, events via the SDK', () => {
  it('deals: getPage, getById with associations, search, batch read', async () => {
    const page = await client.crm.deals.basicApi.getPage(10, undefined, ['dealname', 'amount', 'dealstage', 'hs_is_closed_won']);
    expect(page.results.length).toBeGreaterThan(0);
    const deal = page.results[0]!;
    const one = await client.crm.deals.basicApi.getById(deal.id, ['dealname', 'amount', 'closedate'], undefined, ['contacts']);
    expect(one.properties.dealname).toBe(deal.properties.dealname);
    expect(one.associations?.contacts?.results[0]?.type).toBe('deal_to_contact');
    const won = await client.crm.deals.searchApi.doSearch({ filterGroups: [{ filters: [{ propertyName: 'dealstage', operator: DealFilterOperator.Eq, value: 'closedwon' }] }], properties: ['amount'] });
    expect(won.total).toBeGreaterThan(0);
    const batch = await client.crm.deals.batchApi.read({ inputs: [{ id: deal.id }], properties: ['amount'], propertiesWithHistory: ['dealstage'] });
    expect(batch.results[0]?.propertiesWithHistory?.dealstage?.length).toBeGreaterThan(0);
  });

  it('owners: getPage with an email filter and getById', async () => {
    const page = await client.crm.owners.ownersApi.getPage('jordan.ellis@tessellate.io');
    expect(page.results).toHaveLength(1);
    const owner = page.results[0]!;
    expect(owner.createdAt).toBeInstanceOf(Date);
    expect(owner.type).toBe('PERSON');
    const byId = await client.crm.owners.ownersApi.getById(Number(owner.id));
    expect(byId).toMatchObject({ firstName: 'Jordan', lastName: 'Ellis', userId: owner.userId, archived: false });
    expect(byId.teams?.[0]?.name).toBe('Inbound SDR');
  });

  it('properties: coreApi getAll/getByName/create and groupsApi', async () => {
    const all = await client.crm.properties.coreApi.getAll('contacts');
    const names = all.results.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['hs_lead_status', 'lifecyclestage', 'hubspot_owner_id', 'biggest_challenge', 'campaign_name']));
    const status = await client.crm.properties.coreApi.getByName('contacts', 'hs_lead_status');
    expect(status.type).toBe('enumeration');
    expect(status.options.find((o) => o.value === 'UNQUALIFIED')?.label).toBe('Unqualified');
    expect(status.createdAt).toBeInstanceOf(Date);
    const group = await client.crm.properties.groupsApi.create('contacts', { name: 'baton_sdk', label: 'Baton (SDK test)' });
    expect(group).toMatchObject({ name: 'baton_sdk', archived: false });
    const groups = await client.crm.properties.groupsApi.getAll('contacts');
    expect(groups.results.map((g) => g.name)).toContain('baton_sdk');
    const created = await client.crm.properties.coreApi.create('contacts', {
      name: 'baton_criteria_version',
      label: 'Baton criteria version',
      type: PropertyCreateTypeEnum.String,
      fieldType: PropertyCreateFieldTypeEnum.Text,
      groupName: 'baton_sdk',
    });
    expect(created.name).toBe('baton_criteria_version');
    expect(created.modificationMetadata?.readOnlyValue).toBe(false);
    await expect(
      client.crm.properties.coreApi.create('contacts', { name: 'baton_criteria_version', label: 'x', type: PropertyCreateTypeEnum.String, fieldType: PropertyCreateFieldTypeEnum.Text, groupName: 'baton_sdk' }),
    ).rejects.toMatchObject({ code: 409 });
    const deals = await client.crm.properties.coreApi.getAll('deals');
    expect(deals.results.map((p) => p.name)).toContain('dealstage');
  });

  it('events: eventsApi.getPage pages a contact\'s events and getTypes lists types', async () => {
    const first = await client.events.eventsApi.getPage('contact', undefined, undefined, undefined, 100, undefined, undefined, undefined, Number(SANDBOX_SCENARIOS.longHistory));
    expect(first.results).toHaveLength(100);
    expect(first.results[0]?.occurredAt).toBeInstanceOf(Date);
    expect(first.results[0]?.objectId).toBe(SANDBOX_SCENARIOS.longHistory);
    const after = first.paging?.next?.after;
    expect(after).toBeTruthy();
    const second = await client.events.eventsApi.getPage('contact', undefined, after, undefined, 100, undefined, undefined, undefined, Number(SANDBOX_SCENARIOS.longHistory));
    expect(second.results[0]!.occurredAt.getTime()).toBeLessThanOrEqual(first.results[99]!.occurredAt.getTime());
    const windowed = await client.events.eventsApi.getPage('contact', 'e_submitted_form', undefined, undefined, 50, undefined, new Date('2026-01-01T00:00:00Z'), new Date('2026-11-23T00:00:00Z'), Number(SANDBOX_SCENARIOS.demoPrimary));
    expect(windowed.results.length).toBeGreaterThan(0);
    expect(windowed.results.every((e) => e.eventType === 'e_submitted_form')).toBe(true);
    const types = await client.events.eventsApi.getTypes();
    expect(types.eventTypes).toContain('e_visited_page');
  });

  it('raw apiRequest reaches the endpoints the SDK has no model for (email events, account info)', async () => {
    const email = await client.apiRequest({ method: 'GET', path: '/email/public/v1/events', qs: { recipient: 'elena.marsh@brightlinelogistics.com', limit: 5 } });
    const emailBody = (await email.json()) as { events: Array<{ type: string }>; hasMore: boolean };
    expect(emailBody.events).toHaveLength(5);
    const account = await client.apiRequest({ method: 'GET', path: '/account-info/v3/details' });
    expect(((await account.json()) as { portalId: number }).portalId).toBe(2400001);
  });
});
