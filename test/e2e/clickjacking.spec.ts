import type { Page } from '@playwright/test';
import { ensureBatonProperties } from '../../lib/crm/hubspot/baton-properties';
import { createHubSpotClient } from '../../lib/crm/hubspot/hubspot-client';
import { expect, panelFrame, test } from './fixtures';
import { openLeadPanel, outboxSize } from './support/hostile-page';

/*
 * Item 14 of the hostile-input suite (clickjacking), in real Chromium on the demo build: the CRM
 * page makes the panel invisible (opacity 0 on the element holding the iframe), lays a decoy over
 * it, or moves it off-screen, while the rep's click lands on "Save to CRM". Each time the panel
 * refuses and says why (IntersectionObserver v2, from inside the iframe), and nothing is queued.
 * A panel uncovered a moment before the click is refused too (it must have been in view for a
 * while); once it has been in plain view that long, the same click saves.
 */

const HIDDEN = /the Baton panel is hidden or partly covered/;
const OFF_SCREEN = /the Baton panel is not on screen/;
const JUST_SHOWN = /the Baton panel came into view only a moment ago/;

/** Outcome tab → Reject, Competitor → Review: the confirm step with "Save to CRM". */
async function reachConfirmStep(page: Page) {
  const panel = panelFrame(page);
  await panel.getByRole('tab', { name: 'Outcome' }).click();
  await panel.getByText('Reject', { exact: true }).click();
  await panel.getByLabel('Reason').selectOption({ label: 'Competitor' });
  await panel.getByRole('button', { name: 'Review and save' }).click();
  await expect(panel.getByRole('button', { name: 'Save to CRM' })).toBeVisible();
}

/** The rep's click on Save, delivered inside the panel whatever the page did to the frame around it. */
async function clickSave(page: Page) {
  await panelFrame(page).getByRole('button', { name: 'Save to CRM' }).dispatchEvent('click');
}

/**
 * The page uncovers the panel (`uncover`, in the page) and the lured click lands at once: an
 * observer armed in the panel beforehand clicks Save in the same step as Chromium's first report
 * that Save is painted unobscured (the report Baton's own observers get), well inside the minimum
 * time, however slow the round trips between the test and the browser are.
 */
async function clickSaveAsSoonAsUncovered(page: Page, uncover: () => Promise<void>) {
  const save = panelFrame(page).getByRole('button', { name: 'Save to CRM' });
  await save.evaluate((button) => {
    (window as unknown as { clickedWhenShown: Promise<void> }).clickedWhenShown = new Promise<void>((resolve) => {
      let hidden = false;
      const observer = new IntersectionObserver(
        (entries) => {
          const visible = entries.some((entry) => (entry as IntersectionObserverEntry & { isVisible?: boolean }).isVisible);
          if (!visible) hidden = true;
          if (!visible || !hidden) return;
          observer.disconnect();
          // After the other observers' callbacks for the same report (Baton's), before anything else.
          setTimeout(() => {
            (button as HTMLButtonElement).click();
            resolve();
          }, 0);
        },
        { threshold: [0], trackVisibility: true, delay: 100 } as IntersectionObserverInit,
      );
      observer.observe(button);
    });
  });
  await uncover();
  await save.evaluate(() => (window as unknown as { clickedWhenShown: Promise<void> }).clickedWhenShown);
}

/** The page's script, styling the element that holds Baton's iframe (its own DOM). */
async function styleHost(page: Page, css: string) {
  await page.evaluate((style) => {
    const host = document.querySelector('baton-panel') as HTMLElement;
    host.style.cssText += style;
  }, css);
}

test.describe('clickjacking: Save refused while the page hides or covers the panel', () => {
  test.beforeEach(async ({ sandbox }) => {
    await ensureBatonProperties(createHubSpotClient({ baseUrl: sandbox.url, getAccessToken: async () => 'sandbox' }));
  });

  test('opacity 0, a decoy overlay, moved off-screen: refused with the reason; in plain view: saved', async ({ page, sandbox, extension }) => {
    await openLeadPanel(page, sandbox);
    await reachConfirmStep(page);
    const panel = panelFrame(page);

    // 1. The page fades the panel out (opacity 0 on an ancestor of the iframe) under a decoy button.
    await styleHost(page, ';opacity:0 !important');
    await page.waitForTimeout(300); // the browser reports visibility at most every 100 ms
    await clickSave(page);
    await expect(panel.getByRole('alert').filter({ hasText: HIDDEN })).toBeVisible();
    expect(await outboxSize(extension.serviceWorker)).toBe(0);
    await styleHost(page, ';opacity:1 !important');

    // 2. A decoy laid over the panel (clicks pass through to the iframe below). Absolutely placed
    // against the viewport: the docked panel pulls the page's fixed boxes out from under it, so a
    // fixed decoy may not cover it at all.
    await page.evaluate(() => {
      const decoy = document.createElement('div');
      decoy.id = 'decoy';
      decoy.textContent = 'Click here to win a prize';
      decoy.style.cssText = 'position:absolute;left:0;top:0;width:100vw;height:100vh;z-index:2147483647;background:#fff;pointer-events:none;font:40px sans-serif';
      document.body.append(decoy);
    });
    await page.waitForTimeout(300);
    await clickSave(page);
    await expect(panel.getByRole('alert').filter({ hasText: HIDDEN })).toBeVisible();
    expect(await outboxSize(extension.serviceWorker)).toBe(0);

    // 2b. The decoy is lifted a moment before the click lands: the panel is in view, but only just.
    await clickSaveAsSoonAsUncovered(page, () => page.evaluate(() => document.getElementById('decoy')?.remove()));
    await expect(panel.getByRole('alert').filter({ hasText: JUST_SHOWN })).toBeVisible();
    expect(await outboxSize(extension.serviceWorker)).toBe(0);

    // 3. Moved off-screen.
    await styleHost(page, ';transform:translateX(5000px) !important');
    await page.waitForTimeout(300);
    await clickSave(page);
    await expect(panel.getByRole('alert').filter({ hasText: OFF_SCREEN })).toBeVisible();
    expect(await outboxSize(extension.serviceWorker)).toBe(0);
    await styleHost(page, ';transform:none !important');

    // 4. In plain view for a while (the guard's minimum is 600 ms): the same click saves, and the
    // disposition goes out.
    await page.waitForTimeout(1_000);
    await clickSave(page);
    await expect(panel.locator('[data-outbox-state]').first()).toBeVisible({ timeout: 20_000 });
    expect(await outboxSize(extension.serviceWorker)).toBe(1);
  });

  test('a normal save (a real click, no page tricks) is not held up by the guard', async ({ page, sandbox }) => {
    await openLeadPanel(page, sandbox);
    await reachConfirmStep(page);
    const panel = panelFrame(page);
    await panel.getByRole('button', { name: 'Save to CRM' }).click();
    await expect(panel.locator('[data-outbox-state="delivered"]')).toBeVisible({ timeout: 20_000 });
    await expect(panel.getByRole('alert').filter({ hasText: HIDDEN })).toHaveCount(0);
  });
});
