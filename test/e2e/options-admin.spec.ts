import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// The demo build: the admin settings ship their defaults, nothing is stored until an admin saves.

function optionsUrl(extensionId: string): string {
  return `chrome-extension://${extensionId}/options.html`;
}

function slaCard(page: Page) {
  return page.getByRole('region', { name: /^SLA policy/ });
}

/** The default policy from the editor, edited as a document (not by string surgery). */
async function editorJson(page: Page): Promise<Record<string, any>> {
  return JSON.parse(await slaCard(page).getByRole('textbox', { name: 'SLA policy JSON' }).inputValue());
}

test.describe('options page: shared admin settings', () => {
  test('edit the SLA policy: a bad value names its field, a fixed one saves and survives a reload', async ({ page, extension }) => {
    await page.goto(optionsUrl(extension.extensionId));
    const card = slaCard(page);
    await expect(card.getByRole('heading', { level: 3 })).toContainText('v1.0.0');
    await card.getByRole('button', { name: /Edit JSON/ }).click();
    const editor = card.getByRole('textbox', { name: 'SLA policy JSON' });

    const policy = await editorJson(page);
    policy.tiers[0].target.amount = -5;
    await editor.fill(JSON.stringify(policy, null, 2));
    await card.getByRole('button', { name: 'Save' }).click();
    const alert = card.getByRole('alert');
    await expect(alert).toContainText('tiers.0.target.amount');
    await expect(alert).toContainText('tiers.0.target.amount: must be 0 or more');
    await expect(editor).toHaveAttribute('aria-invalid', 'true');
    const describedBy = (await editor.getAttribute('aria-describedby')) ?? '';
    expect(describedBy.split(' ')).toContain(await alert.getAttribute('id'));
    // The error takes the caret to the field.
    await alert.getByRole('button', { name: /^Go to line \d+$/ }).click();
    await expect(editor).toBeFocused();
    expect(await editor.evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd))).toBe('"amount": -5,');

    // Valid, but changed without a new version: the publishing rule says what is missing.
    policy.tiers[0].target.amount = 3;
    await editor.fill(JSON.stringify(policy, null, 2));
    await card.getByRole('button', { name: 'Save' }).click();
    await expect(alert).toContainText('version: must be higher than 1.0.0');

    policy.version = '1.1.0';
    policy.changeLog.push({ version: '1.1.0', at: '2026-11-22T12:00:00Z', author: 'RevOps', summary: 'Demo requests within 3 business minutes.' });
    await editor.fill(JSON.stringify(policy, null, 2));
    await card.getByRole('button', { name: 'Save' }).click();
    await expect(card.getByRole('status')).toHaveText('Saved. SLA policy version 1.1.0 is now in force.');
    await expect(editor).not.toHaveAttribute('aria-invalid', 'true');
    await expect(card.getByRole('alert')).toHaveCount(0);

    await page.reload();
    await expect(card.getByRole('heading', { level: 3 })).toContainText('v1.1.0');
    await expect(card.getByRole('row', { name: /Demo request/ })).toContainText('3 business minutes');
    await expect(card.getByRole('listitem').filter({ hasText: 'Demo requests within 3 business minutes.' })).toContainText('v1.1.0');
    await card.getByRole('button', { name: /Edit JSON/ }).click();
    expect((await editorJson(page)).tiers[0].target.amount).toBe(3);
  });

  test('export downloads the JSON; importing a file loads, validates and saves it', async ({ page, extension }) => {
    await page.goto(optionsUrl(extension.extensionId));
    const card = slaCard(page);
    const downloadPromise = page.waitForEvent('download');
    await card.getByRole('button', { name: /^Export/ }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toBe('baton-sla-policy-v1.0.0.json');
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(exported).toMatchObject({ id: 'baton-default', version: '1.0.0', defaultTierId: 'mql' });

    // An edited export, as an admin would bring it back.
    exported.version = '2.0.0';
    exported.changeLog.push({ version: '2.0.0', at: '2026-11-22T12:00:00Z', author: 'RevOps', summary: 'Open on Saturdays.' });
    exported.calendar.weeklyHours.sat = [{ start: '10:00', end: '14:00' }];
    await card.locator('input[type="file"]').setInputFiles({ name: 'baton-sla-policy-v2.0.0.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported, null, 2)) });
    await expect(card.getByRole('status')).toContainText('Imported baton-sla-policy-v2.0.0.json. Valid. Saving publishes version 2.0.0');
    await expect(card.getByRole('textbox', { name: 'SLA policy JSON' })).toBeFocused();
    await card.getByRole('button', { name: 'Save' }).click();
    await expect(card.getByRole('status')).toHaveText('Saved. SLA policy version 2.0.0 is now in force.');
    await expect(card.getByRole('heading', { level: 3 })).toContainText('v2.0.0');
    await expect(card.getByText('Mon–Fri 09:00–17:00 · Sat 10:00–14:00 · Sun closed')).toBeVisible();

    // A broken file is not saved: the error says where.
    await card.locator('input[type="file"]').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{\n  "id": "x",\n}') });
    await expect(card.getByRole('alert')).toContainText('not valid JSON');
    await expect(card.getByRole('alert')).toContainText('line 3');
    await page.reload();
    await expect(card.getByRole('heading', { level: 3 })).toContainText('v2.0.0');
  });

  test('works from the keyboard alone', async ({ page, extension }) => {
    await page.goto(optionsUrl(extension.extensionId));
    const card = page.getByRole('region', { name: /^Attempt policy/ });
    await card.getByRole('button', { name: /Edit JSON/ }).focus();
    await page.keyboard.press('Enter');
    const editor = card.getByRole('textbox', { name: 'Attempt policy JSON' });
    for (let i = 0; i < 5 && !(await editor.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(editor).toBeFocused();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('{ "unreachableAfterAttempts": 5 }');
    await page.keyboard.press('Tab');
    await expect(card.getByRole('button', { name: 'Save' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(card.getByRole('status')).toHaveText('Saved. Attempt policy is now in force.');
    await expect(card.getByText('after 5 logged contact attempts')).toBeVisible();

    // Reset asks first; focus moves to the safe choice, and stays in the card afterwards.
    await card.getByRole('button', { name: 'Reset to default' }).focus();
    await page.keyboard.press('Enter');
    await expect(card.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(card.getByRole('button', { name: 'Yes, reset' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(card.getByRole('status')).toHaveText('Reset to the shipped default.');
    await expect(editor).toBeFocused();
    await expect(card.getByText('after 3 logged contact attempts')).toBeVisible();
  });

  test('has no axe-core violations, with an editor open and showing errors too', async ({ page, extension }) => {
    await page.goto(optionsUrl(extension.extensionId));
    await expect(slaCard(page).getByRole('heading', { level: 3 })).toBeVisible();
    const initial = await new AxeBuilder({ page }).analyze();
    expect(initial.violations).toEqual([]);

    const card = slaCard(page);
    await card.getByRole('button', { name: /Edit JSON/ }).click();
    await card.getByRole('textbox', { name: 'SLA policy JSON' }).fill('{ "tiers": [] ');
    await card.getByRole('button', { name: 'Validate' }).click();
    await expect(card.getByRole('alert')).toBeVisible();
    const editing = await new AxeBuilder({ page }).analyze();
    expect(editing.violations).toEqual([]);
  });
});
