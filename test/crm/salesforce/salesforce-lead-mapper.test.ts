import { describe, expect, it } from 'vitest';
import { findOwnerAssignment, fromSalesforceContact, fromSalesforceLead } from '../../../lib/crm/salesforce/salesforce-lead-mapper';
import { salesforceCampaignMemberSchema, salesforceHistorySchema, salesforceRecordSchema } from '../../../lib/crm/salesforce/salesforce-schemas';
import type { LeadRef } from '../../../lib/domain/lead';
import { loadSalesforceFixture } from './fake-salesforce-client';

const LEAD = '00Q5g00000LeAd1EAB';
const REP = '0055g00000RepAaAAB';
const ref: LeadRef = { crm: 'salesforce', account: 'acme.my.salesforce.com', id: LEAD, objectType: 'lead' };
const leadRecord = salesforceRecordSchema.parse(loadSalesforceFixture('lead-record.json').records[0]);
const history = loadSalesforceFixture('lead-history.json').records.map((r: unknown) => salesforceHistorySchema.parse(r));
const members = loadSalesforceFixture('campaign-members.json').records.map((r: unknown) => salesforceCampaignMemberSchema.parse(r));
const labels = { Description: 'Description', pi__comments__c: 'Comments' };

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
