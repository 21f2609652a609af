import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIVE_REFRESH_INTERVAL_MS } from '../../components/panel/use-live-refresh';
import { createCrmService, type CrmService } from '../../lib/crm/crm-service';
import { createHubSpotAdapter } from '../../lib/crm/hubspot/hubspot-adapter';
import { createHubSpotClient } from '../../lib/crm/hubspot/hubspot-client';
import type { LeadPage } from '../../lib/crm/pages/lead-page';
import { SANDBOX_SCENARIOS } from '../../lib/sandbox/scenarios';
import { startTestSandbox, type TestSandbox } from '../sandbox/sandbox-test-kit';

/**
 * What keeping a visible panel live costs the CRM: the panel re-reads its lead once a minute while
 * shown (components/panel/use-live-refresh.ts; the count per hour is pinned in
 * test/components/panel/live-refresh.test.tsx), and each re-read is one uncached lead view. This
 * counts the requests of those views against the sandbox CRM (which speaks the HubSpot dialect),
 * and checks that a call logged in the CRM itself shows in the next one.
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

  it('costs at most 4 requests a refresh: at most 240 requests an hour while the panel is visible, none while hidden', async () => {
    await service.getLeadContext(page); // the first view, with its once-per-session lookups (owners, property labels)
    const perRefresh: number[] = [];
    for (let i = 0; i < 5; i++) {
      const from = requests.length;
      await service.getLeadContext(page, { refresh: true });
      perRefresh.push(requests.length - from);
    }
    const readsPerHour = Math.round(3_600_000 / LIVE_REFRESH_INTERVAL_MS);
    const worst = Math.max(...perRefresh);
    console.info(`Live refresh: ${worst} requests a refresh × ${readsPerHour} refreshes an hour = ${worst * readsPerHour} requests/hour while visible (0 while hidden).`);
    expect(readsPerHour).toBe(60);
    expect(worst).toBeLessThanOrEqual(4);
  });

  it('a call logged in the CRM shows in the next refresh (the cache is bypassed for that lead)', async () => {
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
    // ...the live refresh reads the CRM.
    const after = await service.getLeadContext(page, { refresh: true });
    expect(after.touches.map((t) => t.kind)).toEqual(['call']);
  });
});
