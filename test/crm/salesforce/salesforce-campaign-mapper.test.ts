import { describe, expect, it } from 'vitest';
import { fromSalesforceCampaignMember, fromSalesforceConversion } from '../../../lib/crm/salesforce/salesforce-campaign-mapper';
import { salesforceCampaignMemberSchema, salesforceRecordSchema } from '../../../lib/crm/salesforce/salesforce-schemas';
import { loadSalesforceFixture } from './fake-salesforce-client';

const leadRecord = salesforceRecordSchema.parse(loadSalesforceFixture('lead-record.json').records[0]);
const members = loadSalesforceFixture('campaign-members.json').records.map((r: unknown) => salesforceCampaignMemberSchema.parse(r));
const labels = { Description: 'Description', pi__comments__c: 'Comments' };

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
