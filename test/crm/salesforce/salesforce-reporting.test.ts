import { describe, expect, it } from 'vitest';
import { CrmError } from '../../../lib/crm/crm-error';
import { createSalesforceReporting } from '../../../lib/crm/salesforce/salesforce-reporting';
import { insightRecordSchema } from '../../../lib/domain/insights/insight-record';
import { buildQualificationInputs, encodeQualificationInputs } from '../../../lib/domain/qualification/qualification-inputs';
import { makeLead } from '../../domain/qualification/make-lead';
import { createFakeSalesforceClient, fail, isQueryOf, loadSalesforceFixture, type FakeRequest } from './fake-salesforce-client';

const FROM = Date.parse('2026-10-01T00:00:00Z');
const TO = Date.parse('2026-11-01T00:00:00Z');
const REP = '0055g00000RepAaAAB';
const CONTACT = '0035g00000Cont1AAB';
const NEXT_PAGE = '/services/data/v62.0/query/01gRO0000016OzXYAU-2000';

function insightsOrg(override: (r: FakeRequest) => unknown = () => undefined) {
  return createFakeSalesforceClient((r) => {
    const replaced = override(r);
    if (replaced !== undefined) return replaced;
    if (r.path === NEXT_PAGE) return loadSalesforceFixture('insight-leads-page-2.json');
    if (isQueryOf(r, 'Lead')) return loadSalesforceFixture('insight-leads-page-1.json');
    if (isQueryOf(r, 'Contact')) return loadSalesforceFixture('insight-contacts.json');
    if (isQueryOf(r, 'LeadHistory')) return loadSalesforceFixture('insight-owner-history.json');
    if (isQueryOf(r, 'CampaignMember', 'LeadId IN')) return loadSalesforceFixture('insight-campaign-members.json');
    if (isQueryOf(r, 'CampaignMember', 'ContactId IN')) return { totalSize: 0, done: true, records: [] };
    if (isQueryOf(r, 'OpportunityContactRole')) return loadSalesforceFixture('insight-contact-roles.json');
    if (isQueryOf(r, 'Task')) return loadSalesforceFixture('insight-tasks.json');
    return undefined;
  });
}

const reportingFor = (fake: ReturnType<typeof createFakeSalesforceClient>) =>
  createSalesforceReporting({ client: fake.client, account: 'acme.my.salesforce.com', key: 'salesforce|acme.my.salesforce.com', sandbox: false });

