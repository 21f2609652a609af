import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engagementSource } from '../../../lib/crm/marketo/marketo-engagement-source';
import { SANDBOX_MARKETO_CLIENT_ID, SANDBOX_MARKETO_CLIENT_SECRET } from '../../../lib/sandbox/marketo/marketo-dialect';
import { MARKETO_SEEDED_EMAILS } from '../../../lib/sandbox/marketo/marketo-seed';
import type { SandboxServer } from '../../../lib/sandbox/sandbox-server';
import { leadWith, sandboxTarget, sourceContext, startTestSandbox } from '../engagement-source-test-kit';
import { checkRequest, checkResponse, loadSwagger } from './swagger-check';

/*
 * Contract: every request the Marketo adapter sends, and every answer the sandbox's Marketo dialect
 * gives, checked against Adobe's Swagger (../shared/specs/marketo, Apache-2.0, not copied here).
 * Skipped where ../shared is absent. Marketo's HTTP-200 errors are outside what a spec can check:
 * marketo-engagement-source.test.ts covers those by hand.
 */

const mapi = loadSwagger('swagger-mapi.json');
const identity = loadSwagger('swagger-identity.json');

describe.skipIf(!mapi || !identity)('Marketo adapter and sandbox against Adobe\'s Swagger', () => {
  let sandbox: { server: SandboxServer; close(): Promise<void> };
  const exchanges: { method: string; url: URL; body: unknown }[] = [];
  beforeAll(async () => {
    sandbox = await startTestSandbox();
    const doFetch: typeof fetch = async (input, init) => {
      const response = await globalThis.fetch(input, init);
      exchanges.push({ method: init?.method ?? 'GET', url: new URL(String(input)), body: await response.clone().json() });
      return response;
    };
    const connection = engagementSource.connect(sourceContext({ settings: { endpoint: 'https://123-ABC-456.mktorest.com', clientId: SANDBOX_MARKETO_CLIENT_ID }, secret: SANDBOX_MARKETO_CLIENT_SECRET, fetch: doFetch }));
    const target = sandboxTarget(sandbox.server);
    for (const email of [...Object.values(MARKETO_SEEDED_EMAILS), 'nobody@example.com']) await connection.read(leadWith(email), target);
    await connection.test('salesforce', target);
  });
  afterAll(() => sandbox.close());

  it('exercised every operation Baton uses', () => {
    expect(new Set(exchanges.map((e) => e.url.pathname))).toEqual(new Set(['/identity/oauth/token', '/rest/v1/activities/types.json', '/rest/v1/leads.json', '/rest/v1/activities/pagingtoken.json', '/rest/v1/activities.json']));
    expect(exchanges.filter((e) => e.url.pathname === '/rest/v1/activities.json').length).toBeGreaterThan(3);
  });

  it("the adapter's requests are ones the spec describes (paths, methods, declared and required parameters, types)", () => {
    for (const { method, url } of exchanges) {
      const spec = url.pathname.startsWith('/identity/') ? identity! : mapi!;
      expect(checkRequest(spec, method, url), `${method} ${url.pathname}${url.search}`).toEqual([]);
    }
  });

  it("the sandbox's answers match the spec's response schemas", () => {
    for (const { method, url, body } of exchanges) {
      const spec = url.pathname.startsWith('/identity/') ? identity! : mapi!;
      expect(checkResponse(spec, method, url.pathname, body), `${method} ${url.pathname}`).toEqual([]);
    }
  });

  it('the checker catches what it should (an undeclared parameter, a missing required one, a wrong type)', () => {
    expect(checkRequest(mapi!, 'GET', new URL('http://x/rest/v1/activities.json?nextPageToken=a&activityTypeIds=1,x&bogus=1'))).toEqual(['query parameter "bogus" is not declared', '"activityTypeIds" value "x" is not a integer (int32)']);
    expect(checkRequest(mapi!, 'GET', new URL('http://x/rest/v1/leads.json?filterType=email'))).toEqual(['required query parameter "filterValues" is missing']);
    expect(checkResponse(mapi!, 'GET', '/rest/v1/activities.json', { requestId: 'r', success: true, errors: [], warnings: [], result: [{ id: 1, leadId: 'x', activityDate: 'no', activityTypeId: 1, attributes: [] }] })).toEqual(['$.result[0].activityDate: not a date-time', '$.result[0].leadId: expected an integer']);
  });
});
