import { describe, expect, it } from 'vitest';
import { readLeadPage } from '../../../lib/crm/pages/read-lead-page';
import { salesforceApiHost } from '../../../lib/crm/salesforce/salesforce-api-host';
import { readSalesforcePage, readSalesforceSandboxPage, toId18 } from '../../../lib/crm/salesforce/salesforce-pages';

const LEAD = '00Q5e00000AbCdEFGH';
const CONTACT = '0035e00000XyZaBCDE';
const lead = (account: string, origin: string) => ({ crm: 'salesforce', account, objectType: 'lead', id: LEAD, origin });
const contact = (account: string, origin: string) => ({ crm: 'salesforce', account, objectType: 'contact', id: CONTACT, origin });
const ACME = 'acme.my.salesforce.com';
const ACME_UI = 'https://acme.lightning.force.com';

describe('readSalesforcePage', () => {
  it.each([
    // Lightning, with and without the object's name
    [`${ACME_UI}/lightning/r/Lead/${LEAD}/view`, lead(ACME, ACME_UI)],
    [`${ACME_UI}/lightning/r/${LEAD}/view`, lead(ACME, ACME_UI)],
    [`${ACME_UI}/lightning/r/Contact/${CONTACT}/view`, contact(ACME, ACME_UI)],
    [`${ACME_UI}/lightning/r/${CONTACT}/view`, contact(ACME, ACME_UI)],
    [`${ACME_UI}/lightning/r/Lead/${LEAD}/view/`, lead(ACME, ACME_UI)],
    [`${ACME_UI}/lightning/r/Lead/${LEAD}/view?0.source=alohaHeader#top`, lead(ACME, ACME_UI)],
    // Console: the path is the focused tab, ws= the workspace tab
    [`${ACME_UI}/lightning/r/Lead/${LEAD}/view?ws=%2Flightning%2Fr%2FAccount%2F0015e00000AbCdEFGH%2Fview`, lead(ACME, ACME_UI)],
    [`${ACME_UI}/lightning/r/Contact/${CONTACT}/view?ws=%2Flightning%2Fr%2FLead%2F${LEAD}%2Fview`, contact(ACME, ACME_UI)],
    // Sandboxes and partitioned orgs
    [`https://acme--sbx.sandbox.lightning.force.com/lightning/r/Lead/${LEAD}/view`, lead('acme--sbx.sandbox.my.salesforce.com', 'https://acme--sbx.sandbox.lightning.force.com')],
    [`https://acme-dev-ed.develop.lightning.force.com/lightning/r/Lead/${LEAD}/view`, lead('acme-dev-ed.develop.my.salesforce.com', 'https://acme-dev-ed.develop.lightning.force.com')],
    [`https://ruby-fox-123.scratch.lightning.force.com/lightning/r/${LEAD}/view`, lead('ruby-fox-123.scratch.my.salesforce.com', 'https://ruby-fox-123.scratch.lightning.force.com')],
    [`https://x.demo.lightning.force.com/lightning/r/Lead/${LEAD}/view`, lead('x.demo.my.salesforce.com', 'https://x.demo.lightning.force.com')],
    [`https://x.patch.lightning.force.com/lightning/r/Lead/${LEAD}/view`, lead('x.patch.my.salesforce.com', 'https://x.patch.lightning.force.com')],
    [`https://x.trailblaze.lightning.force.com/lightning/r/Lead/${LEAD}/view`, lead('x.trailblaze.my.salesforce.com', 'https://x.trailblaze.lightning.force.com')],
    [`https://x.free.lightning.force.com/lightning/r/Lead/${LEAD}/view`, lead('x.free.my.salesforce.com', 'https://x.free.lightning.force.com')],
    [`https://ACME.Lightning.Force.com/lightning/r/Lead/${LEAD}/view`, lead(ACME, ACME_UI)],
    // Legacy one.app
    [`${ACME_UI}/one/one.app#/sObject/${LEAD}/view`, lead(ACME, ACME_UI)],
    [`${ACME_UI}/one/one.app#/sObject/${CONTACT}`, contact(ACME, ACME_UI)],
    // Classic: the bare id on the My Domain host
    [`https://${ACME}/${LEAD}`, lead(ACME, `https://${ACME}`)],
    [`https://${ACME}/${CONTACT}?srPos=0&srKp=003`, contact(ACME, `https://${ACME}`)],
    [`https://acme--sbx.sandbox.my.salesforce.com/${LEAD}/e`, lead('acme--sbx.sandbox.my.salesforce.com', 'https://acme--sbx.sandbox.my.salesforce.com')],
  ])('reads %s', (href, expected) => {
    expect(readSalesforcePage(new URL(href))).toEqual(expected);
  });

  it('reads a 15-character id as its 18-character form, so Classic and Lightning name one record', () => {
    expect(toId18('001A0000006Vm9r')).toBe('001A0000006Vm9rIAC');
    const classic = readSalesforcePage(new URL(`https://${ACME}/00Q5e00000AbCdE`));
    const lightning = readSalesforcePage(new URL(`${ACME_UI}/lightning/r/Lead/${toId18('00Q5e00000AbCdE')}/view`));
    expect(classic).toMatchObject({ id: toId18('00Q5e00000AbCdE'), account: ACME });
    expect(classic?.id).toBe(lightning?.id);
    expect(toId18(LEAD)).toBe(LEAD);
  });

  it.each([
    `${ACME_UI}/lightning/o/Lead/list?filterName=Recent`,
    `${ACME_UI}/lightning/r/Account/0015e00000AbCdEFGH/view`,
    `${ACME_UI}/lightning/r/Lead/${CONTACT}/view`, // a Lead path with a Contact id
    `${ACME_UI}/lightning/r/Contact/${LEAD}/view`,
    `${ACME_UI}/lightning/r/Lead/${LEAD}/related/Histories/view`,
    `${ACME_UI}/lightning/r/Lead/${LEAD}/edit`,
    `${ACME_UI}/lightning/r/Account/0015e00000AbCdEFGH/view?ws=%2Flightning%2Fr%2FLead%2F${LEAD}%2Fview`, // focused tab is an account
    `${ACME_UI}/lightning/page/home`,
    `${ACME_UI}/${LEAD}`, // Classic ids are on the My Domain host only
    `${ACME_UI}/one/one.app#/sObject/0015e00000AbCdEFGH/view`,
    `https://${ACME}/0015e00000AbCdE`, // an account
    `https://${ACME}/00Q5e00000AbCd`, // 14 characters
    `https://${ACME}/setup/home`,
    `http://acme.lightning.force.com/lightning/r/Lead/${LEAD}/view`, // not https
    `https://acme.other.lightning.force.com/lightning/r/Lead/${LEAD}/view`, // not a partition
    `https://lightning.force.com/lightning/r/Lead/${LEAD}/view`,
    `https://acme.lightning.force.com.evil.example/lightning/r/Lead/${LEAD}/view`,
    `https://acme.visual.force.com/lightning/r/Lead/${LEAD}/view`,
    `https://login.salesforce.com/${LEAD}`,
  ])('ignores %s', (href) => {
    expect(readSalesforcePage(new URL(href))).toBeNull();
  });
});

