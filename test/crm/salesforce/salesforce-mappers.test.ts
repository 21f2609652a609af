import { describe, expect, it } from 'vitest';
import type { DispositionWrite } from '../../../lib/crm/crm-port';
import { findMarkerId } from '../../../lib/crm/disposition-record-text';
import { fromSalesforceEvent, fromSalesforceTask } from '../../../lib/crm/salesforce/salesforce-activity-mapper';
import { fromSalesforceCampaignMember, fromSalesforceConversion } from '../../../lib/crm/salesforce/salesforce-campaign-mapper';
import { toSalesforceAttemptTask, toSalesforceContactUpdate, toSalesforceDispositionTask, toSalesforceLeadUpdate } from '../../../lib/crm/salesforce/salesforce-disposition-mapper';
import { findOwnerAssignment, fromSalesforceContact, fromSalesforceLead } from '../../../lib/crm/salesforce/salesforce-lead-mapper';
import { parseSalesforceTime, toSoqlDateTime, toSoqlString } from '../../../lib/crm/salesforce/salesforce-values';
import {
  salesforceCampaignMemberSchema,
  salesforceEventSchema,
  salesforceHistorySchema,
  salesforceRecordSchema,
  salesforceTaskSchema,
} from '../../../lib/crm/salesforce/salesforce-schemas';
import { SALESFORCE_CONNECTED_STATUSES, toSalesforceChannel } from '../../../lib/crm/salesforce/salesforce-sources';
import { DEFAULT_DISPOSITION_REASONS } from '../../../lib/domain/disposition/disposition-reasons';
import type { LeadRef } from '../../../lib/domain/lead';
import { loadSalesforceFixture } from './fake-salesforce-client';
import { MAPPING, makeDisposition } from './salesforce-test-data';

const LEAD = '00Q5g00000LeAd1EAB';
const REP = '0055g00000RepAaAAB';
const ref: LeadRef = { crm: 'salesforce', account: 'acme.my.salesforce.com', id: LEAD, objectType: 'lead' };
const leadRecord = salesforceRecordSchema.parse(loadSalesforceFixture('lead-record.json').records[0]);
const history = loadSalesforceFixture('lead-history.json').records.map((r: unknown) => salesforceHistorySchema.parse(r));
const members = loadSalesforceFixture('campaign-members.json').records.map((r: unknown) => salesforceCampaignMemberSchema.parse(r));
const activities = loadSalesforceFixture('activities-composite.json').compositeResponse;
const tasks = activities[0].body.records.map((r: unknown) => salesforceTaskSchema.parse(r));
const events = activities[1].body.records.map((r: unknown) => salesforceEventSchema.parse(r));
const labels = { Description: 'Description', pi__comments__c: 'Comments' };

describe('values', () => {
  it('parses Salesforce date-times (+0000) and dates (midnight UTC)', () => {
    expect(parseSalesforceTime('2026-11-16T09:12:30.000+0000')).toBe(Date.parse('2026-11-16T09:12:30Z'));
    expect(parseSalesforceTime('2026-11-16T10:12:30.000+0100')).toBe(Date.parse('2026-11-16T09:12:30Z'));
    expect(parseSalesforceTime('2026-11-16')).toBe(Date.UTC(2026, 10, 16));
    expect(parseSalesforceTime('')).toBeNull();
    expect(parseSalesforceTime('soon')).toBeNull();
    expect(parseSalesforceTime(null)).toBeNull();
  });

  it('writes SOQL literals that cannot break out of the string', () => {
    expect(toSoqlString("O'Brien \\ co")).toBe("'O\\'Brien \\\\ co'");
    expect(toSoqlDateTime(Date.parse('2026-10-01T00:00:00.123Z'))).toBe('2026-10-01T00:00:00Z');
  });
});

