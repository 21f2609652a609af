import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { ensureBatonProperties } from '../../lib/crm/hubspot/baton-properties';
import { createHubSpotClient } from '../../lib/crm/hubspot/hubspot-client';
import { SANDBOX_SCENARIOS } from '../../lib/sandbox/scenarios';
import { expect, panelFrame, recordUrl, test } from './fixtures';
import { readJson } from './support/read-sandbox';

/** axe over the page, keeping only what is inside Baton's panel (the host CRM page is not ours to judge). */
async function panelViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.filter((n) => JSON.stringify(n.target).includes('baton-panel')).map((n) => n.html.slice(0, 120)) }))
    .filter((v) => v.nodes.length > 0);
}

test.describe('panel accessibility', () => {
  test('axe-core finds no violations in any tab of the panel', async ({ page, sandbox }) => {
    await page.goto(recordUrl(sandbox, SANDBOX_SCENARIOS.demoPrimary));
    const panel = panelFrame(page);
    await expect(panel.getByRole('timer')).toBeVisible();
    for (const tab of ['Brief', 'Qualify', 'Timeline', 'Outcome']) {
      await panel.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
      await page.waitForTimeout(200);
      expect(await panelViolations(page), `axe violations in the ${tab} tab`).toEqual([]);
    }
  });

  test('a rep can record a disposition with the keyboard alone', async ({ page, sandbox }) => {
    await ensureBatonProperties(createHubSpotClient({ baseUrl: sandbox.url, getAccessToken: async () => 'sandbox' }));
    const lead = SANDBOX_SCENARIOS.personalEmail;
    await page.goto(recordUrl(sandbox, lead));
    const panel = panelFrame(page);
    await expect(panel.getByRole('timer')).toBeVisible();

    // Into the tab list, then arrow keys between tabs (WAI-ARIA tabs pattern).
    await panel.getByRole('tab', { name: 'Brief' }).focus();
    await page.keyboard.press('End');
    await expect(panel.getByRole('tab', { name: 'Outcome' })).toBeFocused();
    await expect(panel.getByRole('tab', { name: 'Outcome' })).toHaveAttribute('aria-selected', 'true');

    // Tab into the form: the outcome radios, arrow keys to "Reject".
    await page.keyboard.press('Tab');
    await expect(panel.getByRole('radio', { name: 'Accept — working it' })).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(panel.getByRole('radio', { name: 'Reject' })).toBeChecked();
    await page.keyboard.press('Tab');
    await expect(panel.getByLabel('Reason')).toBeFocused();
    await page.keyboard.type('Student');
    await expect(panel.getByLabel('Reason')).toHaveValue('student');

    // On to the submit button, then the confirm step.
    for (let i = 0; i < 12; i++) {
      if (await panel.getByRole('button', { name: 'Review and save' }).evaluate((el) => el === document.activeElement)) break;
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await expect(panel.getByRole('region', { name: 'Write this to the CRM?' })).toBeVisible();
    await panel.getByRole('button', { name: 'Save to CRM' }).focus();
    await page.keyboard.press('Enter');
    await expect(panel.locator('[data-outbox-state="delivered"]')).toBeVisible({ timeout: 20_000 });
    const contact = await readJson(sandbox, `/crm/v3/objects/contacts/${lead}?properties=hs_lead_status,baton_disposition_reason_id`);
    expect(contact.properties).toMatchObject({ hs_lead_status: 'UNQUALIFIED', baton_disposition_reason_id: 'student' });
  });
});
