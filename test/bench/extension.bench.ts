/**
 * End-to-end figures for the extension in real Chromium on the sandbox CRM, against the budgets
 * in DESIGN.md. Prints numbers; asserts nothing. Needs the demo build (npm run bench builds it).
 */
import { readFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { DEMO_BUILD_DIR, PRODUCTION_BUILD_DIR, launchWithExtension } from '../../lib/harness/launch-extension';
import { findChromium } from '../../lib/harness/find-chromium';
import { startSandboxServer } from '../../lib/sandbox/sandbox-server';
import { SANDBOX_PORTAL_ID, SANDBOX_SCENARIOS } from '../../lib/sandbox/scenarios';

const PANEL = 'iframe[title="Baton lead panel"]';
const SHARED_LOOKUP = /^GET \/(crm\/v3\/owners\/|crm\/v3\/properties\/|email\/public\/v1\/campaigns\/)/;
const RUNS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

function gz(path: string): number {
  return gzipSync(readFileSync(path), { level: 9 }).length;
}

/** The panel page and everything it loads up front (scripts, preloads, styles), gzipped. */
function panelBundleBytes(dir: string): number {
  const html = readFileSync(join(dir, 'panel.html'), 'utf8');
  const assets = [...html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  return gz(join(dir, 'panel.html')) + assets.reduce((sum, asset) => sum + gz(join(dir, asset)), 0);
}

async function scriptDuration(page: Page, url: string, ready: (page: Page) => Promise<void>): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url);
  await ready(page);
  await page.waitForTimeout(300);
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000;
}