describe('salesforceApiHost', () => {
  it.each([
    ['acme.lightning.force.com', 'acme.my.salesforce.com'],
    ['acme.my.salesforce.com', 'acme.my.salesforce.com'],
    ['acme--sbx.sandbox.lightning.force.com', 'acme--sbx.sandbox.my.salesforce.com'],
    ['acme--sbx.sandbox.my.salesforce.com', 'acme--sbx.sandbox.my.salesforce.com'],
    ['acme-dev-ed.develop.lightning.force.com', 'acme-dev-ed.develop.my.salesforce.com'],
    ['x.scratch.lightning.force.com', 'x.scratch.my.salesforce.com'],
    ['x.demo.lightning.force.com', 'x.demo.my.salesforce.com'],
    ['x.patch.lightning.force.com', 'x.patch.my.salesforce.com'],
    ['x.trailblaze.lightning.force.com', 'x.trailblaze.my.salesforce.com'],
    ['x.free.lightning.force.com', 'x.free.my.salesforce.com'],
    ['Acme.Lightning.Force.Com', 'acme.my.salesforce.com'],
  ])('%s → %s', (host, api) => {
    expect(salesforceApiHost(host)).toBe(api);
  });

  it.each(['lightning.force.com', 'my.salesforce.com', 'login.salesforce.com', 'acme.evil.lightning.force.com', 'acme.lightning.force.com.evil.example', 'acme.salesforce.com', 'acme--c.vf.force.com'])(
    'is not an org host: %s',
    (host) => {
      expect(salesforceApiHost(host)).toBeNull();
    },
  );

  it('never names the Lightning host as an API host', () => {
    for (const host of ['a.lightning.force.com', 'a--b.sandbox.lightning.force.com', 'a.develop.lightning.force.com']) {
      expect(salesforceApiHost(host)).toMatch(/\.my\.salesforce\.com$/);
    }
  });
});

describe('sandbox pages', () => {
  const demo = { sandbox: true };
  it.each([
    [`http://127.0.0.1:4477/lightning/r/Lead/${LEAD}/view`, lead('127.0.0.1:4477', 'http://127.0.0.1:4477')],
    [`http://127.0.0.1:4477/lightning/r/${CONTACT}/view`, contact('127.0.0.1:4477', 'http://127.0.0.1:4477')],
    [`http://localhost:9000/lightning/r/Contact/${CONTACT}/view?ws=x`, contact('localhost:9000', 'http://localhost:9000')],
  ])('reads the sandbox CRM page %s in demo builds', (href, expected) => {
    expect(readLeadPage(href, demo)).toEqual(expected);
    expect(readSalesforceSandboxPage(new URL(href))).toEqual(expected);
  });

  it('is not read in production builds', () => {
    expect(readLeadPage(`http://127.0.0.1:4477/lightning/r/Lead/${LEAD}/view`, { sandbox: false })).toBeNull();
  });

  it('coexists with the sandbox pages in the other dialect', () => {
    expect(readLeadPage('http://127.0.0.1:4477/contacts/2400001/record/0-1/101', demo)).toMatchObject({ account: '2400001', id: '101', objectType: 'contact' });
    expect(readSalesforceSandboxPage(new URL('http://127.0.0.1:4477/contacts/2400001/record/0-1/101'))).toBeNull();
    expect(readLeadPage(`http://127.0.0.1:4477/lightning/r/Lead/${LEAD}/view`, demo)).toMatchObject({ crm: 'salesforce' });
    expect(readLeadPage('http://127.0.0.1:4477/lightning/o/Lead/list', demo)).toBeNull();
  });
});
