import { describe, expect, it } from 'vitest';
import { CrmError } from '../../../lib/crm/crm-error';
import { NO_MANAGED_SIGN_IN, type ManagedSignIn } from '../../../lib/crm/crm-provider';
import { readStoredTokens } from '../../../lib/crm/salesforce/salesforce-connection-state';
import { managedGenericLoginPage, managedMyDomain, planSalesforceSignIn } from '../../../lib/crm/salesforce/salesforce-managed-sign-in';
import { createSalesforceProvider } from '../../../lib/crm/salesforce/salesforce-provider';
import type { WebAuthFlow } from '../../../lib/crm/salesforce/salesforce-web-auth-flow';
import { inMemoryProviderContext } from '../../support/crm/in-memory-provider-context';
import { SIGN_IN_REDIRECT } from '../../support/salesforce/approving-sign-in-window';
import { scriptedFetch, type ScriptedAnswer } from './scripted-fetch';

/*
 * The Salesforce sign-in under IT's policy: the org, the External Client App and the sign-in page
 * IT set are what Baton signs in with; a request naming others is refused before any sign-in
 * window opens, a sign-in that ends in another org is refused, and in both cases nothing is stored.
 */

const IT_KEY = '3MVG9itSetThisKeyForEveryone0123456789';
const OTHER_KEY = '3MVG9someOtherAppsKeyabcdefghijklmnop';
const ACME = 'acme.my.salesforce.com';
const ORG = '00D5e000000AbCdEAA';
const USER = '0055e000001XyZaAAA';

const request = (myDomain: string, consumerKey: string) => JSON.stringify({ myDomain, consumerKey });
const managed = (fixed: Partial<ManagedSignIn>): ManagedSignIn => ({ ...NO_MANAGED_SIGN_IN, ...fixed });

const tokenAnswer = (instanceHost = ACME): ScriptedAnswer => ({
  status: 200,
  body: { access_token: 'access-1', refresh_token: 'refresh-1', instance_url: `https://${instanceHost}`, id: `https://login.salesforce.com/id/${ORG}/${USER}`, issued_at: '1700000000123' },
});

/** A Salesforce connection whose context lends `fixed` as the policy's sign-in values (none: the context has no such read). */
function setup(fixed: ManagedSignIn | null, answers: ScriptedAnswer[] = [tokenAnswer()]) {
  const scripted = scriptedFetch(answers);
  const launches: URL[] = [];
  const flow: WebAuthFlow = {
    redirectUrl: () => SIGN_IN_REDIRECT,
    launch: async (url) => {
      launches.push(new URL(url));
      return `${SIGN_IN_REDIRECT}?code=the-code&state=${new URL(url).searchParams.get('state')}`;
    },
  };
  const ctx = inMemoryProviderContext({ fetch: scripted.fetch, now: () => 1_700_000_000_000 });
  const context = fixed ? { ...ctx.context, readManagedSignIn: async () => fixed } : ctx.context;
  const connection = createSalesforceProvider({ webAuthFlow: flow }).connect!(context);
  return { ...ctx, ...scripted, connection, launches };
}

async function refusal(promise: Promise<unknown>): Promise<CrmError> {
  const err = await promise.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(CrmError);
  expect((err as CrmError).kind).toBe('rejected');
  return err as CrmError;
}

const tokenForm = (body: string | null) => Object.fromEntries(new URLSearchParams(body ?? ''));

