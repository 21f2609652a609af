import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBatonProperties } from '../../../lib/crm/hubspot/baton-properties';
import { createHubSpotClient } from '../../../lib/crm/hubspot/hubspot-client';
import type { HubSpotClient } from '../../../lib/crm/hubspot/hubspot-client';
import { readHubSpotInsights } from '../../../lib/crm/hubspot/hubspot-insights-reader';
import { aggregateInsights } from '../../../lib/domain/insights/aggregate-insights';
import { insightFiltersSchema } from '../../../lib/domain/insights/insights-report';
import { startSandboxServer } from '../../../lib/sandbox/sandbox-server';
import { SANDBOX_PORTAL_ID } from '../../../lib/sandbox/scenarios';
import { z } from 'zod';

const DAY = 86_400_000;
const anyObject = z.looseObject({ id: z.string(), properties: z.record(z.string(), z.string().nullable()) });

/** Speed to lead and the lead lists, read from the sandbox the way they are read from HubSpot. */
describe('Insights speed to lead against the sandbox CRM', () => {
  let dir: string;
  let server: Awaited<ReturnType<typeof startSandboxServer>>;
  let client: HubSpotClient;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'baton-speed-'));
    server = await startSandboxServer({ port: 0, dataFile: join(dir, 'sandbox.json'), quiet: true });
    client = createHubSpotClient({ baseUrl: server.url, getAccessToken: async () => 'sandbox' });
    await ensureBatonProperties(client);
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('records carry the engagement before the assignment, the owner’s first touch after it, a name and a record link', async () => {
    const now = Date.now();
    const result = await readHubSpotInsights(client, { from: now - 200 * DAY, to: now + DAY });
    const history = result.records.filter((r) => Number(r.contactId) >= 1001);
    for (const r of history) {
      expect(r.name).toBeTruthy();
      expect(r.recordUrl).toBe(`${server.url}/contacts/${SANDBOX_PORTAL_ID}/record/0-1/${r.contactId}`);
      expect(r.engagedAt).toBeLessThanOrEqual(r.handedOffAt as number);
      if (r.firstTouchedAt !== undefined) expect(r.firstTouchedAt).toBeGreaterThanOrEqual(r.handedOffAt as number);
    }
    expect(history.filter((r) => r.firstTouchedAt !== undefined).length).toBeGreaterThan(100);
    // The story: trade-show badges wait days for their import, demo requests are routed in minutes.
    const report = aggregateInsights(history, insightFiltersSchema.parse({}), { now });
    const byTier = new Map(report.speedToLead.byTier.map((row) => [row.key, row]));
    expect(byTier.get('Demo request')?.system.medianMinutes).toBeLessThan(30);
    expect(byTier.get('MQL')?.system.medianMinutes).toBeGreaterThan(8 * 60);
    const jordan = report.speedToLead.byRep.find((row) => row.key === '81300102');
    const others = report.speedToLead.byRep.filter((row) => row.key !== '81300102' && row.rep.count > 0);
    expect(jordan?.rep.medianMinutes).toBeGreaterThan(Math.max(...others.map((row) => row.rep.medianMinutes as number)));
  });

  it('a call logged by the owner sets the first engagement date; a new owner starts without one', async () => {
    const contact = await client.request('POST', '/crm/v3/objects/contacts', { body: { properties: { firstname: 'Speedy', lastname: 'Lead', email: 'speedy@example.com' } }, schema: anyObject });
    await client.request('PATCH', `/crm/v3/objects/contacts/${contact.id}`, { body: { properties: { hubspot_owner_id: '81300101' } }, schema: anyObject });
    const callAt = new Date(Date.now() + 1000).toISOString();
    const call = await client.request('POST', '/crm/v3/objects/calls', { body: { properties: { hs_timestamp: callAt, hs_call_title: 'First call', hubspot_owner_id: '81300101' } }, schema: anyObject });
    await client.request('PUT', `/crm/v4/objects/calls/${call.id}/associations/default/contacts/${contact.id}`, { schema: z.unknown() });
    const read = async () => (await client.request('GET', `/crm/v3/objects/contacts/${contact.id}`, { query: { properties: 'hs_sa_first_engagement_date,hubspot_owner_assigneddate' }, schema: anyObject })).properties;
    expect((await read()).hs_sa_first_engagement_date).toBe(callAt);
    await client.request('PATCH', `/crm/v3/objects/contacts/${contact.id}`, { body: { properties: { hubspot_owner_id: '81300102' } }, schema: anyObject });
    expect((await read()).hs_sa_first_engagement_date || null).toBeNull();
  });
});
