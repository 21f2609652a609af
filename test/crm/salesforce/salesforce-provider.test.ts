import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CrmError } from '../../../lib/crm/crm-error';
import type { CrmAdapter } from '../../../lib/crm/crm-port';
import type { SalesforceClient } from '../../../lib/crm/salesforce/salesforce-client-contract';
import { readStoredTokens } from '../../../lib/crm/salesforce/salesforce-connection-state';
import { createSalesforceProvider, type SalesforceParts } from '../../../lib/crm/salesforce/salesforce-provider';
import type { WebAuthFlow } from '../../../lib/crm/salesforce/salesforce-web-auth-flow';
import { NO_WRITE_RULES, inMemoryProviderContext } from '../../support/crm/in-memory-provider-context';
import { scriptedFetch, type ScriptedAnswer, type ScriptedCall } from './scripted-fetch';

const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/salesforce';
const CONSUMER_KEY = '3MVG9abcdefghijklmnopqrstuvwxyz0123456789';
const ORG = '00D5e000000AbCdEAA';
const USER = '0055e000001XyZaAAA';
const ACME = 'acme.my.salesforce.com';

function fakeContext(fetchFn: typeof fetch) {
  return inMemoryProviderContext({ fetch: fetchFn, rules: { ...NO_WRITE_RULES, timeZone: 'Europe/Paris' }, now: () => 1_700_000_000_000 });
}

/** A sign-in window that approves at once (or ends as `answer` says), recording the authorize URLs. */
function fakeFlow(answer: (authorize: URL) => string = (u) => `${REDIRECT}?code=the-code&state=${u.searchParams.get('state')}`) {
  const launches: { url: URL; interactive: boolean }[] = [];
  const flow: WebAuthFlow = {
    redirectUrl: () => REDIRECT,
    launch: async (url, interactive) => {
      launches.push({ url: new URL(url), interactive });
      return answer(new URL(url));
    },
  };
  return { flow, launches };
}

const tokenAnswer = (overrides: Record<string, unknown> = {}) => ({
  status: 200,
  body: { access_token: 'access-1', refresh_token: 'refresh-1', instance_url: `https://${ACME}`, id: `https://login.salesforce.com/id/${ORG}/${USER}`, issued_at: '1700000000123', scope: 'api refresh_token', token_type: 'Bearer', signature: 'sig', ...overrides },
});
const expired = { status: 401, body: [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }] };
const form = (call: ScriptedCall) => Object.fromEntries(new URLSearchParams(call.body ?? ''));
const input = (myDomain = ACME, consumerKey = CONSUMER_KEY) => JSON.stringify({ myDomain, consumerKey });

/** Parts that record the client they were given. */
function recordingParts() {
  const given: { adapter: SalesforceClient[]; reporting: { client: SalesforceClient; account: string; key: string; sandbox: boolean }[] } = { adapter: [], reporting: [] };
  const parts: SalesforceParts = {
    adapter: ({ client }) => {
      given.adapter.push(client);
      return { crm: 'salesforce', getLeadContext: async () => ({ client: await client.request('GET', 'sobjects/Lead/00Q1', { schema: z.unknown() }) }) } as unknown as CrmAdapter;
    },
    reporting: (args) => {
      given.reporting.push(args);
      return { crm: 'salesforce', account: args.account, key: args.key, sandbox: args.sandbox } as never;
    },
  };
  return { parts, given };
}

async function connected(answers: ScriptedAnswer[], parts?: SalesforceParts) {
  const scripted = scriptedFetch([tokenAnswer(), ...answers]);
  const { flow, launches } = fakeFlow();
  const ctx = fakeContext(scripted.fetch);
  const connection = createSalesforceProvider({ webAuthFlow: flow, parts }).connect!(ctx.context);
  await connection.saveCredential(input());
  return { ...ctx, ...scripted, connection, launches };
}

async function failure(promise: Promise<unknown>): Promise<CrmError> {
  const err = await promise.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(CrmError);
  return err as CrmError;
}

