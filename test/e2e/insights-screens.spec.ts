import { ensureBatonProperties } from '../../lib/crm/hubspot/baton-properties';
import { createHubSpotClient } from '../../lib/crm/hubspot/hubspot-client';
import { useSandbox } from './support/insights-page';
import { expect, test } from './fixtures';

/** Full-page screenshots of Insights at laptop widths (for review; run on demand with SHOTS_DIR set). */
test.skip(!process.env.SHOTS_DIR, 'screenshots only when SHOTS_DIR is set');

test('Insights at 1280 and 1440 px', async ({ page, sandbox, extension }) => {
  await ensureBatonProperties(createHubSpotClient({ baseUrl: sandbox.url, getAccessToken: async () => 'sandbox' }));
  await useSandbox(page, extension.extensionId, sandbox.url);
  for (const width of [1280, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`chrome-extension://${extension.extensionId}/insights.html`);
    await expect(page.getByTestId('read-status')).toContainText(/Read \d+ leads/, { timeout: 30_000 });
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `${process.env.SHOTS_DIR}/insights-${width}.png`, fullPage: true });
    // Tiles of the same page, readable at full size.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    for (let y = 0, i = 0; y < height; y += 1400, i++) {
      await page.screenshot({ path: `${process.env.SHOTS_DIR}/insights-${width}-tile${i}.png`, fullPage: true, clip: { x: 0, y, width, height: Math.min(1400, height - y) } });
    }
    if (width === 1280) {
      await page.getByRole('button', { name: /leads have no disposition after 7 days: list the leads/ }).click();
      await expect(page.getByTestId('drill-dialog').locator('table tbody tr').first()).toBeVisible({ timeout: 15_000 });
      await page.screenshot({ path: `${process.env.SHOTS_DIR}/insights-drill.png` });
      await page.keyboard.press('Escape');
    }
  }
});
