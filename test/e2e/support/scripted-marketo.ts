import type { BrowserContext, Request, Route } from '@playwright/test';

/*
 * A scripted Marketo Engage instance for the production build (no sandbox): `context.route`
 * answers the instance's REST endpoint as Marketo's REST reference and Adobe's Swagger describe it:
 * `/identity/oauth/token` (client_credentials), `activities/types.json`, `leads.json` by email,
 * `activities/pagingtoken.json`, `activities.json` (HTTP 200 with `success:false` and a code for
 * errors). Written from the vendor's documentation, independent of lib/sandbox.
 */

export const MKTO_ENDPOINT = 'https://123-abc-456.mktorest.com';
export const MKTO_CLIENT_ID = 'scripted-marketo-client';
export const MKTO_CLIENT_SECRET = 'scripted-marketo-secret';

export interface ScriptedMarketo {
  requests: { path: string; auth: string | null }[];
  /** The next `count` REST calls answer `success:false` with this code (606, 607, 615, 601...). */
  failNext(code: string, count?: number): void;
}

export async function installScriptedMarketo(context: BrowserContext, person: { email: string }): Promise<ScriptedMarketo> {
  const now = Date.now();
  const requests: ScriptedMarketo['requests'] = [];
  let failures: { code: string; left: number } | null = null;
  const iso = (ago: number) => new Date(now - ago).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const day = 86_400_000;
  const activities = [
    { id: 501, marketoGUID: '501', leadId: 77, activityDate: iso(20 * day), activityTypeId: 104, primaryAttributeValueId: 9, primaryAttributeValue: 'Webinar: Pipeline hygiene', attributes: [{ name: 'New Status', value: 'Attended' }] },
    { id: 502, marketoGUID: '502', leadId: 77, activityDate: iso(2 * day), activityTypeId: 1, primaryAttributeValueId: 10, primaryAttributeValue: 'www.acme-saas.com/pricing', attributes: [{ name: 'Webpage URL', value: 'https://www.acme-saas.com/pricing' }] },
    { id: 503, marketoGUID: '503', leadId: 77, activityDate: iso(3_600_000), activityTypeId: 2, primaryAttributeValueId: 11, primaryAttributeValue: 'Compare plans form', attributes: [{ name: 'Referrer URL', value: 'https://www.acme-saas.com/compare' }] },
  ];
  const types = [
    { id: 1, name: 'Visit Webpage', primaryAttribute: { name: 'Webpage ID', dataType: 'integer' }, attributes: [] },
    { id: 2, name: 'Fill Out Form', primaryAttribute: { name: 'Webform ID', dataType: 'integer' }, attributes: [] },
    { id: 104, name: 'Change Status in Progression', primaryAttribute: { name: 'Program ID', dataType: 'integer' }, attributes: [{ name: 'New Status', dataType: 'string' }] },
  ];
  const ok = (result: unknown[] | undefined, extra: Record<string, unknown> = {}) => ({ requestId: 'e2e#1', success: true, errors: [], warnings: [], ...(result ? { result } : {}), ...extra });

  await context.route(`${MKTO_ENDPOINT}/**`, async (route: Route, request: Request) => {
    const url = new URL(request.url());
    const auth = request.headers()['authorization'] ?? null;
    requests.push({ path: url.pathname + url.search, auth });
    const json = (status: number, body: unknown) => route.fulfill({ status, contentType: 'application/json;charset=UTF-8', body: JSON.stringify(body) });
    if (url.pathname === '/identity/oauth/token') {
      const p = url.searchParams;
      if (p.get('client_id') !== MKTO_CLIENT_ID || p.get('client_secret') !== MKTO_CLIENT_SECRET) return json(401, { error: 'unauthorized', error_description: 'Bad client credentials' });
      return json(200, { access_token: 'scripted-mkto-token', token_type: 'bearer', expires_in: 3599, scope: 'baton@acme.com' });
    }
    if (auth !== 'Bearer scripted-mkto-token') return json(200, { requestId: 'e2e#x', success: false, errors: [{ code: '601', message: 'Access token invalid' }] });
    if (failures && failures.left > 0) {
      failures.left--;
      return json(200, { requestId: 'e2e#f', success: false, errors: [{ code: failures.code, message: 'Scripted failure' }] });
    }
    switch (url.pathname) {
      case '/rest/v1/activities/types.json':
        return json(200, ok(types));
      case '/rest/v1/leads.json':
        return json(200, ok(url.searchParams.get('filterValues')?.toLowerCase() === person.email.toLowerCase() ? [{ id: 77, email: person.email, createdAt: iso(40 * day) }] : []));
      case '/rest/v1/activities/pagingtoken.json':
        return json(200, ok(undefined, { nextPageToken: 'SCRIPTEDTOKEN0' }));
      case '/rest/v1/activities.json': {
        const wanted = (url.searchParams.get('activityTypeIds') ?? '').split(',').map(Number);
        const leads = (url.searchParams.get('leadIds') ?? '').split(',').map(Number);
        const result = activities.filter((a) => wanted.includes(a.activityTypeId) && leads.includes(a.leadId));
        return json(200, ok(result, { nextPageToken: 'SCRIPTEDTOKEN1', moreResult: false }));
      }
      default:
        return json(404, { requestId: 'e2e#404', success: false, errors: [{ code: '404', message: 'Not found' }] });
    }
  });

  return {
    requests,
    failNext(code, count = 1) {
      failures = { code, left: count };
    },
  };
}
