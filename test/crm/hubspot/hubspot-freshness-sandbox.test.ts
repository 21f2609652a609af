import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBatonProperties } from '../../../lib/crm/hubspot/baton-properties';
import { createHubSpotAdapter } from '../../../lib/crm/hubspot/hubspot-adapter';
import { createHubSpotClient } from '../../../lib/crm/hubspot/hubspot-client';
import { HUBSPOT_FRESHNESS_PROPERTIES } from '../../../lib/crm/hubspot/hubspot-freshness';
import type { LeadRef } from '../../../lib/domain/lead';
import { SANDBOX_SCENARIOS } from '../../../lib/sandbox/scenarios';
import { startTestSandbox, type TestSandbox } from '../../sandbox/sandbox-test-kit';

/**
 * The HubSpot freshness check against the sandbox CRM: one request, the same stamp as the full
 * read while nothing changed, a different one after a call is logged (HubSpot's calculated
 * activity properties move with it) or another rep's disposition is written; and the full read
 * maps Baton's disposition properties into the CRM-neutral recorded disposition.
 */
describe('HubSpot freshness and the disposition read back, against the sandbox', () => {
  let sandbox: TestSandbox;
  let requests: string[];
  let adapter: ReturnType<typeof createHubSpotAdapter>;
  const ref = (id: string): LeadRef => ({ crm: 'hubspot', account: '2400001', objectType: 'contact', id });

  beforeAll(async () => {
    sandbox = await startTestSandbox({ now: Date.now() });
    requests = [];
    const client = createHubSpotClient({
      baseUrl: sandbox.server.url,
      getAccessToken: async () => 'sandbox',
      fetch: (input, init) => {
        requests.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname}${new URL(String(input)).search}`);
        return fetch(input, init);
      },
    });
    adapter = createHubSpotAdapter({ client, crm: 'hubspot' });
  });
  afterAll(() => sandbox?.stop());

  it('checks with one GET of only the stamp properties, equal to the full read while nothing changed', async () => {
    const id = SANDBOX_SCENARIOS.atRisk;
    const context = await adapter.getLeadContext(ref(id));
    const from = requests.length;
    const stamp = await adapter.readFreshness(ref(id));
    expect(requests.slice(from)).toHaveLength(1);
    const url = new URL(`http://x${requests.at(-1)!.slice('GET '.length)}`);
    expect(url.pathname).toBe(`/crm/v3/objects/contacts/${id}`);
    expect(url.searchParams.get('properties')!.split(',')).toEqual([...HUBSPOT_FRESHNESS_PROPERTIES]);
    expect(url.searchParams.has('propertiesWithHistory')).toBe(false);
    expect(stamp).toBe(context.freshness);
    expect(context.recordedDisposition).toBeNull();
  });

  it('a call logged in the CRM moves the stamp: Last Activity Date, the counts, Last Contacted and Last Modified Date', async () => {
    const id = SANDBOX_SCENARIOS.atRisk;
    const props = `properties=${HUBSPOT_FRESHNESS_PROPERTIES.join(',')}`;
    const before = (await sandbox.call(`/crm/v3/objects/contacts/${id}?${props}`)).body.properties;
    const stamp = await adapter.readFreshness(ref(id));
    const created = await sandbox.call('/crm/v3/objects/calls', {
      body: {
        properties: { hs_timestamp: new Date().toISOString(), hs_call_title: 'Called back', hs_call_direction: 'OUTBOUND', hubspot_owner_id: before.hubspot_owner_id },
        associations: [{ to: { id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 194 }] }],
      },
    });
    expect(created.status).toBe(201);
    const after = (await sandbox.call(`/crm/v3/objects/contacts/${id}?${props}`)).body.properties;
    expect(after.notes_last_updated).toBeTruthy();
    expect(after.notes_last_contacted).toBeTruthy();
    expect(Number(after.num_notes)).toBe(Number(before.num_notes ?? 0) + 1);
    expect(Number(after.num_contacted_notes)).toBe(Number(before.num_contacted_notes ?? 0) + 1);
    expect(after.lastmodifieddate).not.toBe(before.lastmodifieddate);
    expect(await adapter.readFreshness(ref(id))).not.toBe(stamp);
    // The full read that follows reports the stamp the check now sees.
    expect((await adapter.getLeadContext(ref(id))).freshness).toBe(await adapter.readFreshness(ref(id)));
  });

  it("another rep's disposition, written to Baton's properties, moves the stamp and reads back CRM-neutral", async () => {
    const id = SANDBOX_SCENARIOS.breached;
    // The admin's "Set up Baton properties" (the sandbox starts without them, as a portal does).
    await ensureBatonProperties(createHubSpotClient({ baseUrl: sandbox.server.url, getAccessToken: async () => 'sandbox' }));
    const stamp = await adapter.readFreshness(ref(id));
    const decidedAt = '2026-12-01T15:04:00.000Z';
    const patched = await sandbox.call(`/crm/v3/objects/contacts/${id}`, {
      method: 'PATCH',
      body: {
        properties: {
          baton_disposition: 'rejected',
          baton_disposition_reason_id: 'competitor',
          baton_disposition_reason: 'Competitor',
          baton_disposition_at: decidedAt,
          baton_disposition_rep: 'Maya Chen',
          baton_disposition_id: '0b5f4a8e-3c3e-4f0a-9d59-3d1f8a0c2b11',
        },
      },
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(await adapter.readFreshness(ref(id))).not.toBe(stamp);
    const context = await adapter.getLeadContext(ref(id));
    expect(context.recordedDisposition).toEqual({
      id: '0b5f4a8e-3c3e-4f0a-9d59-3d1f8a0c2b11',
      outcome: 'rejected',
      acceptedStage: null,
      reasonId: 'competitor',
      reasonLabel: 'Competitor',
      by: 'Maya Chen',
      decidedAt: Date.parse(decidedAt),
    });
  });
});
