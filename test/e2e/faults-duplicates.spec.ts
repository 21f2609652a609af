import type { BrowserContext, Frame, Page } from '@playwright/test';
import { ensureBatonProperties } from '../../lib/crm/hubspot/baton-properties';
import { createHubSpotClient } from '../../lib/crm/hubspot/hubspot-client';
import { SANDBOX_SCENARIOS } from '../../lib/sandbox/scenarios';
import { MIN_VISIBLE_MS } from '../../components/ui/panel-shown-since';
import { expect, panelFrame, recordUrl, test } from './fixtures';
import { panelPage, readCrmDispositions } from './support/outbox-faults';

/**
 * Issue 13, fault 8: the ways a rep's one decision reaches the background more than once — a
 * double click on Save, a second click after the first answer was lost, the same lead open in two
 * tabs and saved in both — are one disposition: the panel names the draft once (draft-id.ts,
 * shared by the panel in every tab), and the outbox keeps one entry per id. The truth is the CRM:
 * one note, one status write, counted at the wire (the worker's requests) and in the records.
 */

const LEAD = SANDBOX_SCENARIOS.competitor;
type Sandbox = Parameters<typeof recordUrl>[0];

/** Counts the worker's disposition writes to the CRM: the contact's update and note creations. */
async function countCrmWrites(context: BrowserContext, sandbox: Sandbox) {
  const writes = { contactUpdates: 0, noteCreates: 0 };
  await context.route(`${sandbox.url}/crm/**`, (route) => {
    const request = route.request();
    const path = new URL(request.url()).pathname;
    if (request.serviceWorker()) {
      if (request.method() === 'PATCH' && path === `/crm/v3/objects/contacts/${LEAD}`) writes.contactUpdates += 1;
      if (request.method() === 'POST' && path === '/crm/v3/objects/notes') writes.noteCreates += 1;
    }
    return route.continue();
  });
  return writes;
}

/**
 * Counts the panel's `disposition/save` messages (so the test knows the duplicate really reached
 * the background). With `loseFirstAnswer`, the first one is delivered to the background but its
 * answer never reaches the panel, as when the worker goes away before answering: Chrome then
 * rejects with this message.
 */
async function watchSaves(frame: Frame, options: { loseFirstAnswer?: boolean } = {}) {
  await frame.evaluate((loseFirst) => {
    type Runtime = { sendMessage(message: unknown): Promise<unknown> };
    const runtime = (globalThis as unknown as { chrome: { runtime: Runtime } }).chrome.runtime;
    const send = runtime.sendMessage.bind(runtime);
    const seen = { saves: 0 };
    (globalThis as unknown as { __batonSaves: typeof seen }).__batonSaves = seen;
    runtime.sendMessage = async (message: unknown) => {
      if ((message as { type?: string }).type !== 'disposition/save') return send(message);
      seen.saves += 1;
      const answer = await send(message);
      if (loseFirst && seen.saves === 1) throw new Error('The message port closed before a response was received.');
      return answer;
    };
  }, options.loseFirstAnswer ?? false);
  return async () => frame.evaluate(() => (globalThis as unknown as { __batonSaves: { saves: number } }).__batonSaves.saves);
}

/**
 * The clickjacking guard accepts a CRM write only once the panel has been in view for
 * MIN_VISIBLE_MS since its page loaded; a rep never gets to Save that fast, a test does.
 */
async function waitOutClickjackingGuard(page: Page) {
  await page.waitForTimeout(MIN_VISIBLE_MS);
}

/** Opens the lead and takes the rejection to the confirm step ("Write this to the CRM?"). */
async function reviewRejection(page: Page, sandbox: Sandbox) {
  await page.goto(recordUrl(sandbox, LEAD));
  const panel = panelFrame(page);
  await panel.getByRole('tab', { name: 'Outcome' }).click();
  await panel.getByText('Reject', { exact: true }).click();
  await panel.getByLabel('Reason').selectOption({ label: 'Competitor' });
  await panel.getByRole('button', { name: 'Review and save' }).click();
  await expect(panel.getByRole('button', { name: 'Save to CRM' })).toBeVisible();
  await waitOutClickjackingGuard(page);
}

