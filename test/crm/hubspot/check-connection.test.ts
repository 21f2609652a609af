import { describe, expect, it } from 'vitest';
import { checkHubSpotConnection } from '../../../lib/crm/hubspot/check-connection';
import { HUBSPOT_SCOPE_GROUPS, findMissingHubSpotScopes, listRequiredHubSpotScopes } from '../../../lib/crm/hubspot/required-scopes';
import { connectionStatusSchema } from '../../../lib/messaging/protocol';
import { createFakeFetch, jsonResponse } from '../../support/hubspot/fake-hubspot-fetch';

const TOKEN = 'pat-na1-11111111-2222-3333-4444-555555555555';
const RATE_HEADERS = {
  'X-HubSpot-RateLimit-Daily': '250000',
  'X-HubSpot-RateLimit-Daily-Remaining': '249000',
  'X-HubSpot-RateLimit-Max': '190',
  'X-HubSpot-RateLimit-Remaining': '189',
  'X-HubSpot-RateLimit-Interval-Milliseconds': '10000',
};

function fakeHubSpot(scopes: string[] | 'refused') {
  return createFakeFetch({
    'GET /account-info/v3/details': () => jsonResponse({ portalId: 4711, timeZone: 'US/Eastern', uiDomain: 'app.hubspot.com', dataHostingLocation: 'na1' }, { headers: RATE_HEADERS }),
    'POST /oauth/v2/private-apps/get/access-token-info': () =>
      scopes === 'refused'
        ? jsonResponse({ status: 'error', message: 'This endpoint does not accept this kind of token.', correlationId: 'c-1', category: 'VALIDATION_ERROR' }, { status: 400 })
        : jsonResponse({ userId: 42, hubId: 4711, appId: 1901234, scopes }, { headers: RATE_HEADERS }),
  });
}

