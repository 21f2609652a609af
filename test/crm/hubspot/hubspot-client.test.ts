import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CrmError } from '../../../lib/crm/crm-error';
import { createHubSpotClient } from '../../../lib/crm/hubspot/hubspot-client';
import { hubSpotContactSchema } from '../../../lib/crm/hubspot/hubspot-schemas';
import { jsonResponse } from '../../support/hubspot/fake-hubspot-fetch';
import { loadFixture } from '../../support/hubspot/hubspot-fixtures';

const schema = z.looseObject({ id: z.string(), n: z.number() });

function clientAnswering(respond: (url: URL, init: RequestInit) => Response | Promise<Response>, extra: { now?: () => number; timeoutMs?: number } = {}) {
  const calls: { url: URL; init: RequestInit }[] = [];
  const client = createHubSpotClient({
    baseUrl: 'https://api.hubapi.com/',
    getAccessToken: async () => 'pat-na1-secret',
    fetch: async (input, init = {}) => {
      const url = new URL(String(input));
      calls.push({ url, init });
      return respond(url, init);
    },
    ...extra,
  });
  return { client, calls };
}

async function failureOf(promise: Promise<unknown>): Promise<CrmError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(CrmError);
    return error as CrmError;
  }
  throw new Error('expected a CrmError');
}

const get = (client: ReturnType<typeof createHubSpotClient>, signal?: AbortSignal) =>
  client.request('GET', '/crm/v3/objects/contacts/51', { schema, query: { properties: ['a', 'b'], archived: false, skipped: undefined }, signal });

describe('createHubSpotClient: requests', () => {
  it('sends bearer auth, JSON headers and the query, and returns the parsed body', async () => {
    const { client, calls } = clientAnswering(() => jsonResponse({ id: '51', n: 1, extra: true }));
    await expect(get(client)).resolves.toEqual({ id: '51', n: 1, extra: true });
    const call = calls[0];
    expect(call?.url.href).toBe('https://api.hubapi.com/crm/v3/objects/contacts/51?properties=a%2Cb&archived=false');
    const headers = new Headers(call?.init.headers);
    expect(headers.get('authorization')).toBe('Bearer pat-na1-secret');
    expect(headers.get('accept')).toBe('application/json');
    expect(call?.init.signal).toBeInstanceOf(AbortSignal);
  });

  it('serialises a JSON body with a content type', async () => {
    const { client, calls } = clientAnswering(() => jsonResponse({ id: '1', n: 2 }));
    await client.request('POST', '/crm/v3/objects/calls/batch/read', { schema, body: { inputs: [{ id: '1' }] } });
    expect(new Headers(calls[0]?.init.headers).get('content-type')).toBe('application/json');
    expect(calls[0]?.init.body).toBe('{"inputs":[{"id":"1"}]}');
  });

  it('records the latest rate-limit headers', async () => {
    const { client } = clientAnswering(() =>
      jsonResponse({ id: '1', n: 1 }, { headers: { 'X-HubSpot-RateLimit-Max': '190', 'X-HubSpot-RateLimit-Remaining': '187', 'X-HubSpot-RateLimit-Interval-Milliseconds': '10000', 'X-HubSpot-RateLimit-Daily': '625000', 'X-HubSpot-RateLimit-Daily-Remaining': '624000' } }),
      { now: () => 1234 },
    );
    expect(client.getRateLimit()).toBeNull();
    await get(client);
    expect(client.getRateLimit()).toEqual({ max: 190, remaining: 187, intervalMs: 10000, daily: 625000, dailyRemaining: 624000, observedAt: 1234 });
  });

  it('validates a real-shaped contact body', async () => {
    const { client } = clientAnswering(() => jsonResponse(loadFixture('contact.json')));
    const contact = await client.request('GET', '/crm/v3/objects/contacts/51', { schema: hubSpotContactSchema });
    expect(contact.properties['firstname']).toBe('Ada');
  });
});

