import { describe, expect, it } from 'vitest';
import { readLeadPage } from '../../../lib/crm/pages/read-lead-page';
import { isSameLeadPage } from '../../../lib/crm/pages/lead-page';

const prod = { sandbox: false };
const demo = { sandbox: true };

describe('readLeadPage', () => {
  it.each([
    ['https://app.hubspot.com/contacts/123456/record/0-1/987', { crm: 'hubspot', account: '123456', objectType: 'contact', id: '987' }],
    ['https://app.hubspot.com/contacts/123456/record/0-1/987/', { crm: 'hubspot', account: '123456', objectType: 'contact', id: '987' }],
    ['https://app.hubspot.com/contacts/123456/record/0-1/987/view/1?tab=activity', { crm: 'hubspot', account: '123456', objectType: 'contact', id: '987' }],
    ['https://app.hubspot.com/contacts/123456/contact/42', { crm: 'hubspot', account: '123456', objectType: 'contact', id: '42' }],
    ['https://app-eu1.hubspot.com/contacts/26000001/record/0-1/5', { crm: 'hubspot', account: '26000001', objectType: 'contact', id: '5' }],
    ['https://app-na2.hubspot.com/contacts/7/record/0-1/8#notes', { crm: 'hubspot', account: '7', objectType: 'contact', id: '8' }],
    ['https://app.hubspot.com/contacts/123456/record/0-136/555', { crm: 'hubspot', account: '123456', objectType: 'lead', id: '555' }],
    ['https://acme.lightning.force.com/lightning/r/Lead/00Q5e00000AbCdEFGH/view', { crm: 'salesforce', account: 'acme.my.salesforce.com', objectType: 'lead', id: '00Q5e00000AbCdEFGH' }],
    ['https://acme.lightning.force.com/lightning/r/Contact/0035e00000AbCdE/view', { crm: 'salesforce', account: 'acme.my.salesforce.com', objectType: 'contact', id: '0035e00000AbCdEAAV' }],
    ['https://acme--uat.sandbox.lightning.force.com/lightning/r/Lead/00Q5e00000AbCdEFGH/view', { crm: 'salesforce', account: 'acme--uat.sandbox.my.salesforce.com', objectType: 'lead', id: '00Q5e00000AbCdEFGH' }],
    ['https://acme.my.salesforce.com/00Q5e00000AbCdEFGH', { crm: 'salesforce', account: 'acme.my.salesforce.com', objectType: 'lead', id: '00Q5e00000AbCdEFGH' }],
  ])('recognises %s', (href, expected) => {
    expect(readLeadPage(href, prod)).toMatchObject(expected);
  });

  it.each([
    'https://app.hubspot.com/contacts/123456/objects/0-1/views/all/list',
    'https://app.hubspot.com/contacts/123456/record/0-2/987', // a company, not a lead
    'https://app.hubspot.com/contacts/123456/record/0-3/987', // a deal
    'https://app.hubspot.com/reports-dashboard/123456',
    'https://app.hubspot.com.evil.example/contacts/1/record/0-1/2',
    'https://evil.example/contacts/1/record/0-1/2',
    'http://app.hubspot.com/contacts/1/record/0-1/2', // not https
    'https://app.hubspot.com/contacts/abc/record/0-1/2',
    'https://acme.lightning.force.com/lightning/o/Lead/list',
    'https://acme.lightning.force.com/lightning/r/Account/0015e00000AbCdEFGH/view',
    'https://acme.my.salesforce.com/0015e00000AbCdE', // an account
    'http://127.0.0.1:4477/contacts/2400001/record/0-1/101', // sandbox off in production
    'http://127.0.0.1:4477/contacts/2400001/record/0-136/9100000101', // nor its Leads records
    'not a url',
    '',
  ])('ignores %s', (href) => {
    expect(readLeadPage(href, prod)).toBeNull();
  });

  it.each([
    ['http://127.0.0.1:4477/contacts/2400001/record/0-1/101', { crm: 'hubspot', account: '2400001', id: '101', origin: 'http://127.0.0.1:4477' }],
    ['http://localhost:9000/contacts/2400001/contact/7', { crm: 'hubspot', account: '2400001', id: '7', origin: 'http://localhost:9000' }],
    // The sandbox's Leads records use HubSpot's own 0-136 record URL.
    ['http://127.0.0.1:4477/contacts/2400001/record/0-136/9100000101', { crm: 'hubspot', account: '2400001', objectType: 'lead', id: '9100000101', origin: 'http://127.0.0.1:4477' }],
  ])('recognises the sandbox in demo builds: %s', (href, expected) => {
    expect(readLeadPage(href, demo)).toMatchObject(expected);
  });

  it.each([
    'http://127.0.0.1:4477/contacts/2400001/objects/0-1/views/all/list',
    'http://127.0.0.1:4477/contacts/2400001/objects/0-136/views/all/list', // the Leads index
    'http://127.0.0.1:4477/reports/2400001',
    'http://10.0.0.5/contacts/1/record/0-1/2',
  ])(
    'ignores non-record sandbox pages: %s',
    (href) => {
      expect(readLeadPage(href, demo)).toBeNull();
    },
  );

  it('compares readings by record, not by URL', () => {
    const a = readLeadPage('https://app.hubspot.com/contacts/1/record/0-1/2?tab=a', prod);
    const b = readLeadPage('https://app.hubspot.com/contacts/1/record/0-1/2/view/3', prod);
    const c = readLeadPage('https://app.hubspot.com/contacts/1/record/0-1/3', prod);
    expect(isSameLeadPage(a, b)).toBe(true);
    expect(isSameLeadPage(a, c)).toBe(false);
    expect(isSameLeadPage(null, null)).toBe(true);
    expect(isSameLeadPage(a, null)).toBe(false);
  });
});