describe('connecting an org (OAuth web-server flow with PKCE)', () => {
  it('signs in on the My Domain with an S256 challenge and redeems the code with its verifier, no secret', async () => {
    const { launches, calls, secret, state } = await connected([]);
    const authorize = launches[0]!;
    expect(authorize.interactive).toBe(true);
    expect(`${authorize.url.origin}${authorize.url.pathname}`).toBe(`https://${ACME}/services/oauth2/authorize`);
    const q = Object.fromEntries(authorize.url.searchParams);
    expect(q).toMatchObject({ response_type: 'code', client_id: CONSUMER_KEY, redirect_uri: REDIRECT, code_challenge_method: 'S256', scope: 'api refresh_token' });
    expect(q.state).toMatch(/^[A-Za-z0-9_-]{16,}$/);

    expect(calls[0]!.url).toBe(`https://${ACME}/services/oauth2/token`);
    expect(calls[0]!.method).toBe('POST');
    const body = form(calls[0]!);
    expect(body).toMatchObject({ grant_type: 'authorization_code', code: 'the-code', client_id: CONSUMER_KEY, redirect_uri: REDIRECT });
    expect(body).not.toHaveProperty('client_secret');
    expect(createHash('sha256').update(body.code_verifier!).digest('base64url')).toBe(q.code_challenge);

    const stored = readStoredTokens(secret());
    expect(stored).toMatchObject({ active: ORG, orgs: { [ORG]: { apiHost: ACME, consumerKey: CONSUMER_KEY, userId: USER, refreshToken: 'refresh-1', accessToken: 'access-1', instanceUrl: `https://${ACME}`, issuedAt: 1700000000123 } } });
    expect(state()).toEqual({ account: ACME, credential: { kind: 'oauth_refresh', expiresAt: null } });
  });

  it('accepts a Lightning or sandbox host for the My Domain and signs in on the API host', async () => {
    const scripted = scriptedFetch([tokenAnswer({ instance_url: 'https://acme--uat.sandbox.my.salesforce.com' })]);
    const { flow, launches } = fakeFlow();
    const ctx = fakeContext(scripted.fetch);
    await createSalesforceProvider({ webAuthFlow: flow }).connect!(ctx.context).saveCredential(input('https://acme--uat.sandbox.lightning.force.com/lightning/page/home'));
    expect(launches[0]!.url.host).toBe('acme--uat.sandbox.my.salesforce.com');
    expect(scripted.calls[0]!.url).toBe('https://acme--uat.sandbox.my.salesforce.com/services/oauth2/token');
    expect(ctx.state().account).toBe('acme--uat.sandbox.my.salesforce.com');
  });

  it.each<[string, string, RegExp]>([
    ['not JSON', 'hello', /My Domain and the app's consumer key/],
    ['no My Domain', input(''), /Enter the org's My Domain/],
    ['not a My Domain', input('acme.example.com'), /not a My Domain/],
    ['a consumer key with spaces', input(ACME, '3MVG9 abc def ghi jkl mno pqr'), /no spaces/],
  ])('refuses %s before any sign-in', async (_name, secret, message) => {
    const scripted = scriptedFetch([]);
    const { flow, launches } = fakeFlow();
    const err = await failure(createSalesforceProvider({ webAuthFlow: flow }).connect!(fakeContext(scripted.fetch).context).saveCredential(secret));
    expect(err.kind).toBe('rejected');
    expect(err.message).toMatch(message);
    expect(launches).toHaveLength(0);
  });

  it.each<[string, (u: URL) => string, RegExp]>([
    ['OAUTH_APP_BLOCKED', (u) => `${REDIRECT}?error=OAUTH_APP_BLOCKED&error_description=this+app+is+blocked+by+admin&state=${u.searchParams.get('state')}`, /OAUTH_APP_BLOCKED.*API Access Control/],
    ['an uninstalled app', (u) => `${REDIRECT}?error=invalid_client&error_description=app+must+be+installed+into+org&state=${u.searchParams.get('state')}`, /not installed in acme\.my\.salesforce\.com.*Install the External Client App.*permission set/],
    ['an unknown consumer key', (u) => `${REDIRECT}?error=invalid_client_id&error_description=client+identifier+invalid&state=${u.searchParams.get('state')}`, /does not know this consumer key/],
    ['a callback URL mismatch', (u) => `${REDIRECT}?error=redirect_uri_mismatch&error_description=redirect_uri+must+match+configuration&state=${u.searchParams.get('state')}`, new RegExp(`set the Callback URL to ${REDIRECT.replace(/\./g, '\\.')}`)],
    ['a denial', (u) => `${REDIRECT}?error=access_denied&error_description=end-user+denied+authorization&state=${u.searchParams.get('state')}`, /refused or cancelled/],
    ['another sign-in', () => `${REDIRECT}?code=x&state=someone-else`, /state mismatch/],
  ])('names %s in words an admin can act on', async (_name, answer, message) => {
    const scripted = scriptedFetch([]);
    const { flow } = fakeFlow(answer);
    const err = await failure(createSalesforceProvider({ webAuthFlow: flow }).connect!(fakeContext(scripted.fetch).context).saveCredential(input()));
    expect(err.message).toMatch(message);
    expect(scripted.calls).toHaveLength(0);
  });

  it('names a token endpoint that wants a client secret', async () => {
    const scripted = scriptedFetch([{ status: 400, body: { error: 'invalid_client', error_description: 'invalid client credentials' } }]);
    const { flow } = fakeFlow();
    const err = await failure(createSalesforceProvider({ webAuthFlow: flow }).connect!(fakeContext(scripted.fetch).context).saveCredential(input()));
    expect(err.message).toMatch(/Require secret for Web Server Flow/);
  });

  it('says when the sign-in window was closed', async () => {
    const flow: WebAuthFlow = { redirectUrl: () => REDIRECT, launch: async () => { throw new Error('The user did not approve access.'); } };
    const err = await failure(createSalesforceProvider({ webAuthFlow: flow }).connect!(fakeContext(scriptedFetch([]).fetch).context).saveCredential(input()));
    expect(err).toMatchObject({ kind: 'auth' });
    expect(err.message).toMatch(/window was closed/);
  });

  it('refuses a grant without a refresh token', async () => {
    const scripted = scriptedFetch([tokenAnswer({ refresh_token: undefined })]);
    const ctx = fakeContext(scripted.fetch);
    const err = await failure(createSalesforceProvider({ webAuthFlow: fakeFlow().flow }).connect!(ctx.context).saveCredential(input()));
    expect(err.message).toMatch(/refresh_token, offline_access/);
    expect(ctx.secret()).toBeNull();
  });
});

describe('checkConnection', () => {
  it('names the org and the user, with the API usage headroom', async () => {
    const { connection, calls } = await connected([
      { status: 200, body: { sobjects: '/services/data/v62.0/sobjects' }, headers: { 'Sforce-Limit-Info': 'api-usage=18/5000' } },
      { status: 200, body: { username: 'jane@acme.com', display_name: 'Jane Doe', organization_id: ORG } },
    ]);
    const status = await connection.checkConnection();
    expect(status).toEqual({
      hasToken: true,
      check: { ok: true, portalId: ORG, message: `Connected to the Salesforce org ${ACME} (org id ${ORG}) as jane@acme.com (Jane Doe).`, headroom: { daily: 5000, dailyRemaining: 4982, windowMax: null, windowMs: null } },
    });
    expect(calls.slice(1).map((c) => c.url)).toEqual([`https://${ACME}/services/data/v62.0/`, `https://${ACME}/id/${ORG}/${USER}`]);
    expect(calls[1]!.headers.authorization).toBe('Bearer access-1');
  });

  it('has no token before the admin connects', async () => {
    const connection = createSalesforceProvider({ webAuthFlow: fakeFlow().flow }).connect!(fakeContext(scriptedFetch([]).fetch).context);
    expect(await connection.checkConnection()).toEqual({ hasToken: false, check: null });
  });

  it('renews an expired access token once with the refresh grant (client id, no secret) and keeps it', async () => {
    const { connection, calls, secret } = await connected([
      expired,
      tokenAnswer({ access_token: 'access-2', refresh_token: undefined }),
      { status: 200, body: {}, headers: { 'Sforce-Limit-Info': 'api-usage=19/5000' } },
      { status: 200, body: { username: 'jane@acme.com' } },
    ]);
    const status = await connection.checkConnection();
    expect(status.check).toMatchObject({ ok: true, message: expect.stringContaining('as jane@acme.com.') });
    expect(calls[2]!.url).toBe(`https://${ACME}/services/oauth2/token`);
    expect(form(calls[2]!)).toEqual({ grant_type: 'refresh_token', refresh_token: 'refresh-1', client_id: CONSUMER_KEY });
    expect(calls[3]!.headers.authorization).toBe('Bearer access-2');
    expect(calls[4]!.headers.authorization).toBe('Bearer access-2');
    expect(readStoredTokens(secret())?.orgs[ORG]).toMatchObject({ accessToken: 'access-2', refreshToken: 'refresh-1' });
  });

  it('says to reconnect when the refresh token was revoked', async () => {
    const { connection } = await connected([expired, { status: 400, body: { error: 'invalid_grant', error_description: 'expired access/refresh token' } }]);
    const status = await connection.checkConnection();
    expect(status.check).toMatchObject({ ok: false, portalId: ORG });
    expect(status.check!.message).toMatch(/expired access\/refresh token.*Connect Salesforce again/);
  });
});

describe('records and reports', () => {
  it('reads a record with the client of the org its page names, renewing a token as needed', async () => {
    const { parts, given } = recordingParts();
    const { connection, calls } = await connected([expired, tokenAnswer({ access_token: 'access-2' }), { status: 200, body: { Id: '00Q1' } }], parts);
    const adapter = await connection.adapterFor({ account: ACME, address: { kind: 'vendor' } });
    expect(given.adapter[0]!.instanceUrl).toBe(`https://${ACME}`);
    await adapter.getLeadContext({ crm: 'salesforce', account: ACME, id: '00Q1' } as never);
    expect(calls.map((c) => c.url)).toEqual([
      `https://${ACME}/services/oauth2/token`,
      `https://${ACME}/services/data/v62.0/sobjects/Lead/00Q1`,
      `https://${ACME}/services/oauth2/token`,
      `https://${ACME}/services/data/v62.0/sobjects/Lead/00Q1`,
    ]);
    expect(await connection.adapterFor({ account: ACME, address: { kind: 'vendor' } })).toBe(adapter);
  });

  it('keeps tokens per org and refuses a record of an org Baton is not connected to', async () => {
    const scripted = scriptedFetch([tokenAnswer(), tokenAnswer({ access_token: 'beta-access', refresh_token: 'beta-refresh', instance_url: 'https://beta.my.salesforce.com', id: `https://login.salesforce.com/id/00D5e000000BbBbBBB/${USER}` })]);
    const ctx = fakeContext(scripted.fetch);
    const { parts, given } = recordingParts();
    const connection = createSalesforceProvider({ webAuthFlow: fakeFlow().flow, parts }).connect!(ctx.context);
    await connection.saveCredential(input());
    await connection.saveCredential(input('beta'));
    expect(Object.keys(readStoredTokens(ctx.secret())!.orgs)).toEqual([ORG, '00D5e000000BbBbBBB']);
    expect(ctx.state().account).toBe('beta.my.salesforce.com');
    await connection.adapterFor({ account: ACME, address: { kind: 'vendor' } });
    await connection.adapterFor({ account: 'beta.my.salesforce.com', address: { kind: 'vendor' } });
    expect(given.adapter.map((c) => c.instanceUrl)).toEqual([`https://${ACME}`, 'https://beta.my.salesforce.com']);
    const err = await failure(connection.adapterFor({ account: 'gamma.my.salesforce.com', address: { kind: 'vendor' } }));
    expect(err.kind).toBe('auth');
    expect(err.message).toMatch(/in the Salesforce org gamma\.my\.salesforce\.com, but Baton is connected to acme\.my\.salesforce\.com, beta\.my\.salesforce\.com/);
    const report = await connection.reporting({ kind: 'vendor' });
    expect(report).toMatchObject({ account: 'beta.my.salesforce.com', key: 'salesforce|00D5e000000BbBbBBB', sandbox: false });
  });

  it('asks to connect when no org is', async () => {
    const connection = createSalesforceProvider({ webAuthFlow: fakeFlow().flow, parts: recordingParts().parts }).connect!(fakeContext(scriptedFetch([]).fetch).context);
    expect((await failure(connection.adapterFor({ account: ACME, address: { kind: 'vendor' } }))).message).toMatch(/Connect Salesforce in Baton's options/);
    expect((await failure(connection.reporting({ kind: 'vendor' }))).kind).toBe('auth');
  });

  it('says what is not built yet without a part', async () => {
    const { connection } = await connected([], {});
    for (const attempt of [connection.adapterFor({ account: ACME, address: { kind: 'vendor' } }), connection.writerFor({ account: ACME, address: { kind: 'vendor' } }), connection.reporting({ kind: 'vendor' })]) {
      expect(await failure(attempt)).toMatchObject({ kind: 'rejected', message: expect.stringContaining('Reading Salesforce records comes next') });
    }
  });

  it('wires the read adapter, the writer and the reporting reads on the org client', async () => {
    const { connection } = await connected([]);
    expect(await connection.reporting({ kind: 'vendor' })).toMatchObject({ crm: 'salesforce', account: ACME, key: `salesforce|${ORG}`, sandbox: false });
    const adapter = await connection.adapterFor({ account: ACME, address: { kind: 'vendor' } });
    expect(adapter.crm).toBe('salesforce');
    const writer = await connection.writerFor({ account: ACME, address: { kind: 'vendor' } });
    expect(typeof writer.recordDisposition).toBe('function');
  });

  it('forgets every org: revokes its refresh token and deletes the secret', async () => {
    const { connection, calls, secret, state } = await connected([{ status: 200, body: '' }]);
    await connection.forgetCredential();
    expect(calls[1]).toMatchObject({ url: `https://${ACME}/services/oauth2/revoke`, method: 'POST' });
    expect(form(calls[1]!)).toEqual({ token: 'refresh-1' });
    expect(secret()).toBeNull();
    expect(state()).toEqual({ account: null, credential: null });
    expect(await connection.checkConnection()).toEqual({ hasToken: false, check: null });
  });

  it('forgets locally even when the org cannot be reached', async () => {
    const { connection, secret } = await connected([new TypeError('offline')]);
    await connection.forgetCredential();
    expect(secret()).toBeNull();
  });

  it('has long-lived credential facts (Baton renews access tokens itself)', async () => {
    const connection = createSalesforceProvider({ webAuthFlow: fakeFlow().flow }).connect!(fakeContext(scriptedFetch([]).fetch).context);
    expect(connection.credentialFacts({ account: ACME, credential: { kind: 'oauth_refresh', expiresAt: null } })).toEqual({ expiresAt: null, shortLived: false });
    expect(connection.credentialFacts({ account: null, credential: null })).toBeNull();
  });
});

describe('the sandbox CRM', () => {
  const SANDBOX = 'http://127.0.0.1:4477';
  const sandboxToken = (access: string) => tokenAnswer({ access_token: access, instance_url: SANDBOX, id: `${SANDBOX}/id/${ORG}/${USER}` });
  /** The sandbox's authorize endpoint: a 302 to the callback with a code, as it has no login page. */
  const authorize = (call: ScriptedCall) => {
    const u = new URL(call.url);
    return new Response(null, { status: 302, headers: { Location: `${u.searchParams.get('redirect_uri')}?code=sandbox-code&state=${u.searchParams.get('state')}` } });
  };

  it('signs in at the sandbox origin with a manual-redirect fetch, then calls its REST API', async () => {
    const scripted = scriptedFetch([authorize, sandboxToken('sandbox-access'), { status: 200, body: { Id: '00Q1' } }]);
    const { flow, launches } = fakeFlow();
    const { parts, given } = recordingParts();
    const connection = createSalesforceProvider({ webAuthFlow: flow, parts }).connect!(fakeContext(scripted.fetch).context);
    const adapter = await connection.adapterFor({ account: '127.0.0.1:4477', address: { kind: 'sandbox', baseUrl: SANDBOX } });
    await adapter.getLeadContext({} as never);
    expect(launches).toHaveLength(0);
    expect(given.adapter[0]!.instanceUrl).toBe(SANDBOX);
    expect(scripted.calls[0]).toMatchObject({ method: 'GET', redirect: 'manual' });
    expect(scripted.calls[0]!.url).toMatch(new RegExp(`^${SANDBOX}/services/oauth2/authorize\\?`));
    expect(scripted.calls[1]!.url).toBe(`${SANDBOX}/services/oauth2/token`);
    expect(form(scripted.calls[1]!)).toMatchObject({ grant_type: 'authorization_code', code: 'sandbox-code' });
    expect(scripted.calls[2]).toMatchObject({ url: `${SANDBOX}/services/data/v62.0/sobjects/Lead/00Q1` });
    expect(scripted.calls[2]!.headers.authorization).toBe('Bearer sandbox-access');
  });

  it('follows the redirect with a silent sign-in window where the browser hides it', async () => {
    const opaque = () => Object.defineProperty(new Response(null, { status: 200 }), 'type', { value: 'opaqueredirect' });
    const scripted = scriptedFetch([opaque, sandboxToken('sandbox-access'), { status: 200, body: {} }]);
    const { flow, launches } = fakeFlow();
    const { parts } = recordingParts();
    const connection = createSalesforceProvider({ webAuthFlow: flow, parts }).connect!(fakeContext(scripted.fetch).context);
    await (await connection.adapterFor({ account: '127.0.0.1:4477', address: { kind: 'sandbox', baseUrl: SANDBOX } })).getLeadContext({} as never);
    expect(launches).toHaveLength(1);
    expect(launches[0]!.interactive).toBe(false);
  });

  it('reports on the sandbox with its own account and key', async () => {
    const { parts, given } = recordingParts();
    const connection = createSalesforceProvider({ webAuthFlow: fakeFlow().flow, parts }).connect!(fakeContext(scriptedFetch([]).fetch).context);
    await connection.reporting({ kind: 'sandbox', baseUrl: SANDBOX });
    expect(given.reporting[0]).toMatchObject({ account: '127.0.0.1:4477', key: `sandbox|${SANDBOX}`, sandbox: true });
    expect(given.reporting[0]!.client.instanceUrl).toBe(SANDBOX);
  });
});
