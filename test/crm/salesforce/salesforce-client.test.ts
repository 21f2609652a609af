import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CrmError } from '../../../lib/crm/crm-error';
import { parseSforceLimitInfo } from '../../../lib/crm/salesforce/salesforce-api-usage';
import { createSalesforceClient, type SalesforceSession } from '../../../lib/crm/salesforce/salesforce-client';
import { scriptedFetch, type ScriptedAnswer } from './scripted-fetch';

const ORIGIN = 'https://acme.my.salesforce.com';
const leadSchema = z.looseObject({ Id: z.string(), Status: z.string() });

function session(tokens = ['tok-1', 'tok-2', 'tok-3']): SalesforceSession & { refreshes: string[] } {
  let current = tokens[0]!;
  const refreshes: string[] = [];
  return {
    refreshes,
    accessToken: async () => current,
    refresh: async (rejected) => {
      refreshes.push(rejected);
      current = tokens[refreshes.length] ?? 'tok-last';
      return current;
    },
  };
}

function clientWith(answers: ScriptedAnswer[], s = session()) {
  const scripted = scriptedFetch(answers);
  return { client: createSalesforceClient({ instanceUrl: `${ORIGIN}/`, session: s, fetch: scripted.fetch }), ...scripted, session: s };
}

async function failure(promise: Promise<unknown>): Promise<CrmError> {
  const err = await promise.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(CrmError);
  return err as CrmError;
}

