/**
 * Salesforce figures on the sandbox CRM's Salesforce dialect. Prints numbers; asserts nothing.
 *   1. Insights' first read on an org with 20,000 dispositioned Leads (seeded here into the sandbox
 *      org's data file): requests and seconds, beside a reference measured in the same run (a bare
 *      paged `SELECT Id` of the same Leads: the fewest requests any SOQL reader needs).
 *   2. With the demo build in Chromium (skipped without it): CRM requests per Lead view, cold and on
 *      a revisit, and navigation to context (in-app navigation between Lightning Lead pages),
 *      beside the same figures for the HubSpot dialect's contacts in the same run.
 * Runs with `npm run bench` (run.ts) or alone: `npx tsx test/bench/salesforce-reads.bench.ts`.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import type { Page } from '@playwright/test';
import type { ProviderContext } from '../../lib/crm/crm-provider';
import type { SalesforceClient } from '../../lib/crm/salesforce/salesforce-client-contract';
import { createSalesforceProvider } from '../../lib/crm/salesforce/salesforce-provider';
import { withBulkQueries } from '../../lib/crm/salesforce/salesforce-bulk-query';
import { createSalesforceReporting } from '../../lib/crm/salesforce/salesforce-reporting';
import type { WebAuthFlow } from '../../lib/crm/salesforce/salesforce-web-auth-flow';
import { DEMO_BUILD_DIR, launchWithExtension } from '../../lib/harness/launch-extension';
import { startSandboxServer, type SandboxServer } from '../../lib/sandbox/sandbox-server';
import { SALESFORCE_LEAD_SCENARIOS } from '../../lib/sandbox/salesforce/salesforce-scenarios';
import { SANDBOX_PORTAL_ID, SANDBOX_SCENARIOS } from '../../lib/sandbox/scenarios';
import { seedDispositionedLeads } from './salesforce-seed-dispositions';

const DISPOSITIONS = 20_000;
const READ_RUNS = 3;
const BULK_RUNS = 2;
const DAY = 86_400_000;
const PANEL = 'iframe[title="Baton lead panel"]';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const range = (xs: number[], digits = 0) => {
  const lo = Math.min(...xs).toFixed(digits);
  const hi = Math.max(...xs).toFixed(digits);
  return lo === hi ? lo : `${lo}–${hi}`;
};

/** A provider connection on the sandbox, counting the org's REST requests (the sign-in apart). */
function sandboxConnection(server: SandboxServer) {
  const rest: string[] = [];
  const counting: typeof fetch = (input, init) => {
    const url = new URL(String(input));
    if (url.pathname.startsWith('/services/data/')) rest.push(url.pathname);
    return globalThis.fetch(input, init);
  };
  const flow: WebAuthFlow = {
    redirectUrl: () => 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/salesforce',
    launch: async (url) => (await counting(url, { redirect: 'manual' })).headers.get('Location') ?? undefined,
  };
  const context: ProviderContext = {
    demoBuild: true,
    readState: async () => ({ account: null, credential: null }),
    writeState: async () => {},
    readSecret: async () => null,
    writeSecret: async () => {},
    deleteSecret: async () => {},
    readWriteRules: async () => ({ mapping: { version: 1 } as never, reasons: [] as never, timeZone: 'UTC' }),
    fetch: counting,
    now: () => Date.now(),
  };
  const clients: SalesforceClient[] = [];
  const provider = createSalesforceProvider({
    webAuthFlow: flow,
    parts: {
      reporting: (args) => {
        clients.push(args.client);
        return createSalesforceReporting(args);
      },
    },
  });
  return { connection: provider.connect!(context), rest, clients };
}

