import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIVE_REFRESH_INTERVAL_MS } from '../../components/panel/use-live-refresh';
import { createCrmService, type CrmService } from '../../lib/crm/crm-service';
import { createHubSpotAdapter } from '../../lib/crm/hubspot/hubspot-adapter';
import { createHubSpotClient } from '../../lib/crm/hubspot/hubspot-client';
import type { LeadPage } from '../../lib/crm/pages/lead-page';
import { SANDBOX_SCENARIOS } from '../../lib/sandbox/scenarios';
import { startTestSandbox, type TestSandbox } from '../sandbox/sandbox-test-kit';

/**
 * What keeping a visible panel live costs the CRM: the panel checks its lead once a minute while
 * shown (components/panel/use-live-refresh.ts; the count per hour is pinned in
 * test/components/panel/live-refresh.test.tsx): one request for the contact's freshness stamp, and
 * a whole lead view only when the stamp moved (lib/crm/lead-freshness.ts). This counts the requests
 * against the sandbox CRM (which speaks the HubSpot dialect), and checks that a call logged in the
 * CRM itself moves the stamp and shows in the next view.
 */
describe('the live refresh against the sandbox CRM', () => {
  let sandbox: TestSandbox;
  let requests: string[];
  let service: CrmService;
  let page: LeadPage;

  beforeAll(async () => {
    // The sandbox's seeds are relative to its clock: today's, so a call logged now is after the assignment.
    sandbox = await startTestSandbox({ now: Date.now() });
    requests = [];
    const client = createHubSpotClient({
      baseUrl: sandbox.server.url,
      getAccessToken: async () => 'sandbox',
      fetch: (input, init) => {
        requests.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`);
        return fetch(input, init);
      },
    });
    const adapter = createHubSpotAdapter({ client, crm: 'sandbox' });
    service = createCrmService({ resolveAdapter: async () => adapter, now: Date.now });
    page = { crm: 'sandbox', account: sandbox.server.portalId, objectType: 'contact', id: SANDBOX_SCENARIOS.atRisk, origin: sandbox.server.url };
  });
  afterAll(() => sandbox?.stop());

  it('costs one request a minute while the lead is unchanged: 60 requests an hour while the panel is visible (240 re-reading it), none while hidden', async () => {
    await service.getLeadContext(page); // the first view, with its once-per-session lookups (owners, property labels)
    const perRead: number[] = [];
    const perCheck: number[] = [];
    for (let i = 0; i < 5; i++) {
      let from = requests.length;
      await service.getLeadContext(page, { refresh: true });
      perRead.push(requests.length - from);
      from = requests.length;
      await service.getLeadContext(page, { refresh: 'if-changed' });
      perCheck.push(requests.length - from);
    }
    const checksPerHour = Math.round(3_600_000 / LIVE_REFRESH_INTERVAL_MS);
    const read = Math.max(...perRead);
    const check = Math.max(...perCheck);
    console.info(
      `Live refresh: ${check} request a check × ${checksPerHour} checks an hour = ${check * checksPerHour} requests/hour while visible and unchanged ` +
        `(re-reading the lead each minute: ${read} × ${checksPerHour} = ${read * checksPerHour}); a change costs ${check} + ${read}; 0 while hidden.`,
    );
    expect(checksPerHour).toBe(60);
    expect(read).toBeLessThanOrEqual(4);
    expect(check).toBe(1);
    expect(requests.at(-1)).toBe(`GET /crm/v3/objects/contacts/${page.id}`);
  });

  it('a call logged in the CRM moves the stamp: the next check reads the lead again and shows it; the one after costs one request', async () => {
    const before = await service.getLeadContext(page);
    const owner = before.lead.owner!;
    expect(before.touches).toEqual([]);
    const created = await sandbox.call('/crm/v3/objects/calls', {
      body: {
        properties: { hs_timestamp: new Date().toISOString(), hs_call_title: 'First call', hs_call_direction: 'OUTBOUND', hubspot_owner_id: owner.id },
        associations: [{ to: { id: page.id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 194 }] }],
      },
    });
    expect(created.status).toBe(201);
    // A plain read within the cache window still answers from the cache (a revisit costs nothing)...
    expect((await service.getLeadContext(page)).touches).toEqual([]);
    // ...the live check sees the contact changed and reads it again.
    let from = requests.length;
    const after = await service.getLeadContext(page, { refresh: 'if-changed' });
    expect(after.touches.map((t) => t.kind)).toEqual(['call']);
    expect(requests.length - from).toBeGreaterThan(1);
    from = requests.length;
    const again = await service.getLeadContext(page, { refresh: 'if-changed' });
    expect(requests.length - from).toBe(1);
    expect(again.touches.map((t) => t.kind)).toEqual(['call']);
  });
});
