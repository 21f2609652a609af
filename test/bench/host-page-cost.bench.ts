/**
 * What Baton costs the CRM page, per place the rep can show it (options, "Where Baton shows"):
 * the sandbox record page loaded with no extension (the reference, measured in the same run),
 * with the panel docked beside the page, and with the panel in the browser's side panel (open,
 * following the tab). Per load: time to idle (the record drawn, then the first idle callback),
 * long tasks on the page's main thread, layout shift (docking moves the page once), main-thread
 * script time, the JS heap after a garbage collection, and Baton's script worlds in the page (the
 * content script is registered only while the panel is docked, so the side-panel mode should show
 * none). Prints ranges; asserts nothing.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { DEMO_BUILD_DIR, launchWithExtension } from '../../lib/harness/launch-extension';
import { findChromium } from '../../lib/harness/find-chromium';
import { startSandboxServer } from '../../lib/sandbox/sandbox-server';
import { SANDBOX_PORTAL_ID, SANDBOX_SCENARIOS } from '../../lib/sandbox/scenarios';

const RUNS = 7;
const VIEWPORT = { width: 1280, height: 800 };
/** After idle, how long to keep watching for late long tasks and shifts (the docked panel mounts at document_idle). */
const SETTLE_MS = 1500;

interface Load {
  idleMs: number;
  longTasks: number;
  longTaskMs: number;
  cls: number;
  scriptMs: number;
  heapMb: number;
  /** JavaScript contexts of an extension's origin in the page's top frame (a content script's isolated world). */
  extensionWorlds: number;
}

/**
 * Runs in the page's main world before its scripts: records long tasks, layout shifts and the first
 * idle after the record is drawn. A string, not a function: tsx adds helpers to compiled functions
 * that do not exist in the page.
 */
const OBSERVE_PAGE = `
  const bench = (window.__bench = { longTasks: 0, longTaskMs: 0, cls: 0, idleAt: null });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) { bench.longTasks++; bench.longTaskMs += entry.duration; }
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) bench.cls += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
  // Timers, not animation frames: those pause in a page that is not in front.
  const waitForRecord = () => {
    if (document.querySelector('[data-testid="record-name"]')) requestIdleCallback(() => (bench.idleAt = performance.now()), { timeout: 5000 });
    else setTimeout(waitForRecord, 10);
  };
  waitForRecord();
`;

async function measureLoad(context: BrowserContext, url: string): Promise<Load> {
  const page = await context.newPage();
  await page.setViewportSize(VIEWPORT);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __bench: { idleAt: number | null } }).__bench.idleAt !== null, null, { timeout: 30_000 });
  await page.waitForTimeout(SETTLE_MS);
  const observed = await page.evaluate(() => (window as unknown as { __bench: { longTasks: number; longTaskMs: number; cls: number; idleAt: number } }).__bench);
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
  // After the timings: enabling Runtime reports every context that exists in the page.
  const { frameTree } = await cdp.send('Page.getFrameTree');
  let extensionWorlds = 0;
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    if (context.auxData?.frameId === frameTree.frame.id && context.origin.startsWith('chrome-extension://')) extensionWorlds++;
  });
  await cdp.send('Runtime.enable');
  await cdp.detach();
  await page.close();
  return {
    idleMs: observed.idleAt,
    longTasks: observed.longTasks,
    longTaskMs: observed.longTaskMs,
    cls: observed.cls,
    scriptMs: metric('ScriptDuration') * 1000,
    heapMb: metric('JSHeapUsedSize') / 1024 / 1024,
    extensionWorlds,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
function range(loads: Load[], key: keyof Load, digits: number): string {
  const xs = loads.map((l) => l[key]);
  return `${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)} (median ${median(xs).toFixed(digits)})`;
}

async function measureMode(context: BrowserContext, url: string, warmUp: (page: Page) => Promise<void>): Promise<Load[]> {
  await context.addInitScript({ content: OBSERVE_PAGE });
  // One load first, not counted: the sandbox's and the extension's first-time work (caches, worker start).
  const first = await context.newPage();
  await first.setViewportSize(VIEWPORT);
  await first.goto(url);
  await warmUp(first);
  await first.close();
  const loads: Load[] = [];
  for (let i = 0; i < RUNS; i++) loads.push(await measureLoad(context, url));
  return loads;
}

export default async function bench(report: (line: string) => void): Promise<void> {
  if (!existsSync(join(DEMO_BUILD_DIR, 'manifest.json'))) {
    report('skipped: no demo build (run `npm run build:demo`)');
    return;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'baton-bench-'));
  const sandbox = await startSandboxServer({ port: 0, dataFile: join(dataDir, 'crm.json'), quiet: true });
  const url = `${sandbox.url}/contacts/${SANDBOX_PORTAL_ID}/record/0-1/${SANDBOX_SCENARIOS.demoPrimary}`;
  const recordDrawn = (page: Page) => page.getByTestId('record-name').waitFor({ timeout: 30_000 });
  const results: Array<[string, Load[]]> = [];
  try {
    const profile = mkdtempSync(join(tmpdir(), 'baton-bench-profile-'));
    const plain = await chromium.launchPersistentContext(profile, {
      executablePath: findChromium(),
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    results.push(['no extension (reference)', await measureMode(plain, url, recordDrawn)]);
    await plain.close();
    rmSync(profile, { recursive: true, force: true });

    const docked = await launchWithExtension({ extensionDir: DEMO_BUILD_DIR, viewport: VIEWPORT });
    results.push([
      'panel docked beside the page',
      await measureMode(docked.context, url, (page) => page.frameLocator('iframe[title="Baton lead panel"]').getByRole('timer').waitFor({ timeout: 30_000 })),
    ]);
    await docked.close();

    const side = await launchWithExtension({ extensionDir: DEMO_BUILD_DIR, viewport: VIEWPORT });
    const options = await side.context.newPage();
    await options.goto(`chrome-extension://${side.extensionId}/options.html`);
    await options.getByRole('radio', { name: /side panel/ }).click();
    // The background takes the content script's registration away: measure once it has.
    while ((await side.serviceWorker.evaluate(async () => (await (globalThis as any).chrome.scripting.getRegisteredContentScripts()).length)) > 0) {
      await options.waitForTimeout(50);
    }
    // Chrome opens its side panel only for a click: the options page's button.
    await options.getByRole('button', { name: 'Open Baton in the side panel' }).click();
    results.push(['panel in the browser side panel', await measureMode(side.context, url, recordDrawn)]);
    await side.close();
  } finally {
    await sandbox.close();
    rmSync(dataDir, { recursive: true, force: true });
  }

  report(`sandbox record page at ${VIEWPORT.width}×${VIEWPORT.height}, ${RUNS} loads per mode, min–max (median):`);
  for (const [label, loads] of results) {
    report(
      `${label}: to idle ${range(loads, 'idleMs', 0)} ms; long tasks ${range(loads, 'longTasks', 0)} totalling ${range(loads, 'longTaskMs', 0)} ms; ` +
        `layout shift ${range(loads, 'cls', 3)}; main-thread script ${range(loads, 'scriptMs', 1)} ms; JS heap ${range(loads, 'heapMb', 2)} MB; ` +
        `extension script worlds in the page ${range(loads, 'extensionWorlds', 0)}`,
    );
  }
}
