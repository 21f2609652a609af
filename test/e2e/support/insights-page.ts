import type { Page } from '@playwright/test';
import { expect } from '../fixtures';

/** Points the extension at this test's sandbox (random port) the way an admin would: options, Sandbox address, Save. */
export async function useSandbox(page: Page, extensionId: string, sandboxUrl: string): Promise<void> {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const field = page.getByLabel('Sandbox address');
  await field.fill(sandboxUrl);
  await field.press('Enter');
  await expect(field).toHaveValue(sandboxUrl);
  // Saved settings are read back by the options page; wait for the stored value to come back.
  await page.reload();
  await expect(page.getByLabel('Sandbox address')).toHaveValue(sandboxUrl);
}

/** The body rows of an Insights table (`data-table` name), as the cells' text. */
export async function tableRows(page: Page, name: string): Promise<string[][]> {
  return page.locator(`table[data-table="${name}"] tbody tr`).evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').trim())));
}
