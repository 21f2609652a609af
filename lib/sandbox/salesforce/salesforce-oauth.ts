import { createHash, createHmac, randomBytes } from 'node:crypto';
import { SalesforceError } from './salesforce-error';
import type { SalesforceOrgStore } from './salesforce-org-store';
import { sfDateTime } from './salesforce-org-data';

/*
 * Salesforce's OAuth 2.0 web-server flow with PKCE, as an org with an External Client App that
 * requires PKCE and no secret: authorize (auto-approved: a sandbox has no login page), token
 * (authorization_code with code_verifier, refresh_token), revoke, and the identity URL / userinfo.
 * Access tokens expire after `accessTokenTtlMs`; an expired or unknown one is a 401 INVALID_SESSION_ID.
 */

/** Signs the token response's `signature` (HMAC-SHA256 of id + issued_at), as a consumer secret would. */
const SANDBOX_CONSUMER_SECRET = 'baton-sandbox-consumer-secret';
const CODE_TTL_MS = 15 * 60 * 1000;
const DEFAULT_SCOPE = 'api refresh_token';

interface PendingCode {
  clientId: string;
  redirectUri: string;
  challenge: string;
  userId: string;
  scope: string;
  expiresAt: number;
}

export type OAuthAnswer =
  | { status: 302; location: string }
  | { status: number; json: unknown; headers?: Record<string, string> }
  | { status: number; text: string };

function oauthError(status: number, error: string, description: string): OAuthAnswer {
  return { status, json: { error, error_description: description } };
}

function base64url(buffer: Buffer): string {
  return buffer.toString('base64url');
}

export class SalesforceOAuth {
  private readonly codes = new Map<string, PendingCode>();

  constructor(
    private readonly store: SalesforceOrgStore,
    private readonly accessTokenTtlMs: number,
  ) {}

  /** The user a sandbox login signs in as: `login_hint` (a username) or the first sales rep. */
  private userFor(loginHint: string | null): string | undefined {
    const users = this.store.list('User').filter((user) => user.IsActive === true);
    const hinted = loginHint ? users.find((user) => String(user.Username).toLowerCase() === loginHint.toLowerCase()) : undefined;
    return String((hinted ?? users.find((user) => user.Title === 'Sales Development Representative') ?? users[0])?.Id ?? '') || undefined;
  }

  authorize(params: URLSearchParams): OAuthAnswer {
    const redirectUri = params.get('redirect_uri');
    let redirect: URL;
    try {
      redirect = new URL(redirectUri ?? '');
    } catch {
      return { status: 400, text: 'error=redirect_uri_mismatch&error_description=redirect_uri must match configuration' };
    }
    const back = (query: Record<string, string>): OAuthAnswer => {
      const state = params.get('state');
      for (const [key, value] of Object.entries({ ...query, ...(state !== null ? { state } : {}) })) redirect.searchParams.set(key, value);
      return { status: 302, location: redirect.toString() };
    };
    const clientId = params.get('client_id');
    if (!clientId) return back({ error: 'invalid_client_id', error_description: 'client identifier invalid' });
    if (params.get('response_type') !== 'code') return back({ error: 'unsupported_response_type', error_description: 'response type not supported' });
    const challenge = params.get('code_challenge');
    if (!challenge) return back({ error: 'invalid_request', error_description: 'missing required code challenge' });
    if (params.get('code_challenge_method') !== 'S256') return back({ error: 'invalid_request', error_description: 'invalid code challenge method' });
    if (!/^[A-Za-z0-9_-]{43}$/.test(challenge)) return back({ error: 'invalid_request', error_description: 'invalid code challenge' });
    const userId = this.userFor(params.get('login_hint'));
    if (!userId) return back({ error: 'access_denied', error_description: 'end-user denied authorization' });
    const code = `aPrx${base64url(randomBytes(36))}`;
    this.codes.set(code, { clientId, redirectUri: redirectUri!, challenge, userId, scope: params.get('scope')?.trim() || DEFAULT_SCOPE, expiresAt: Date.now() + CODE_TTL_MS });
    return back({ code });
  }

  private issue(baseUrl: string, clientId: string, userId: string, scope: string, withRefresh: boolean, now: number): Record<string, string> {
    const org = this.store.org;
    const accessToken = `${org.orgId.slice(0, 15)}!AQ${base64url(randomBytes(48))}`;
    org.accessTokens = org.accessTokens.filter((token) => (token.expiresAt ?? 0) > now);
    org.accessTokens.push({ token: accessToken, userId, clientId, scope, issuedAt: now, expiresAt: now + this.accessTokenTtlMs });
    const id = `${baseUrl}/id/${org.orgId}/${userId}`;
    const issuedAt = String(now);
    const answer: Record<string, string> = {
      access_token: accessToken,
      signature: createHmac('sha256', SANDBOX_CONSUMER_SECRET).update(id + issuedAt).digest('base64'),
      scope,
      instance_url: baseUrl,
      id,
      token_type: 'Bearer',
      issued_at: issuedAt,
    };
    if (withRefresh) {
      const refreshToken = `5Aep861${base64url(randomBytes(60))}`;
      org.refreshTokens.push({ token: refreshToken, userId, clientId, scope, issuedAt: now });
      answer.refresh_token = refreshToken;
    }
    this.store.persist();
    return answer;
  }