describe('createSalesforceClient', () => {
  it('sends the bearer token to the versioned REST path and parses the answer', async () => {
    const { client, calls } = clientWith([{ status: 200, body: { Id: '00Q1', Status: 'Open', Extra: 1 }, headers: { 'Sforce-Limit-Info': 'api-usage=18/5000' } }]);
    const lead = await client.request('GET', 'sobjects/Lead/00Q1', { schema: leadSchema, query: { fields: 'Id,Status' } });
    expect(lead).toMatchObject({ Id: '00Q1', Status: 'Open' });
    expect(calls[0]).toMatchObject({ method: 'GET', url: `${ORIGIN}/services/data/v62.0/sobjects/Lead/00Q1?fields=Id%2CStatus` });
    expect(calls[0]!.headers.authorization).toBe('Bearer tok-1');
    expect(client.instanceUrl).toBe(ORIGIN);
    expect(client.apiUsage).toEqual({ used: 18, max: 5000 });
  });

  it('sends JSON bodies and gives undefined for 204', async () => {
    const { client, calls } = clientWith([{ status: 204 }]);
    const result = await client.request('PATCH', 'sobjects/Lead/00Q1', { schema: z.never(), body: { Status: 'Working' }, headers: { 'If-Unmodified-Since': 'Tue, 01 Dec 2026 10:00:00 GMT' } });
    expect(result).toBeUndefined();
    expect(calls[0]).toMatchObject({ method: 'PATCH', body: '{"Status":"Working"}' });
    expect(calls[0]!.headers['content-type']).toBe('application/json');
    expect(calls[0]!.headers['if-unmodified-since']).toBe('Tue, 01 Dec 2026 10:00:00 GMT');
  });

  it('takes a path from the origin as it is (identity, nextRecordsUrl)', async () => {
    const { client, calls } = clientWith([{ status: 200, body: {} }]);
    await client.request('GET', '/id/00D1/0051', { schema: z.object({}) });
    expect(calls[0]!.url).toBe(`${ORIGIN}/id/00D1/0051`);
  });

  it('refreshes once on 401 INVALID_SESSION_ID and retries with the new token', async () => {
    const { client, calls, session: s } = clientWith([
      { status: 401, body: [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }] },
      { status: 200, body: { Id: '00Q1', Status: 'Open' } },
    ]);
    await expect(client.request('GET', 'sobjects/Lead/00Q1', { schema: leadSchema })).resolves.toMatchObject({ Id: '00Q1' });
    expect(s.refreshes).toEqual(['tok-1']);
    expect(calls.map((c) => c.headers.authorization)).toEqual(['Bearer tok-1', 'Bearer tok-2']);
  });

  it('gives up after one refresh: a second 401 is an auth error', async () => {
    const expired = { status: 401, body: [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }] };
    const { client, session: s, calls } = clientWith([expired, expired]);
    const err = await failure(client.request('GET', 'sobjects/Lead/00Q1', { schema: leadSchema }));
    expect(err.kind).toBe('auth');
    expect(err.message).toMatch(/reconnect Salesforce/);
    expect(s.refreshes).toHaveLength(1);
    expect(calls).toHaveLength(2);
  });

  it('passes on a refresh that fails (the session says why)', async () => {
    const s: SalesforceSession = { accessToken: async () => 'tok-1', refresh: async () => { throw new CrmError('auth', 'refresh token revoked'); } };
    const { client } = clientWith([{ status: 401, body: [{ errorCode: 'INVALID_SESSION_ID', message: 'x' }] }], s as ReturnType<typeof session>);
    expect((await failure(client.request('GET', 'limits', { schema: z.unknown() }))).message).toBe('refresh token revoked');
  });

  it.each<[string, ScriptedAnswer, Partial<CrmError>, RegExp]>([
    ['403 REQUEST_LIMIT_EXCEEDED', { status: 403, body: [{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }] }, { kind: 'rate_limited', limit: 'daily', status: 403, retryAfterMs: 3_600_000 }, /24-hour API request allowance/],
    ['other 403', { status: 403, body: [{ message: 'The REST API is not enabled for this Organization.', errorCode: 'API_DISABLED_FOR_ORG' }] }, { kind: 'forbidden', limit: null }, /API_DISABLED_FOR_ORG: The REST API is not enabled/],
    ['400 with fields', { status: 400, body: [{ message: 'Phone is required', errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', fields: ['Phone'] }] }, { kind: 'rejected', status: 400 }, /FIELD_CUSTOM_VALIDATION_EXCEPTION: Phone is required \(fields: Phone\)/],
    ['400 two errors', { status: 400, body: [{ message: 'No such column', errorCode: 'INVALID_FIELD' }, { message: 'bad value', errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', fields: ['Status'] }] }, { kind: 'rejected' }, /INVALID_FIELD: No such column; INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST: bad value \(fields: Status\)/],
    ['412', { status: 412, body: [{ message: 'The requested record was modified', errorCode: 'PRECONDITION_FAILED' }] }, { kind: 'rejected', status: 412 }, /changed since Baton read it.*PRECONDITION_FAILED/],
    ['300', { status: 300, body: ['/services/data/v62.0/sobjects/Task/00T1', '/services/data/v62.0/sobjects/Task/00T2'] }, { kind: 'rejected', status: 300 }, /several records/],
    ['404', { status: 404, body: [{ message: 'The requested resource does not exist', errorCode: 'NOT_FOUND' }] }, { kind: 'not_found' }, /NOT_FOUND/],
    ['500', { status: 500, body: '<html>oops</html>' }, { kind: 'server', retryable: true }, /HTTP 500/],
    ['503', { status: 503, body: [{ message: 'Server unavailable', errorCode: 'SERVER_UNAVAILABLE' }] }, { kind: 'server' }, /HTTP 503/],
    ['network', new TypeError('Failed to fetch'), { kind: 'network', retryable: true }, /Could not reach Salesforce/],
    ['bad body', { status: 200, body: { Id: 7 } }, { kind: 'bad_response' }, /unexpected answer.*Id/],
    ['not JSON', { status: 200, body: '<html>login</html>' }, { kind: 'bad_response' }, /not JSON/],
  ])('maps %s', async (_name, answer, expected, message) => {
    const { client } = clientWith([answer]);
    const err = await failure(client.request('GET', 'sobjects/Lead/00Q1', { schema: leadSchema }));
    expect(err).toMatchObject(expected);
    expect(err.message).toMatch(message);
  });

  it('does not refresh on a daily-limit 403 and keeps the usage it reported', async () => {
    const { client, session: s } = clientWith([{ status: 403, body: [{ message: 'limit', errorCode: 'REQUEST_LIMIT_EXCEEDED' }], headers: { 'Sforce-Limit-Info': 'api-usage=5001/5000' } }]);
    await failure(client.request('GET', 'limits', { schema: z.unknown() }));
    expect(s.refreshes).toEqual([]);
    expect(client.apiUsage).toEqual({ used: 5001, max: 5000 });
  });

  it('does not call the network for an aborted request', async () => {
    const { client, calls } = clientWith([]);
    const controller = new AbortController();
    controller.abort();
    expect((await failure(client.request('GET', 'limits', { schema: z.unknown(), signal: controller.signal }))).kind).toBe('network');
    expect(calls).toHaveLength(0);
  });

  it('times out a request that hangs (a server problem: retried later)', async () => {
    const hanging = ((_input: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)))) as typeof fetch;
    const client = createSalesforceClient({ instanceUrl: ORIGIN, session: session(), fetch: hanging, timeoutMs: 20 });
    const err = await failure(client.request('GET', 'limits', { schema: z.unknown() }));
    expect(err).toMatchObject({ kind: 'server', retryable: true });
    expect(err.message).toMatch(/did not answer within/);
  });
});

describe('query', () => {
  const page = (records: unknown[], done: boolean, next?: string) => ({ status: 200, body: { totalSize: 5, done, records, ...(next ? { nextRecordsUrl: next } : {}) } });
  const rec = (Id: string) => ({ attributes: { type: 'Lead', url: `/services/data/v62.0/sobjects/Lead/${Id}` }, Id, Status: 'Open' });

  it('follows nextRecordsUrl until done', async () => {
    const { client, calls } = clientWith([
      page([rec('a'), rec('b')], false, '/services/data/v62.0/query/01g-2'),
      page([rec('c'), rec('d')], false, '/services/data/v62.0/query/01g-4'),
      page([rec('e')], true),
    ]);
    const result = await client.query('SELECT Id, Status FROM Lead', leadSchema);
    expect(result.records.map((r) => r.Id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(result).toMatchObject({ totalSize: 5, requests: 3, done: true });
    expect(calls[0]!.url).toBe(`${ORIGIN}/services/data/v62.0/query?q=SELECT+Id%2C+Status+FROM+Lead`);
    expect(calls.slice(1).map((c) => c.url)).toEqual([`${ORIGIN}/services/data/v62.0/query/01g-2`, `${ORIGIN}/services/data/v62.0/query/01g-4`]);
  });

  it('stops at maxPages and says it is not done', async () => {
    const { client, left } = clientWith([page([rec('a')], false, '/services/data/v62.0/query/01g-1'), page([rec('b')], false, '/services/data/v62.0/query/01g-2'), page([rec('c')], true)]);
    const result = await client.query('SELECT Id, Status FROM Lead', leadSchema, { maxPages: 2 });
    expect(result).toMatchObject({ requests: 2, done: false, totalSize: 5 });
    expect(result.records).toHaveLength(2);
    expect(left()).toBe(1);
  });

  it('refuses a nextRecordsUrl to another place', async () => {
    const { client } = clientWith([page([rec('a')], false, 'https://evil.example/services/data/v62.0/query/x')]);
    expect((await failure(client.query('SELECT Id, Status FROM Lead', leadSchema))).kind).toBe('bad_response');
  });
});

describe('parseSforceLimitInfo', () => {
  it.each([
    ['api-usage=18/5000', { used: 18, max: 5000 }],
    ['api-usage=18/5000, per-app-api-usage=17/250(appName=sample-connected-app)', { used: 18, max: 5000 }],
    ['per-app-api-usage=17/250(appName=x)', null],
    [null, null],
    ['', null],
  ])('%s', (header, expected) => {
    expect(parseSforceLimitInfo(header)).toEqual(expected);
  });
});
