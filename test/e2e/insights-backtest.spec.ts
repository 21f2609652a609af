import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { ensureBatonProperties } from '../../lib/crm/hubspot/baton-properties';
import { createHubSpotClient } from '../../lib/crm/hubspot/hubspot-client';
import { parseCsv } from '../../lib/domain/qualification/parse-csv';
import { STRICT_SQL_DEFINITION } from '../../lib/domain/qualification/strict-sql-definition';
import { useSandbox, tableRows } from './support/insights-page';
import { expect, test } from './fixtures';

/*
 * "Backtest a definition" on the sandbox's seeded history: the strict sample against the default
 * definition over the last 6 months. The figures are the seeded story (lib/sandbox/
 * seed-qualification-inputs.ts), fixed relative to the sandbox's clock.
 */



async function csvOf(page: Page, caption: string): Promise<string[][]> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `Export CSV: ${caption}` }).click()]);
  return parseCsv(readFileSync((await download.path()) as string, 'utf8'));
}

test.describe('Baton Insights: backtest a definition', () => {
  test.beforeEach(async ({ sandbox }) => {
    await ensureBatonProperties(createHubSpotClient({ baseUrl: sandbox.url, getAccessToken: async () => 'sandbox' }));
  });

  test('the strict sample over the last 6 months: exact figures, skipped leads explained, CSVs match the tables', async ({ page, sandbox, extension }) => {
    await useSandbox(page, extension.extensionId, sandbox.url);
    await page.goto(`chrome-extension://${extension.extensionId}/insights.html`);
    const section = page.locator('section[data-section="backtest"]');
    await expect(section.getByRole('heading', { name: 'Backtest a definition' })).toBeVisible();
    // Nothing published but the default: the strict sample is the candidate on first open.
    await expect(section.getByLabel('Candidate definition')).toHaveValue('sample:strict');
    await expect(section.getByLabel('Dispositioned in')).toHaveValue('6');
    await expect(section.getByRole('status')).toContainText('Replayed 168 of 261 leads dispositioned in the last 6 months', { timeout: 30_000 });
    await expect(section.getByRole('note').first()).toContainText('93 of 261 dispositioned leads were skipped');
    await expect(section.getByRole('note').first()).toContainText('93 have no recorded inputs: they were dispositioned before Baton recorded what the definition saw');

    const summary = await tableRows(page, 'backtest-summary');
    expect(summary).toEqual([
      ['Leads that pass (sales-qualified)', '53', '25', '28 fewer'],
      ['Not yet qualified', '97', '67', '30 fewer'],
      ['Disqualified', '18', '76', '58 more'],
      ['Precision vs opportunity (passed leads that became one)', '30.2% (16 of 53)', '36.0% (9 of 25)', '5.8 pts higher'],
      ['Recall vs opportunity (opportunities the definition passed)', '45.7% (16 of 35)', '25.7% (9 of 35)', '20.0 pts lower'],
      ['Precision vs won (settled leads: 153)', '6.7% (3 of 45)', '15.8% (3 of 19)', '9.1 pts higher'],
      ['Recall vs won (won deals the definition passed)', '27.3% (3 of 11)', '27.3% (3 of 11)', 'no change'],
    ]);
    const headers = await page.locator('table[data-table="backtest-summary"] thead th').allTextContents();
    expect(headers).toEqual(['Measure', 'Current: Default SQL definition v2', 'Candidate: Strict SQL definition v3', 'Change']);
    expect(await csvOf(page, 'Backtest: current definition and candidate')).toEqual([headers, ...summary]);

    await expect(section.getByRole('heading', { name: 'Leads whose verdict changes (68)' })).toBeVisible();
    const flips = await tableRows(page, 'backtest-flipped-leads');
    expect(flips).toHaveLength(68);
    // No lead passes only under the strict definition; no webinar or referral lead changes.
    expect(flips.filter((row) => row[5] === 'Now passes')).toEqual([]);
    expect(flips.filter((row) => row[2] === 'Q4 Webinar Series' || row[2] === 'Partner referral — Snowflake')).toEqual([]);
    expect(flips.filter((row) => row[2] === 'Q4 Pipeline Automation' && row[5] === 'No longer passes').length).toBeGreaterThan(0);
    const flipHeaders = await page.locator('table[data-table="backtest-flipped-leads"] thead th').allTextContents();
    expect(await csvOf(page, 'Backtest: leads whose verdict changes')).toEqual([flipHeaders, ...flips]);

    const axe = await new AxeBuilder({ page }).include('section[data-section="backtest"]').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    // The last 3 months: every decision there was recorded with its inputs.
    await section.getByLabel('Dispositioned in').selectOption('3');
    await expect(section.getByRole('status')).toContainText(/Replayed (\d+) of \1 leads dispositioned in the last 3 months/, { timeout: 30_000 });
  });

  test('an imported file: field-path errors for a broken one; a valid one is backtested', async ({ page, sandbox, extension }) => {
    await useSandbox(page, extension.extensionId, sandbox.url);
    await page.goto(`chrome-extension://${extension.extensionId}/insights.html`);
    const section = page.locator('section[data-section="backtest"]');
    await expect(section.getByRole('status')).toContainText('Replayed 168 of 261', { timeout: 30_000 });

    const broken = { ...STRICT_SQL_DEFINITION, fit: { ...STRICT_SQL_DEFINITION.fit, employees: { min: 'fifty' } } };
    await section.getByLabel('Or import a definition (JSON)').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    await expect(section.getByRole('alert')).toContainText('That file is not a valid SQL definition');
    await expect(section.getByRole('alert')).toContainText('fit.employees.min');

    const draft = { ...STRICT_SQL_DEFINITION, version: 4, name: 'Draft <b>definition</b>', changeLog: [...STRICT_SQL_DEFINITION.changeLog, { version: 4, date: '2026-12-06', author: 'RevOps', summary: 'Draft' }] };
    await section.getByLabel('Or import a definition (JSON)').setInputFiles({ name: 'draft.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(draft)) });
    await expect(section.getByRole('alert')).toHaveCount(0);
    await expect(section.getByLabel('Candidate definition')).toHaveValue('file:draft.json');
    // The name is shown as text, never as markup.
    await expect(page.locator('table[data-table="backtest-summary"] thead th').nth(2)).toHaveText('Candidate: Draft <b>definition</b> v4', { timeout: 30_000 });
    expect((await tableRows(page, 'backtest-summary'))[0]).toEqual(['Leads that pass (sales-qualified)', '53', '25', '28 fewer']);
  });

  test('SLA compliance by tier: the tiers written with the seeded dispositions, none unrecorded; CSV matches', async ({ page, sandbox, extension }) => {
    await useSandbox(page, extension.extensionId, sandbox.url);
    await page.goto(`chrome-extension://${extension.extensionId}/insights.html`);
    // The first read is shown as it goes: read the table once it is complete, so the CSV taken
    // after it is of the same figures.
    await expect(page.getByTestId('read-status')).toContainText(/Read \d+ leads from the sandbox CRM/, { timeout: 30_000 });
    // Tables fold under their charts: open this one as a reader would.
    await page.getByText('Table: SLA by tier (3 rows)').click();
    await expect(page.locator('table[data-table="sla-by-tier"] tbody tr').first()).toBeVisible();
    const rows = await tableRows(page, 'sla-by-tier');
    expect(rows.map((row) => row[0]).sort()).toEqual(['Contact sales', 'Demo request', 'MQL']);
    // Every seeded disposition says whether its SLA was met: "SLA known" equals "Responses".
    for (const row of rows) expect(row[1]).toBe(row[4]);
    const headers = await page.locator('table[data-table="sla-by-tier"] thead th').allTextContents();
    expect(await csvOf(page, 'SLA by tier')).toEqual([headers, ...rows]);
  });
});