  token(body: string, baseUrl: string, now: number): OAuthAnswer {
    const form = new URLSearchParams(body);
    const grant = form.get('grant_type');
    if (grant === 'authorization_code') {
      const code = form.get('code') ?? '';
      const pending = this.codes.get(code);
      if (!pending) return oauthError(400, 'invalid_grant', 'invalid authorization code');
      if (pending.expiresAt < Date.now()) {
        this.codes.delete(code);
        return oauthError(400, 'invalid_grant', 'expired authorization code');
      }
      if (form.get('client_id') !== pending.clientId) return oauthError(400, 'invalid_client_id', 'client identifier invalid');
      if (form.get('redirect_uri') !== pending.redirectUri) return oauthError(400, 'redirect_uri_mismatch', 'redirect_uri must match configuration');
      const verifier = form.get('code_verifier') ?? '';
      const computed = base64url(createHash('sha256').update(verifier).digest());
      if (!verifier || computed !== pending.challenge) return oauthError(400, 'invalid_grant', 'invalid code verifier');
      this.codes.delete(code);
      const scopes = pending.scope.split(/\s+/);
      const withRefresh = scopes.includes('refresh_token') || scopes.includes('offline_access');
      return { status: 200, json: this.issue(baseUrl, pending.clientId, pending.userId, pending.scope, withRefresh, now) };
    }
    if (grant === 'refresh_token') {
      const stored = this.store.org.refreshTokens.find((token) => token.token === form.get('refresh_token'));
      if (!stored) return oauthError(400, 'invalid_grant', 'expired access/refresh token');
      if (form.get('client_id') && form.get('client_id') !== stored.clientId) return oauthError(400, 'invalid_client_id', 'client identifier invalid');
      return { status: 200, json: this.issue(baseUrl, stored.clientId, stored.userId, stored.scope, false, now) };
    }
    return oauthError(400, 'unsupported_grant_type', 'grant type not supported');
  }

  /** Revokes an access or refresh token (a refresh token takes its access tokens with it). */
  revoke(token: string): OAuthAnswer {
    const org = this.store.org;
    const refresh = org.refreshTokens.find((candidate) => candidate.token === token);
    const access = org.accessTokens.find((candidate) => candidate.token === token);
    if (!refresh && !access) return oauthError(400, 'unsupported_token_type', 'this token type is not supported');
    if (refresh) {
      org.refreshTokens = org.refreshTokens.filter((candidate) => candidate !== refresh);
      org.accessTokens = org.accessTokens.filter((candidate) => !(candidate.userId === refresh.userId && candidate.clientId === refresh.clientId));
    } else org.accessTokens = org.accessTokens.filter((candidate) => candidate !== access);
    this.store.persist();
    return { status: 200, text: '' };
  }

  /** The running user of a request: `Authorization: Bearer <token>` (or `OAuth <token>`); 401 INVALID_SESSION_ID otherwise. */
  authenticate(authorization: string | undefined, now: number): string {
    const token = /^(?:Bearer|OAuth)\s+(.+)$/i.exec(authorization ?? '')?.[1]?.trim();
    const stored = token ? this.store.org.accessTokens.find((candidate) => candidate.token === token) : undefined;
    if (!stored || (stored.expiresAt ?? 0) <= now) throw new SalesforceError(401, 'INVALID_SESSION_ID', 'Session expired or invalid');
    return stored.userId;
  }

  /** Ends every access token now (refresh tokens stay valid), as a session timeout does. */
  expireAccessTokens(): void {
    this.store.org.accessTokens = [];
    this.store.persist();
  }

  /** The identity URL's answer for one user. */
  identity(baseUrl: string, userId: string): Record<string, unknown> | null {
    const user = this.store.get('User', userId);
    if (!user) return null;
    const org = this.store.org;
    const version = '62.0';
    const rest = (path: string): string => `${baseUrl}/services/data/v${version}/${path}`;
    return {
      id: `${baseUrl}/id/${org.orgId}/${String(user.Id)}`,
      asserted_user: true,
      user_id: user.Id,
      organization_id: org.orgId,
      username: user.Username,
      nick_name: String(user.Username).split('@')[0],
      display_name: user.Name,
      email: user.Email,
      email_verified: true,
      first_name: user.FirstName,
      last_name: user.LastName,
      timezone: user.TimeZoneSidKey,
      photos: { picture: `${baseUrl}/img/userprofile/default_profile_200_v2.png`, thumbnail: `${baseUrl}/img/userprofile/default_profile_45_v2.png` },
      active: user.IsActive,
      user_type: 'STANDARD',
      language: 'en_US',
      locale: 'en_US',
      utcOffset: -18000000,
      last_modified_date: user.LastModifiedDate,
      is_app_installed: true,
      urls: {
        rest: rest(''),
        sobjects: rest('sobjects/'),
        query: rest('query/'),
        profile: `${baseUrl}/${String(user.Id)}`,
        custom_domain: baseUrl,
      },
    };
  }

  /** OpenID Connect userinfo: the identity plus the standard claims. */
  userinfo(baseUrl: string, userId: string): Record<string, unknown> | null {
    const identity = this.identity(baseUrl, userId);
    if (!identity) return null;
    return {
      sub: identity.id,
      user_id: identity.user_id,
      organization_id: identity.organization_id,
      preferred_username: identity.username,
      nickname: identity.nick_name,
      name: identity.display_name,
      email: identity.email,
      email_verified: true,
      given_name: identity.first_name,
      family_name: identity.last_name,
      zoneinfo: identity.timezone,
      photos: identity.photos,
      profile: (identity.urls as Record<string, string>).profile,
      urls: identity.urls,
      active: identity.active,
      user_type: identity.user_type,
      language: identity.language,
      locale: identity.locale,
      utcOffset: identity.utcOffset,
      updated_at: sfDateTime(Date.now()),
    };
  }
}
