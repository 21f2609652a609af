import type { BrowserContext, Locator, Page, TestInfo } from '@playwright/test';
import { readJson } from './support/read-sandbox';
import { expect, panelFrame, recordUrl, test } from './fixtures';
import { SANDBOX_SCENARIOS } from '../../lib/sandbox/scenarios';
import { LIVE_SCRIPT_GLOBAL } from '../../lib/panel-host/live-script';

/*
 * "Make room": with Baton open, the CRM's own controls stay visible and usable. The sandbox's
 * record page is laid out like a CRM's (a fixed top bar across the viewport, three columns that
 * fill the width), so a panel laid over the page would cover the activity column's "Log call",
 * the associations column and the top bar's account menu at laptop widths.
 */

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
] as const;

/** The record page's primary actions, from the left column to the top bar's far right. */
const PRIMARY_ACTIONS = ['log-call', 'email-contact', 'activity-log-call', 'lead-link', 'account-menu'] as const;

/** The element itself is what the pointer hits at its centre: nothing of Baton's (or anything else) lies over it. */
async function expectOnTop(page: Page, target: Locator, name: string) {
  await target.scrollIntoViewIfNeeded();
  const box = await target.boundingBox();
  expect(box, `${name} has a box`).not.toBeNull();
  const viewport = page.viewportSize()!;
  expect(box!.x + box!.width, `${name} ends inside the viewport`).toBeLessThanOrEqual(viewport.width);
  const hit = await target.evaluate((el, [x, y]) => {
    const top = document.elementFromPoint(x!, y!);
    return top === el || el.contains(top) ? 'itself' : (top?.outerHTML.slice(0, 80) ?? 'nothing');
  }, [box!.x + box!.width / 2, box!.y + box!.height / 2]);
  expect(hit, `what the pointer hits at the centre of ${name}`).toBe('itself');
}

/** Every primary action is on top, and a real click (no force) lands on it. */
async function expectPrimaryActionsUsable(page: Page) {
  for (const id of PRIMARY_ACTIONS) await expectOnTop(page, page.getByTestId(id).first(), id);
  // Clicks that change nothing for good: links are checked as a click would be, without following them.
  await page.getByTestId('lead-link').first().click({ trial: true, timeout: 5000 });
  await page.getByTestId('account-menu').click({ trial: true, timeout: 5000 });
  await page.getByTestId('email-contact').click({ trial: true, timeout: 5000 });
  // "Log call" in the identity card and in the activity column both open the call form.
  for (const id of ['log-call', 'activity-log-call']) {
    await page.getByTestId(id).click({ timeout: 5000 });
    await expect(page.getByTestId('log-call-notes')).toBeVisible();
    await page.getByRole('button', { name: 'Cancel' }).click({ timeout: 5000 });
    await expect(page.getByTestId('log-call-notes')).toHaveCount(0);
  }
}

