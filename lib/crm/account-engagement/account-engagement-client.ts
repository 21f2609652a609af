import { CrmError } from '../crm-error';
import type { CrmAccessToken } from '../engagement-source-port';
import { aeErrorSchema, aeQuerySchema } from './account-engagement-schemas';

/*
 * Account Engagement API v5 for one business unit: the CRM connection's access token (lent, never
 * stored here) and the `Pardot-Business-Unit-Id` header on every request; a 401 renews the lent
 * token once and retries. Errors `{code, message}` become CrmErrors: 401 after the renewal (token
 * without the pardot_api scope, or no Account Engagement access) → auth; 403 → forbidden; 429 or
 * code 122 (daily API limit) → a daily limit, code 66 (too many concurrent requests) → a burst.
 */

export interface AccountEngagementClientOptions {
  baseUrl: string;
  businessUnitId: string;
  token: CrmAccessToken;
  fetch: typeof fetch;
  now(): number;
  timeoutMs?: number;
}

export interface AeQueryPage {
  values: unknown[];
  nextPageUrl: string | null;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const DAILY_LIMIT_CODE = 122;
const CONCURRENCY_CODE = 66;

export function createAccountEngagementClient(options: AccountEngagementClientOptions) {
  let requestCount = 0;

  async function send(url: string, bearer: string, signal?: AbortSignal): Promise<Response> {
    requestCount++;
    try {
      return await options.fetch(url, {
        method: 'GET',
        headers: { Accept: 'application/json', Authorization: `Bearer ${bearer}`, 'Pardot-Business-Unit-Id': options.businessUnitId },
        signal: AbortSignal.any([AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS), ...(signal ? [signal] : [])]),
      });
    } catch (error) {
      if (signal?.aborted) throw new CrmError('network', 'The request to Account Engagement was cancelled', { cause: error });
      if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) throw new CrmError('server', 'Account Engagement did not answer in time', { cause: error });
      throw new CrmError('network', 'Baton could not reach Account Engagement', { cause: error });
    }
  }

  async function failure(response: Response): Promise<CrmError> {
    let body: { code?: number | undefined; message?: string | undefined } = {};
    try {
      const parsed = aeErrorSchema.safeParse(await response.json());
      if (parsed.success) body = parsed.data;
    } catch {
      // No JSON body: the status decides.
    }
    const status = response.status;
    const why = body.message ? ` (${body.message})` : '';
    if (body.code === DAILY_LIMIT_CODE) return new CrmError('rate_limited', "Your Account Engagement account has used today's API allowance; its activity shows again tomorrow.", { status, limit: 'daily' });
    if (body.code === CONCURRENCY_CODE || status === 429) return new CrmError('rate_limited', 'Account Engagement is busy with other requests from your account; Baton will try again in a moment.', { status, limit: 'burst', retryAfterMs: 5_000 });
    if (status === 401) return new CrmError('auth', `Account Engagement did not accept the Salesforce sign-in${why}. Baton's External Client App needs the "Manage Account Engagement" scope (pardot_api), your user needs Account Engagement access, and the Business Unit id must be right.`, { status });
    if (status === 403) return new CrmError('forbidden', `Your Account Engagement user cannot read prospects and visitor activities${why}.`, { status });
    if (status >= 500) return new CrmError('server', `Account Engagement had a problem (HTTP ${status})`, { status });
    return new CrmError('rejected', `Account Engagement refused the request${why || ` (HTTP ${status})`}.`, { status });
  }

  /** GET a v5 query (a path with its query, or a `nextPageUrl` on the same host). */
  async function query(pathOrUrl: string, signal?: AbortSignal): Promise<AeQueryPage> {
    const url = new URL(pathOrUrl, options.baseUrl);
    // A next-page URL from the answer is followed only on the same host (attacker-controlled data never redirects the token).
    if (url.origin !== new URL(options.baseUrl).origin) throw new CrmError('bad_response', 'Account Engagement pointed to a next page on another host');
    let bearer = await options.token.token();
    let response = await send(url.toString(), bearer, signal);
    if (response.status === 401) {
      bearer = await options.token.renew(bearer);
      response = await send(url.toString(), bearer, signal);
    }
    if (!response.ok) throw await failure(response);
    let json: unknown;
    try {
      json = await response.json();
    } catch (error) {
      throw new CrmError('bad_response', 'Account Engagement sent an answer Baton cannot read', { cause: error });
    }
    const parsed = aeQuerySchema.safeParse(json);
    if (!parsed.success) throw new CrmError('bad_response', `Account Engagement's answer is not what Baton reads: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    return { values: parsed.data.values, nextPageUrl: parsed.data.nextPageUrl ?? null };
  }

  return {
    query,
    get requestCount() {
      return requestCount;
    },
  };
}
