/**
 * A scripted HubSpot for the production build's end-to-end tests: `context.route` serves
 * https://app.hubspot.com record pages and answers https://api.hubapi.com calls from fixtures
 * shaped like HubSpot's documented payloads (test/fixtures/hubspot). It records every request so
 * tests can assert on what Baton sent.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Request, Route } from '@playwright/test';

const fixture = (name: string) => JSON.parse(readFileSync(resolve('test/fixtures/hubspot', name), 'utf8')) as unknown;

export const HUBSPOT_PORTAL = '4711';
export const HUBSPOT_CONTACT = '51';
export const VALID_TOKEN = 'pat-na1-11111111-2222-3333-4444-555555555555';

export interface ScriptedHubSpot {
  requests: { method: string; path: string; auth: string | null }[];
  /** Next answers for a path prefix, consumed in order before the default answer. */
  queue(pathPrefix: string, ...responses: { status: number; body: unknown; headers?: Record<string, string> }[]): void;
}

/** A record page that behaves like HubSpot's: an SPA with in-app links between records. */
function recordPage(): string {
  return `<!doctype html><html><head><title>Contact | HubSpot</title></head><body style="font-family:sans-serif;margin:0">
<nav style="background:#2d3e50;color:#fff;padding:12px">HubSpot (scripted)</nav>
<main style="padding:16px;max-width:900px"><h1 id="name">Contact record</h1>
<a id="to-list" href="/contacts/${HUBSPOT_PORTAL}/objects/0-1/views/all/list">All contacts</a></main>
<script>
document.getElementById('to-list').addEventListener('click', (e) => { e.preventDefault(); history.pushState({}, '', e.target.getAttribute('href')); document.getElementById('name').textContent = 'Contacts'; });
</script></body></html>`;
}

export async function installScriptedHubSpot(context: BrowserContext): Promise<ScriptedHubSpot> {
  const requests: ScriptedHubSpot['requests'] = [];
  const queued = new Map<string, { status: number; body: unknown; headers?: Record<string, string> }[]>();

  await context.route('https://app.hubspot.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: recordPage() }));

  await context.route('https://api.hubapi.com/**', async (route: Route, request: Request) => {
    const url = new URL(request.url());
    const auth = request.headers()['authorization'] ?? null;
    requests.push({ method: request.method(), path: url.pathname + url.search, auth });
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
      route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body), headers: { 'access-control-allow-origin': '*', ...headers } });

    for (const [prefix, answers] of queued) {
      if (url.pathname.startsWith(prefix) && answers.length > 0) {
        const next = answers.shift()!;
        return json(next.status, next.body, next.headers);
      }
    }
    if (auth !== `Bearer ${VALID_TOKEN}`) {
      return json(401, { status: 'error', message: 'Authentication credentials not found.', correlationId: 'c-401', category: 'INVALID_AUTHENTICATION' });
    }
    const path = url.pathname;
    if (path === '/account-info/v3/details') return json(200, { portalId: Number(HUBSPOT_PORTAL), timeZone: 'US/Eastern', uiDomain: 'app.hubspot.com', dataHostingLocation: 'na1' }, { 'x-hubspot-ratelimit-daily-remaining': '249000', 'x-hubspot-ratelimit-daily': '250000' });
    if (path === `/crm/v3/objects/contacts/${HUBSPOT_CONTACT}`) return json(200, fixture('contact.json'));
    if (path.startsWith('/crm/v3/objects/contacts/')) return json(404, { status: 'error', message: 'Object not found.', correlationId: 'c-404', category: 'OBJECT_NOT_FOUND' });
    if (path === '/crm/v3/properties/contacts') return json(200, fixture('properties-contacts.json'));
    if (path.startsWith('/crm/v3/owners/')) return json(200, fixture('owner.json'));
    if (path === '/events/v3/events') return json(200, fixture('web-events.json'));
    if (path === '/email/public/v1/events') return json(200, fixture('email-events.json'));
    if (path.startsWith('/email/public/v1/campaigns/')) return json(200, fixture('email-campaign.json'));
    if (/^\/crm\/v3\/objects\/(calls|emails|meetings)\/batch\/read$/.test(path)) return json(200, fixture('engagements-batch.json'));
    return json(404, { status: 'error', message: `No route for ${path} in the scripted HubSpot.`, correlationId: 'c-x', category: 'OBJECT_NOT_FOUND' });
  });

  return {
    requests,
    queue(prefix, ...responses) {
      queued.set(prefix, [...(queued.get(prefix) ?? []), ...responses]);
    },
  };
}
