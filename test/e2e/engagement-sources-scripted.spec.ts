import type { LaunchedExtension } from '../../lib/harness/launch-extension';
import { expect, panelFrame, test } from './fixtures';
import { installScriptedMarketo, MKTO_CLIENT_ID, MKTO_CLIENT_SECRET, MKTO_ENDPOINT } from './support/scripted-marketo';
import { installScriptedSalesforce, SF_CONSUMER_KEY, SF_LEAD_ID, SF_LIGHTNING, SF_MY_DOMAIN } from './support/scripted-salesforce';

/*
 * The production build with a scripted Salesforce org and a scripted Marketo instance (both answered
 * by `context.route` from the vendors' references): the admin connects Salesforce, sets up Marketo
 * (Save and test), and a rep's Lightning lead shows its Marketo activity, Marketo named; with
 * Marketo over its rate limit (606), the lead still shows and Marketo is named as busy.
 */
test.use({ build: 'production' });

const RECORD = `${SF_LIGHTNING}/lightning/r/Lead/${SF_LEAD_ID}/view`;

async function setUp(extension: LaunchedExtension) {
  // Salesforce chosen as the CRM (the choice itself is salesforce-scripted.spec.ts's subject).
  await extension.serviceWorker.evaluate(() =>
    (globalThis as any).chrome.storage.local.set({ connection: { schema: 2, provider: 'salesforce', address: 'vendor', sandboxUrl: 'http://127.0.0.1:4477', providers: {} } }),
  );
  const options = await extension.context.newPage();
  await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
  await expect(options.getByText('No Salesforce org connected yet.')).toBeVisible({ timeout: 20_000 });
  await options.getByRole('textbox', { name: 'My Domain' }).fill(SF_MY_DOMAIN);
  await options.getByRole('textbox', { name: 'Consumer key' }).fill(SF_CONSUMER_KEY);
  await options.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(options.getByText(`Connected to the Salesforce org ${SF_MY_DOMAIN}`)).toBeVisible({ timeout: 20_000 });

  const marketo = options.getByRole('region', { name: 'Marketing engagement sources' }).getByRole('group', { name: 'Marketo Engage' });
  await marketo.getByRole('textbox', { name: 'REST endpoint' }).fill(`${MKTO_ENDPOINT}/rest`);
  await marketo.getByRole('textbox', { name: 'Client id' }).fill(MKTO_CLIENT_ID);
  await marketo.getByLabel('Client secret').fill(MKTO_CLIENT_SECRET);
  await marketo.getByRole('button', { name: 'Save and test' }).click();
  await expect(marketo.getByRole('status')).toContainText('Connected to Marketo');
  await options.close();
}

test.describe('Marketing engagement sources (production build, scripted Salesforce and Marketo)', () => {
  test("a Lightning lead shows its Marketo activity, Marketo named; three Marketo requests for the lead, none on a revisit", async ({ page, extension }) => {
    test.setTimeout(90_000);
    await installScriptedSalesforce(extension.context);
    const marketo = await installScriptedMarketo(extension.context, { email: 'priya@rivalsoft.io' });
    await setUp(extension);

    await page.goto(RECORD);
    const panel = panelFrame(page);
    await expect(panel.getByRole('heading', { level: 1 })).toHaveText('Priya Natarajan', { timeout: 30_000 });
    await expect(panel.getByRole('list', { name: 'Marketing engagement sources' })).toContainText('Marketo: 3 activities in the timeline');
    await panel.getByRole('tab', { name: /^Timeline/ }).click();
    await expect(panel.getByTestId('timeline-row').filter({ hasText: 'Compare plans form' })).toBeVisible();
    await expect(panel.getByTestId('timeline-row').filter({ hasText: 'Webinar: Pipeline hygiene' })).toBeVisible();
    // Every REST call carried the token in the header; the per-lead reads are the person, the paging token and the activities.
    const rest = marketo.requests.filter((r) => r.path.startsWith('/rest/'));
    expect(rest.every((r) => r.auth === 'Bearer scripted-mkto-token' && !r.path.includes('access_token'))).toBe(true);
    const perLead = rest.filter((r) => !r.path.startsWith('/rest/v1/activities/types.json')).map((r) => r.path.split('?')[0]);
    expect(perLead).toEqual(['/rest/v1/leads.json', '/rest/v1/activities/pagingtoken.json', '/rest/v1/activities.json']);

    // A revisit within the cache window costs Marketo nothing.
    const before = marketo.requests.length;
    await page.goto('about:blank');
    await page.goto(RECORD);
    await expect(panelFrame(page).getByRole('heading', { level: 1 })).toHaveText('Priya Natarajan', { timeout: 30_000 });
    expect(marketo.requests.length).toBe(before);
  });

  test('Marketo over its rate limit (606): the lead shows, Marketo is named as busy', async ({ page, extension }) => {
    test.setTimeout(90_000);
    await installScriptedSalesforce(extension.context);
    const marketo = await installScriptedMarketo(extension.context, { email: 'priya@rivalsoft.io' });
    await setUp(extension);
    marketo.failNext('606', 5);
    await page.goto(RECORD);
    const panel = panelFrame(page);
    await expect(panel.getByRole('heading', { level: 1 })).toHaveText('Priya Natarajan', { timeout: 30_000 });
    await expect(panel.getByRole('list', { name: 'Data source notices' })).toContainText('Marketo is busy');
  });
});
