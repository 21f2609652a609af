/**
 * `npm run demo`: the extension in Chromium on the sandbox CRM.
 * - With a display: opens a headed Chromium on a sandbox lead and stays up until Ctrl-C.
 * - Without one (or with CI set / --headless): walks through two leads headless, writes
 *   screenshots to demo-output/ and exits 0.
 * The npm script builds the demo extension first.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { ChromiumNotFoundError } from './find-chromium';
import { DEMO_BUILD_DIR, launchWithExtension } from './launch-extension';
import { startSandboxServer } from '../sandbox/sandbox-server';
import { SANDBOX_PORTAL_ID, SANDBOX_SCENARIOS } from '../sandbox/scenarios';
import { otherDialectDemoPages } from '../sandbox/demo-pages';

const PANEL = 'iframe[title="Baton lead panel"]';
const OUTPUT_DIR = resolve('demo-output');

async function main(): Promise<number> {
  const args = new Set(process.argv.slice(2));
  const headless = args.has('--headless') || !!process.env.CI || (!process.env.DISPLAY && process.platform === 'linux');
  const port = Number(process.env.SANDBOX_PORT ?? 4477);

  // A headless walk-through is a picture of "now": reseed so SLA clocks are fresh. An interactive
  // session keeps the data file, so what you record there survives a restart.
  const sandbox = await startSandboxServer({
    port,
    dataFile: resolve('.sandbox-data', headless ? 'demo-walkthrough.json' : 'crm.json'),
    reseed: headless,
    quiet: true,
  }).catch(async (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EADDRINUSE') throw err;
    console.log(`Port ${port} is busy; using a random port for the sandbox CRM.`);
    return startSandboxServer({ port: 0, dataFile: resolve('.sandbox-data', 'demo-walkthrough.json'), reseed: true, quiet: true });
  });
  console.log(`Sandbox CRM: ${sandbox.url}`);

  const extension = await launchWithExtension({ extensionDir: DEMO_BUILD_DIR, headless, viewport: { width: 1480, height: 920 } });
  const page = extension.context.pages()[0] ?? (await extension.context.newPage());
  const record = (id: string) => `${sandbox.url}/contacts/${SANDBOX_PORTAL_ID}/record/0-1/${id}`;

  if (!headless) {
    await page.goto(record(SANDBOX_SCENARIOS.demoPrimary));
    console.log('Chromium is open on a sandbox lead with Baton loaded. Browse other leads from the contacts list.');
    console.log('Press Ctrl-C to stop.');
    await new Promise<void>((done) => {
      process.once('SIGINT', done);
      process.once('SIGTERM', done);
      extension.context.once('close', () => done());
    });
    await extension.close().catch(() => {});
    await sandbox.close();
    return 0;
  }

  mkdirSync(OUTPUT_DIR, { recursive: true });
  const shots: string[] = [];
  const shoot = async (name: string, target: Page | ReturnType<Page['locator']> = page, options: { fullPage?: boolean } = {}) => {
    const path = join(OUTPUT_DIR, name);
    await target.screenshot({ path, ...options });
    shots.push(path);
  };

  /**
   * The whole panel, not only what fits the window: the window is made as tall as the panel's
   * content (its tallest scroller), so the frame shows everything a rep would scroll through.
   */
  const shootWholePanel = async (name: string) => {
    const frame = page.frame({ url: /panel\.html/ });
    const viewport = page.viewportSize();
    if (!frame || !viewport) return shoot(name, page.locator(PANEL));
    // Grow the window by what the panel's scrollers hide, twice (a taller window can re-wrap text).
    for (let round = 0; round < 2; round += 1) {
      const hidden = await frame.evaluate(() => Math.max(0, ...[...document.querySelectorAll('*')].map((e) => e.scrollHeight - e.clientHeight)));
      const current = page.viewportSize() ?? viewport;
      if (hidden <= 1) break;
      await page.setViewportSize({ width: viewport.width, height: Math.min(6000, current.height + hidden + 8) });
      await page.waitForTimeout(300);
    }
    await shoot(name, page.locator(PANEL));
    await page.setViewportSize(viewport);
  };

  try {
    // 0. The RevOps admin points Baton at the sandbox and creates the Baton properties there.
    const admin = await extension.context.newPage();
    await admin.goto(`chrome-extension://${extension.extensionId}/options.html`);
    await admin.getByLabel('Sandbox address').fill(sandbox.url);
    await admin.getByRole('button', { name: 'Save', exact: true }).first().click();
    await admin.getByRole('button', { name: 'Set up Baton properties in the sandbox CRM' }).click();
    await admin.getByText(/Created \d+ propert|Nothing to create/).waitFor({ timeout: 15_000 });
    await admin.close();

    // 1. A rep opens a lead: the brief and the SLA countdown first.
    let started = Date.now();
    await page.goto(record(SANDBOX_SCENARIOS.demoPrimary));
    const panel = page.frameLocator(PANEL);
    await panel.getByRole('timer').waitFor({ timeout: 20_000 });
    await panel.getByRole('region', { name: "Why they're here" }).waitFor();
    console.log(`Lead 1: panel showed the lead's context ${Date.now() - started} ms after navigation started.`);
    await page.waitForTimeout(300); // let fonts settle
    await shoot('01-lead-page.png');
    await shoot('01-panel-brief.png', page.locator(PANEL));
    await shootWholePanel('01-panel-brief-whole.png');
    for (const [tab, file] of [['Qualify', '01-panel-qualify.png'], ['Timeline', '01-panel-timeline.png'], ['Outcome', '01-panel-outcome.png']] as const) {
      await panel.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
      await page.waitForTimeout(250);
      await shoot(file, page.locator(PANEL));
    }
    await panel.getByRole('tab', { name: /^Qualify/ }).click();
    await shootWholePanel('01-panel-qualify-whole.png');

    // 2. The rep moves to another lead inside the CRM (client-side navigation).
    started = Date.now();
    await page.evaluate((path) => {
      history.pushState({}, '', path);
      dispatchEvent(new PopStateEvent('popstate'));
    }, new URL(record(SANDBOX_SCENARIOS.demoSecondary)).pathname);
    const secondName = await fetch(`${sandbox.url}/crm/v3/objects/contacts/${SANDBOX_SCENARIOS.demoSecondary}?properties=firstname,lastname`, {
      headers: { Authorization: 'Bearer sandbox' },
    }).then((r) => r.json() as Promise<{ properties: Record<string, string> }>);
    await panel.getByRole('heading', { level: 1, name: `${secondName.properties.firstname} ${secondName.properties.lastname}` }).waitFor({ timeout: 20_000 });
    await panel.getByRole('timer').waitFor();
    console.log(`Lead 2: panel re-targeted ${Date.now() - started} ms after the in-app navigation.`);
    await page.waitForTimeout(300);
    await shoot('02-second-lead-page.png');
    await shoot('02-panel-brief.png', page.locator(PANEL));

    // 3. The rep recycles the second lead for bad timing, and Baton writes it to the CRM.
    await panel.getByRole('tab', { name: 'Outcome' }).click();
    await panel.getByText('Recycle to nurture', { exact: true }).click();
    await panel.getByLabel('Reason').selectOption({ label: 'Bad timing' });
    await panel.getByLabel('Hand back to sales on').fill(new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10));
    await panel.getByRole('checkbox', { name: 'Timing' }).check();
    await panel.getByRole('button', { name: 'Review and save' }).click();
    await page.waitForTimeout(200);
    await shoot('02-panel-confirm.png', page.locator(PANEL));
    await panel.getByRole('button', { name: 'Save to CRM' }).click();
    await panel.locator('[data-outbox-state="delivered"]').waitFor({ timeout: 20_000 });
    console.log('Lead 2: disposition saved to the sandbox CRM.');
    await shoot('02-panel-saved.png', page.locator(PANEL));

    // 3b. The same rep on a lead of each other CRM dialect the sandbox speaks: that CRM's provider
    // signs in to the sandbox and shows the same panel.
    for (const demoPage of otherDialectDemoPages(sandbox.url)) {
      started = Date.now();
      await page.goto(demoPage.url);
      await panel.getByRole('timer').waitFor({ timeout: 30_000 });
      await panel.getByRole('region', { name: "Why they're here" }).waitFor();
      console.log(`${demoPage.label}: panel showed the lead's context ${Date.now() - started} ms after navigation started.`);
      await page.waitForTimeout(300);
      await shoot(demoPage.screenshot);
    }

    // 4. Marketing's view: the reasons flowing back, by campaign, source and rep.
    const insights = await extension.context.newPage();
    await insights.setViewportSize({ width: 1440, height: 900 });
    await insights.goto(`chrome-extension://${extension.extensionId}/insights.html`);
    await insights.getByRole('heading', { level: 1 }).waitFor();
    // Tables fold under their charts: the first report section, not a table, says figures are in.
    await insights.locator('section[data-section]').first().waitFor({ timeout: 30_000 });
    // The first read is shown as it goes; the screenshot is of the complete figures.
    await insights.waitForFunction(
      () => {
        const read = /Read ([\d,]+) of ([\d,]+) dispositions/.exec(document.body.innerText);
        return !document.body.innerText.includes('Partial figures:') && (read === null || read[1] === read[2]);
      },
      undefined,
      { timeout: 90_000 },
    );
    await insights.waitForTimeout(500);
    // The whole page, top to bottom: what a marketer scrolls through in a meeting.
    await shoot('04-insights.png', insights, { fullPage: true });
    // The backtest runs by itself on a portal this small: show its answer too.
    const backtest = insights.locator('section[data-section="backtest"]');
    // Its summary table stays open; the changed leads fold under it.
    await backtest.getByRole('table').first().waitFor({ timeout: 30_000 });
    await backtest.scrollIntoViewIfNeeded();
    await shoot('04-insights-backtest.png', backtest);
    await insights.close();

    // 5. The admin's settings page.
    const options = await extension.context.newPage();
    await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
    await options.getByRole('heading', { name: 'Baton settings' }).waitFor();
    await options.setViewportSize({ width: 1100, height: 900 });
    await shoot('05-options.png', options);
  } finally {
    await extension.close().catch(() => {});
    await sandbox.close();
  }

  console.log(`\nScreenshots (${shots.length}) in ${OUTPUT_DIR}:`);
  for (const s of shots) console.log(`  ${s}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof ChromiumNotFoundError) console.error(`demo: ${err.message}`);
    else console.error('demo failed:', err);
    process.exit(1);
  },
);
