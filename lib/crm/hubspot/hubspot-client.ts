import type { z } from 'zod';
import { CrmError } from '../crm-error';
import { hubSpotErrorBodySchema } from './hubspot-schemas';
import type { HubSpotErrorBody } from './hubspot-schemas';

/**
 * A small typed HTTP client for the HubSpot API (and the sandbox CRM, which speaks its dialect).
 * Runs in the MV3 service worker: fetch only, no DOM, no Node APIs. Every failure becomes a
 * `CrmError`; every 2xx body is validated with the caller's zod schema.
 */

export type HubSpotMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export type HubSpotQueryValue = string | number | boolean | readonly (string | number)[] | null | undefined;

export interface HubSpotRequestOptions<S extends z.ZodType> {
  /** Arrays are joined with commas (HubSpot's `properties=a,b`); null/undefined are skipped. */
  query?: Record<string, HubSpotQueryValue>;
  body?: unknown;
  schema: S;
  signal?: AbortSignal;
}

/** The latest `X-HubSpot-RateLimit-*` headers seen, for the connection status. */
export interface HubSpotRateLimitState {
  max: number | null;
  remaining: number | null;
  intervalMs: number | null;
  daily: number | null;
  dailyRemaining: number | null;
  /** Epoch ms of the response that carried them. */
  observedAt: number;
}

export interface HubSpotClient {
  readonly baseUrl: string;
  request<S extends z.ZodType>(method: HubSpotMethod, path: string, options: HubSpotRequestOptions<S>): Promise<z.infer<S>>;
  /** null until a response carried rate-limit headers (the sandbox may never send them). */
  getRateLimit(): HubSpotRateLimitState | null;
}

export interface CreateHubSpotClientOptions {
  /** `https://api.hubapi.com` or the sandbox's `http://127.0.0.1:<port>`. */
  baseUrl: string;
  getAccessToken: () => Promise<string>;
  fetch?: typeof fetch;
  now?: () => number;
  /** Per-request timeout; a service worker must not hang on a dead socket. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 15_000;
/** HubSpot's ten-secondly window; used when a TEN_SECONDLY_ROLLING 429 carries no Retry-After. */
const TEN_SECONDLY_INTERVAL_MS = 10_000;

export function createHubSpotClient(options: CreateHubSpotClientOptions): HubSpotClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  // Bind: calling an unbound `fetch` taken off the global throws "Illegal invocation" in browsers.
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let rateLimit: HubSpotRateLimitState | null = null;

  async function request<S extends z.ZodType>(
    method: HubSpotMethod,
    path: string,
    { query, body, schema, signal }: HubSpotRequestOptions<S>,
  ): Promise<z.infer<S>> {
    const url = buildUrl(baseUrl, path, query);
    const what = `${method} ${path}`;

    let token: string;
    try {
      token = await options.getAccessToken();
    } catch (cause) {
      if (cause instanceof CrmError) throw cause;
      throw new CrmError('auth', 'Reconnect HubSpot: no access token is available', { cause });
    }

    // A view the rep already left must not spend a request of the portal's shared rate limit.
    if (signal?.aborted) throw cancelled(what, signal.reason);

    const timeout = AbortSignal.timeout(timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;

    const headers: Record<string, string> = {
      Authorization: `Bearer ${token}`,
      Accept: 'application/json',
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';

    let response: Response;
    try {
      response = await doFetch(url, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: combined,
      });
    } catch (cause) {
      // The port promises CrmError only; the caller knows it aborted (signal.aborted), the cause keeps the reason.
      if (signal?.aborted) throw cancelled(what, signal.reason ?? cause);
      if (timeout.aborted) {
        throw new CrmError('server', `HubSpot did not answer within ${Math.round(timeoutMs / 1000)} s (${what})`, { cause });
      }
      throw new CrmError('network', `Could not reach HubSpot (${what}): check the connection`, { cause });
    }

    recordRateLimit(response.headers);

    let text: string;
    try {
      text = await response.text();
    } catch (cause) {
      if (signal?.aborted) throw cancelled(what, signal.reason ?? cause);
      if (timeout.aborted) {
        throw new CrmError('server', `HubSpot did not finish answering within ${Math.round(timeoutMs / 1000)} s (${what})`, { cause });
      }
      throw new CrmError('network', `The connection to HubSpot broke while reading the answer (${what})`, { cause });
    }

    if (!response.ok) throw toCrmError(response, text, what, now);

    // 204 No Content (DELETE, some PUTs): validate "nothing" against the schema.
    let json: unknown;
    if (text.trim() === '') {
      json = undefined;
    } else {
      try {
        json = JSON.parse(text);
      } catch (cause) {
        throw new CrmError('bad_response', `HubSpot sent a response that is not JSON (${what})`, { status: response.status, cause });
      }
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new CrmError('bad_response', `HubSpot sent an unexpected response (${what}): ${describeZodIssues(parsed.error)}`, {
        status: response.status,
        cause: parsed.error,
      });
    }
    return parsed.data;
  }

  function recordRateLimit(headers: Headers): void {
    const max = readNumberHeader(headers, 'X-HubSpot-RateLimit-Max');
    const remaining = readNumberHeader(headers, 'X-HubSpot-RateLimit-Remaining');
    const intervalMs = readNumberHeader(headers, 'X-HubSpot-RateLimit-Interval-Milliseconds');
    const daily = readNumberHeader(headers, 'X-HubSpot-RateLimit-Daily');
    const dailyRemaining = readNumberHeader(headers, 'X-HubSpot-RateLimit-Daily-Remaining');
    if (max === null && remaining === null && intervalMs === null && daily === null && dailyRemaining === null) return;
    rateLimit = { max, remaining, intervalMs, daily, dailyRemaining, observedAt: now() };
  }

  return {
    baseUrl,
    request,
    getRateLimit: () => (rateLimit ? { ...rateLimit } : null),
  };
}

function cancelled(what: string, cause: unknown): CrmError {
  return new CrmError('network', `The request to HubSpot was cancelled (${what})`, { cause });
}

function buildUrl(baseUrl: string, path: string, query: Record<string, HubSpotQueryValue> | undefined): string {
  const url = new URL(baseUrl + (path.startsWith('/') ? path : `/${path}`));
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === null || value === undefined) continue;
    url.searchParams.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  return url.toString();
}