describe('createSalesforceReporting: readInsightRecords', () => {
  it('names itself and its connected statuses', () => {
    const reporting = reportingFor(insightsOrg());
    expect(reporting).toMatchObject({ crm: 'salesforce', account: 'acme.my.salesforce.com', key: 'salesforce|acme.my.salesforce.com', sandbox: false });
    expect(reporting.connectedStatuses).toContain('Working - Contacted');
  });

  it('reads leads (following nextRecordsUrl) and contacts dispositioned or handed off in the window', async () => {
    const fake = insightsOrg();
    const progress: number[] = [];
    const result = await reportingFor(fake).readInsightRecords({ from: FROM, to: TO, onProgress: (p) => progress.push(p.read) });
    expect(fake.requests.map((r) => (r.soql ? `query ${/FROM (\w+)/.exec(r.soql)?.[1]}` : r.path))).toEqual([
      'query Lead',
      NEXT_PAGE,
      'query Contact',
      'query LeadHistory',
      'query CampaignMember',
      'query CampaignMember',
      'query Task',
      'query OpportunityContactRole',
    ]);
    expect(result.requests).toBe(8);
    expect(result.warnings).toEqual([]);
    expect(progress).toEqual([3, 4]);
    const leadsSoql = fake.requests[0]!.soql!;
    expect(leadsSoql).toContain('(Baton_Disposition_At__c >= 2026-10-01T00:00:00Z AND Baton_Disposition_At__c < 2026-11-01T00:00:00Z) OR (CreatedDate >= 2026-10-01T00:00:00Z AND CreatedDate < 2026-11-01T00:00:00Z)');
    expect(leadsSoql).toContain('ConvertedOpportunity.Amount');
    expect(leadsSoql).not.toContain('SystemModstamp');
    expect(fake.requests[4]!.soql).toContain("LeadId IN ('00Q5g00000Ld001AAB', '00Q5g00000Ld002AAB', '00Q5g00000Ld003AAB')");

    expect(result.records).toHaveLength(4);
    for (const record of result.records) expect(() => insightRecordSchema.parse(record)).not.toThrow();
    const [converted, queued, rejected, contact] = result.records;
    expect(converted).toEqual({
      contactId: '00Q5g00000Ld001AAB',
      campaign: 'Q4 dispatch webinar',
      source: 'Web',
      channel: 'organic',
      ownerId: REP,
      ownerName: 'Sam Okafor',
      // The id row of the Owner change, not the creation.
      handedOffAt: Date.parse('2026-10-03T09:04:00Z'),
      // Speed to lead: the campaign response before the assignment (not the later one), and the
      // owner's first completed call after it (not another user's, not one before the assignment).
      engagedAt: Date.parse('2026-10-02T09:00:00Z'),
      firstTouchedAt: Date.parse('2026-10-03T09:20:00Z'),
      recordUrl: 'https://acme.lightning.force.com/lightning/r/Lead/00Q5g00000Ld001AAB/view',
      lastTouchedAt: Date.UTC(2026, 9, 4),
      leadStatus: 'Closed - Converted',
      slaTier: 'Demo request',
      disposition: {
        outcome: 'accepted',
        acceptedStage: 'opportunity_created',
        reasonId: null,
        reasonLabel: null,
        objections: [],
        definitionVersion: 'default@3',
        slaOutcome: 'met',
        responseMinutes: 4.5,
        decidedAt: Date.parse('2026-10-05T10:00:00Z'),
        rep: 'Sam Okafor',
      },
      deal: { amount: 48000, stage: 'Closed Won', won: true, closed: true },
    });
    // A queue's lead has not been handed to a rep.
    expect(queued).toMatchObject({ channel: 'paid', handedOffAt: null, disposition: null, ownerName: 'Inbound Queue', lastTouchedAt: null });
    expect(rejected).toMatchObject({
      channel: 'paid',
      handedOffAt: Date.parse('2026-10-03T09:00:00Z'),
      disposition: { outcome: 'rejected', acceptedStage: null, reasonId: 'no_budget', reasonLabel: 'No budget', objections: ['price', 'timing'], responseMinutes: null },
      deal: null,
    });
    // A contact's best opportunity through its roles: open beats lost.
    expect(contact).toMatchObject({ contactId: CONTACT, channel: 'referral', leadStatus: null, deal: { amount: 30000, stage: 'Negotiation', won: false, closed: false } });
    expect(contact?.disposition).toMatchObject({ outcome: 'accepted', acceptedStage: 'opportunity_created', slaOutcome: 'breached', responseMinutes: 130 });
  });

  it('an incremental refresh reads only what changed since (SystemModstamp)', async () => {
    const fake = insightsOrg();
    await reportingFor(fake).readInsightRecords({ from: FROM, to: TO, modifiedSince: Date.parse('2026-10-05T00:00:00.500Z') });
    expect(fake.requests[0]!.soql).toContain(' AND SystemModstamp >= 2026-10-05T00:00:00Z');
    expect(fake.requests.find((r) => isQueryOf(r, 'Contact'))!.soql).toContain('SystemModstamp >= 2026-10-05T00:00:00Z');
  });

  it('paces every query through the shared pacer', async () => {
    const fake = insightsOrg();
    let turns = 0;
    await reportingFor(fake).readInsightRecords({ from: FROM, to: TO, pace: async () => void turns++ });
    expect(turns).toBe(7);
  });

  it('says when the page cap stopped a read (Bulk API territory)', async () => {
    const fake = insightsOrg((r) => (r.path === NEXT_PAGE ? { ...loadSalesforceFixture<Record<string, unknown>>('insight-leads-page-1.json'), totalSize: 250_000 } : undefined));
    const result = await reportingFor(fake).readInsightRecords({ from: FROM, to: TO });
    expect(result.warnings.some((w) => /Only the first .* of 250,000 leads were read/.test(w))).toBe(true);
  });

  it('what cannot be read is named; the rest is still shown', async () => {
    const fake = insightsOrg((r) => {
      if (isQueryOf(r, 'LeadHistory')) return fail(403, [{ errorCode: 'INSUFFICIENT_ACCESS', message: 'no history' }]);
      if (isQueryOf(r, 'OpportunityContactRole')) return fail(500, [{ errorCode: 'UNKNOWN_EXCEPTION', message: 'boom' }]);
      return undefined;
    });
    const result = await reportingFor(fake).readInsightRecords({ from: FROM, to: TO });
    expect(result.records).toHaveLength(4);
    expect(result.warnings).toHaveLength(2);
    expect(result.warnings[0]).toMatch(/handoff times are when leads were created/);
    expect(result.records[0]?.handedOffAt).toBe(Date.parse('2026-10-03T09:00:00Z'));
  });

  it('reads leads without their converted Opportunity where the org’s Lead has none, and says so', async () => {
    const fake = insightsOrg((r) =>
      isQueryOf(r, 'Lead', 'ConvertedOpportunity') ? fail(400, [{ errorCode: 'INVALID_FIELD', message: "No such column 'ConvertedOpportunityId' on entity 'Lead'." }]) : undefined,
    );
    const result = await reportingFor(fake).readInsightRecords({ from: FROM, to: TO });
    expect(result.records).toHaveLength(4);
    const leadQueries = fake.requests.filter((r) => isQueryOf(r, 'Lead')).map((r) => r.soql);
    expect(leadQueries).toHaveLength(2);
    expect(leadQueries[1]).not.toContain('ConvertedOpportunity');
    expect(result.warnings[0]).toMatch(/Converted opportunities could not be read/);
  });

  it('an org without Baton’s fields gets a message an admin can act on', async () => {
    const fake = insightsOrg((r) => (isQueryOf(r, 'Lead') ? fail(400, [{ errorCode: 'INVALID_FIELD', message: "No such column 'Baton_Disposition__c' on entity 'Lead'." }]) : undefined));
    const error = await reportingFor(fake).readInsightRecords({ from: FROM, to: TO }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CrmError);
    expect((error as Error).message).toMatch(/Baton's fields are not set up in this Salesforce org/);
  });
});

describe('createSalesforceReporting: readBacktestLeads', () => {
  const DAY = 86_400_000;
  const inputsFor = (id: string, objectType: 'lead' | 'contact', at: number) =>
    encodeQualificationInputs(
      buildQualificationInputs({
        lead: makeLead({ ref: { crm: 'salesforce', account: 'acme.my.salesforce.com', id, objectType } }),
        events: [{ id: `f${id}`, kind: 'form_submission', occurredAt: at - DAY, source: 'campaign-responses', title: 'Demo request' }],
        evaluatedAt: at,
      }),
    );
  const lead = (i: number, extra: Record<string, unknown>) => ({
    attributes: { type: 'Lead' },
    Id: `00Q5g00000Ld${String(i).padStart(3, '0')}AAB`,
    FirstName: 'Ada',
    LastName: `Lead ${i}`,
    Company: 'Analytical Engines',
    LeadSource: 'Web',
    Baton_Disposition__c: 'accepted',
    Baton_Disposition_At__c: '2026-10-05T10:00:00.000+0000',
    Baton_Definition_Version__c: 'default@3',
    Baton_Qualification_Inputs__c: null,
    ConvertedOpportunityId: null,
    ConvertedOpportunity: null,
    ...extra,
  });

  function backtestOrg() {
    return createFakeSalesforceClient((r) => {
      if (isQueryOf(r, 'Lead', 'Baton_Qualification_Inputs__c')) {
        return {
          totalSize: 3,
          done: true,
          records: [
            lead(1, {
              Baton_Qualification_Inputs__c: inputsFor('00Q5g00000Ld001AAB', 'lead', FROM + 4 * DAY),
              ConvertedOpportunityId: '0065g00000Opp01AAB',
              ConvertedOpportunity: { Amount: 48000, StageName: 'Closed Won', IsWon: true, IsClosed: true },
            }),
            lead(2, {}),
            lead(3, { Baton_Qualification_Inputs__c: '{"v":9}' }),
          ],
        };
      }
      if (isQueryOf(r, 'Contact', 'Baton_Qualification_Inputs__c')) {
        return {
          totalSize: 1,
          done: true,
          records: [
            {
              attributes: { type: 'Contact' },
              Id: CONTACT,
              FirstName: null,
              LastName: null,
              Account: { Name: 'Contoso Freight' },
              LeadSource: 'Partner Referral',
              Baton_Disposition__c: 'rejected',
              Baton_Disposition_At__c: '2026-10-06T10:00:00.000+0000',
              Baton_Qualification_Inputs__c: inputsFor(CONTACT, 'contact', FROM + 5 * DAY),
            },
          ],
        };
      }
      if (isQueryOf(r, 'OpportunityContactRole')) return loadSalesforceFixture('insight-contact-roles.json');
      if (isQueryOf(r, 'CampaignMember')) return r.soql?.includes('LeadId IN') ? loadSalesforceFixture('insight-campaign-members.json') : { totalSize: 0, done: true, records: [] };
      return undefined;
    });
  }

  it('decodes Baton_Qualification_Inputs__c into replayable leads, counting what it skips', async () => {
    const fake = backtestOrg();
    const result = await reportingFor(fake).readBacktestLeads({ from: FROM, to: TO });
    expect(result.dispositioned).toBe(4);
    expect(result.skipped).toEqual({ no_inputs: 1, unreadable_inputs: 1 });
    expect(result.unreadableExample).toMatch(/^lead 00Q5g00000Ld003AAB: unknown version/);
    expect(result.leads.map((l) => l.contactId)).toEqual([CONTACT, '00Q5g00000Ld001AAB']);
    const [contact, converted] = result.leads;
    expect(converted).toMatchObject({ name: 'Ada Lead 1', company: 'Analytical Engines', campaign: 'Q4 dispatch webinar', approximate: false });
    expect(converted?.pastLead.outcome).toEqual({ opportunityCreated: true, won: true, amount: 48000 });
    expect(converted?.pastLead.lead.ref).toEqual({ crm: 'salesforce', account: 'acme.my.salesforce.com', id: '00Q5g00000Ld001AAB', objectType: 'lead' });
    expect(contact).toMatchObject({ name: `Contact ${CONTACT}`, company: 'Contoso Freight' });
    // An open opportunity is not scored as lost.
    expect(contact?.pastLead.outcome).toEqual({ opportunityCreated: true, amount: 30000 });
    expect(contact?.pastLead.lead.ref.objectType).toBe('contact');
    expect(result.requests).toBe(5);
    expect(fake.requests[0]!.soql).toContain('Baton_Disposition_At__c >= 2026-10-01T00:00:00Z AND Baton_Disposition_At__c < 2026-11-01T00:00:00Z');
  });
});
