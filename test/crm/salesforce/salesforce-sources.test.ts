import { describe, expect, it } from 'vitest';
import { SALESFORCE_CONNECTED_STATUSES, toSalesforceChannel } from '../../../lib/crm/salesforce/salesforce-sources';

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