describe('the Salesforce sign-in under IT policy', () => {
  it('refuses a request for another org than IT set, before any sign-in, and stores nothing', async () => {
    const s = setup(managed({ account: ACME, consumerKey: IT_KEY }), []);
    const err = await refusal(s.connection.saveCredential(request('beta.my.salesforce.com', IT_KEY)));
    expect(err.message).toBe(`Your organisation set the Salesforce org Baton connects to: ${ACME}. Only your IT administrator can change it.`);
    expect(s.launches).toHaveLength(0);
    expect(s.calls).toHaveLength(0);
    expect(s.secret()).toBeNull();
    expect(s.state()).toEqual({ account: null, credential: null });
  });

  it('accepts the org IT set in any of its forms (Lightning host, short name)', async () => {
    for (const form of ['https://acme.lightning.force.com/lightning/page/home', 'acme']) {
      const s = setup(managed({ account: ACME }));
      await s.connection.saveCredential(request(form, IT_KEY));
      expect(s.launches[0]!.host).toBe(ACME);
      expect(s.state().account).toBe(ACME);
    }
  });

  it("refuses another External Client App than IT set, naming IT's key so the admin can compare", async () => {
    const s = setup(managed({ account: ACME, consumerKey: IT_KEY }), []);
    const err = await refusal(s.connection.saveCredential(request(ACME, OTHER_KEY)));
    expect(err.message).toBe('Your organisation set the External Client App Baton signs in with (consumer key 3MVG9itS…6789). Only your IT administrator can change it.');
    expect(s.launches).toHaveLength(0);
    expect(s.secret()).toBeNull();
  });

  it("signs in with IT's consumer key, and keeps it for the refresh grant, when the page leaves it out", async () => {
    const s = setup(managed({ consumerKey: IT_KEY }));
    await s.connection.saveCredential(request(ACME, ''));
    expect(s.launches[0]!.searchParams.get('client_id')).toBe(IT_KEY);
    expect(tokenForm(s.calls[0]!.body)).toMatchObject({ grant_type: 'authorization_code', client_id: IT_KEY });
    expect(readStoredTokens(s.secret())?.orgs[ORG]?.consumerKey).toBe(IT_KEY);
  });

  it("signs in on IT's org when the page leaves the My Domain out", async () => {
    const s = setup(managed({ account: ACME, consumerKey: IT_KEY }));
    await s.connection.saveCredential(request('', ''));
    expect(`${s.launches[0]!.origin}${s.launches[0]!.pathname}`).toBe(`https://${ACME}/services/oauth2/authorize`);
    expect(s.calls[0]!.url).toBe(`https://${ACME}/services/oauth2/token`);
  });

  it("opens the sign-in on Salesforce's login page IT set, and keeps the org IT set", async () => {
    const s = setup(managed({ account: ACME, consumerKey: IT_KEY, loginHost: 'login.salesforce.com' }));
    await s.connection.saveCredential(request(ACME, IT_KEY));
    expect(s.launches[0]!.host).toBe('login.salesforce.com');
    expect(s.calls[0]!.url).toBe('https://login.salesforce.com/services/oauth2/token');
    expect(readStoredTokens(s.secret())).toMatchObject({ active: ORG, orgs: { [ORG]: { apiHost: ACME, consumerKey: IT_KEY, instanceUrl: `https://${ACME}` } } });
  });

  it('refuses a sign-in on the login page that ends in another org, revokes its grant and stores nothing', async () => {
    const s = setup(managed({ account: ACME, consumerKey: IT_KEY, loginHost: 'login.salesforce.com' }), [tokenAnswer('beta.my.salesforce.com'), { status: 200 }]);
    const err = await refusal(s.connection.saveCredential(request(ACME, IT_KEY)));
    expect(err.message).toBe(`You signed in to the Salesforce org beta.my.salesforce.com, but your organisation set the Salesforce org Baton connects to: ${ACME}. Sign in as a user of ${ACME}; only your IT administrator can change the org.`);
    expect(s.calls[1]!.url).toBe('https://login.salesforce.com/services/oauth2/revoke');
    expect(tokenForm(s.calls[1]!.body)).toEqual({ token: 'refresh-1' });
    expect(s.secret()).toBeNull();
    expect(s.state()).toEqual({ account: null, credential: null });
  });

  it('with only a login page set, checks the signed-in org against the My Domain the admin entered', async () => {
    const s = setup(managed({ loginHost: 'test.salesforce.com' }), [tokenAnswer('beta--uat.sandbox.my.salesforce.com'), { status: 200 }]);
    const err = await refusal(s.connection.saveCredential(request('acme--uat.sandbox.my.salesforce.com', IT_KEY)));
    expect(s.launches[0]!.host).toBe('test.salesforce.com');
    expect(err.message).toMatch(/^You signed in to the Salesforce org beta--uat\.sandbox\.my\.salesforce\.com, not to acme--uat\.sandbox\.my\.salesforce\.com\./);
    expect(s.secret()).toBeNull();
  });

  it("refuses a request for another org than the My Domain IT set as the sign-in page", async () => {
    const s = setup(managed({ loginHost: 'acme--uat.sandbox.my.salesforce.com' }), []);
    const err = await refusal(s.connection.saveCredential(request(ACME, IT_KEY)));
    expect(err.message).toBe('Your organisation set the Salesforce sign-in page Baton uses: acme--uat.sandbox.my.salesforce.com. Only your IT administrator can change it.');
    expect(s.launches).toHaveLength(0);
  });

  it.each<[string, Partial<ManagedSignIn>, RegExp]>([
    ['an org that is not a My Domain', { account: 'acme.example.com' }, /policy names the Salesforce org "acme\.example\.com", which is not a My Domain.*Ask your IT administrator/],
    ['a sign-in page that is not Salesforce', { loginHost: 'sso.example.com' }, /policy names "sso\.example\.com" as the Salesforce sign-in page, which is not one/],
    ['a consumer key that is not one', { consumerKey: 'short' }, /policy sets a consumer key that is not one/],
  ])("says IT's policy has %s, before any sign-in", async (_name, fixed, message) => {
    const s = setup(managed(fixed), []);
    const err = await refusal(s.connection.saveCredential(request(ACME, IT_KEY)));
    expect(err.message).toMatch(message);
    expect(s.launches).toHaveLength(0);
  });

  it('signs in with what the page sent when the policy fixes nothing, or the context lends no policy', async () => {
    for (const fixed of [NO_MANAGED_SIGN_IN, null]) {
      const s = setup(fixed);
      await s.connection.saveCredential(request('beta', OTHER_KEY));
      expect(s.launches[0]!.host).toBe('beta.my.salesforce.com');
      expect(s.launches[0]!.searchParams.get('client_id')).toBe(OTHER_KEY);
      expect(s.calls[0]!.url).toBe('https://beta.my.salesforce.com/services/oauth2/token');
      // The token answer names the org (acme here): without a policy, it is kept as the answer says.
      expect(s.state().account).toBe(ACME);
    }
  });
});

