import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { SANDBOX_SCENARIOS } from '../../lib/sandbox/scenarios';
import { expect, recordUrl, test } from './fixtures';

// The demo build: the shared rules ship their defaults; the form and the JSON view edit one draft.

const optionsUrl = (extensionId: string) => `chrome-extension://${extensionId}/options.html`;
const card = (page: Page, name: RegExp) => page.getByRole('region', { name });

/** Screenshots of a card at 1280 px wide, in pieces a person can read (for looking at, not asserted). */
async function shootCard(page: Page, region: Locator, name: string) {
  const box = await region.boundingBox();
  if (!box) return;
  const scrollY = await page.evaluate(() => window.scrollY); // boundingBox is in the viewport; a full-page clip is in the page
  const dir = process.env.BATON_OUTPUT_DIR ?? '.output';
  for (let top = 0, i = 1; top < box.height; top += 1100, i++) {
    await page.screenshot({ path: `${dir}/${name}-${i}.png`, fullPage: true, clip: { x: 0, y: box.y + scrollY + top, width: 1280, height: Math.min(1100, box.height - top) } });
  }
}

async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
}

test.describe('options page: the rules editor', () => {
  // Big forms on a shared two-core machine: axe over every field takes a while.
  test.slow();
  test('the SQL definition edited in the form is the same draft as the JSON, and tested against a sandbox lead', async ({ page, extension, sandbox }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(optionsUrl(extension.extensionId));
    const sql = card(page, /^SQL definition/);
    await sql.getByRole('button', { name: /^Edit the .* in a form$/ }).click();
    await expect(sql.getByRole('button', { name: 'Form', pressed: true })).toBeVisible();

    // Edit a criterion's label by keyboard, then see it in the JSON view.
    const label = sql.getByRole('textbox', { name: 'Timeline: label the rep reads' });
    await label.fill('Timeline: a start date within the quarter');
    await sql.getByRole('button', { name: 'JSON', exact: true }).click();
    const json = JSON.parse(await sql.getByRole('textbox', { name: 'SQL definition JSON' }).inputValue());
    expect(json.bant.timeline.label).toBe('Timeline: a start date within the quarter');
    await sql.getByRole('button', { name: 'Form', exact: true }).click();
    await expect(sql.getByRole('textbox', { name: 'Timeline: label the rep reads' })).toHaveValue('Timeline: a start date within the quarter');

    // A pattern's example box answers as it is typed.
    const tryIt = sql.getByRole('textbox', { name: 'Try an example' }).first();
    await tryIt.fill('What budget do you have?');
    await expect(sql.getByRole('status').filter({ hasText: /^Matches/ }).first()).toBeVisible();

    // Test against a lead: the sandbox's demo lead, read as the panel reads it.
    await sql.getByRole('textbox', { name: 'Lead’s CRM address or e-mail' }).fill(recordUrl(sandbox, SANDBOX_SCENARIOS.demoPrimary));
    await sql.getByRole('button', { name: 'Test', exact: true }).click();
    const table = sql.getByRole('table', { name: /criterion by criterion/ });
    await expect(table).toBeVisible({ timeout: 20_000 });
    await expect(table.getByRole('rowheader', { name: 'Verdict' })).toBeVisible();
    expect(await table.getByRole('row').count()).toBeGreaterThan(5);
    await table.screenshot({ path: `${process.env.BATON_OUTPUT_DIR ?? '.output'}/rules-editor-lead-test.png` });

    // An address that is not a lead record says so.
    await sql.getByRole('textbox', { name: 'Lead’s CRM address or e-mail' }).fill('https://example.com/not-a-crm');
    await sql.getByRole('button', { name: 'Test', exact: true }).click();
    await expect(sql.getByText(/neither an e-mail address nor a lead or contact record/)).toBeVisible();

    expect(await axeViolations(page)).toEqual([]);
    await shootCard(page, sql, 'rules-editor-sql');
  });

  test('the SLA policy form: a second block of hours on a day, a holiday, and an error shown at its field; axe-clean', async ({ page, extension }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(optionsUrl(extension.extensionId));
    const sla = card(page, /^SLA policy/);
    await sla.getByRole('button', { name: /^Edit the .* in a form$/ }).click();

    await sla.getByRole('button', { name: 'Add hours on Monday' }).click();
    // Focus moves to the new block's first time, so the keyboard carries on there.
    await expect(sla.getByRole('textbox', { name: /^Monday block 2 opens$/ })).toBeFocused();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('18:00');
    await sla.getByRole('textbox', { name: /^Monday block 2 closes$/ }).fill('20:00');

    await sla.locator('summary', { hasText: 'Holidays' }).click();
    await sla.getByRole('button', { name: 'Add a holiday' }).click();
    const dates = sla.getByLabel('Date', { exact: true });
    await dates.last().fill('2026-12-24');

    const amount = sla.getByRole('textbox', { name: 'First touch within' }).first();
    await amount.fill('-5');
    await expect(amount).toHaveAttribute('aria-invalid', 'true');
    await expect(amount).toHaveAccessibleDescription(/must be 0 or more/);

    await sla.getByRole('button', { name: 'JSON', exact: true }).click();
    const policy = JSON.parse(await sla.getByRole('textbox', { name: 'SLA policy JSON' }).inputValue());
    expect(policy.calendar.weeklyHours.mon.at(-1)).toEqual({ start: '18:00', end: '20:00' });
    expect(policy.calendar.holidays.at(-1)).toEqual({ date: '2026-12-24' });
    expect(policy.tiers[0].target.amount).toBe(-5);
    await sla.getByRole('button', { name: 'Form', exact: true }).click();

    // Reasons in the form too, so the page is checked with every form open and an error showing.
    await card(page, /^Disposition reasons/).getByRole('button', { name: /^Edit the .* in a form$/ }).click();
    expect(await axeViolations(page)).toEqual([]);
    await shootCard(page, sla, 'rules-editor-sla');
    await shootCard(page, card(page, /^Disposition reasons/), 'rules-editor-reasons');
  });
});