describe('fromSalesforceLead', () => {
  const lead = fromSalesforceLead(leadRecord, { ref, history, fieldLabels: labels, campaignMembers: members });

  it('maps the Lead fields onto the neutral lead', () => {
    expect(lead).toMatchObject({
      ref,
      firstName: 'Priya',
      lastName: 'Raman',
      email: 'priya.raman@northwind.example',
      jobTitle: 'VP Operations',
      company: 'Northwind Logistics',
      industry: 'Transportation',
      employees: 420,
      country: 'United Kingdom',
      leadStatus: 'Marketing Qualified',
      lifecycleStage: 'Marketing Qualified',
      owner: { id: REP, name: 'Sam Okafor', email: 'sam.okafor@acme.example' },
      source: 'Web',
      sourceDetail: ['google', 'cpc', 'q4-dispatch'],
      campaign: 'q4-dispatch',
      firstConversion: { name: 'Demo request form', at: Date.parse('2026-11-16T09:12:00Z') },
      recentConversion: { name: 'Demo request', at: Date.parse('2026-11-16T09:12:10Z') },
      createdAt: Date.parse('2026-11-16T09:12:30Z'),
      updatedAt: Date.parse('2026-11-17T10:05:00Z'),
    });
  });

  it('starts the clock at the latest assignment to the current owner, reading only the id row of each Owner change', () => {
    expect(lead.ownerAssignedAt).toBe(Date.parse('2026-11-16T09:25:00Z'));
    expect(lead.ownerAssignedBy).toEqual({ type: 'AUTOMATION', label: 'Automated Process' });
    // Status into the handoff value.
    expect(lead.handedOffAt).toBe(Date.parse('2026-11-16T09:20:00Z'));
  });

  it('never counts the name row as an assignment; with no id row the owner had it from creation', () => {
    const nameRowOnly = history.filter((r: { NewValue: unknown }) => r.NewValue === 'Sam Okafor');
    expect(findOwnerAssignment(nameRowOnly, REP, 1000)).toEqual({ at: 1000, by: { type: 'CREATED', label: null } });
    // A queue owns it: not with a rep yet.
    expect(findOwnerAssignment(history, '00G5g00000QueueAAB', 1000)).toEqual({ at: null, by: null });
    // 15-character ids compare equal to their 18-character form.
    expect(findOwnerAssignment(history, REP.slice(0, 15), 1000).at).toBe(Date.parse('2026-11-16T09:25:00Z'));
  });

  it("keeps the prospect's own words verbatim (Account Engagement comments, Description), newest first", () => {
    expect(lead.formAnswers).toEqual([
      { question: 'Description', answer: 'We need to cut dispatch planning time before Q2. <b>Budget approved</b>.', answeredAt: Date.parse('2026-11-16T09:12:30Z'), form: null },
      { question: 'Comments', answer: 'Can you integrate with our TMS?', answeredAt: Date.parse('2026-11-16T09:12:00Z'), form: 'Demo request form' },
    ]);
  });

  it('tolerates nulls everywhere', () => {
    const bare = salesforceRecordSchema.parse({ attributes: { type: 'Lead' }, Id: LEAD, LastName: 'X', Owner: null, NumberOfEmployees: null, Status: null });
    const mapped = fromSalesforceLead(bare, { ref, history: [] });
    expect(mapped).toMatchObject({ owner: null, ownerAssignedAt: null, employees: null, leadStatus: null, formAnswers: [], campaign: null, firstConversion: null });
  });
});

describe('fromSalesforceContact', () => {
  it('reads company, industry and size from the Account; a Contact has no Status or handoff status', () => {
    const record = salesforceRecordSchema.parse(loadSalesforceFixture('contact-record.json').records[0]);
    const lead = fromSalesforceContact(record, { ref: { ...ref, id: record.Id, objectType: 'contact' }, history: [] });
    expect(lead).toMatchObject({ company: 'Contoso Freight', industry: 'Logistics', employees: 1200, country: 'Spain', leadStatus: null, handedOffAt: null, source: 'Partner Referral' });
    expect(lead.ownerAssignedAt).toBe(Date.parse('2026-10-02T08:00:00Z'));
  });
});

