import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { CrmAdapter } from '../../../lib/crm/crm-port';
import { createSalesforceAdapter } from '../../../lib/crm/salesforce/salesforce-adapter';
import type { SalesforceClient } from '../../../lib/crm/salesforce/salesforce-client-contract';
import { buildFreshnessQuery } from '../../../lib/crm/salesforce/salesforce-freshness';
import { createSalesforceProvider } from '../../../lib/crm/salesforce/salesforce-provider';
import type { LeadRef } from '../../../lib/domain/lead';
import { SALESFORCE_LEAD_SCENARIOS } from '../../../lib/sandbox/salesforce/salesforce-scenarios';
import { startSandboxServer, type SandboxServer } from '../../../lib/sandbox/sandbox-server';
import { inMemoryProviderContext } from '../../support/crm/in-memory-provider-context';

/*
 * The Salesforce freshness check against the sandbox org: one SOQL query (record fields and the
 * latest Task and Event through parent-to-child subqueries), the same stamp as the full read while
 * nothing changed, a new one when a call is logged as a Task or another rep's disposition is
 * written; and the full read maps Baton's fields into the CRM-neutral recorded disposition.
 */

let server: SandboxServer;
let dir: string;
let adapter: CrmAdapter & { readFreshness: NonNullable<CrmAdapter['readFreshness']> };
let client: SalesforceClient;
let queries: string[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'baton-sf-freshness-'));
  server = await startSandboxServer({ port: 0, dataFile: join(dir, 'crm.json'), now: Date.now(), quiet: true });
  queries = [];
  const { context } = inMemoryProviderContext({
    fetch: (input, init) => {
      const url = new URL(String(input));
      if (url.pathname.endsWith('/query')) queries.push(url.searchParams.get('q') ?? '');
      return globalThis.fetch(input, init);
    },
  });
  const provider = createSalesforceProvider({
    webAuthFlow: { redirectUrl: () => 'https://x.chromiumapp.org/salesforce', launch: async () => undefined },
    parts: {
      adapter: (args) => {
        client = args.client;
        return createSalesforceAdapter(args);
      },
    },
  });
  const connection = provider.connect!(context);
  adapter = (await connection.adapterFor({ account: new URL(server.url).host, address: { kind: 'sandbox', baseUrl: server.url } })) as typeof adapter;
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const ref = (id: string): LeadRef => ({ crm: 'salesforce', account: new URL(server.url).host, id, objectType: 'lead' });

describe('Salesforce freshness and the disposition read back, against the sandbox org', () => {
  it('checks with one SOQL query with Tasks and Events subqueries, equal to the full read while nothing changed', async () => {
    const id = SALESFORCE_LEAD_SCENARIOS.atRisk;
    const context = await adapter.getLeadContext(ref(id));
    const from = queries.length;
    const stamp = await adapter.readFreshness(ref(id));
    expect(queries.slice(from)).toEqual([expect.stringMatching(/^SELECT SystemModstamp, OwnerId, Status, LastActivityDate, .*\(SELECT SystemModstamp FROM Tasks ORDER BY SystemModstamp DESC LIMIT 1\), \(SELECT SystemModstamp FROM Events ORDER BY SystemModstamp DESC LIMIT 1\) FROM Lead WHERE Id = /)]);
    expect(context.sources.find((s) => s.source.includes("activit"))).toMatchObject({ status: "ok" });
    expect(stamp).toBe(context.freshness);
  });

  it('a call logged as a Task moves the stamp, and the next full read agrees with the check', async () => {
    const id = SALESFORCE_LEAD_SCENARIOS.atRisk;
    const before = await adapter.readFreshness(ref(id));
    await client.request('POST', 'sobjects/Task', {
      body: { WhoId: id, Subject: 'Call', TaskSubtype: 'Call', Status: 'Completed', ActivityDate: new Date().toISOString().slice(0, 10) },
      schema: z.looseObject({ id: z.string() }),
    });
    const after = await adapter.readFreshness(ref(id));
    expect(after).not.toBe(before);
    const context = await adapter.getLeadContext(ref(id));
    expect(context.freshness).toBe(after);
    expect(context.touches.some((t) => t.kind === 'call')).toBe(true);
  });

  it("a second Task the same day (Last Activity unchanged) still moves it, through the Tasks subquery", async () => {
    const id = SALESFORCE_LEAD_SCENARIOS.atRisk;
    const before = await adapter.readFreshness(ref(id));
    await client.request('POST', 'sobjects/Task', {
      body: { WhoId: id, Subject: 'Call again', TaskSubtype: 'Call', Status: 'Completed', ActivityDate: new Date().toISOString().slice(0, 10) },
      schema: z.looseObject({ id: z.string() }),
    });
    expect(await adapter.readFreshness(ref(id))).not.toBe(before);
  });

  it("another rep's disposition in Baton's fields moves the stamp and reads back CRM-neutral", async () => {
    const id = SALESFORCE_LEAD_SCENARIOS.breached;
    const before = await adapter.readFreshness(ref(id));
    await client.request('PATCH', `sobjects/Lead/${id}`, {
      body: {
        Baton_Disposition__c: 'recycled',
        Baton_Disposition_Reason_Id__c: 'bad_timing',
        Baton_Disposition_Reason__c: 'Bad timing',
        Baton_Disposition_At__c: '2026-12-01T15:04:00.000+0000',
        Baton_Disposition_Rep__c: 'Maya Chen',
        Baton_Disposition_Id__c: '1b5f4a8e-3c3e-4f0a-9d59-3d1f8a0c2b11',
      },
      schema: z.unknown(),
    });
    expect(await adapter.readFreshness(ref(id))).not.toBe(before);
    const context = await adapter.getLeadContext(ref(id));
    expect(context.recordedDisposition).toEqual({
      id: '1b5f4a8e-3c3e-4f0a-9d59-3d1f8a0c2b11',
      outcome: 'recycled',
      acceptedStage: null,
      reasonId: 'bad_timing',
      reasonLabel: 'Bad timing',
      by: 'Maya Chen',
      decidedAt: Date.parse('2026-12-01T15:04:00.000Z'),
    });
  });

  it('answers an empty child relationship with null, as Salesforce does', async () => {
    const id = SALESFORCE_LEAD_SCENARIOS.noEngagement;
    const { records } = await client.query(buildFreshnessQuery('Lead', id, [], true), z.looseObject({ Events: z.unknown() }), { maxPages: 1 });
    expect(records[0]!.Events).toBeNull();
  });
});
