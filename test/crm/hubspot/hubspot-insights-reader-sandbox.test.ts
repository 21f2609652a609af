import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CrmError } from '../../../lib/crm/crm-error';
import { ensureBatonProperties } from '../../../lib/crm/hubspot/baton-properties';
import { createHubSpotClient } from '../../../lib/crm/hubspot/hubspot-client';
import type { HubSpotClient } from '../../../lib/crm/hubspot/hubspot-client';
import { readHubSpotInsights } from '../../../lib/crm/hubspot/hubspot-insights-reader';
import { aggregateInsights } from '../../../lib/domain/insights/aggregate-insights';
import { insightFiltersSchema } from '../../../lib/domain/insights/insights-report';
import { startSandboxServer } from '../../../lib/sandbox/sandbox-server';
import { HISTORY_CONTACT_COUNT } from '../../../lib/sandbox/seed-history';

const DAY = 86_400_000;

describe('Insights reader against the sandbox CRM', () => {
  let dir: string;
  let server: Awaited<ReturnType<typeof startSandboxServer>>;
  let client: HubSpotClient;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'baton-insights-'));
    server = await startSandboxServer({ port: 0, dataFile: join(dir, 'sandbox.json'), quiet: true });
    client = createHubSpotClient({ baseUrl: server.url, getAccessToken: async () => 'sandbox' });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('says the Baton properties are missing before the admin set them up', async () => {
    const now = Date.now();
    const error = await readHubSpotInsights(client, { from: now - 200 * DAY, to: now }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CrmError);
    expect((error as CrmError).message).toMatch(/Baton properties are not set up/);
  });

  it('reads six months of dispositions with deals, and the seeded story shows', async () => {
    await ensureBatonProperties(client);
    const now = Date.now();
    const result = await readHubSpotInsights(client, { from: now - 200 * DAY, to: now + DAY });
    expect(result.warnings).toEqual([]);
    const history = result.records.filter((r) => Number(r.contactId) >= 1001);
    expect(history).toHaveLength(HISTORY_CONTACT_COUNT);
    expect(history.filter((r) => r.deal?.won).length).toBeGreaterThan(5);
    expect(history.every((r) => r.ownerName !== null)).toBe(true);

    const report = aggregateInsights(result.records, insightFiltersSchema.parse({}), { now });
    const rate = (campaign: string) => report.outcomesByCampaign.find((row) => row.key === campaign)?.acceptanceRate ?? Number.NaN;
    expect(rate('Q4 Pipeline Automation')).toBeLessThan(0.3);
    expect(rate('Q4 Webinar Series')).toBeGreaterThan(0.5);
    const paidReasons = report.reasonsByCampaign.filter((row) => row.group === 'Q4 Pipeline Automation').map((row) => row.key);
    expect(paidReasons.slice(0, 2).sort()).toEqual(['no_need', 'student']);
    expect(report.totals.staleWithoutDisposition).toBeGreaterThan(5);
    expect(report.versions.map((v) => v.version)).toEqual(['baton-default-sql@1', 'baton-default-sql@2']);
  });

  it('reads the same contacts when a small result cap forces the window to split', async () => {
    const now = Date.now();
    const whole = await readHubSpotInsights(client, { from: now - 200 * DAY, to: now + DAY });
    const split = await readHubSpotInsights(client, { from: now - 200 * DAY, to: now + DAY, resultCap: 60 });
    expect(split.windows).toBeGreaterThan(4);
    expect(split.records.map((r) => r.contactId).sort()).toEqual(whole.records.map((r) => r.contactId).sort());
  });

  it('a disposition written to a contact appears under its campaign and reason', async () => {
    const now = Date.now();
    await client.request('PATCH', '/crm/v3/objects/contacts/1001', {
      body: { properties: { baton_disposition: 'rejected', baton_disposition_reason_id: 'duplicate', baton_disposition_reason: 'Duplicate', baton_disposition_at: new Date(now - 1000).toISOString() } },
      schema: (await import('zod')).z.unknown(),
    });
    const result = await readHubSpotInsights(client, { from: now - 200 * DAY, to: now + DAY });
    const record = result.records.find((r) => r.contactId === '1001');
    expect(record?.disposition).toMatchObject({ outcome: 'rejected', reasonId: 'duplicate' });
    const report = aggregateInsights(result.records, insightFiltersSchema.parse({}), { now });
    expect(report.reasonsByCampaign.some((row) => row.group === record?.campaign && row.key === 'duplicate' && row.count >= 1)).toBe(true);
  });

  it('an incremental read (modified since) finds exactly the contacts written since: the sandbox searches lastmodifieddate', async () => {
    const now = Date.now();
    // Earlier tests' writes (and the seed) are older than this.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const since = Date.now();
    await client.request('PATCH', '/crm/v3/objects/contacts/1002', {
      body: { properties: { baton_disposition: 'accepted', baton_disposition_at: new Date(since).toISOString() } },
      schema: (await import('zod')).z.unknown(),
    });
    const changed = await readHubSpotInsights(client, { from: now - 200 * DAY, to: now + DAY, modifiedSince: since });
    expect(changed.records.map((r) => r.contactId)).toEqual(['1002']);
    expect(changed.records[0]?.disposition?.outcome).toBe('accepted');
  });
});