describe('createHubSpotClient: error mapping', () => {
  it('401 → auth, asking to reconnect', async () => {
    const { client } = clientAnswering(() => jsonResponse({ status: 'error', message: 'Authentication credentials not found.', correlationId: 'c-401', category: 'INVALID_AUTHENTICATION' }, { status: 401 }));
    const error = await failureOf(get(client));
    expect(error).toMatchObject({ kind: 'auth', status: 401, correlationId: 'c-401', message: 'Reconnect HubSpot: the access token was rejected' });
    expect(error.retryable).toBe(false);
  });

  it('403 → forbidden, naming the missing scope', async () => {
    const { client } = clientAnswering(() => jsonResponse(loadFixture('error-403-scopes.json'), { status: 403 }));
    const error = await failureOf(get(client));
    expect(error.kind).toBe('forbidden');
    expect(error.message).toContain('crm.objects.contacts.read');
    expect(error.correlationId).toBe('0c9b1f57-4a2b-4f6a-9d3e-3c2b2f4b6a11');
  });

  it('403 without scope details → forbidden with HubSpot’s message', async () => {
    const { client } = clientAnswering(() => jsonResponse({ status: 'error', message: 'Portal is not on Enterprise', category: 'FORBIDDEN' }, { status: 403 }));
    expect(await failureOf(get(client))).toMatchObject({ kind: 'forbidden', message: expect.stringContaining('Portal is not on Enterprise') });
  });

  it('404 → not_found', async () => {
    const { client } = clientAnswering(() => jsonResponse({ status: 'error', message: 'resource not found', category: 'OBJECT_NOT_FOUND' }, { status: 404 }));
    expect(await failureOf(get(client))).toMatchObject({ kind: 'not_found', status: 404 });
  });

  it.each([400, 409, 422])('%s → rejected with HubSpot’s message', async (status) => {
    const { client } = clientAnswering(() => jsonResponse({ status: 'error', message: 'Property values were not valid: hs_lead_status', category: 'VALIDATION_ERROR', errors: [{ message: 'bad', code: 'INVALID_OPTION' }] }, { status }));
    const error = await failureOf(get(client));
    expect(error).toMatchObject({ kind: 'rejected', status });
    expect(error.message).toContain('Property values were not valid: hs_lead_status');
  });

  it('429 TEN_SECONDLY_ROLLING with Retry-After → rate_limited, retry after the header', async () => {
    const { client } = clientAnswering(() => jsonResponse(loadFixture('error-429-ten-secondly.json'), { status: 429, headers: { 'Retry-After': '3' } }));
    const error = await failureOf(get(client));
    expect(error).toMatchObject({ kind: 'rate_limited', limit: 'burst', retryAfterMs: 3000, status: 429 });
    expect(error.retryable).toBe(true);
  });

  it('429 TEN_SECONDLY_ROLLING without Retry-After → the interval', async () => {
    const { client } = clientAnswering(() => jsonResponse(loadFixture('error-429-ten-secondly.json'), { status: 429, headers: { 'X-HubSpot-RateLimit-Interval-Milliseconds': '10000' } }));
    expect(await failureOf(get(client))).toMatchObject({ kind: 'rate_limited', retryAfterMs: 10_000 });
    const bare = clientAnswering(() => jsonResponse(loadFixture('error-429-ten-secondly.json'), { status: 429 }));
    expect(await failureOf(get(bare.client))).toMatchObject({ kind: 'rate_limited', retryAfterMs: 10_000 });
  });

  it('429 Retry-After as an HTTP date', async () => {
    const now = Date.parse('2026-11-22T15:00:00.000Z');
    const { client } = clientAnswering(() => jsonResponse(loadFixture('error-429-ten-secondly.json'), { status: 429, headers: { 'Retry-After': 'Sun, 22 Nov 2026 15:00:05 GMT' } }), { now: () => now });
    expect(await failureOf(get(client))).toMatchObject({ retryAfterMs: 5000 });
  });

  it('429 DAILY → rate_limited, not retryable, no invented wait', async () => {
    const { client } = clientAnswering(() => jsonResponse(loadFixture('error-429-daily.json'), { status: 429 }));
    const error = await failureOf(get(client));
    expect(error).toMatchObject({ kind: 'rate_limited', limit: 'daily', retryAfterMs: null });
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/daily/i);
  });

  it.each([500, 502, 503, 504])('%s → server, tolerating a non-JSON body', async (status) => {
    const { client } = clientAnswering(() => new Response('<html><body>Bad gateway</body></html>', { status, headers: { 'Content-Type': 'text/html' } }));
    const error = await failureOf(get(client));
    expect(error).toMatchObject({ kind: 'server', status, correlationId: null });
    expect(error.retryable).toBe(true);
  });

  it('network failure → network', async () => {
    const { client } = clientAnswering(() => {
      throw new TypeError('fetch failed');
    });
    const error = await failureOf(get(client));
    expect(error).toMatchObject({ kind: 'network', status: null });
    expect(error.cause).toBeInstanceOf(TypeError);
  });

  it('timeout → server (retry with backoff)', async () => {
    const { client } = clientAnswering(
      (_url, init) =>
        new Promise<Response>((_resolve, reject) => {
          init.signal?.addEventListener('abort', () => reject(init.signal?.reason));
        }),
      { timeoutMs: 20 },
    );
    const error = await failureOf(get(client));
    expect(error.kind).toBe('server');
    expect(error.message).toMatch(/did not answer/);
  });

  it('the caller’s abort is passed through to fetch and surfaces as a CrmError', async () => {
    const controller = new AbortController();
    let started!: () => void;
    const fetchStarted = new Promise<void>((resolve) => (started = resolve));
    const { client, calls } = clientAnswering(
      (_url, init) =>
        new Promise<Response>((_resolve, reject) => {
          init.signal?.addEventListener('abort', () => reject(init.signal?.reason));
          started();
        }),
    );
    const pending = get(client, controller.signal);
    await fetchStarted;
    controller.abort();
    const error = await failureOf(pending);
    expect(error.message).toMatch(/cancelled/);
    expect(calls).toHaveLength(1);
  });

  it('an already-aborted signal issues no request', async () => {
    const { client, calls } = clientAnswering(() => jsonResponse({ id: '1', n: 1 }));
    const error = await failureOf(get(client, AbortSignal.abort()));
    expect(error.message).toMatch(/cancelled/);
    expect(calls).toHaveLength(0);
  });

  it('invalid JSON on 2xx → bad_response', async () => {
    const { client } = clientAnswering(() => new Response('{"id": "51", ', { status: 200 }));
    expect(await failureOf(get(client))).toMatchObject({ kind: 'bad_response', status: 200, message: expect.stringContaining('not JSON') });
  });

  it('schema mismatch on 2xx → bad_response naming the field path', async () => {
    const { client } = clientAnswering(() => jsonResponse({ ...loadFixture<Record<string, unknown>>('contact.json'), propertiesWithHistory: { lifecyclestage: [{ value: 'lead', timestamp: 1, sourceType: 'FORM' }] } }));
    const error = await failureOf(client.request('GET', '/crm/v3/objects/contacts/51', { schema: hubSpotContactSchema }));
    expect(error.kind).toBe('bad_response');
    expect(error.message).toContain('propertiesWithHistory.lifecyclestage[0].timestamp');
    expect(error.message).toContain('GET /crm/v3/objects/contacts/51');
  });

  it('a failing token provider → auth', async () => {
    const client = createHubSpotClient({ baseUrl: 'https://api.hubapi.com', getAccessToken: async () => { throw new Error('no token stored'); }, fetch: async () => jsonResponse({}) });
    expect(await failureOf(get(client))).toMatchObject({ kind: 'auth' });
  });
});