describe('what the options page shows and sends under IT policy', () => {
  it('shows the sign-in page when it is a My Domain, else the org', () => {
    expect(managedMyDomain(managed({ account: ACME, loginHost: 'acme--uat.sandbox.my.salesforce.com' }))).toBe('acme--uat.sandbox.my.salesforce.com');
    expect(managedMyDomain(managed({ account: ACME, loginHost: 'login.salesforce.com' }))).toBe(ACME);
    expect(managedMyDomain(managed({ loginHost: 'login.salesforce.com' }))).toBeNull();
    expect(managedGenericLoginPage(managed({ loginHost: 'Test.Salesforce.com' }))).toBe('test.salesforce.com');
    expect(managedGenericLoginPage(managed({ loginHost: ACME }))).toBeNull();
  });

  it('what the page sends for every combination is what the background signs in with', () => {
    const combinations: Partial<ManagedSignIn>[] = [{ account: ACME }, { loginHost: 'acme.my.salesforce.com' }, { account: ACME, loginHost: 'login.salesforce.com' }, { account: ACME, loginHost: ACME, consumerKey: IT_KEY }];
    for (const fixed of combinations) {
      const plan = planSalesforceSignIn(request(managedMyDomain(managed(fixed)) ?? '', fixed.consumerKey ?? IT_KEY), managed(fixed));
      expect(plan).toMatchObject({ myDomain: ACME, consumerKey: IT_KEY });
    }
  });
});
