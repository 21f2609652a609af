/**
 * Insights page with 20,000 dispositions in real Chromium (demo build): a small local server
 * answers the HubSpot search, owners, associations and deal reads from generated contacts, the
 * extension reads them back (windowed past the 10,000 cap), aggregates and paints. Prints, from
 * opening insights.html to the tables painted:
 * - cold (nothing persisted): first paint, progressive, and how many records it showed; then the
 *   time until the read is complete. Searches are paced at ~4 a second as for HubSpot, so the
 *   complete time is what a real portal of this size takes, not what the local server allows;
 * - warm: the read persisted and still in the worker's memory;
 * - after a service-worker restart: from IndexedDB alone, with filters answered before (the saved
 *   answer) and with new ones (the persisted records loaded, checked and aggregated).
 * Budget (issue 6): first paint with 20,000 dispositions <= 1 s. Asserts nothing.
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { DEMO_BUILD_DIR, launchWithExtension } from '../../lib/harness/launch-extension';
import { generateInsightRecords } from './insights.bench';

const RECORDS = 20_000;
const WARM_RUNS = 3;
/** Restarts answered from the saved answer (same filters), then restarts with filters never asked before. */
const RESTART_SAME_RUNS = 2;
const RESTART_NEW_RUNS = 3;

/** The generated records as HubSpot contact search results (what the reader maps back). */
function toContacts() {
  // The generator spreads a year before its fixed clock; squeeze it into the page's default
  // six-month window before today, so all 20,000 are read (not the half that falls inside it).
  const GENERATOR_NOW = Date.UTC(2026, 10, 22, 15, 0, 0);
  const now = Date.now();
  const squeeze = (t: number | null) => (t === null ? null : Math.round(now - 60_000 - Math.max(0, GENERATOR_NOW - t) / 2.2));
  return generateInsightRecords(RECORDS).map((generated) => {
    const disposition = generated.disposition && { ...generated.disposition, decidedAt: squeeze(generated.disposition.decidedAt) as number };
    return { ...generated, handedOffAt: squeeze(generated.handedOffAt), lastTouchedAt: squeeze(generated.lastTouchedAt), disposition };
  }).map((r) => ({
    id: r.contactId,
    assignedAt: r.handedOffAt,
    decidedAt: r.disposition?.decidedAt ?? null,
    modifiedAt: Math.max(r.handedOffAt ?? 0, r.disposition?.decidedAt ?? 0),
    properties: {
      hs_object_id: r.contactId,
      lastmodifieddate: new Date(Math.max(r.handedOffAt ?? 0, r.disposition?.decidedAt ?? 0)).toISOString(),
      campaign_name: r.campaign,
      hs_analytics_source: r.source,
      hubspot_owner_id: r.ownerId,
      hubspot_owner_assigneddate: r.handedOffAt === null ? null : new Date(r.handedOffAt).toISOString(),
      notes_last_contacted: r.lastTouchedAt === null ? null : new Date(r.lastTouchedAt).toISOString(),
      hs_lead_status: r.leadStatus,
      baton_disposition: r.disposition?.outcome ?? null,
      baton_disposition_stage: r.disposition?.acceptedStage ?? null,
      baton_disposition_reason_id: r.disposition?.reasonId ?? null,
      baton_definition_version: r.disposition?.definitionVersion ?? null,
      baton_sla_outcome: r.disposition?.slaOutcome ?? null,
      baton_response_time_minutes: r.disposition?.responseMinutes === null || r.disposition === null ? null : String(r.disposition.responseMinutes),
      baton_disposition_at: r.disposition ? new Date(r.disposition.decidedAt).toISOString() : null,
      baton_objections: r.disposition?.objections.join(';') || null,
      baton_disposition_rep: r.disposition?.rep ?? null,
    },
  }));
}