/** One disposition in the CRM, and one in the panel's list, delivered. Returns its id. */
async function expectOneDisposition(page: Page, sandbox: Sandbox, writes: { contactUpdates: number; noteCreates: number }) {
  const panel = panelFrame(page);
  await expect(panel.locator('[data-outbox-state="delivered"]')).toHaveCount(1, { timeout: 20_000 });
  await expect(panel.locator('[data-outbox-id]')).toHaveCount(1);
  const id = await panel.locator('[data-outbox-id]').getAttribute('data-outbox-id');
  const crm = await readCrmDispositions(sandbox, [LEAD]);
  expect(crm.onContact.get(LEAD)).toBe(id);
  expect(crm.leadStatus.get(LEAD)).toBe('UNQUALIFIED');
  expect([...crm.notesPerDisposition.entries()]).toEqual([[id, 1]]);
  expect(writes).toEqual({ contactUpdates: 1, noteCreates: 1 });
  return id;
}

test.describe('one decision saved more than once is one disposition', () => {
  test.beforeEach(async ({ sandbox }) => {
    await ensureBatonProperties(createHubSpotClient({ baseUrl: sandbox.url, getAccessToken: async () => 'sandbox' }));
  });

  test('a double click on Save', async ({ page, sandbox, extension }) => {
    const writes = await countCrmWrites(extension.context, sandbox);
    await reviewRejection(page, sandbox);
    const saves = await watchSaves(await panelPage(page));
    // Two clicks in one task, before React re-renders the button as "Saving…" (disabled): a real
    // double click's second click can land there on a slow machine.
    await panelFrame(page).getByRole('button', { name: 'Save to CRM' }).evaluate((button: HTMLButtonElement) => {
      button.click();
      button.click();
    });
    await expectOneDisposition(page, sandbox, writes);
    expect(await saves()).toBe(2);
  });

  test('the first answer is lost after the CRM committed, and the rep clicks Save again', async ({ page, sandbox, extension }) => {
    const writes = await countCrmWrites(extension.context, sandbox);
    await reviewRejection(page, sandbox);
    const saves = await watchSaves(await panelPage(page), { loseFirstAnswer: true });
    const panel = panelFrame(page);
    await panel.getByRole('button', { name: 'Save to CRM' }).click();
    // The panel could not hear back, says so, and keeps the confirm step for another try...
    await expect(panel.getByText(/did not answer/)).toBeVisible();
    // ...while the background had it and the CRM committed it.
    await expect.poll(async () => (await readCrmDispositions(sandbox, [LEAD])).onContact.get(LEAD) ?? null, { timeout: 20_000 }).not.toBeNull();
    await panel.getByRole('button', { name: 'Save to CRM' }).click();
    await expect(panel.getByRole('button', { name: 'Save to CRM' })).toHaveCount(0);
    await expectOneDisposition(page, sandbox, writes);
    expect(await saves()).toBe(2);
  });

  test('the same lead open in two tabs, saved in both at once', async ({ page, sandbox, extension }) => {
    const writes = await countCrmWrites(extension.context, sandbox);
    const second = await extension.context.newPage();
    await reviewRejection(page, sandbox);
    await reviewRejection(second, sandbox);
    const savesFirst = await watchSaves(await panelPage(page));
    const savesSecond = await watchSaves(await panelPage(second));
    await Promise.all([page, second].map((p) => panelFrame(p).getByRole('button', { name: 'Save to CRM' }).click()));
    const id = await expectOneDisposition(page, sandbox, writes);
    // The other tab shows the same one entry.
    await expect(panelFrame(second).locator('[data-outbox-id]')).toHaveCount(1);
    await expect(panelFrame(second).locator(`[data-outbox-id="${id}"]`)).toHaveAttribute('data-outbox-state', 'delivered');
    expect([await savesFirst(), await savesSecond()]).toEqual([1, 1]);
  });
});