async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`) });
}

const htmlWidth = (page: Page) => page.evaluate(() => document.documentElement.getBoundingClientRect().width);
const panelHost = (page: Page) => page.locator('baton-panel');

test.describe('the docked panel makes room', () => {
  for (const size of SIZES) {
    test(`at ${size.width}×${size.height} the record's primary actions stay visible and clickable`, async ({ page, sandbox }, testInfo) => {
      await page.setViewportSize(size);
      const id = SANDBOX_SCENARIOS.demoPrimary;
      const contact = await readJson(sandbox, `/crm/v3/objects/contacts/${id}?properties=firstname,lastname`);
      await page.goto(recordUrl(sandbox, id));
      await expect(panelFrame(page).getByRole('heading', { level: 1 })).toHaveText(`${contact.properties.firstname} ${contact.properties.lastname}`);

      // The page reflows into the space left of the panel; the fixed top bar is pulled in with it.
      const panel = (await panelHost(page).boundingBox())!;
      expect(panel.x + panel.width).toBe(size.width);
      expect(await htmlWidth(page)).toBeCloseTo(size.width - panel.width, 0);
      const topBar = (await page.locator('header.topnav').boundingBox())!;
      expect(topBar.x + topBar.width).toBeLessThanOrEqual(panel.x + 1);

      await expectPrimaryActionsUsable(page);
      await screenshot(page, testInfo, `docked-${size.width}`);
    });
  }

  test('collapses with one click and stays collapsed after a reload; the page gets the room back', async ({ page, sandbox }, testInfo) => {
    await page.setViewportSize(SIZES[0]);
    await page.goto(recordUrl(sandbox, SANDBOX_SCENARIOS.demoPrimary));
    await expect(panelFrame(page).getByRole('timer')).toBeVisible();

    await page.getByRole('button', { name: 'Collapse Baton panel' }).click();
    const collapsed = page.getByRole('button', { name: 'Expand Baton panel' });
    await expect(collapsed).toHaveAttribute('aria-expanded', 'false');
    await expect(page.locator('iframe[title="Baton lead panel"]')).toBeHidden();
    const rail = (await panelHost(page).boundingBox())!.width;
    expect(rail).toBeLessThan(40);
    expect(await htmlWidth(page)).toBeCloseTo(SIZES[0].width - rail, 0);
    await expectPrimaryActionsUsable(page);
    await screenshot(page, testInfo, 'collapsed-1280');

    await page.reload();
    await expect(page.getByRole('button', { name: 'Expand Baton panel' })).toHaveAttribute('aria-expanded', 'false');
    await expect(page.locator('iframe[title="Baton lead panel"]')).toBeHidden();
    await page.getByRole('button', { name: 'Expand Baton panel' }).click();
    await expect(panelFrame(page).getByRole('timer')).toBeVisible();
  });

  test("comes first in the page's tab order", async ({ page, sandbox }) => {
    await page.setViewportSize(SIZES[0]);
    await page.goto(recordUrl(sandbox, SANDBOX_SCENARIOS.demoPrimary));
    await expect(panelFrame(page).getByRole('timer')).toBeVisible();
    // From the top of the page, the first Tab lands on the panel's own controls, not the CRM's.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Collapse Baton panel' })).toBeFocused();
  });

  test('resizes from the keyboard, and remembers its width', async ({ page, sandbox }) => {
    await page.setViewportSize(SIZES[1]);
    await page.goto(recordUrl(sandbox, SANDBOX_SCENARIOS.demoPrimary));
    await expect(panelFrame(page).getByRole('timer')).toBeVisible();

    // The resize handle follows the collapse button in the tab order.
    await page.getByRole('button', { name: 'Collapse Baton panel' }).focus();
    await page.keyboard.press('Tab');
    const handle = page.getByRole('separator', { name: 'Baton panel width' });
    await expect(handle).toBeFocused();
    const before = (await panelHost(page).boundingBox())!.width;
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(async () => (await panelHost(page).boundingBox())!.width).toBe(before + 64);
    await expect(handle).toHaveAttribute('aria-valuenow', String(before + 64));
    expect(await htmlWidth(page)).toBeCloseTo(SIZES[1].width - before - 64, 0);

    await page.reload();
    await expect(panelFrame(page).getByRole('timer')).toBeVisible();
    expect((await panelHost(page).boundingBox())!.width).toBe(before + 64);
  });

  test('the keyboard shortcut is assigned, and it shows and focuses the panel, then hides it and gives focus back', async ({ page, sandbox, extension }) => {
    await page.setViewportSize(SIZES[0]);
    await page.goto(recordUrl(sandbox, SANDBOX_SCENARIOS.demoPrimary));
    await expect(panelFrame(page).getByRole('timer')).toBeVisible();
    // Chrome assigns a suggested key only when nothing else holds it (Alt+Shift+B is Chrome's own).
    const commands: Array<{ name?: string; shortcut?: string }> = await extension.serviceWorker.evaluate(() => (globalThis as any).chrome.commands.getAll());
    expect(commands.find((c) => c.name === 'toggle-panel')?.shortcut).toBe('Alt+Shift+K');

    // Headless Chromium does not route key presses sent to a page through the browser's
    // shortcuts, so the test sends what the background sends the tab when the command fires.
    const pressShortcut = () =>
      extension.serviceWorker.evaluate(async () => {
        const { tabs } = (globalThis as any).chrome;
        const [tab] = await tabs.query({ active: true, lastFocusedWindow: true });
        await tabs.sendMessage(tab.id, { type: 'baton:toggle-panel' });
      });
    await page.getByRole('button', { name: 'Collapse Baton panel' }).click();
    await page.getByTestId('activity-log-call').focus();
    await pressShortcut();
    await expect(page.getByRole('button', { name: 'Collapse Baton panel' })).toHaveAttribute('aria-expanded', 'true');
    await expect(page.locator('iframe[title="Baton lead panel"]')).toBeFocused();
    await pressShortcut();
    await expect(page.getByRole('button', { name: 'Expand Baton panel' })).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByTestId('activity-log-call')).toBeFocused();
  });
});

