import type { z } from 'zod';
import { CrmError } from '../crm-error';
import { marketoError, TOKEN_ERROR_CODES } from './marketo-errors';
import { marketoEnvelopeSchema, marketoTokenSchema } from './marketo-schemas';

/*
 * Marketo Engage REST for one instance: an access token from `/identity/oauth/token`
 * (client_credentials of an API-only user), kept in memory and renewed a minute before
 * `expires_in` says it ends (or at once when Marketo says 601/602: renewed once, the request
 * retried once); the token goes in the Authorization header (Marketo no longer takes it as a query
 * parameter). Every answer is checked for `success:false` (HTTP 200) and turned into a CrmError.
 */

export interface MarketoClientOptions {
  /** `https://<munchkin>.mktorest.com` (or the sandbox's origin). */
  baseUrl: string;
  clientId: string;
  readSecret(): Promise<string | null>;
  fetch: typeof fetch;
  now(): number;
  timeoutMs?: number;
}

export interface MarketoPage {
  result: unknown[];
  nextPageToken: string | undefined;
  moreResult: boolean;
}

export interface MarketoClient {
  readonly baseUrl: string;
  /** GET a REST path (`/rest/v1/...`) with query parameters; the answer's result and paging. */
  get(path: string, params: Record<string, string>, options?: { signal?: AbortSignal }): Promise<MarketoPage>;
  /** Requests sent so far (identity included), for the budget. */
  readonly requestCount: number;
}

/** Renew this long before Marketo says the token ends. */
const RENEW_MARGIN_MS = 60_000;
const DEFAULT_TIMEOUT_MS = 15_000;

export function createMarketoClient(options: MarketoClientOptions): MarketoClient {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let token: { value: string; renewAt: number } | null = null;
  let pending: Promise<string> | null = null;
  let requestCount = 0;

  async function send(url: string, init: RequestInit, signal: AbortSignal | undefined): Promise<Response> {
    requestCount++;
    const signals = [AbortSignal.timeout(timeoutMs), ...(signal ? [signal] : [])];
    try {
      return await options.fetch(url, { ...init, signal: AbortSignal.any(signals) });
    } catch (error) {
      if (signal?.aborted) throw new CrmError('network', 'The request to Marketo was cancelled', { cause: error });
      if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) throw new CrmError('server', 'Marketo did not answer in time', { cause: error });
      throw new CrmError('network', 'Baton could not reach Marketo (offline, or the REST endpoint is wrong)', { cause: error });
    }
  }

  async function readJson(response: Response): Promise<unknown> {
    if (response.status >= 500) throw new CrmError('server', `Marketo had a problem (HTTP ${response.status})`, { status: response.status });
    if (response.status === 401 || response.status === 403) throw new CrmError('auth', "Marketo did not accept Baton's client id and secret. Check them in Baton's options.", { status: response.status });
    if (response.status === 404) throw new CrmError('rejected', 'This address does not answer as a Marketo REST endpoint (check the endpoint in Baton\'s options).', { status: 404 });
    if (!response.ok) throw new CrmError('rejected', `Marketo refused the request (HTTP ${response.status})`, { status: response.status });
    try {
      return await response.json();
    } catch (error) {
      throw new CrmError('bad_response', 'Marketo sent an answer Baton cannot read', { cause: error });
    }
  }

  async function fetchToken(): Promise<string> {
    const secret = await options.readSecret();
    if (!secret) throw new CrmError('auth', "Marketo's client secret is not stored. Enter it in Baton's options (Marketing engagement sources).");
    const url = new URL('/identity/oauth/token', options.baseUrl);
    url.search = new URLSearchParams({ grant_type: 'client_credentials', client_id: options.clientId, client_secret: secret }).toString();
    const parsed = marketoTokenSchema.safeParse(await readJson(await send(url.toString(), { method: 'GET', headers: { Accept: 'application/json' } }, undefined)));
    if (!parsed.success) throw new CrmError('auth', "Marketo did not give Baton an access token. Check the client id and secret in Baton's options.");
    const at = options.now();
    token = { value: parsed.data.access_token, renewAt: at + Math.max(0, parsed.data.expires_in * 1000 - RENEW_MARGIN_MS) };
    return parsed.data.access_token;
  }

  function accessToken(renew: boolean): Promise<string> {
    if (!renew && token && options.now() < token.renewAt) return Promise.resolve(token.value);
    return (pending ??= fetchToken().finally(() => {
      pending = null;
    }));
  }

  async function get(path: string, params: Record<string, string>, { signal }: { signal?: AbortSignal } = {}): Promise<MarketoPage> {
    const url = new URL(path, options.baseUrl);
    url.search = new URLSearchParams(params).toString();
    for (let attempt = 0; ; attempt++) {
      const bearer = await accessToken(attempt > 0);
      const body = marketoEnvelopeSchema.safeParse(await readJson(await send(url.toString(), { method: 'GET', headers: { Accept: 'application/json', Authorization: `Bearer ${bearer}` } }, signal)));
      if (!body.success) throw new CrmError('bad_response', `Marketo's answer to ${path} is not what Baton reads: ${body.error.issues[0]?.message ?? 'invalid'}`);
      if (body.data.success) return { result: body.data.result ?? [], nextPageToken: body.data.nextPageToken, moreResult: body.data.moreResult ?? false };
      const errors = body.data.errors ?? [];
      if (attempt === 0 && errors.some((e) => TOKEN_ERROR_CODES.has(e.code))) {
        if (token?.value === bearer) token = null;
        continue;
      }
      throw marketoError(errors, options.now());
    }
  }

  return {
    baseUrl: options.baseUrl,
    get,
    get requestCount() {
      return requestCount;
    },
  };
}

/** The records of a page that match `schema` (records Baton cannot read are skipped, not fatal). */
export function readRecords<S extends z.ZodType>(page: MarketoPage, schema: S): z.output<S>[] {
  const out: z.output<S>[] = [];
  for (const record of page.result) {
    const parsed = schema.safeParse(record);
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}
