import { describe, expect, it, vi } from 'vitest';
import { CrmError } from '../../../lib/crm/crm-error';
import type { SalesforceClient } from '../../../lib/crm/salesforce/salesforce-client-contract';
import { buildFreshnessQuery, readSalesforceFreshness, salesforceFreshnessStamp } from '../../../lib/crm/salesforce/salesforce-freshness';
import { fromSalesforceRecordedDisposition } from '../../../lib/crm/salesforce/salesforce-recorded-disposition';

const LEAD = '00Q000000000001AAA';
const record = { SystemModstamp: '2026-12-01T10:00:00.000+0000', OwnerId: '005000000000001AAA', Status: 'Working', LastActivityDate: '2026-12-01' };

function clientAnswering(answer: (soql: string) => unknown) {
  const query = vi.fn(async (soql: string) => {
    const out = answer(soql);
    if (out instanceof Error) throw out;
    return { totalSize: 1, done: true, records: [out] };
  });
  return { client: { query } as unknown as SalesforceClient, query };
}

describe('the Salesforce freshness check', () => {
  it('asks for Baton\'s disposition id only where describe lists it, and a Contact without Status', () => {
    expect(buildFreshnessQuery('Contact', '003000000000001AAA', [], false)).toBe("SELECT SystemModstamp, OwnerId, LastActivityDate FROM Contact WHERE Id = '003000000000001AAA'");
    expect(buildFreshnessQuery('Lead', LEAD, ['Baton_Disposition_Id__c'], false)).toContain('LastActivityDate, Baton_Disposition_Id__c FROM Lead');
  });

  it('stamps the latest task and event, and says null when there is none', async () => {
    const { client } = clientAnswering(() => ({ ...record, Tasks: { records: [{ SystemModstamp: '2026-12-01T11:00:00.000+0000' }] }, Events: null }));
    const { stamp, activitiesRefused } = await readSalesforceFreshness(client, 'Lead', LEAD, { batonFields: [], activities: true });
    expect(activitiesRefused).toBe(false);
    expect(stamp).toBe(salesforceFreshnessStamp(record, ['SystemModstamp', 'OwnerId', 'Status', 'LastActivityDate'], Date.parse('2026-12-01T11:00:00Z'), null));
  });

  it("a user who may not query the activities: asked again without them, 'unread' as the full read says, and the refusal reported", async () => {
    const { client, query } = clientAnswering((soql) => (soql.includes('FROM Tasks') ? new CrmError('rejected', "INVALID_TYPE: Didn't understand relationship 'Tasks'") : record));
    const { stamp, activitiesRefused } = await readSalesforceFreshness(client, 'Lead', LEAD, { batonFields: [], activities: true });
    expect(query).toHaveBeenCalledTimes(2);
    expect(activitiesRefused).toBe(true);
    expect(stamp).toBe(salesforceFreshnessStamp(record, ['SystemModstamp', 'OwnerId', 'Status', 'LastActivityDate'], 'unread', 'unread'));
  });

  it('other failures are the check\'s failure (a session gone, the daily limit)', async () => {
    const { client, query } = clientAnswering(() => new CrmError('rate_limited', 'REQUEST_LIMIT_EXCEEDED'));
    await expect(readSalesforceFreshness(client, 'Lead', LEAD, { batonFields: [], activities: true })).rejects.toThrow('REQUEST_LIMIT_EXCEEDED');
    expect(query).toHaveBeenCalledTimes(1);
  });
});

describe("a Salesforce record's Baton disposition, read back", () => {
  const written = { Baton_Disposition__c: 'rejected', Baton_Disposition_Reason_Id__c: 'competitor', Baton_Disposition_Reason__c: 'Competitor', Baton_Disposition_At__c: '2026-12-01T15:04:00.000+0000', Baton_Disposition_Rep__c: 'Maya Chen', Baton_Disposition_Id__c: 'd-1' };
  it('maps what the writer wrote; no outcome, time or known outcome is none', () => {
    expect(fromSalesforceRecordedDisposition(written)).toEqual({ id: 'd-1', outcome: 'rejected', acceptedStage: null, reasonId: 'competitor', reasonLabel: 'Competitor', by: 'Maya Chen', decidedAt: Date.parse('2026-12-01T15:04:00Z') });
    expect(fromSalesforceRecordedDisposition({})).toBeNull();
    expect(fromSalesforceRecordedDisposition({ ...written, Baton_Disposition__c: 'later' })).toBeNull();
    expect(fromSalesforceRecordedDisposition({ ...written, Baton_Disposition_At__c: '0' })).toBeNull();
  });
  it('a user id written as the rep is not a name; an accepted lead keeps no reason', () => {
    expect(fromSalesforceRecordedDisposition({ ...written, Baton_Disposition_Rep__c: '005000000000001AAA' })?.by).toBeNull();
    expect(fromSalesforceRecordedDisposition({ ...written, Baton_Disposition__c: 'accepted' })).toMatchObject({ outcome: 'accepted', reasonId: null, reasonLabel: null });
  });
});