/** The text of the browser's side panel, read over CDP: Playwright does not list side panels as pages. */
async function sidePanelText(context: BrowserContext): Promise<string> {
  const cdp = await context.browser()!.newBrowserCDPSession();
  try {
    const target = (await cdp.send('Target.getTargets')).targetInfos.find((t) => t.type === 'page' && /^chrome-extension:\/\/[^/]+\/panel\.html(?:\?|$)/.test(t.url));
    if (!target) return '';
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
    const reply = new Promise<string>((resolve) => {
      cdp.on('Target.receivedMessageFromTarget', (event) => {
        const message = JSON.parse(event.message) as { id?: number; result?: { result?: { value?: string } } };
        if (message.id === 1) resolve(message.result?.result?.value ?? '');
      });
    });
    await cdp.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({ id: 1, method: 'Runtime.evaluate', params: { expression: 'document.body.innerText', returnByValue: true } }),
    });
    return await reply;
  } finally {
    await cdp.detach();
  }
}

/**
 * Baton's JavaScript worlds in the page's top frame, from CDP: the contexts there whose origin is
 * the extension's (its isolated world: where the registered or an injected content script runs),
 * and how many of them hold a running copy of the content script (it keeps its stop switch under a global
 * there, lib/panel-host/live-script.ts). Playwright's own utility world has the page's origin, so
 * it is not counted.
 */
async function batonWorldsOnPage(page: Page, extensionId: string): Promise<{ worlds: number; running: number }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const contexts: Array<{ id: number; origin: string; auxData?: { frameId?: string } }> = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => void contexts.push(context));
    await cdp.send('Runtime.enable'); // reports every context that exists
    const baton = contexts.filter((c) => c.auxData?.frameId === frameTree.frame.id && c.origin === `chrome-extension://${extensionId}`);
    let running = 0;
    for (const context of baton) {
      const { result } = await cdp.send('Runtime.evaluate', { contextId: context.id, expression: `globalThis.${LIVE_SCRIPT_GLOBAL}?.signal.aborted === false`, returnByValue: true });
      if (result.value === true) running++;
    }
    return { worlds: baton.length, running };
  } finally {
    await cdp.detach();
  }
}

/** The ids of the content scripts Chrome has registered for Baton (runtime registration, not the manifest). */
const registeredScripts = (extension: { serviceWorker: { evaluate<T>(fn: () => Promise<T>): Promise<T> } }) =>
  extension.serviceWorker.evaluate(async () => ((await (globalThis as any).chrome.scripting.getRegisteredContentScripts()) as Array<{ id: string }>).map((s) => s.id));

