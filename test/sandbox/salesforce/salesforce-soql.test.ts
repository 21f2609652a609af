import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SALESFORCE_LEAD_SCENARIOS } from '../../../lib/sandbox/salesforce/salesforce-scenarios';
import { API, startSalesforceSandbox } from './salesforce-test-kit';
import type { SalesforceTestSandbox } from './salesforce-test-kit';

const DAY = 24 * 60 * 60 * 1000;

describe('Salesforce sandbox: the SOQL subset', () => {
  let sandbox: SalesforceTestSandbox;
  const query = async (soql: string): Promise<any> => {
    const answer = await sandbox.call(`${API}/query?q=${encodeURIComponent(soql)}`);
    if (answer.status !== 200) throw new Error(`${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  };
  beforeAll(async () => {
    sandbox = await startSalesforceSandbox();
  });
  afterAll(async () => {
    await sandbox.stop();
  });

  it('selects one-level relationship fields and answers records with attributes', async () => {
    const result = await query(`SELECT Id, Name, Owner.Name, Owner.Email, Status, LeadSource FROM Lead WHERE Id = '${SALESFORCE_LEAD_SCENARIOS.demoPrimary}'`);
    expect(result).toEqual({
      totalSize: 1,
      done: true,
      records: [
        {
          attributes: { type: 'Lead', url: `${API}/sobjects/Lead/${SALESFORCE_LEAD_SCENARIOS.demoPrimary}` },
          Id: SALESFORCE_LEAD_SCENARIOS.demoPrimary,
          Name: 'Elena Marsh',
          Owner: { attributes: { type: 'User', url: expect.stringMatching(/\/sobjects\/User\/005/) }, Name: 'Maya Chen', Email: 'maya.chen@tessellate.io' },
          Status: 'Open - Not Contacted',
          LeadSource: 'Advertisement',
        },
      ],
    });
    // A 15-character id matches too; field and object names are case-insensitive.
    const short = await query(`select id, name from lead where id = '${SALESFORCE_LEAD_SCENARIOS.demoPrimary.slice(0, 15)}'`);
    expect(short.records[0].Name).toBe('Elena Marsh');
  });

  it('filters with IN, NOT IN, !=, LIKE, AND and parenthesised OR; orders and limits', async () => {
    const all = (await query('SELECT Id, Status, Rating, Company FROM Lead')).records as Array<{ Id: string; Status: string; Rating: string | null; Company: string }>;
    const mixed = await query("SELECT Id, Status, Rating FROM Lead WHERE (Status = 'Nurture' OR Status = 'Closed - Not Converted') AND Rating != null ORDER BY Status DESC, Id LIMIT 50");
    const expected = all.filter((l) => (l.Status === 'Nurture' || l.Status === 'Closed - Not Converted') && l.Rating !== null);
    expect(mixed.totalSize).toBe(expected.length);
    expect(mixed.records.map((r: { Status: string }) => r.Status)).toEqual(expected.map((l) => l.Status).sort().reverse());
    const inList = await query("SELECT Id FROM Lead WHERE Status IN ('Nurture', 'Working - Contacted')");
    expect(inList.totalSize).toBe(all.filter((l) => ['Nurture', 'Working - Contacted'].includes(l.Status)).length);
    const notIn = await query("SELECT Id FROM Lead WHERE Status NOT IN ('Nurture', 'Working - Contacted')");
    expect(notIn.totalSize + inList.totalSize).toBe(all.length);
    const like = await query("SELECT Company FROM Lead WHERE Company LIKE 'bright%'");
    expect(like.records.map((r: { Company: string }) => r.Company)).toEqual(all.filter((l) => /^bright/i.test(l.Company)).map((l) => l.Company));
    const limited = await query('SELECT Id FROM Lead ORDER BY CreatedDate DESC LIMIT 3');
    expect(limited.records).toHaveLength(3);
    const count = await query("SELECT COUNT() FROM Lead WHERE IsConverted = true");
    expect(count).toEqual({ totalSize: 1, done: true, records: [] });
  });

  it('compares date-times with literals and LAST_N_DAYS:n', async () => {
    const all = (await query('SELECT Id, CreatedDate FROM Lead')).records as Array<{ CreatedDate: string }>;
    const ms = (value: string): number => Date.parse(value.replace('+0000', 'Z'));
    const cut = '2026-11-10T00:00:00Z';
    const after = await query(`SELECT Id FROM Lead WHERE CreatedDate >= ${cut}`);
    expect(after.totalSize).toBe(all.filter((l) => ms(l.CreatedDate) >= Date.parse(cut)).length);
    const before = await query(`SELECT Id FROM Lead WHERE CreatedDate < ${cut}`);
    expect(before.totalSize + after.totalSize).toBe(all.length);
    const today = Date.now() - (Date.now() % DAY);
    const recent = await query('SELECT Id FROM Lead WHERE CreatedDate = LAST_N_DAYS:30');
    expect(recent.totalSize).toBe(all.filter((l) => ms(l.CreatedDate) >= today - 30 * DAY).length);
    const dateOnly = await sandbox.call(`${API}/query?q=${encodeURIComponent("SELECT Id FROM Lead WHERE CreatedDate > 2026-11-01")}`);
    expect(dateOnly.body[0]).toMatchObject({ errorCode: 'INVALID_FIELD', message: expect.stringContaining("must be of type dateTime") });
  });

  it('reads the story\'s history, activities, campaign members and users', async () => {
    const id = SALESFORCE_LEAD_SCENARIOS.demoPrimary;
    const owner = await query(`SELECT Field, DataType, OldValue, NewValue, CreatedDate, CreatedById FROM LeadHistory WHERE LeadId = '${id}' AND Field = 'Owner' ORDER BY CreatedDate`);
    expect(owner.records.map((r: { DataType: string }) => r.DataType).sort()).toEqual(['EntityId', 'Text']);
    expect(owner.records.find((r: { DataType: string }) => r.DataType === 'Text')).toMatchObject({ OldValue: 'B2BMA Integration', NewValue: 'Maya Chen' });
    const statusChanges = await query("SELECT LeadId, OldValue, NewValue FROM LeadHistory WHERE Field = 'Status'");
    expect(statusChanges.totalSize).toBeGreaterThan(3);

    const calls = await query("SELECT Id, WhoId, Who.Name, Subject, TaskSubtype, CallType, CallDisposition, CallDurationInSeconds, Owner.Name, CreatedBy.Name FROM Task WHERE TaskSubtype = 'Call' ORDER BY CreatedDate DESC");
    expect(calls.totalSize).toBeGreaterThan(3);
    expect(calls.records.every((r: { CallType: string }) => ['Outbound', 'Inbound'].includes(r.CallType))).toBe(true);
    const emails = await query("SELECT Id, Subject, CreatedBy.Name FROM Task WHERE TaskSubtype = 'Email'");
    expect(emails.records.some((r: { CreatedBy: { Name: string } }) => r.CreatedBy.Name === 'B2BMA Integration')).toBe(true);
    expect(emails.records.some((r: { CreatedBy: { Name: string } }) => r.CreatedBy.Name !== 'B2BMA Integration')).toBe(true);
    const events = await query('SELECT Id, WhoId, Subject, EventSubtype, StartDateTime, EndDateTime FROM Event');
    expect(events.totalSize).toBeGreaterThan(0);

    const members = await query("SELECT CampaignId, Campaign.Name, Campaign.Type, Status, HasResponded, FirstRespondedDate, CreatedDate, LeadId, ContactId FROM CampaignMember WHERE HasResponded = true");
    expect(members.totalSize).toBeGreaterThan(5);
    expect(members.records[0].Campaign.Name).toBeTruthy();
    expect(members.records.every((r: { FirstRespondedDate: string }) => /^\d{4}-\d{2}-\d{2}$/.test(r.FirstRespondedDate))).toBe(true);
    const webinar = await query("SELECT LeadId, Status FROM CampaignMember WHERE Campaign.Name = 'Q4 Webinar Series'");
    expect(webinar.totalSize).toBeGreaterThan(0);

    const users = await query("SELECT Id, Name, Email, IsActive FROM User WHERE IsActive = true ORDER BY Name");
    expect(users.records.map((u: { Name: string }) => u.Name)).toContain('Maya Chen');
    const aePiLeads = await query('SELECT Id, pi__score__c, pi__grade__c, pi__utm_campaign__c FROM Lead WHERE pi__score__c > 50');
    expect(aePiLeads.totalSize).toBeGreaterThan(0);
    const contacts = await query('SELECT Id, Name, Owner.Name FROM Contact');
    expect(contacts.records.every((c: { Id: string }) => c.Id.startsWith('003') && c.Id.length === 18)).toBe(true);
  });
});
