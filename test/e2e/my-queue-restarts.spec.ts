import type { Page, Worker } from '@playwright/test';
import { DEMO_BUILD_DIR, type LaunchedExtension } from '../../lib/harness/launch-extension';
import { defaultSlaPolicy } from '../../lib/domain/sla/default-sla-policy';
import type { SlaPolicyInput } from '../../lib/domain/sla/sla-policy';
import { expect, test } from './fixtures';
import { useSandbox } from './support/insights-page';
import { readJson } from './support/read-sandbox';
import { currentServiceWorker, keptProfile, stopServiceWorker } from './support/relaunch';

/**
 * My queue across MV3's restarts (issue 16, "done when"): after the service worker is stopped, and
 * after the browser is closed and started again on the same profile, the rep's breached lead is
 * still at the top of the queue and counted on the badge, no reminder is shown a second time, and a
 * call logged in the CRM still takes it out.
 */

const ALL_DAY = [{ start: '00:00', end: '24:00' }];
const TEST_POLICY: SlaPolicyInput = {
  ...defaultSlaPolicy,
  version: '9.0.1',
  calendar: { timeZone: 'UTC', weeklyHours: { mon: ALL_DAY, tue: ALL_DAY, wed: ALL_DAY, thu: ALL_DAY, fri: ALL_DAY, sat: ALL_DAY, sun: ALL_DAY }, holidays: [], hoursPerBusinessDay: 8 },
  tiers: [
    { id: 'e2e-fast', label: 'Test fast lane', when: { sources: ['PAID_SEARCH'] }, target: { amount: 0.5, unit: 'minutes', basis: 'wall' }, atRiskShare: 0.5, escalations: [], nextStep: 'Call now' },
    ...defaultSlaPolicy.tiers,
  ],
};
/** An owner with no leads waiting in the seeded data. */
const OWNER = { id: '81300106', label: 'Dana Whitfield (dana.whitfield@tessellate.io)' };

const badge = (worker: Worker) => worker.evaluate(() => (globalThis as any).chrome.action.getBadgeText({}) as Promise<string>);
const queueNotifications = async (worker: Worker) =>
  Object.keys(await worker.evaluate(() => (globalThis as any).chrome.notifications.getAll() as Promise<Record<string, boolean>>)).filter((id) => id.startsWith('baton-queue|'));
const clearNotifications = (worker: Worker) =>
  worker.evaluate(async () => {
    const chrome = (globalThis as any).chrome;
    for (const id of Object.keys(await chrome.notifications.getAll())) await chrome.notifications.clear(id);
  });

/** Opens the popup (which wakes the worker) and checks the lead tops the waiting list. */
async function expectQueued(browser: LaunchedExtension, leadId: string): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await expect(popup.getByRole('heading', { name: 'My queue', level: 1 })).toBeVisible();
  await expect(popup.getByTestId('awaiting-lead').first()).toHaveAttribute('data-lead-id', leadId, { timeout: 30_000 });
  await expect(popup.getByTestId('awaiting-lead').first().getByRole('timer')).toHaveAttribute('data-sla-state', 'breached');
  return popup;
}

/** Watches for `ms` and returns every queue notification shown meanwhile (Chrome closes them by itself after a while). */
async function notificationsDuring(worker: Worker, ms: number): Promise<string[]> {
  const seen = new Set<string>();
  const until = Date.now() + ms;
  while (Date.now() < until) {
    for (const id of await queueNotifications(worker).catch(() => [])) seen.add(id);
    await new Promise((r) => setTimeout(r, 500));
  }
  return [...seen];
}

test('the queue, the badge and the once-only reminders survive a worker restart and a browser relaunch', async ({ sandbox }) => {
  test.setTimeout(240_000);
  const profile = keptProfile(DEMO_BUILD_DIR);
  try {
    let browser = await profile.launch();
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await useSandbox(page, browser.extensionId, sandbox.url);
    await browser.serviceWorker.evaluate((policy) => (globalThis as any).chrome.storage.local.set({ 'admin.slaPolicy': policy }), TEST_POLICY);
    // A paid-search lead on the 30-second tier, assigned to the rep now.
    const created = await readJson(sandbox, '/crm/v3/objects/contacts', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ properties: { firstname: 'Robin', lastname: 'Restart', email: 'robin@restart.example', company: 'Restart Ltd', hs_analytics_source: 'PAID_SEARCH', lifecyclestage: 'marketingqualifiedlead', hubspot_owner_id: OWNER.id } }),
    });
    const lead = created.id as string;
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const who = page.getByRole('region', { name: 'Who you are' });
    await who.getByLabel('You are').selectOption({ label: OWNER.label });
    await who.getByRole('button', { name: 'This is me' }).click();
    await expect(who.getByTestId('rep-identity')).toContainText('You are Dana Whitfield');

    const first = await browser.context.newPage();
    await first.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await expect(first.getByTestId('awaiting-lead').first()).toHaveAttribute('data-lead-id', lead, { timeout: 30_000 });
    await first.close();
    let worker = browser.serviceWorker;

    // Breached: the badge counts it and both reminders have gone out once.
    await expect.poll(() => badge(worker), { timeout: 60_000 }).toBe('1');
    const sentKeys = async (w: Worker) => Object.keys((await w.evaluate(() => (globalThis as any).chrome.storage.local.get('alerts.sent')))['alerts.sent'] ?? {}).filter((k) => k.startsWith(`${lead}|`)).map((k) => k.split('|')[1]).sort();
    await expect.poll(() => sentKeys(worker), { timeout: 60_000 }).toEqual(['assigned', 'breach', 'share']);
    await clearNotifications(worker);

    // 1. The worker is stopped, as Chrome stops an idle one; the popup wakes a new one.
    await stopServiceWorker(browser.context, browser.extensionId);
    let popup = await expectQueued(browser, lead);
    worker = await currentServiceWorker(browser.context, browser.extensionId);
    expect(await badge(worker)).toBe('1');
    expect(await notificationsDuring(worker, 8_000)).toEqual([]);
    expect(await sentKeys(worker)).toEqual(['assigned', 'breach', 'share']);
    await popup.close();

    // 2. The browser is closed and started again on the same profile: the badge is set again on
    // startup, the lead is still waiting, and no reminder repeats.
    await browser.close();
    browser = await profile.launch();
    worker = browser.serviceWorker;
    await expect.poll(() => badge(worker), { timeout: 60_000 }).toBe('1');
    popup = await expectQueued(browser, lead);
    expect(await notificationsDuring(worker, 8_000)).toEqual([]);
    expect(await sentKeys(worker)).toEqual(['assigned', 'breach', 'share']);

    // 3. The rep calls; the call is logged in the CRM: the lead leaves the queue and the badge clears.
    await readJson(sandbox, '/crm/v3/objects/calls', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        properties: { hs_timestamp: new Date().toISOString(), hs_call_title: 'First call', hs_call_direction: 'OUTBOUND', hubspot_owner_id: OWNER.id },
        associations: [{ to: { id: lead }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 194 }] }],
      }),
    });
    await expect(async () => {
      await popup.reload();
      await expect(popup.getByTestId('awaiting-lead')).toHaveCount(0, { timeout: 3_000 });
    }).toPass({ timeout: 60_000, intervals: [5_000] });
    await expect.poll(() => badge(worker), { timeout: 30_000 }).toBe('');
  } finally {
    await profile.dispose();
  }
});