describe('fromSalesforceTask: touch classification', () => {
  const byId = (n: number) => fromSalesforceTask(tasks[n - 1]);

  it.each<[number, Record<string, unknown>, string]>([
    [1, { kind: 'sequence_email', automated: true, direction: 'outbound' }, 'list email sent by the Account Engagement integration user'],
    [2, { kind: 'sequence_email', automated: true, direction: 'outbound' }, 'sequence tool subject prefix'],
    [3, { kind: 'call', automated: false, direction: 'inbound', ownerId: null }, 'inbound call: never the owner’s response'],
    [4, { kind: 'call', automated: false, direction: 'outbound', connected: false, ownerId: REP }, 'outbound call, left voicemail'],
    [5, { kind: 'email', automated: false, direction: 'outbound', ownerId: REP }, 'rep email'],
    [6, { kind: 'email', automated: false, direction: 'inbound', ownerId: null }, 'the lead’s reply'],
    [9, { kind: 'call', automated: false, direction: 'outbound', connected: true }, "Baton's own call attempt"],
    [10, { kind: 'sequence_email', automated: true }, 'email created by the Automated Process user'],
    [11, { kind: 'call', automated: false, direction: 'outbound', connected: true }, 'dialer integration logs a rep’s call: still human'],
  ])('task %i → %o (%s)', (n, expected) => {
    expect(byId(n)).toMatchObject(expected);
  });

  it('is not a touch: a to-do, and Baton’s own disposition record', () => {
    expect(byId(7)).toBeNull();
    expect(byId(8)).toBeNull();
  });

  it('an automated touch never stops the clock (automated is what the SLA engine skips)', () => {
    const automated = tasks.map(fromSalesforceTask).filter((t: { automated: boolean } | null) => t?.automated);
    expect(automated.map((t: { id: string }) => t.id)).toEqual(['salesforce-task:00T5g00000Tsk01AAB', 'salesforce-task:00T5g00000Tsk02AAB', 'salesforce-task:00T5g00000Tsk10AAB']);
  });

  it('uses the completion time when there is one', () => {
    expect(byId(4)?.occurredAt).toBe(Date.parse('2026-11-16T09:50:30Z'));
  });

  it('maps an Event to a meeting at its start', () => {
    expect(fromSalesforceEvent(events[0])).toEqual({
      id: 'salesforce-event:00U5g00000Evt01AAB',
      kind: 'meeting',
      occurredAt: Date.parse('2026-11-18T15:00:00Z'),
      ownerId: REP,
      automated: false,
      direction: 'unknown',
      connected: null,
      summary: 'Demo: Northwind dispatch',
    });
  });
});

describe('fromSalesforceCampaignMember', () => {
  it('maps responses by Campaign.Type; only webinar registrations count without a response', () => {
    const mapped = members.map(fromSalesforceCampaignMember);
    expect(mapped.map((e: { kind: string } | null) => e?.kind ?? null)).toEqual(['webinar_registered', 'webinar_attended', 'content_download', null, 'form_submission']);
    // The response day with the member's own time when it is that day; the day alone otherwise.
    expect(mapped[1]?.occurredAt).toBe(Date.parse('2026-11-14T16:30:00Z'));
    expect(mapped[2]?.occurredAt).toBe(Date.UTC(2026, 10, 15));
    expect(mapped[4]).toMatchObject({ source: 'campaign-responses', campaign: 'Demo request', title: 'Demo request' });
  });

  it('turns the synced Account Engagement conversion into a form submission with the comments', () => {
    expect(fromSalesforceConversion(leadRecord, labels)).toMatchObject({
      kind: 'form_submission',
      title: 'Demo request form',
      campaign: 'q4-dispatch',
      answers: { Comments: 'Can you integrate with our TMS?' },
    });
  });
});

describe('toSalesforceLeadUpdate', () => {
  const options = { mapping: MAPPING, reasons: DEFAULT_DISPOSITION_REASONS, timeZone: 'Europe/Berlin' };

  it('sets the org’s own Lead Status from the mapping and every Baton field', () => {
    const update = toSalesforceLeadUpdate(makeDisposition(), options);
    expect(update).toEqual({
      Status: 'Working - Contacted',
      Baton_Disposition__c: 'accepted',
      Baton_Disposition_Reason__c: null,
      Baton_Disposition_Reason_Id__c: null,
      Baton_Objections__c: null,
      Baton_Recycle_Date__c: null,
      Baton_Definition_Version__c: 'default-sql@3',
      Baton_SLA_Outcome__c: 'met',
      Baton_SLA_Tier__c: 'Demo request',
      Baton_Response_Minutes__c: 4.5,
      Baton_Disposition_At__c: '2026-11-22T23:30:00.000Z',
      Baton_Disposition_Rep__c: 'Sam Okafor',
      Baton_Qualification_Inputs__c: null,
      Baton_Disposition_Id__c: '3f2b8c1e-7d4a-4e2b-9c1d-0a1b2c3d4e5f',
    });
    expect(Object.keys(update).at(-1)).toBe('Baton_Disposition_Id__c');
  });

  it('reads the recycle day in the team’s zone, and the status from the mapping', () => {
    const recycled = makeDisposition({ outcome: 'recycled', acceptedStage: null, reasonId: 'bad_timing', recycleAt: Date.parse('2027-01-31T23:30:00Z'), objections: { tags: ['price', 'timing'], text: null } });
    const update = toSalesforceLeadUpdate(recycled, options);
    expect(update).toMatchObject({ Status: 'Nurture', Baton_Recycle_Date__c: '2027-02-01', Baton_Disposition_Reason_Id__c: 'bad_timing', Baton_Objections__c: 'price;timing' });
    expect(toSalesforceLeadUpdate(makeDisposition({ outcome: 'rejected', acceptedStage: null, reasonId: 'unreachable' }), options).Status).toBe('Unresponsive');
  });

  it('writes no Status on a Contact', () => {
    const update = toSalesforceContactUpdate(makeDisposition(), options);
    expect(update).not.toHaveProperty('Status');
    expect(update.Baton_Disposition__c).toBe('accepted');
  });
});