async function startFakeCrm() {
  const contacts = toContacts();
  let requests = 0;
  let searches = 0;
  const valueOf = (c: (typeof contacts)[number], name: string): number | null =>
    name === 'hubspot_owner_assigneddate' ? c.assignedAt : name === 'baton_disposition_at' ? c.decidedAt : name === 'lastmodifieddate' ? c.modifiedAt : null;
  const matchesFilter = (c: (typeof contacts)[number], f: { propertyName: string; operator: string; value: string; highValue?: string }) => {
    const v = valueOf(c, f.propertyName);
    if (v === null) return false;
    if (f.operator === 'GTE') return v >= Number(f.value);
    if (f.operator === 'BETWEEN') return v >= Number(f.value) && v <= Number(f.highValue);
    throw new Error(`fake CRM: no ${f.operator}`);
  };
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      requests++;
      const url = new URL(req.url ?? '/', 'http://x');
      const send = (body: unknown) => {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' });
        res.end(JSON.stringify(body));
      };
      const body = raw ? JSON.parse(raw) : {};
      if (url.pathname === '/crm/v3/objects/contacts/search') {
        // Insights' own searches (the page's backtest section searches too): handed off OR decided.
        if (body.filterGroups?.[0]?.filters?.[0]?.propertyName === 'hubspot_owner_assigneddate') searches++;
        const matches = contacts.filter((c) => body.filterGroups.some((g: any) => g.filters.every((f: any) => matchesFilter(c, f))));
        const offset = Number(body.after ?? 0);
        const page = matches.slice(offset, offset + body.limit);
        const capped = Math.min(matches.length, 10_000);
        return send({
          total: capped,
          results: page.map((c) => ({ id: c.id, properties: c.properties, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' })),
          ...(offset + body.limit < capped ? { paging: { next: { after: String(offset + body.limit) } } } : {}),
        });
      }
      if (url.pathname === '/crm/v3/owners') return send({ results: Array.from({ length: 40 }, (_, i) => ({ id: `owner-${i}`, firstName: 'Rep', lastName: String(i) })) });
      if (url.pathname === '/crm/v4/associations/contacts/deals/batch/read') return send({ status: 'COMPLETE', results: [] });
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ message: 'not here' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests: () => requests, searches: () => searches, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export default async function bench(report: (line: string) => void): Promise<void> {
  if (!existsSync(join(DEMO_BUILD_DIR, 'manifest.json'))) {
    report('skipped: no demo build (run `npm run build:demo`)');
    return;
  }
  const crm = await startFakeCrm();
  const extension = await launchWithExtension({ extensionDir: DEMO_BUILD_DIR });
  try {
    const page = extension.context.pages()[0] ?? (await extension.context.newPage());
    await page.goto(`chrome-extension://${extension.extensionId}/options.html`);
    await page.getByLabel('Sandbox address').fill(crm.url);
    await page.getByLabel('Sandbox address').press('Enter');
    await page.waitForTimeout(300);
    const insightsUrl = `chrome-extension://${extension.extensionId}/insights.html`;
    const status = page.getByTestId('read-status');
    /** Opens insights.html; ms until the first table is painted, and the status line then. */
    const openAndPaint = async (query = ''): Promise<{ ms: number; status: string }> => {
      const start = Date.now();
      await page.goto(`${insightsUrl}${query}`);
      await page.locator('table[data-table="outcomes-by-campaign"] tbody tr').first().waitFor({ timeout: 60_000 });
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
      return { ms: Date.now() - start, status: ((await status.textContent()) ?? '').trim() };
    };
    const shownIn = (line: string) => /^Read ([\d,]+)/.exec(line)?.[1] ?? '?';

    // Cold: nothing persisted. The page shows what has been read and polls until complete.
    const coldStart = Date.now();
    const cold = await openAndPaint();
    await status.filter({ hasText: /^Read [\d,]+ leads from/ }).waitFor({ timeout: 180_000 });
    const complete = Date.now() - coldStart;
    const completeStatus = ((await status.textContent()) ?? '').trim();
    report(`cold, first paint: ${cold.ms} ms showing ${shownIn(cold.status)} records ("${cold.status}") (budget 1,000 ms)`);
    report(`cold, read complete: ${complete} ms, ${crm.searches()} Insights searches paced at ~4/s ("${completeStatus}")`);

    // Warm: the read is persisted and still in the worker's memory.
    const warm: number[] = [];
    for (let run = 0; run < WARM_RUNS; run++) warm.push((await openAndPaint()).ms);
    // The persisted write is not awaited by the read: give it time to land before stopping the worker.
    await page.waitForTimeout(2000);

    // After a service-worker restart: the worker starts again and answers from IndexedDB.
    await extension.context.serviceWorkers()[0]?.evaluate(() => void ((globalThis as { benchMarker?: number }).benchMarker = 1));
    const restarted: { same: number[]; fresh: number[] } = { same: [], fresh: [] };
    const restartStatus: string[] = [];
    for (let run = 0; run < RESTART_SAME_RUNS + RESTART_NEW_RUNS; run++) {
      // The last runs ask for answers never given before (other deal values), so they wait for
      // the persisted records to load and be checked instead of the saved answer.
      const query = run >= RESTART_SAME_RUNS ? `?deal=${12345 + run}` : '';
      await page.goto('about:blank');
      const cdp = await extension.context.newCDPSession(page);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await cdp.detach();
      await page.waitForTimeout(500);
      const before = crm.searches();
      const opened = await openAndPaint(query);
      (query ? restarted.fresh : restarted.same).push(opened.ms);
      // Proof the worker really was stopped: the marker set on the old one is gone.
      const worker = extension.context.serviceWorkers()[0];
      const fresh = worker ? await worker.evaluate(() => (globalThis as { benchMarker?: number }).benchMarker === undefined) : false;
      await worker?.evaluate(() => void ((globalThis as { benchMarker?: number }).benchMarker = 1));
      restartStatus.push(`${query ? 'new filters: ' : 'same filters: '}${fresh ? 'new worker' : 'SAME worker'}, "${opened.status}", ${crm.searches() - before} searches`);
    }
    report(`warm (persisted, in the worker's memory), first paint with ${RECORDS.toLocaleString('en')}: ${warm.join(' / ')} ms (budget 1,000 ms)`);
    report(`after a service-worker restart, filters answered before (saved answer), first paint: ${restarted.same.join(' / ')} ms (budget 1,000 ms)`);
    report(`after a service-worker restart, new filters (persisted records), first paint: ${restarted.fresh.join(' / ')} ms (budget 1,000 ms)`);
    for (const line of restartStatus) report(`  ${line}`);
  } finally {
    await extension.close();
    await crm.close();
  }
}
