import type { Page } from '@playwright/test';
import type { LaunchedExtension } from '../../lib/harness/launch-extension';
import { DAILY_LIMIT_MESSAGE } from '../../lib/outbox/delivery-policy';
import { expect, panelFrame, test } from './fixtures';
import { stopServiceWorker } from './support/relaunch';
import { installScriptedSalesforce, SF_CONSUMER_KEY, SF_LEAD_ID, SF_LIGHTNING, SF_MY_DOMAIN, type ScriptedSalesforce, type SfRequest } from './support/scripted-salesforce';

/*
 * The production build against a scripted Salesforce org (support/scripted-salesforce.ts, written
 * from Salesforce's REST and OAuth references): the admin connects with the org's My Domain and a
 * consumer key (OAuth with PKCE through launchWebAuthFlow, scripted offline), a rep opens a Lead
 * on the org's Lightning host and rejects it as a competitor; what Baton sent is asserted on.
 */
test.use({ build: 'production' });

const RECORD = `${SF_LIGHTNING}/lightning/r/Lead/${SF_LEAD_ID}/view`;
const isTaskUpsert = (r: SfRequest) => r.method === 'PATCH' && r.path.startsWith('/services/data/v62.0/sobjects/Task/Baton_Id__c/');
const isLeadPatch = (r: SfRequest) => r.method === 'PATCH' && r.path === `/services/data/v62.0/sobjects/Lead/${SF_LEAD_ID}`;

async function connect(extension: LaunchedExtension) {
  const options = await extension.context.newPage();
  await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
  // A click, then wait: the radio is controlled by the saved settings, so it turns checked only
  // once the save has landed (check() would fail if React re-renders before that).
  const salesforce = options.getByRole('radio', { name: /^Salesforce/ });
  await salesforce.click();
  await expect(salesforce).toBeChecked();
  // The choice is saved and the form re-rendered for it before the admin types. A fresh profile's
  // first answer waits for Chrome's first read of IT's policy, seconds on a loaded machine.
  await expect(options.getByText('No Salesforce org connected yet.')).toBeVisible({ timeout: 30_000 });
  await options.getByRole('textbox', { name: 'My Domain' }).fill(SF_MY_DOMAIN);
  await options.getByRole('textbox', { name: 'Consumer key' }).fill(SF_CONSUMER_KEY);
  await expect(options.getByRole('textbox', { name: 'My Domain' })).toHaveValue(SF_MY_DOMAIN);
  await options.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(options.getByText(`Connected to the Salesforce org ${SF_MY_DOMAIN}`)).toBeVisible({ timeout: 20_000 });
  return options;
}

async function rejectAsCompetitor(page: Page) {
  const panel = panelFrame(page);
  await expect(panel.getByRole('heading', { level: 1 })).toHaveText('Priya Natarajan', { timeout: 30_000 });
  await panel.getByRole('tab', { name: 'Outcome' }).click();
  await panel.getByText('Reject', { exact: true }).click();
  await panel.getByLabel('Reason').selectOption({ label: 'Competitor' });
  await panel.getByRole('button', { name: 'Review and save' }).click();
  await panel.getByRole('button', { name: 'Save to CRM' }).click();
}

function expectWrittenOnce(org: ScriptedSalesforce) {
  expect(org.lead).toMatchObject({ Status: 'Closed - Not Converted', Baton_Disposition__c: 'rejected', Baton_Disposition_Reason_Id__c: 'competitor' });
  expect(org.tasks.size).toBe(1);
  const [task] = [...org.tasks.values()];
  expect(task!.Baton_Id__c).toBe(org.lead.Baton_Disposition_Id__c);
}

