import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Connection, OAuth2 } from 'jsforce';
import { SALESFORCE_LEAD_SCENARIOS } from '../../../lib/sandbox/salesforce/salesforce-scenarios';
import { API, CLIENT_ID, REDIRECT_URI, authorize, loginWithPkce, pkcePair, postToken, startSalesforceSandbox } from './salesforce-test-kit';
import type { SalesforceTestSandbox } from './salesforce-test-kit';

describe('Salesforce sandbox: OAuth web-server flow with PKCE', () => {
  let sandbox: SalesforceTestSandbox;
  beforeAll(async () => {
    sandbox = await startSalesforceSandbox();
  });
  afterAll(async () => {
    await sandbox.stop();
  });

  it('authorizes with a code and state on the redirect URI, and the token answer has Salesforce\'s fields', async () => {
    const { challenge } = pkcePair();
    const { status, location } = await authorize(sandbox.server.url, {
      response_type: 'code', client_id: CLIENT_ID, redirect_uri: REDIRECT_URI, code_challenge: challenge, code_challenge_method: 'S256', state: 'xyz', scope: 'api refresh_token',
    });
    expect(status).toBe(302);
    expect(location?.origin + location!.pathname).toBe(REDIRECT_URI);
    expect(location?.searchParams.get('state')).toBe('xyz');
    expect(location?.searchParams.get('code')).toMatch(/^\S{20,}$/);

    const tokens = sandbox.tokens;
    expect(Object.keys(tokens).sort()).toEqual(['access_token', 'id', 'instance_url', 'issued_at', 'refresh_token', 'scope', 'signature', 'token_type']);
    expect(tokens.token_type).toBe('Bearer');
    expect(tokens.instance_url).toBe(sandbox.server.url);
    expect(tokens.id).toMatch(new RegExp(`^${sandbox.server.url}/id/00D[A-Za-z0-9]{15}/005[A-Za-z0-9]{15}$`));
    expect(tokens.id).toContain(`/id/${sandbox.server.salesforce.orgId}/`);
    expect(tokens.issued_at).toMatch(/^\d{13}$/);
    expect(tokens.scope.split(' ').sort()).toEqual(['api', 'refresh_token']);
    expect(tokens.access_token.startsWith(`${sandbox.server.salesforce.orgId.slice(0, 15)}!`)).toBe(true);
  });

  it('refuses a missing or unknown code challenge method with an invalid_request redirect', async () => {
    const { challenge } = pkcePair();
    const base = { response_type: 'code', client_id: CLIENT_ID, redirect_uri: REDIRECT_URI, code_challenge: challenge, state: 's' };
    for (const extra of [{}, { code_challenge_method: 'plain' }, { code_challenge_method: 'S512' }] as Array<Record<string, string>>) {
      const { status, location } = await authorize(sandbox.server.url, { ...base, ...extra });
      expect(status).toBe(302);
      expect(location?.searchParams.get('error')).toBe('invalid_request');
      expect(location?.searchParams.get('code')).toBeNull();
      expect(location?.searchParams.get('state')).toBe('s');
    }
    const { location } = await authorize(sandbox.server.url, { response_type: 'code', client_id: CLIENT_ID, redirect_uri: REDIRECT_URI, code_challenge_method: 'S256' });
    expect(location?.searchParams.get('error')).toBe('invalid_request');
  });

  it('refuses a wrong code verifier, and a code is single-use', async () => {
    const { verifier, challenge } = pkcePair();
    const { location } = await authorize(sandbox.server.url, { response_type: 'code', client_id: CLIENT_ID, redirect_uri: REDIRECT_URI, code_challenge: challenge, code_challenge_method: 'S256' });
    const code = location!.searchParams.get('code')!;
    const wrong = await postToken(sandbox.server.url, { grant_type: 'authorization_code', code, client_id: CLIENT_ID, redirect_uri: REDIRECT_URI, code_verifier: pkcePair().verifier });
    expect(wrong).toEqual({ status: 400, body: { error: 'invalid_grant', error_description: 'invalid code verifier' } });
    const right = await postToken(sandbox.server.url, { grant_type: 'authorization_code', code, client_id: CLIENT_ID, redirect_uri: REDIRECT_URI, code_verifier: verifier });
    expect(right.status).toBe(200);
    const again = await postToken(sandbox.server.url, { grant_type: 'authorization_code', code, client_id: CLIENT_ID, redirect_uri: REDIRECT_URI, code_verifier: verifier });
    expect(again.status).toBe(400);
    expect(again.body.error).toBe('invalid_grant');
    const grant = await postToken(sandbox.server.url, { grant_type: 'password', username: 'x', password: 'y' });
    expect(grant).toEqual({ status: 400, body: { error: 'unsupported_grant_type', error_description: 'grant type not supported' } });
  });

  it('answers the identity URL and userinfo for the signed-in user', async () => {
    const identityUrl = new URL(sandbox.tokens.id);
    const identity = await sandbox.call(identityUrl.pathname);
    expect(identity.status).toBe(200);
    expect(identity.body).toMatchObject({
      user_id: identityUrl.pathname.split('/')[3],
      organization_id: sandbox.server.salesforce.orgId,
      username: 'maya.chen@tessellate.io',
      display_name: 'Maya Chen',
      email: 'maya.chen@tessellate.io',
    });
    const userinfo = await sandbox.call('/services/oauth2/userinfo');
    expect(userinfo.status).toBe(200);
    expect(userinfo.body).toMatchObject({ user_id: identity.body.user_id, organization_id: sandbox.server.salesforce.orgId, preferred_username: 'maya.chen@tessellate.io', name: 'Maya Chen' });
    expect((await sandbox.call('/services/oauth2/userinfo', { token: 'nope' })).status).toBe(401);
    // login_hint picks another user.
    const other = await loginWithPkce(sandbox.server.url, { login_hint: 'jordan.ellis@tessellate.io' });
    expect((await sandbox.call('/services/oauth2/userinfo', { token: other.access_token })).body.name).toBe('Jordan Ellis');
  });

  it('a refresh token grant gives a new access token (and no new refresh token)', async () => {
    const refreshed = await postToken(sandbox.server.url, { grant_type: 'refresh_token', refresh_token: sandbox.tokens.refresh_token!, client_id: CLIENT_ID });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refresh_token).toBeUndefined();
    expect(refreshed.body).toMatchObject({ token_type: 'Bearer', instance_url: sandbox.server.url, id: sandbox.tokens.id });
    expect(refreshed.body.access_token).not.toBe(sandbox.tokens.access_token);
    const bad = await postToken(sandbox.server.url, { grant_type: 'refresh_token', refresh_token: 'not-a-token', client_id: CLIENT_ID });
    expect(bad).toEqual({ status: 400, body: { error: 'invalid_grant', error_description: 'expired access/refresh token' } });
  });

  it('jsforce refreshes by itself on INVALID_SESSION_ID (expireAccessTokens) and retries', async () => {
    const oauth2 = new OAuth2({ clientId: CLIENT_ID, redirectUri: REDIRECT_URI, loginUrl: sandbox.server.url });
    const conn = new Connection({ oauth2, instanceUrl: sandbox.tokens.instance_url, accessToken: sandbox.tokens.access_token, refreshToken: sandbox.tokens.refresh_token!, version: '62.0' });
    const refreshes: string[] = [];
    conn.on('refresh', (accessToken: string) => refreshes.push(accessToken));
    await sandbox.server.salesforce.expireAccessTokens();
    const lead = await conn.sobject('Lead').retrieve(SALESFORCE_LEAD_SCENARIOS.demoPrimary);
    expect(lead.Name).toBe('Elena Marsh');
    expect(refreshes).toHaveLength(1);
    expect(conn.accessToken).toBe(refreshes[0]);
    // Without a refresh token jsforce surfaces Salesforce's error.
    await sandbox.server.salesforce.expireAccessTokens();
    await expect(sandbox.connection().query('SELECT Id FROM Lead LIMIT 1')).rejects.toMatchObject({ errorCode: 'INVALID_SESSION_ID' });
  });

  it('a revoked refresh token no longer refreshes', async () => {
    const revoke = await fetch(`${sandbox.server.url}/services/oauth2/revoke`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: sandbox.tokens.refresh_token! }).toString(),
    });
    expect(revoke.status).toBe(200);
    const again = await postToken(sandbox.server.url, { grant_type: 'refresh_token', refresh_token: sandbox.tokens.refresh_token!, client_id: CLIENT_ID });
    expect(again.body.error).toBe('invalid_grant');
    expect((await sandbox.call(`${API}/limits`)).status).toBe(401);
  });
});

describe('Salesforce sandbox: expired sessions', () => {
  it('an expired access token is a 401 INVALID_SESSION_ID; the refresh token gets a working one', async () => {
    const sandbox = await startSalesforceSandbox({ salesforce: { accessTokenTtlSeconds: 3 } });
    try {
      const lead = `${API}/sobjects/Lead/${SALESFORCE_LEAD_SCENARIOS.demoPrimary}`;
      expect((await sandbox.call(lead)).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 3100));
      const expired = await sandbox.call(lead);
      expect(expired.status).toBe(401);
      expect(expired.body).toEqual([{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
      const unknown = await sandbox.call(lead, { token: 'garbage' });
      expect(unknown.body).toEqual([{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
      expect((await sandbox.call(lead, { token: null })).status).toBe(401);
      const refreshed = await postToken(sandbox.server.url, { grant_type: 'refresh_token', refresh_token: sandbox.tokens.refresh_token!, client_id: CLIENT_ID });
      expect((await sandbox.call(lead, { token: refreshed.body.access_token })).status).toBe(200);
    } finally {
      await sandbox.stop();
    }
  });
});
