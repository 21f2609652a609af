import { z } from 'zod';
import { CrmError } from '../crm-error';
import { parseSforceLimitInfo, type SalesforceApiUsage } from './salesforce-api-usage';
import { SALESFORCE_API_VERSION, type SalesforceClient, type SalesforceMethod, type SalesforceQueryResult, type SalesforceRequestOptions } from './salesforce-client-contract';
import { hasErrorCode, parseSalesforceErrors, salesforceResponseError } from './salesforce-errors';

/*
 * The typed fetch client for one org's REST API (salesforce-client-contract.ts): bearer token,
 * one refresh and retry on 401 INVALID_SESSION_ID, zod on every answer, CrmError for every
 * failure, API usage from `Sforce-Limit-Info`. Runs in the service worker: fetch only.
 */

/** Where the client gets its access token, and a new one when Salesforce says it expired. */
export interface SalesforceSession {
  accessToken(): Promise<string>;
  /** A fresh token in place of `rejected` (the session shares one refresh between concurrent callers). */
  refresh(rejected: string): Promise<string>;
}

export interface CreateSalesforceClientOptions {
  /** The org's API origin (`https://acme.my.salesforce.com`) or the sandbox CRM's. */
  instanceUrl: string;
  session: SalesforceSession;
  fetch?: typeof fetch;
  /** Per request; a service worker must not hang on a dead socket. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_MAX_PAGES = 50;

export function createSalesforceClient(options: CreateSalesforceClientOptions): SalesforceClient {
  const instanceUrl = options.instanceUrl.replace(/\/+$/, '');
  // Bind: calling an unbound `fetch` taken off the global throws "Illegal invocation" in browsers.
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let apiUsage: SalesforceApiUsage | null = null;

  async function send(method: SalesforceMethod, url: string, what: string, token: string, init: { body?: unknown; headers?: Record<string, string>; signal?: AbortSignal }) {
    if (init.signal?.aborted) throw cancelled(what, init.signal.reason);
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    const headers: Record<string, string> = { Accept: 'application/json', ...init.headers, Authorization: `Bearer ${token}` };
    if (init.body !== undefined) headers['Content-Type'] = 'application/json';
    try {
      const response = await doFetch(url, { method, headers, body: init.body === undefined ? undefined : JSON.stringify(init.body), signal });
      const usage = parseSforceLimitInfo(response.headers.get('Sforce-Limit-Info'));
      if (usage) apiUsage = usage;
      return { status: response.status, text: await response.text(), headers: response.headers };
    } catch (cause) {
      if (cause instanceof CrmError) throw cause;
      if (init.signal?.aborted) throw cancelled(what, init.signal.reason ?? cause);
      if (timeout.aborted) throw new CrmError('server', `Salesforce did not answer within ${Math.round(timeoutMs / 1000)} s (${what}).`, { cause });
      throw new CrmError('network', `Could not reach Salesforce (${what}): check the connection.`, { cause });
    }
  }

  async function request<S extends z.ZodType>(method: SalesforceMethod, path: string, { schema, body, query, headers, signal }: SalesforceRequestOptions<S>): Promise<z.output<S>> {
    const url = buildUrl(instanceUrl, path, query);
    const what = `${method} ${path.split('?')[0]}`;
    let token = await options.session.accessToken();
    let answer = await send(method, url, what, token, { body, headers, signal });
    if (isExpiredSession(answer.status, answer.text)) {
      token = await options.session.refresh(token);
      answer = await send(method, url, what, token, { body, headers, signal });
    }
    if (answer.status < 200 || answer.status >= 300) throw salesforceResponseError(answer.status, answer.text, what);
    if (answer.status === 204) return undefined as z.output<S>;
    let json: unknown;
    try {
      json = answer.text.trim() === '' ? undefined : JSON.parse(answer.text);
    } catch (cause) {
      throw new CrmError('bad_response', `Salesforce sent an answer that is not JSON (${what}).`, { status: answer.status, cause });
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issues = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ');
      throw new CrmError('bad_response', `Salesforce sent an unexpected answer (${what}): ${issues}`, { status: answer.status, cause: parsed.error });
    }
    return parsed.data;
  }

  /** Token, one refresh on an expired session, errors as CrmError; the answer's text as it came. */
  async function requestText(method: SalesforceMethod, path: string, { query, signal }: { query?: Record<string, string>; signal?: AbortSignal } = {}): Promise<{ text: string; headers: Headers }> {
    const url = buildUrl(instanceUrl, path, query);
    const what = `${method} ${path.split('?')[0]}`;
    let token = await options.session.accessToken();
    let answer = await send(method, url, what, token, { signal, headers: { Accept: 'text/csv' } });
    if (isExpiredSession(answer.status, answer.text)) {
      token = await options.session.refresh(token);
      answer = await send(method, url, what, token, { signal, headers: { Accept: 'text/csv' } });
    }
    if (answer.status < 200 || answer.status >= 300) throw salesforceResponseError(answer.status, answer.text, what);
    return { text: answer.text, headers: answer.headers };
  }

  async function query<S extends z.ZodType>(soql: string, recordSchema: S, queryOptions: { signal?: AbortSignal; maxPages?: number } = {}): Promise<SalesforceQueryResult<z.output<S>>> {
    const pageSchema = z.looseObject({ totalSize: z.number(), done: z.boolean(), nextRecordsUrl: z.string().startsWith('/services/data/').optional(), records: z.array(recordSchema) });
    const maxPages = queryOptions.maxPages ?? DEFAULT_MAX_PAGES;
    let page = await request('GET', 'query', { schema: pageSchema, query: { q: soql }, signal: queryOptions.signal });
    const records: z.output<S>[] = [...page.records];
    let requests = 1;
    while (!page.done && page.nextRecordsUrl && requests < maxPages) {
      page = await request('GET', page.nextRecordsUrl, { schema: pageSchema, signal: queryOptions.signal });
      records.push(...page.records);
      requests += 1;
    }
    return { records, totalSize: page.totalSize, requests, done: page.done };
  }

  return {
    instanceUrl,
    request,
    requestText,
    query,
    get apiUsage() {
      return apiUsage ? { ...apiUsage } : null;
    },
  };
}

/**
 * An expired or revoked access token: REST answers 401 INVALID_SESSION_ID, the identity URL a 403
 * with the plain text `Bad_OAuth_Token`.
 */
function isExpiredSession(status: number, text: string): boolean {
  if (status === 403) return text.trim() === 'Bad_OAuth_Token';
  if (status !== 401) return false;
  const errors = parseSalesforceErrors(text);
  return errors.length === 0 || hasErrorCode(errors, 'INVALID_SESSION_ID');
}

function buildUrl(instanceUrl: string, path: string, query: Record<string, string> | undefined): string {
  const url = new URL(path.startsWith('/') ? `${instanceUrl}${path}` : `${instanceUrl}/services/data/${SALESFORCE_API_VERSION}/${path}`);
  for (const [key, value] of Object.entries(query ?? {})) url.searchParams.set(key, value);
  return url.toString();
}

function cancelled(what: string, cause: unknown): CrmError {
  return new CrmError('network', `The request to Salesforce was cancelled (${what}).`, { cause });
}
