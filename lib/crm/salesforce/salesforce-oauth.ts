import { z } from 'zod';
import { CrmError } from '../crm-error';
import { salesforceOAuthError, type OAuthErrorContext } from './salesforce-oauth-errors';
import { createPkce, randomUrlSafe } from './salesforce-pkce';

/*
 * The OAuth 2.0 web-server flow with PKCE against an org's My Domain (or the sandbox CRM, which
 * serves the same endpoints): the authorize URL, the redirect it comes back on, the token
 * endpoint (code and refresh grants, client id only: no secret anywhere), revocation. How the
 * authorize page is shown is the caller's (`launchWebAuthFlow`, or a fetch on the sandbox).
 */

export const SALESFORCE_SCOPES = 'api refresh_token';

export const tokenAnswerSchema = z.looseObject({
  access_token: z.string().min(1),
  /** Absent on refresh answers (unless the app rotates refresh tokens). */
  refresh_token: z.string().min(1).optional(),
  instance_url: z.string(),
  /** The identity URL, ending `/id/{orgId}/{userId}`. */
  id: z.string(),
  issued_at: z.string().optional(),
  scope: z.string().optional(),
});
export type TokenAnswer = z.infer<typeof tokenAnswerSchema>;

const oauthErrorSchema = z.looseObject({ error: z.string(), error_description: z.string().optional() });

export interface OAuthServer extends OAuthErrorContext {
  /** `https://acme.my.salesforce.com`, or the sandbox CRM's origin. */
  origin: string;
  consumerKey: string;
  fetch: typeof fetch;
}

/** Shows the authorize page and resolves with the URL Salesforce redirected to (`redirect_uri?code=…&state=…`). */
export type AuthorizeStep = (authorizeUrl: string) => Promise<string>;

/** The whole sign-in: authorize with a PKCE challenge, then redeem the code with its verifier. */
export async function signInWithPkce(server: OAuthServer, authorize: AuthorizeStep, extraScopes: readonly string[] = []): Promise<TokenAnswer> {
  const pkce = await createPkce();
  const state = randomUrlSafe(16);
  const url = new URL(`${server.origin}/services/oauth2/authorize`);
  for (const [key, value] of Object.entries({
    response_type: 'code',
    client_id: server.consumerKey,
    redirect_uri: server.redirectUri,
    code_challenge: pkce.challenge,
    code_challenge_method: 'S256',
    scope: [...new Set([...SALESFORCE_SCOPES.split(' '), ...extraScopes])].join(' '),
    state,
  })) url.searchParams.set(key, value);
  const code = readAuthorizationRedirect(await authorize(url.toString()), state, server);
  return requestToken(server, { grant_type: 'authorization_code', code, client_id: server.consumerKey, redirect_uri: server.redirectUri, code_verifier: pkce.verifier });
}

/** The code in the redirect, after checking it answers this sign-in (state) and is not an error. */
export function readAuthorizationRedirect(redirectUrl: string, state: string, where: OAuthErrorContext): string {
  let url: URL;
  try {
    url = new URL(redirectUrl);
  } catch (cause) {
    throw new CrmError('bad_response', 'Salesforce ended the sign-in on an address Baton cannot read.', { cause });
  }
  // Errors may come in the query or, for some flows, the fragment.
  const params = new URLSearchParams(url.search || url.hash.replace(/^#/, ''));
  const error = params.get('error');
  if (error) throw salesforceOAuthError(error, params.get('error_description'), where);
  if (params.get('state') !== state) throw new CrmError('auth', 'The Salesforce sign-in came back for another request (state mismatch). Connect again.');
  const code = params.get('code');
  if (!code) throw new CrmError('bad_response', 'Salesforce ended the sign-in without an authorization code.');
  return code;
}

export function refreshAccessToken(server: OAuthServer, refreshToken: string): Promise<TokenAnswer> {
  return requestToken(server, { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: server.consumerKey });
}

async function requestToken(server: OAuthServer, form: Record<string, string>): Promise<TokenAnswer> {
  let response: Response;
  let text: string;
  try {
    response = await server.fetch(`${server.origin}/services/oauth2/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams(form).toString(),
    });
    text = await response.text();
  } catch (cause) {
    throw new CrmError('network', `Could not reach Salesforce's sign-in at ${server.host}: check the connection.`, { cause });
  }
  const json = parseJson(text);
  if (!response.ok) {
    const error = oauthErrorSchema.safeParse(json);
    if (error.success) throw salesforceOAuthError(error.data.error, error.data.error_description ?? null, server);
    if (response.status >= 500) throw new CrmError('server', `Salesforce's sign-in at ${server.host} had a problem (HTTP ${response.status}); try again.`, { status: response.status });
    throw new CrmError('rejected', `Salesforce's sign-in at ${server.host} refused Baton (HTTP ${response.status}).`, { status: response.status });
  }
  const answer = tokenAnswerSchema.safeParse(json);
  if (!answer.success) throw new CrmError('bad_response', `Salesforce's sign-in at ${server.host} sent an answer without the tokens Baton needs.`, { cause: answer.error });
  return answer.data;
}

/** Ends a refresh token's life in the org (best effort: forgetting it locally happens anyway). */
export async function revokeToken(server: Pick<OAuthServer, 'origin' | 'fetch'>, token: string): Promise<void> {
  await server.fetch(`${server.origin}/services/oauth2/revoke`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token }).toString(),
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
