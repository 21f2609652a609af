import { describe, expect, it } from 'vitest';
import { checkCredentialInput, decodeCredentialInput, encodeCredentialInput, normalizeMyDomain } from '../../../lib/crm/salesforce/salesforce-credential-input';

const KEY = '3MVG9abcdefghijklmnopqrstuvwxyz.0123456789_ABC';

describe('normalizeMyDomain', () => {
  it.each([
    ['acme', 'acme.my.salesforce.com'],
    ['acme.my.salesforce.com', 'acme.my.salesforce.com'],
    [' https://ACME.my.salesforce.com/ ', 'acme.my.salesforce.com'],
    ['https://acme.lightning.force.com/lightning/page/home', 'acme.my.salesforce.com'],
    ['acme--uat.sandbox.my.salesforce.com', 'acme--uat.sandbox.my.salesforce.com'],
    ['acme--uat.sandbox.lightning.force.com', 'acme--uat.sandbox.my.salesforce.com'],
    ['acme-dev-ed.develop.my.salesforce.com', 'acme-dev-ed.develop.my.salesforce.com'],
  ])('%s → %s', (input, host) => {
    expect(normalizeMyDomain(input)).toBe(host);
  });

  it.each(['', 'login.salesforce.com', 'test.salesforce.com', 'acme.example.com', 'acme.salesforce.com', 'http://'])('refuses %s', (input) => {
    expect(normalizeMyDomain(input)).toBeNull();
  });
});

describe('checkCredentialInput', () => {
  it('gives field-level errors', () => {
    expect(checkCredentialInput({ myDomain: '', consumerKey: '' }).errors).toEqual({ myDomain: expect.stringMatching(/Enter the org's My Domain/), consumerKey: expect.stringMatching(/Consumer Key/) });
    expect(checkCredentialInput({ myDomain: 'login.salesforce.com', consumerKey: 'short' }).errors).toEqual({ myDomain: expect.stringMatching(/not a My Domain/), consumerKey: expect.stringMatching(/no spaces/) });
    expect(checkCredentialInput({ myDomain: 'acme', consumerKey: ` ${KEY} ` })).toEqual({ value: { myDomain: 'acme.my.salesforce.com', consumerKey: KEY }, errors: {} });
  });

  it('round-trips through the message the options page sends', () => {
    const secret = encodeCredentialInput({ myDomain: 'acme.my.salesforce.com', consumerKey: KEY });
    expect(JSON.parse(secret)).toEqual({ myDomain: 'acme.my.salesforce.com', consumerKey: KEY });
    expect(decodeCredentialInput(secret)).toEqual({ myDomain: 'acme.my.salesforce.com', consumerKey: KEY });
    expect(decodeCredentialInput('{"myDomain":1}')).toHaveProperty('error');
    expect(decodeCredentialInput('pat-na1-123')).toHaveProperty('error');
  });
});