function readNumberHeader(headers: Headers, name: string): number | null {
  const raw = headers.get(name);
  if (raw === null || raw.trim() === '') return null;
  const n = Number(raw);
  return Number.isFinite(n) ? n : null;
}

/** Retry-After is either delta-seconds or an HTTP date. */
function parseRetryAfterMs(raw: string | null, now: () => number): number | null {
  if (raw === null || raw.trim() === '') return null;
  const trimmed = raw.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now());
}

function parseErrorBody(text: string): HubSpotErrorBody | null {
  if (text.trim() === '') return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // Proxies and load balancers answer with HTML; the status code alone still classifies it.
    return null;
  }
  const parsed = hubSpotErrorBodySchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/** HubSpot puts the missing scopes in `errors[].context.requiredGranularScopes` (or `requiredScopes`). */
function findMissingScopes(body: HubSpotErrorBody | null): string[] {
  if (!body) return [];
  const contexts = [body.context, ...(body.errors ?? []).map((e) => e.context)];
  const scopes = new Set<string>();
  for (const context of contexts) {
    if (!context) continue;
    for (const key of ['requiredGranularScopes', 'requiredScopes', 'requiredScope']) {
      for (const scope of context[key] ?? []) scopes.add(scope);
    }
  }
  return [...scopes];
}

function toCrmError(response: Response, text: string, what: string, now: () => number): CrmError {
  const status = response.status;
  const body = parseErrorBody(text);
  const correlationId = body?.correlationId ?? null;
  const hubSpotMessage = body?.message?.trim() || null;
  const details = { status, correlationId };

  if (status === 401) {
    return new CrmError('auth', 'Reconnect HubSpot: the access token was rejected', details);
  }
  if (status === 403) {
    const scopes = findMissingScopes(body);
    const message = scopes.length
      ? `HubSpot refused access: the connection is missing the scope ${scopes.join(' or ')}`
      : `HubSpot refused access${hubSpotMessage ? `: ${hubSpotMessage}` : ''}`;
    return new CrmError('forbidden', message, details);
  }
  if (status === 404) {
    return new CrmError('not_found', `HubSpot could not find it (${what})`, details);
  }
  if (status === 429) {
    const policyName = body?.policyName ?? null;
    let retryAfterMs = parseRetryAfterMs(response.headers.get('Retry-After'), now);
    if (retryAfterMs === null && policyName === 'TEN_SECONDLY_ROLLING') {
      retryAfterMs = readNumberHeader(response.headers, 'X-HubSpot-RateLimit-Interval-Milliseconds') ?? TEN_SECONDLY_INTERVAL_MS;
    }
    const message =
      policyName === 'DAILY'
        ? 'HubSpot daily API limit reached for this account: Baton will try again after it resets'
        : 'HubSpot is rate-limiting requests: Baton will try again shortly';
    // HubSpot names its limits by policy; Baton's outbox knows only a burst window and a daily quota.
    return new CrmError('rate_limited', message, { ...details, limit: policyName === 'DAILY' ? 'daily' : 'burst', retryAfterMs });
  }
  if (status === 400 || status === 409 || status === 422) {
    return new CrmError('rejected', `HubSpot refused the request: ${hubSpotMessage ?? `HTTP ${status}`}`, details);
  }
  if (status >= 500) {
    return new CrmError('server', `HubSpot had a problem (HTTP ${status}); Baton will try again`, details);
  }
  // Other 4xx (405, 410, 413, 415...): our request is wrong; retrying the same request will not help.
  return new CrmError('rejected', `HubSpot refused the request: ${hubSpotMessage ?? `HTTP ${status}`}`, details);
}

/** "results[0].occurredAt: expected string, received number" — names the field path. */
function describeZodIssues(error: z.ZodError): string {
  const issues = error.issues.slice(0, 3).map((issue) => {
    const path = issue.path.length ? formatPath(issue.path) : '(root)';
    return `${path}: ${issue.message}`;
  });
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : '';
  return issues.join('; ') + more;
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}