test.describe("the browser's side panel", () => {
  test('puts nothing on the CRM page, opens beside it, follows the tab, and gives the page back its panel when switched back', async ({ page, sandbox, extension }, testInfo) => {
    await page.setViewportSize(SIZES[0]);
    const first = SANDBOX_SCENARIOS.demoPrimary;
    const second = SANDBOX_SCENARIOS.demoSecondary;
    const name = async (id: string) => {
      const contact = await readJson(sandbox, `/crm/v3/objects/contacts/${id}?properties=firstname,lastname`);
      return `${contact.properties.firstname} ${contact.properties.lastname}`;
    };
    await page.goto(recordUrl(sandbox, first));
    await expect(panelFrame(page).getByRole('timer')).toBeVisible();
    // Docked: Chrome runs the registered script in Baton's isolated world of the page (the control for the checks below).
    expect(await registeredScripts(extension)).toEqual(['baton-crm']);
    expect(await batonWorldsOnPage(page, extension.extensionId)).toEqual({ worlds: 1, running: 1 });

    const options = await extension.context.newPage();
    await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
    const placement = options.getByRole('region', { name: 'Where Baton shows' });
    await placement.getByRole('radio', { name: /side panel/ }).click();
    await expect(placement.getByRole('radio', { name: /side panel/ })).toBeChecked();

    // The open CRM tab drops its docked panel without a reload and has its full width back; the
    // copy of the script that ran there has stopped.
    await expect(panelHost(page)).toHaveCount(0);
    expect(await htmlWidth(page)).toBe(SIZES[0].width);
    await expect.poll(() => batonWorldsOnPage(page, extension.extensionId)).toEqual({ worlds: 1, running: 0 });
    // The background takes the content script's registration away, so a new page load in
    // side-panel mode gets no Baton script at all: no element, and no Baton world in the page.
    await expect.poll(() => registeredScripts(extension)).toEqual([]);
    await page.reload();
    await page.getByTestId('record-name').waitFor();
    await page.waitForTimeout(500); // a content script runs at document_idle; give one the chance to (wrongly) appear
    await expect(panelHost(page)).toHaveCount(0);
    await expect(page.locator('iframe')).toHaveCount(0);
    // Blink gives a frame's new document an empty context for every world the frame used before,
    // so this reloaded tab still has one; no Baton code runs in it.
    expect((await batonWorldsOnPage(page, extension.extensionId)).running).toBe(0);
    // A CRM tab opened in side-panel mode has no Baton world at all.
    const fresh = await extension.context.newPage();
    await fresh.goto(recordUrl(sandbox, first));
    await fresh.getByTestId('record-name').waitFor();
    await fresh.waitForTimeout(500);
    expect(await batonWorldsOnPage(fresh, extension.extensionId)).toEqual({ worlds: 0, running: 0 });
    await expect(panelHost(fresh)).toHaveCount(0);
    await fresh.close();

    // Chrome opens a side panel only for a click or a key: the options page's button is a click.
    await placement.getByRole('button', { name: 'Open Baton in the side panel' }).click();
    await expect(placement.getByRole('alert')).toHaveCount(0);
    await page.bringToFront();
    await expect.poll(() => sidePanelText(extension.context), { timeout: 15_000 }).toContain(await name(first));

    await expectPrimaryActionsUsable(page);
    await screenshot(page, testInfo, 'side-panel-1280');

    // Client-side navigation in the CRM: the side panel follows.
    await page.evaluate((path) => {
      history.pushState({}, '', path);
      dispatchEvent(new PopStateEvent('popstate'));
    }, new URL(recordUrl(sandbox, second)).pathname);
    await expect.poll(() => sidePanelText(extension.context), { timeout: 15_000 }).toContain(await name(second));
    // Another tab in front: the side panel follows it (a page that is no record: no lead).
    await options.bringToFront();
    await expect.poll(() => sidePanelText(extension.context), { timeout: 15_000 }).not.toContain(await name(second));

    // Back to "beside the CRM record": the open tab, which loaded with no Baton script, docks the
    // panel without a reload (the background injects the script into open CRM tabs), once.
    await placement.getByRole('radio', { name: /Beside the CRM record/ }).click();
    await page.bringToFront();
    await expect(panelFrame(page).getByRole('heading', { level: 1 })).toHaveText(await name(second));
    await expect(panelHost(page)).toHaveCount(1);
    expect(await batonWorldsOnPage(page, extension.extensionId)).toEqual({ worlds: 1, running: 1 });
    // And the script is registered again: a CRM page opened now gets the panel as it loads.
    expect(await registeredScripts(extension)).toEqual(['baton-crm']);
    const another = await extension.context.newPage();
    await another.setViewportSize(SIZES[0]);
    await another.goto(recordUrl(sandbox, first));
    await expect(panelFrame(another).getByRole('heading', { level: 1 })).toHaveText(await name(first));
    await expect(panelHost(another)).toHaveCount(1);
  });
});