describe('Task bodies', () => {
  it('puts the headline in the Subject and the marker last in the Description', () => {
    const write: DispositionWrite = { disposition: makeDisposition(), brief: ['Asked for a demo'] };
    const task = toSalesforceDispositionTask(write, { reasons: DEFAULT_DISPOSITION_REASONS, timeZone: 'Europe/Berlin' });
    expect(task.Subject).toBe('Baton disposition: Accepted (working it)');
    expect(task.Description.split('\n').at(-1)).toBe('Baton disposition 3f2b8c1e-7d4a-4e2b-9c1d-0a1b2c3d4e5f');
    expect(findMarkerId(task.Description, 'disposition')).toBe('3f2b8c1e-7d4a-4e2b-9c1d-0a1b2c3d4e5f');
    // 23:30 UTC is the next day in Berlin.
    expect(task).toMatchObject({ Status: 'Completed', ActivityDate: '2026-11-23', WhoId: LEAD, OwnerId: REP });
    expect(task).not.toHaveProperty('TaskSubtype');
  });

  it('bounds a very long text and keeps the marker intact', () => {
    const write: DispositionWrite = { disposition: makeDisposition({ note: 'x'.repeat(5000) }), brief: Array.from({ length: 400 }, () => 'y'.repeat(200)) };
    const task = toSalesforceDispositionTask(write, { reasons: DEFAULT_DISPOSITION_REASONS, timeZone: 'UTC' });
    expect(task.Description.length).toBeLessThanOrEqual(32_000);
    expect(findMarkerId(task.Description, 'disposition')).toBe('3f2b8c1e-7d4a-4e2b-9c1d-0a1b2c3d4e5f');
  });

  it('logs attempts with a subject the reader turns back into the same touch', () => {
    const attempt = { id: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee', channel: 'social' as const, connected: true, note: null, at: Date.parse('2026-11-20T10:00:00Z'), ownerId: 'not-a-user' };
    const task = toSalesforceAttemptTask(ref, attempt, 'UTC');
    expect(task).toMatchObject({ Subject: 'Baton social attempt (LinkedIn): replied', WhoId: LEAD });
    expect(task).not.toHaveProperty('OwnerId');
    const touch = fromSalesforceTask(salesforceTaskSchema.parse({ Id: '00T5g00000Tsk77AAB', Subject: task.Subject, Description: task.Description, CreatedDate: '2026-11-20T10:00:00.000+0000' }));
    expect(touch).toMatchObject({ kind: 'social', direction: 'outbound', automated: false, connected: true });
  });
});

describe('salesforce-sources', () => {
  it.each([
    ['Web', 'organic'],
    ['Phone Inquiry', 'direct'],
    ['Partner Referral', 'referral'],
    ['Purchased List', 'paid'],
    ['Other', 'other'],
    ['Google AdWords', 'paid'],
    ['Employee Referral', 'referral'],
    ['Trade Show', 'offline'],
    ['LinkedIn', 'social'],
    ['Paid LinkedIn', 'paid'],
    ['Email Campaign', 'email'],
    ['Newsletter signup', 'email'],
    ['Something else entirely', 'unknown'],
    ['', 'unknown'],
  ])('%s → %s', (source, channel) => {
    expect(toSalesforceChannel(source)).toBe(channel);
  });

  it('calls the Working - Contacted family connected', () => {
    expect(SALESFORCE_CONNECTED_STATUSES).toContain('Working - Contacted');
    expect(SALESFORCE_CONNECTED_STATUSES).not.toContain('Open - Not Contacted');
  });
});