describe('checkHubSpotConnection', () => {
  it('reports the portal, every scope present, and the rate-limit headroom', async () => {
    const fake = fakeHubSpot(listRequiredHubSpotScopes());
    const check = await checkHubSpotConnection(TOKEN, { fetch: fake.fetch });
    expect(check).toMatchObject({ ok: true, portalId: '4711', missingScopes: [], scopesMessage: null });
    expect(check.message).toBe('Connected to HubSpot portal 4711 (app.hubspot.com). 249,000 API calls left today.');
    expect(check.headroom).toEqual({ daily: 250000, dailyRemaining: 249000, windowMax: 190, windowMs: 10000 });
    // The token-info request carries the token as HubSpot documents it.
    const info = fake.requests.find((r) => r.url.pathname === '/oauth/v2/private-apps/get/access-token-info');
    expect(info?.body).toEqual({ tokenKey: TOKEN });
    expect(connectionStatusSchema.parse({ hasToken: true, check })).toBeTruthy();
  });

  it('names each missing scope and what stops working without it', async () => {
    const granted = listRequiredHubSpotScopes().filter((s) => s !== 'crm.objects.contacts.write' && s !== 'content');
    const check = await checkHubSpotConnection(TOKEN, { fetch: fakeHubSpot(granted).fetch });
    expect(check.ok).toBe(true);
    expect(check.missingScopes?.map((m) => m.scope)).toEqual(['crm.objects.contacts.write', 'content']);
    expect(check.missingScopes?.[0]?.features).toEqual([
      { feature: 'write-dispositions', label: 'Write dispositions and contact attempts', withoutIt: expect.stringContaining('never written to HubSpot') },
    ]);
    expect(check.missingScopes?.[1]?.features[0]?.withoutIt).toMatch(/marketing-email opens and clicks/);
  });

  it('still reports the connection when HubSpot will not describe the token', async () => {
    const check = await checkHubSpotConnection(TOKEN, { fetch: fakeHubSpot('refused').fetch });
    expect(check).toMatchObject({ ok: true, portalId: '4711', grantedScopes: null, missingScopes: [] });
    expect(check.scopesMessage).toMatch(/Could not read this token's scopes/);
  });

  it('a rejected token is not connected', async () => {
    const fake = createFakeFetch({
      '* *': () => jsonResponse({}, { status: 500 }),
      'GET /account-info/v3/details': () => jsonResponse({ status: 'error', message: 'Authentication credentials not found.', correlationId: 'c', category: 'INVALID_AUTHENTICATION' }, { status: 401 }),
      'POST /oauth/v2/private-apps/get/access-token-info': () => jsonResponse({ status: 'error', message: 'Authentication credentials not found.', correlationId: 'c', category: 'INVALID_AUTHENTICATION' }, { status: 401 }),
    });
    const check = await checkHubSpotConnection('pat-na1-expired', { fetch: fake.fetch });
    expect(check.ok).toBe(false);
    expect(check.portalId).toBeNull();
  });
});

describe('required HubSpot scopes', () => {
  it('lists each scope once, grouped by the feature that needs it', () => {
    const scopes = listRequiredHubSpotScopes();
    expect(new Set(scopes).size).toBe(scopes.length);
    expect(scopes).toContain('crm.objects.contacts.read');
    expect(HUBSPOT_SCOPE_GROUPS.map((g) => g.feature)).toEqual([
      'read-lead', 'read-sales-emails', 'read-leads-object', 'read-owners', 'read-property-definitions', 'write-dispositions', 'update-leads-object', 'set-up-properties', 'web-events', 'email-events',
    ]);
    expect(findMissingHubSpotScopes(scopes)).toEqual([]);
    // Nothing granted: every all-of scope is missing; an any-of group is named once, by its first scope.
    expect(findMissingHubSpotScopes([]).map((m) => m.scope)).toEqual(scopes.filter((s) => s !== 'event-detail-read'));
  });

  it('web events need one of the two scopes HubSpot names, not the event-definitions scope', () => {
    const others = listRequiredHubSpotScopes().filter((s) => s !== 'web-analytics-api-access' && s !== 'event-detail-read');
    expect(findMissingHubSpotScopes([...others, 'event-detail-read'])).toEqual([]);
    expect(findMissingHubSpotScopes([...others, 'web-analytics-api-access'])).toEqual([]);
    expect(findMissingHubSpotScopes([...others, 'behavioral_events.event_definitions.read_write'])).toEqual([
      { scope: 'web-analytics-api-access', alternatives: ['event-detail-read'], features: [expect.objectContaining({ feature: 'web-events' })] },
    ]);
    expect(listRequiredHubSpotScopes()).not.toContain('behavioral_events.event_definitions.read_write');
  });
});

describe('checkHubSpotConnection: token kinds and expiry', () => {
  const OAUTH = 'CJSP5qf1KhICAQEYs-gDIIGOBii1hQIyGQAf3xBKmlwHjX7OIpuIFEavB2-qYAGQsF4';
  const NOW = Date.parse('2026-11-22T17:00:00Z');

  it('a private-app token is asked about at the private-apps endpoint and reports no expiry', async () => {
    const check = await checkHubSpotConnection(TOKEN, { fetch: fakeHubSpot(listRequiredHubSpotScopes()).fetch, now: () => NOW });
    expect(check.token).toEqual({ kind: 'static', label: 'Private-app access token or service key', expiresAt: null });
  });

  it("an OAuth access token is asked about at the OAuth token endpoint, and its expires_in becomes an expiry", async () => {
    const fake = createFakeFetch({
      'GET /account-info/v3/details': () => jsonResponse({ portalId: 4711, uiDomain: 'app.hubspot.com' }, { headers: RATE_HEADERS }),
      [`GET /oauth/v1/access-tokens/${OAUTH}`]: () =>
        jsonResponse({ token: OAUTH, user: 'a@b.example', hub_domain: 'demo.hubspot.com', scopes: ['oauth', 'crm.objects.contacts.read'], hub_id: 4711, app_id: 456789, expires_in: 1500, user_id: 123, token_type: 'access' }),
    });
    const check = await checkHubSpotConnection(OAUTH, { fetch: fake.fetch, now: () => NOW });
    expect(check.ok).toBe(true);
    expect(check.token).toEqual({ kind: 'oauth_access', label: 'OAuth access token', expiresAt: NOW + 1500 * 1000 });
    expect(check.missingScopes?.map((m) => m.scope)).toContain('crm.objects.contacts.write');
    expect(fake.requests.some((r) => r.url.pathname.startsWith('/oauth/v2/private-apps'))).toBe(false);
    expect(connectionStatusSchema.parse({ hasToken: true, check }).check?.token?.expiresAt).toBe(NOW + 1500 * 1000);
  });

  it('a malformed expires_in is not trusted: the connection still reports, without an expiry', async () => {
    const fake = createFakeFetch({
      'GET /account-info/v3/details': () => jsonResponse({ portalId: 4711 }, { headers: RATE_HEADERS }),
      [`GET /oauth/v1/access-tokens/${OAUTH}`]: () => jsonResponse({ scopes: [], expires_in: 'soon' }),
    });
    const check = await checkHubSpotConnection(OAUTH, { fetch: fake.fetch, now: () => NOW });
    expect(check).toMatchObject({ ok: true, grantedScopes: null, token: { kind: 'oauth_access', expiresAt: null } });
  });
});

describe("README's Connect HubSpot section", () => {
  it('lists exactly the scopes of the one definition', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## Connect HubSpot'), readme.indexOf('\n## ', readme.indexOf('## Connect HubSpot') + 1));
    const listed = [...section.matchAll(/^\s*\| `([^`]+)` \|/gm)].map((m) => m[1]);
    expect(listed).toEqual(listRequiredHubSpotScopes());
  });
});