async function insightsFirstRead(report: (line: string) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'baton-bench-sf-'));
  const dataFile = join(dir, 'crm.json');
  const now = Date.now();
  try {
    // Start once so the org is seeded and written, then add the dispositioned Leads to its file.
    let server = await startSandboxServer({ port: 0, dataFile, now, quiet: true });
    await fetch(`${server.url}/services/data/v62.0/`);
    const seededFile = server.salesforce.dataFile;
    await server.close();
    const seedStarted = performance.now();
    seedDispositionedLeads(seededFile, { count: DISPOSITIONS, now });
    report(`seeded ${DISPOSITIONS.toLocaleString('en')} dispositioned Leads (with owner history and campaign responses) in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);
    server = await startSandboxServer({ port: 0, dataFile, quiet: true });
    try {
      const from = now - 180 * DAY;
      const to = now + DAY;
      const reads: { seconds: number; requests: number; counted: number; records: number; warnings: string[] }[] = [];
      const floors: { seconds: number; requests: number }[] = [];
      for (let run = 0; run < READ_RUNS; run++) {
        // A new connection each run: nothing cached, the sign-in done before the clock starts.
        const { connection, rest, clients } = sandboxConnection(server);
        const reporting = await connection.reporting({ kind: 'sandbox', baseUrl: server.url });
        await reporting.readLeadStatusValues?.();
        const before = rest.length;
        const started = performance.now();
        const result = await reporting.readInsightRecords({ from, to });
        reads.push({ seconds: (performance.now() - started) / 1000, requests: rest.length - before, counted: result.requests, records: result.records.length, warnings: result.warnings });

        // The reference: the same Leads' ids, paged, and nothing else (same client, signed in).
        const client = clients[0]!;
        const floorBefore = rest.length;
        const floorStarted = performance.now();
        await client.query(`SELECT Id FROM Lead WHERE Baton_Disposition_At__c != null`, z.looseObject({ Id: z.string() }), { maxPages: 100 });
        floors.push({ seconds: (performance.now() - floorStarted) / 1000, requests: rest.length - floorBefore });
      }
      // The same read with the Bulk API 2.0 threshold lowered below the org's size: what an org past
      // ~50,000 dispositions gets (the Leads in one query job instead of 2,000-record pages).
      const bulkReads: { seconds: number; requests: number; warnings: string[] }[] = [];
      for (let run = 0; run < BULK_RUNS; run++) {
        const { connection, rest, clients } = sandboxConnection(server);
        await connection.reporting({ kind: 'sandbox', baseUrl: server.url });
        const reporting = createSalesforceReporting({ client: withBulkQueries(clients[0]!, { threshold: 10_000 }), account: 'bench', key: 'bench', sandbox: true });
        const before = rest.length;
        const started = performance.now();
        const result = await reporting.readInsightRecords({ from, to });
        bulkReads.push({ seconds: (performance.now() - started) / 1000, requests: rest.length - before, warnings: result.warnings });
      }
      report(
        `Insights first read, ${DISPOSITIONS.toLocaleString('en')}-disposition org (${reads[0]!.records.toLocaleString('en')} records): ` +
          `${range(reads.map((r) => r.requests))} requests, ${range(reads.map((r) => r.seconds), 2)} s over ${READ_RUNS} runs ` +
          `(reference, same run: a bare paged SELECT Id of the same Leads ${range(floors.map((f) => f.requests))} requests, ${range(floors.map((f) => f.seconds), 2)} s)`,
      );
      // A read whose part failed (a timeout on a loaded machine) is shown with what it missed.
      for (const [label, list] of [['REST', reads], ['bulk', bulkReads]] as const) {
        list.forEach((r, i) => r.warnings.forEach((w) => report(`  ${label} run ${i + 1} warned: ${w}`)));
      }
      report(
        `  the same read through a Bulk API 2.0 query job (threshold lowered to 10,000, as an org past 50,000 gets it): ` +
          `${range(bulkReads.map((r) => r.requests))} requests, ${range(bulkReads.map((r) => r.seconds), 2)} s over ${BULK_RUNS} runs`,
      );
    } finally {
      await server.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function leadViews(report: (line: string) => void): Promise<void> {
  if (!existsSync(join(DEMO_BUILD_DIR, 'manifest.json'))) {
    report('lead views: skipped (no demo build; run `npx wxt build --mode demo`)');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'baton-bench-sf-views-'));
  const server = await startSandboxServer({ port: 0, dataFile: join(dir, 'crm.json'), quiet: true });
  const extension = await launchWithExtension({ extensionDir: DEMO_BUILD_DIR });
  try {
    const requests: string[] = [];
    extension.context.on('request', (request) => {
      if (request.serviceWorker() && request.url().startsWith(server.url)) requests.push(`${request.method()} ${new URL(request.url()).pathname}`);
    });
    const page = await extension.context.newPage();
    const panelReady = (p: Page) => p.frameLocator(PANEL).getByRole('timer').waitFor({ timeout: 30_000 });

    /** In-app navigation to a record path; the panel shows that record. */
    const visit = async (path: string, id: string, shared: RegExp) => {
      const before = requests.length;
      const started = performance.now();
      await page.evaluate((to) => {
        history.pushState({}, '', to);
        dispatchEvent(new PopStateEvent('popstate'));
      }, path);
      await page.frameLocator(PANEL).locator(`[data-lead-id="${id}"]`).waitFor({ timeout: 30_000 });
      const ms = performance.now() - started;
      const paths = requests.slice(before);
      const lookups = paths.filter((p) => shared.test(p)).length;
      return { ms, requests: paths.length - lookups, lookups };
    };

    const measure = async (label: string, first: string, records: { path: string; id: string }[], shared: RegExp) => {
      await page.goto(`${server.url}${first}`);
      await panelReady(page);
      const cold = [];
      const cached = [];
      for (const r of records) cold.push(await visit(r.path, r.id, shared));
      for (const r of records) cached.push(await visit(r.path, r.id, shared));
      report(
        `${label}: requests per lead view cold ${range(cold.map((c) => c.requests))} (budget 4; plus shared lookups cached across leads: ${cold.map((c) => c.lookups).join(', ')}), ` +
          `revisit ${range(cached.map((c) => c.requests + c.lookups))} (budget 0); navigation to context cold ${range(cold.map((c) => c.ms))} ms (median ${median(cold.map((c) => c.ms)).toFixed(0)}; budget 400), ` +
          `cached ${range(cached.map((c) => c.ms))} ms (median ${median(cached.map((c) => c.ms)).toFixed(0)}; budget 150); ${records.length} leads`,
      );
    };

    const names = ['justHandedOff', 'atRisk', 'breached', 'touched', 'sequenceOnly'] as const;
    // Salesforce: describe (the Account Engagement probe, cached an hour per object) and the sign-in are shared.
    await measure(
      'Salesforce dialect (Lightning Lead pages)',
      `/lightning/r/Lead/${SALESFORCE_LEAD_SCENARIOS.demoSecondary}/view`,
      names.map((n) => ({ path: `/lightning/r/Lead/${SALESFORCE_LEAD_SCENARIOS[n]}/view`, id: SALESFORCE_LEAD_SCENARIOS[n] })),
      /^(GET \/services\/data\/v\d+\.\d+\/sobjects\/\w+\/describe|\w+ \/services\/oauth2\/)/,
    );
    // The reference in the same run: the HubSpot dialect's contacts (as extension.bench.ts counts them).
    await measure(
      'reference: HubSpot dialect (contact records)',
      `/contacts/${SANDBOX_PORTAL_ID}/record/0-1/${SANDBOX_SCENARIOS.demoSecondary}`,
      names.map((n) => ({ path: `/contacts/${SANDBOX_PORTAL_ID}/record/0-1/${SANDBOX_SCENARIOS[n]}`, id: SANDBOX_SCENARIOS[n] })),
      /^GET \/(crm\/v3\/owners\/|crm\/v3\/properties\/|email\/public\/v1\/campaigns\/)/,
    );
  } finally {
    await extension.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export default async function bench(report: (line: string) => void, parts: readonly ('insights' | 'views')[] = ['insights', 'views']): Promise<void> {
  if (parts.includes('insights')) await insightsFirstRead(report);
  if (parts.includes('views')) await leadViews(report);
}

// Alone: `npx tsx test/bench/salesforce-reads.bench.ts [insights|views]`.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const asked = process.argv.slice(2).filter((a): a is 'insights' | 'views' => a === 'insights' || a === 'views');
  await bench((line) => console.log(`  ${line}`), asked.length ? asked : undefined);
}