export default async function bench(report: (line: string) => void): Promise<void> {
  if (!existsSync(join(DEMO_BUILD_DIR, 'manifest.json'))) {
    report('skipped: no demo build (run `npm run build:demo`)');
    return;
  }
  for (const [label, dir] of [['demo', DEMO_BUILD_DIR], ['production', PRODUCTION_BUILD_DIR]] as const) {
    if (!existsSync(join(dir, 'manifest.json'))) continue;
    report(`${label} build: content script ${kb(gz(join(dir, 'content-scripts/crm.js')))} gzip (budget 4 kB); panel ${kb(panelBundleBytes(dir))} gzip up front (budget 130 kB)`);
  }

  const dataDir = mkdtempSync(join(tmpdir(), 'baton-bench-'));
  const sandbox = await startSandboxServer({ port: 0, dataFile: join(dataDir, 'crm.json'), quiet: true });
  const record = (id: string) => `${sandbox.url}/contacts/${SANDBOX_PORTAL_ID}/record/0-1/${id}`;
  const panelReady = async (page: Page) => {
    await page.frameLocator(PANEL).getByRole('timer').waitFor({ timeout: 30_000 });
  };
  const pageReady = async (page: Page) => {
    await page.getByTestId('record-name').waitFor({ timeout: 30_000 });
  };

  try {
    // 1. Script Baton adds to the CRM page's main thread: the same record page with and without it.
    const baselineDir = mkdtempSync(join(tmpdir(), 'baton-bench-profile-'));
    const plain: BrowserContext = await chromium.launchPersistentContext(baselineDir, {
      executablePath: findChromium(),
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const without: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const page = await plain.newPage();
      without.push(await scriptDuration(page, record(SANDBOX_SCENARIOS.demoPrimary), pageReady));
      await page.close();
    }
    await plain.close();
    rmSync(baselineDir, { recursive: true, force: true });

    const extension = await launchWithExtension({ extensionDir: DEMO_BUILD_DIR });
    const withBaton: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const page = await extension.context.newPage();
      withBaton.push(await scriptDuration(page, record(SANDBOX_SCENARIOS.demoPrimary), panelReady));
      await page.close();
    }
    report(`host-page main-thread script: ${median(withBaton).toFixed(1)} ms with Baton vs ${median(without).toFixed(1)} ms without -> ${(median(withBaton) - median(without)).toFixed(1)} ms added (budget 10 ms; median of ${RUNS})`);

    // 2. Navigation to context, and CRM requests per lead view.
    const requests: string[] = [];
    extension.context.on('request', (request) => {
      if (request.serviceWorker() && request.url().startsWith(sandbox.url)) requests.push(`${request.method()} ${new URL(request.url()).pathname}`);
    });
    const page = await extension.context.newPage();
    const cold: number[] = [];
    const cached: number[] = [];
    const perView: number[] = [];
    const revisit: number[] = [];
    const lookups: number[] = [];
    const leads = [SANDBOX_SCENARIOS.justHandedOff, SANDBOX_SCENARIOS.atRisk, SANDBOX_SCENARIOS.breached, SANDBOX_SCENARIOS.touched, SANDBOX_SCENARIOS.sequenceOnly];
    await page.goto(record(SANDBOX_SCENARIOS.demoSecondary));
    await panelReady(page);
    // In-app navigation to each lead, first cold (background cache empty), then again (cached).
    const visit = async (id: string) => {
      const before = requests.length;
      const started = Date.now();
      await page.evaluate((path) => {
        history.pushState({}, '', path);
        dispatchEvent(new PopStateEvent('popstate'));
      }, new URL(record(id)).pathname);
      await page.frameLocator(PANEL).locator(`[data-lead-id="${id}"]`).waitFor({ timeout: 30_000 });
      const paths = requests.slice(before);
      // Shared lookups (owner, property definitions, campaign names) are cached for an hour or more
      // across leads: counted apart, as the budget counts requests per view.
      const lookups = paths.filter((p) => SHARED_LOOKUP.test(p)).length;
      return { ms: Date.now() - started, requests: paths.length - lookups, lookups, paths };
    };
    // The lead with calls, emails and meetings: before the v1 engagements read it cost one v3
    // batch read per kind of touch on top of the other three requests.
    const multiTouch = SANDBOX_SCENARIOS.touched;
    let multiTouchPaths: string[] = [];
    for (const id of leads) {
      const { ms, requests: count, lookups: lookupCount, paths } = await visit(id);
      cold.push(ms);
      perView.push(count);
      lookups.push(lookupCount);
      if (id === multiTouch) multiTouchPaths = paths;
    }
    for (const id of leads) {
      const { ms, requests: count, lookups: lookupCount } = await visit(id);
      cached.push(ms);
      revisit.push(count + lookupCount);
    }
    report(`navigation to context (in-app navigation to a lead): cold ${median(cold)} ms (budget 400 ms), cached ${median(cached)} ms (budget 150 ms); median of ${leads.length} leads`);
    report(`CRM requests per lead view: ${perView.join(', ')} (budget 4), plus first-time shared lookups (cached across leads): ${lookups.join(', ')}; on a revisit: ${revisit.join(', ')} (budget 0)`);
    const multi = leads.indexOf(multiTouch);
    report(`CRM requests for a lead with calls, emails and meetings (${multiTouch}): ${perView[multi]} cold (budget 4), ${revisit[multi]} on a revisit (budget 0); cold: ${multiTouchPaths.filter((p) => !SHARED_LOOKUP.test(p)).map((p) => p.replace(/\/\d+(?=\/|$)/g, '/{id}')).sort().join(', ')}`);

    // 3. A lead with 10,000 engagement events: first paint of the virtualised timeline.
    const heavy = SANDBOX_SCENARIOS.noEngagement;
    const contact = (await (await fetch(`${sandbox.url}/crm/v3/objects/contacts/${heavy}?properties=email`, { headers: { Authorization: 'Bearer sandbox' } })).json()) as { properties: { email: string } };
    const base = Date.now() - 86_400_000 * 200;
    await extension.context.route(`${sandbox.url}/email/public/v1/events**`, async (route) => {
      const url = new URL(route.request().url());
      if (url.searchParams.get('recipient') !== contact.properties.email) return route.continue();
      const offset = Number(url.searchParams.get('offset') ?? 0);
      const events = Array.from({ length: 1000 }, (_, i) => {
        const n = offset + i;
        return { id: `bench-${n}`, created: base + n * 1_700_000, type: n % 3 === 0 ? 'DELIVERED' : n % 3 === 1 ? 'OPEN' : 'CLICK', recipient: contact.properties.email, emailCampaignId: 1 + (n % 7), portalId: 2400001, url: 'https://www.tessellate.io/pricing', filteredEvent: false };
      });
      await route.fulfill({ json: { events, hasMore: offset + 1000 < 10_000, offset: String(offset + 1000) } });
    });
    await page.goto(record(heavy));
    await panelReady(page);
    const frame = page.frames().find((f) => f.url().includes('panel.html'))!;
    const timelineTab = frame.getByRole('tab', { name: /^Timeline/ });
    const count = await timelineTab.textContent();
    const paint = await frame.evaluate(async () => {
      const tab = [...document.querySelectorAll('[role="tab"]')].find((el) => el.textContent?.startsWith('Timeline')) as HTMLElement;
      const t0 = performance.now();
      tab.click();
      const deadline = t0 + 10_000;
      while (!document.querySelector('[data-testid="timeline-row"]') && performance.now() < deadline) await new Promise((r) => requestAnimationFrame(r));
      await new Promise((r) => requestAnimationFrame(r));
      return document.querySelector('[data-testid="timeline-row"]') ? performance.now() - t0 : NaN;
    });
    report(`timeline with ${count?.replace(/\D/g, '')} events: first paint ${paint.toFixed(0)} ms after opening the tab (budget 100 ms)`);
    await extension.close();
  } finally {
    await sandbox.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