test.describe('Salesforce (production build, scripted org)', () => {
  test('connect, the panel on a Lightning lead, reject as competitor: Status and fields written, exactly one Task', async ({ page, extension }) => {
    test.setTimeout(90_000);
    const org = await installScriptedSalesforce(extension.context);
    const options = await connect(extension);
    await expect(options.getByText('as admin@acme.com (Alex Admin)')).toBeVisible();
    await expect(options.getByTestId('rate-limit-headroom')).toContainText('of 15,000 requests left');
    // The lead-status mapping offers the org's own statuses, converted ones left out.
    const rejected = options.getByRole('combobox', { name: 'Rejected' });
    await expect(rejected).toHaveValue('Closed - Not Converted');
    await expect(rejected.locator('option')).toHaveText(['Open - Not Contacted (default for new leads)', 'Working - Contacted', 'Closed - Not Converted']);
    expect(org.requests.filter((r) => r.path.includes('FROM LeadStatus'))).toHaveLength(1);
    await options.close();
    // The sign-in was the web-server flow with PKCE, against the My Domain.
    expect(org.tokenGrants).toEqual(['authorization_code']);

    const before = org.requests.length;
    await page.goto(RECORD);
    const panel = panelFrame(page);
    await expect(panel.getByRole('timer')).toBeVisible({ timeout: 30_000 });
    await expect(panel.getByRole('heading', { level: 1 })).toHaveText('Priya Natarajan');
    const view = org.requests.slice(before).filter((r) => !r.path.startsWith('/services/oauth2'));
    // At most 4 requests for the lead, plus describe once (the Account Engagement probe) and the
    // org's lead-status labels once per 10 minutes (the header names the status by its label).
    const statusLabels = view.filter((r) => r.path.includes('FROM LeadStatus'));
    expect(statusLabels.length).toBeLessThanOrEqual(1);
    expect(view.filter((r) => !r.path.endsWith('/describe') && !r.path.includes('FROM LeadStatus')).length).toBeLessThanOrEqual(4);

    await rejectAsCompetitor(page);
    await expect(panel.locator('[data-outbox-state="delivered"]')).toBeVisible({ timeout: 30_000 });
    expectWrittenOnce(org);
    expect(org.requests.filter(isTaskUpsert)).toHaveLength(1);
    const patch = org.requests.filter(isLeadPatch);
    expect(patch).toHaveLength(1);
    expect(patch[0]!.auth).toBe('Bearer scripted-access-1');
  });

  test('a 401 INVALID_SESSION_ID renews the session once and the write goes through', async ({ page, extension }) => {
    test.setTimeout(90_000);
    const org = await installScriptedSalesforce(extension.context);
    await (await connect(extension)).close();
    await page.goto(RECORD);
    org.queue(isLeadPatch, { status: 401, body: [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }] });
    await rejectAsCompetitor(page);
    await expect(panelFrame(page).locator('[data-outbox-state="delivered"]')).toBeVisible({ timeout: 30_000 });

    expect(org.tokenGrants).toEqual(['authorization_code', 'refresh_token']);
    const patches = org.requests.filter(isLeadPatch);
    expect(patches.map((r) => r.auth)).toEqual(['Bearer scripted-access-1', 'Bearer scripted-access-2']);
    expectWrittenOnce(org);
  });

  test('403 REQUEST_LIMIT_EXCEEDED parks the disposition: the panel says so and nothing more is sent', async ({ page, extension }) => {
    test.setTimeout(90_000);
    const org = await installScriptedSalesforce(extension.context);
    await (await connect(extension)).close();
    await page.goto(RECORD);
    org.queue(isTaskUpsert, { status: 403, body: [{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }] });
    await rejectAsCompetitor(page);

    const parked = panelFrame(page).locator('[data-outbox-state="parked"]');
    await expect(parked).toBeVisible({ timeout: 30_000 });
    await expect(parked).toContainText(DAILY_LIMIT_MESSAGE);
    const sent = org.requests.length;
    // Nothing is retried behind the rep's back while the org has no headroom.
    await page.waitForTimeout(2_000);
    expect(org.requests.slice(sent).filter((r) => isTaskUpsert(r) || isLeadPatch(r))).toHaveLength(0);
    expect(org.requests.filter(isTaskUpsert)).toHaveLength(1);
    expect(org.tasks.size).toBe(0);
    expect(org.lead.Status).toBe('Open - Not Contacted');
  });

  test('the service worker stops after Salesforce committed the Task, before its answer: still exactly one Task', async ({ page, extension }) => {
    test.setTimeout(150_000);
    const org = await installScriptedSalesforce(extension.context);
    await (await connect(extension)).close();
    await page.goto(RECORD);
    const { held } = org.holdAnswers(isTaskUpsert);
    await rejectAsCompetitor(page);
    await held;
    expect(org.tasks.size).toBe(1);

    // The worker dies with the upsert's answer in flight (as an idle MV3 worker may).
    // Closing its target from a browser-level session really stops it (stopAllWorkers on a page
    // session leaves an extension's worker running; see support/relaunch.ts).
    await stopServiceWorker(extension.context, extension.extensionId);
    org.clearScript();

    // A new worker starts and delivers from the durable outbox: the upsert finds the Task.
    await page.reload();
    await panelFrame(page).getByRole('tab', { name: 'Outcome' }).click();
    await expect(panelFrame(page).locator('[data-outbox-state="delivered"]')).toBeVisible({ timeout: 100_000 });
    const upserts = org.requests.filter(isTaskUpsert);
    expect(upserts.length).toBeGreaterThanOrEqual(2);
    expect(new Set(upserts.map((r) => r.path)).size).toBe(1);
    expectWrittenOnce(org);
  });
});
