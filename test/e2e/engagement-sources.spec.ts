import type { Page } from '@playwright/test';
import { SANDBOX_BUSINESS_UNIT_ID } from '../../lib/sandbox/account-engagement/account-engagement-seed';
import { SANDBOX_MARKETO_CLIENT_ID, SANDBOX_MARKETO_CLIENT_SECRET } from '../../lib/sandbox/marketo/marketo-dialect';
import { SALESFORCE_LEAD_SCENARIOS } from '../../lib/sandbox/salesforce/salesforce-scenarios';
import { expect, panelFrame, test } from './fixtures';

/*
 * Marketing engagement sources on the sandbox CRM (demo build): an admin sets up Marketo and
 * Account Engagement in the options page (Save and test against the sandbox's dialects); a
 * Salesforce Lead with Marketo history and one with Account Engagement history show those events
 * in the timeline and the brief, with the platform named; with the Marketo dialect failing, the
 * CRM's own data still shows and Marketo is named as not read.
 */

/** Elena Marsh: in Marketo (lib/sandbox/marketo/marketo-seed.ts). */
const MARKETO_LEAD = SALESFORCE_LEAD_SCENARIOS.demoPrimary;
/** Marcus Okafor: in Account Engagement (lib/sandbox/account-engagement/account-engagement-seed.ts). */
const ACCOUNT_ENGAGEMENT_LEAD = SALESFORCE_LEAD_SCENARIOS.demoSecondary;

async function setUpSources(page: Page, extensionId: string, sandboxUrl: string) {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const address = page.getByRole('textbox', { name: /Sandbox address/ });
  await address.fill(sandboxUrl);
  await address.press('Enter');
  const sources = page.getByRole('region', { name: 'Marketing engagement sources' });
  await expect(sources).toBeVisible();

  const marketo = sources.getByRole('group', { name: 'Marketo Engage' });
  await marketo.getByRole('textbox', { name: 'REST endpoint' }).fill('https://123-ABC-456.mktorest.com');
  await marketo.getByRole('textbox', { name: 'Client id' }).fill(SANDBOX_MARKETO_CLIENT_ID);
  await marketo.getByLabel('Client secret').fill(SANDBOX_MARKETO_CLIENT_SECRET);
  await marketo.getByRole('button', { name: 'Save and test' }).click();
  await expect(marketo.getByRole('status')).toContainText('Connected to Marketo');
  // The secret is never shown again, nor kept where content scripts read.
  await expect(marketo.getByLabel('Client secret')).toHaveValue('');

  const accountEngagement = sources.getByRole('group', { name: 'Account Engagement (Pardot)' });
  await accountEngagement.getByRole('textbox', { name: 'Business Unit id' }).fill(SANDBOX_BUSINESS_UNIT_ID);
  await accountEngagement.getByRole('button', { name: 'Save and test' }).click();
  await expect(accountEngagement.getByRole('status')).toContainText('Connected to Account Engagement');
}

async function openLead(page: Page, sandboxUrl: string, id: string) {
  await page.goto(`${sandboxUrl}/lightning/r/Lead/${id}/view`);
  const panel = panelFrame(page);
  await expect(panel.getByRole('timer')).toBeVisible({ timeout: 30_000 });
  return panel;
}

test('Marketo and Account Engagement history in the timeline and brief of Salesforce leads, each platform named', async ({ page, extension, sandbox }) => {
  test.setTimeout(120_000);
  await setUpSources(page, extension.extensionId, sandbox.url);
  const stored = await extension.serviceWorker.evaluate(() => (globalThis as any).chrome.storage.local.get(null));
  expect(JSON.stringify(stored)).not.toContain(SANDBOX_MARKETO_CLIENT_SECRET);

  const panel = await openLead(page, sandbox.url, MARKETO_LEAD);
  const platforms = panel.getByRole('list', { name: 'Marketing engagement sources' });
  await expect(platforms).toContainText('Marketo');
  await expect(panel.getByRole('region', { name: "Why they're here" })).toContainText(/Talk to sales \(Marketo form\)|Freight visibility/);
  await panel.getByRole('tab', { name: /^Timeline/ }).click();
  await expect(panel.getByTestId('timeline-row').filter({ hasText: 'Talk to sales (Marketo form)' })).toBeVisible();
  await expect(panel.getByTestId('timeline-row').filter({ hasText: 'Freight visibility in 30 minutes' }).first()).toBeVisible();

  const other = await openLead(page, sandbox.url, ACCOUNT_ENGAGEMENT_LEAD);
  await expect(other.getByRole('list', { name: 'Marketing engagement sources' })).toContainText('Account Engagement');
  await other.getByRole('tab', { name: /^Timeline/ }).click();
  await expect(other.getByTestId('timeline-row').filter({ hasText: 'Webinar: HIPAA-ready pipelines' }).first()).toBeVisible();
  await other.getByRole('tab', { name: 'Brief' }).click();
  await expect(other.getByRole('tabpanel')).toContainText(/HIPAA-ready pipelines|Healthcare data security checklist|Pricing/);
});

test('Marketo failing: the CRM data still shows and Marketo is named as not read', async ({ page, extension, sandbox }) => {
  test.setTimeout(120_000);
  await setUpSources(page, extension.extensionId, sandbox.url);
  sandbox.failNext({ status: 503, pathPrefix: '/rest/v1/', count: 50 });
  const panel = await openLead(page, sandbox.url, MARKETO_LEAD);
  await expect(panel.getByRole('heading', { level: 1 })).toContainText('Elena');
  const notices = panel.getByRole('list', { name: 'Data source notices' });
  await expect(notices).toContainText('Marketo');
  await expect(notices).toContainText('could not be reached');
  await panel.getByRole('tab', { name: /^Timeline/ }).click();
  await expect(panel.getByTestId('timeline-row').filter({ hasText: 'Talk to sales (Marketo form)' })).toHaveCount(0);
});
