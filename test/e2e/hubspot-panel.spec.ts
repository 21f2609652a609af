import type { LaunchedExtension } from '../../lib/harness/launch-extension';
import { expect, panelFrame, test } from './fixtures';
import { HUBSPOT_CONTACT, HUBSPOT_LEAD, HUBSPOT_LEAD_WITHOUT_CONTACT, HUBSPOT_PORTAL, VALID_TOKEN, installScriptedHubSpot } from './support/scripted-hubspot';

// The production build: HubSpot hosts only, no localhost permission, no sandbox.
test.use({ build: 'production' });

const RECORD = `https://app.hubspot.com/contacts/${HUBSPOT_PORTAL}/record/0-1/${HUBSPOT_CONTACT}`;

/** Saves the valid token in the options page, as an admin would. */
async function connect(extension: LaunchedExtension): Promise<void> {
  const options = await extension.context.newPage();
  await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
  await options.getByRole('textbox', { name: 'Access token' }).fill(VALID_TOKEN);
  await options.getByRole('form', { name: 'HubSpot access token' }).getByRole('button', { name: 'Save and test' }).click();
  await expect(options.getByText(`Connected to HubSpot portal ${HUBSPOT_PORTAL}`)).toBeVisible({ timeout: 30_000 }); // a fresh profile: the first answer waits for the first policy read
  await options.close();
}

test.describe('panel on HubSpot (production build, scripted API)', () => {
  test('asks to connect HubSpot when no token is set', async ({ page, extension }) => {
    await installScriptedHubSpot(extension.context);
    await page.goto(RECORD);
    await expect(panelFrame(page).getByRole('alert')).toContainText("Connect HubSpot in Baton's options");
  });

  test("shows the contact's context once a token is saved in the options page", async ({ page, extension }) => {
    const hubspot = await installScriptedHubSpot(extension.context);
    const options = await extension.context.newPage();
    await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
    await options.getByRole('textbox', { name: 'Access token' }).fill(VALID_TOKEN);
    await options.getByRole('form', { name: 'HubSpot access token' }).getByRole('button', { name: 'Save and test' }).click();
    await expect(options.getByText(`Connected to HubSpot portal ${HUBSPOT_PORTAL}`)).toBeVisible({ timeout: 30_000 }); // a fresh profile: the first answer waits for the first policy read
    // The token field is cleared and the token is nowhere in extension storage.
    await expect(options.getByRole('textbox', { name: 'Access token' })).toHaveValue('');
    const stored = await extension.serviceWorker.evaluate(() => (globalThis as any).chrome.storage.local.get(null));
    expect(JSON.stringify(stored)).not.toContain(VALID_TOKEN);
    await options.close();

    // The options page's own reads (who the rep is, the portal's people and pipelines) are not the view's.
    const beforeView = hubspot.requests.length;
    await page.goto(RECORD);
    const panel = panelFrame(page);
    // The fixture's last name is a hostile string: it must arrive as text.
    await expect(panel.getByRole('heading', { level: 1 })).toHaveText('Ada <img src=x onerror=alert(1)>');
    await expect(panel.getByText('Acme Logistics', { exact: false }).first()).toBeVisible();
    await expect(panel.getByText('Sam Rep', { exact: false })).toBeVisible();
    await panel.getByRole('tab', { name: /^Timeline/ }).click();
    await expect(panel.getByTestId('timeline-row').first()).toBeVisible();
    expect(await panel.locator('img').count()).toBe(0);

    // Every API call carried the token; the lead view stayed within its request budget.
    expect(hubspot.requests.filter((r) => !r.path.startsWith('/account-info') && !r.path.startsWith('/oauth/')).every((r) => r.auth === `Bearer ${VALID_TOKEN}`)).toBe(true);
    const apiCalls = hubspot.requests.slice(beforeView).filter((r) => !r.path.startsWith('/account-info') && !r.path.startsWith('/oauth/'));
    // Per lead view: the contact, all its engagements in one v1 read (this contact has a call,
    // emails, a meeting, notes and a task), web events and email events: 4, whatever kinds of
    // touch the lead has. Shared lookups (property definitions, owner, email campaign names) are
    // cached across views. Nothing is asked twice.
    const perView = apiCalls.filter((r) => !/\/properties\/|\/owners\b|\/campaigns\/|\/pipelines\//.test(r.path)).map((r) => `${r.method} ${r.path.split('?')[0]}`);
    expect(perView.sort()).toEqual([
      'GET /crm/v3/objects/contacts/51',
      'GET /email/public/v1/events',
      `GET /engagements/v1/engagements/associated/CONTACT/${HUBSPOT_CONTACT}/paged`,
      'GET /events/v3/events',
    ]);
    expect(perView.length).toBeLessThanOrEqual(4);
    expect(perView.some((p) => p.endsWith('/batch/read'))).toBe(false);
    await expect(panel.getByRole('list', { name: 'Data source notices' })).toHaveCount(0);
    // The touches arrived: the owner's call after assignment stopped the SLA clock.
    await expect(panel.getByRole('timer')).toContainText(/Met/);

    // Coming back to the lead within the cache window costs no CRM request.
    const before = hubspot.requests.length;
    await page.goto('https://app.hubspot.com/contacts/4711/objects/0-1/views/all/list');
    await page.goto(RECORD);
    await expect(panel.getByRole('heading', { level: 1 })).toHaveText('Ada <img src=x onerror=alert(1)>');
    expect(hubspot.requests.length).toBe(before);

    // The panel leaves when HubSpot navigates off the record.
    await page.getByRole('link', { name: 'All contacts' }).click();
    await expect(page.locator('iframe[title="Baton lead panel"]')).toHaveCount(0);
  });

  test('when HubSpot has retired the engagements endpoint, the panel reads touches the slower way and says so', async ({ page, extension }) => {
    const hubspot = await installScriptedHubSpot(extension.context);
    await connect(extension);
    hubspot.queue('/engagements/v1/', { status: 404, body: { status: 'error', message: 'Not found', correlationId: 'c-404', category: 'OBJECT_NOT_FOUND' } });
    await page.goto(RECORD);
    const panel = panelFrame(page);
    await expect(panel.getByRole('heading', { level: 1 })).toHaveText('Ada <img src=x onerror=alert(1)>');
    await expect(panel.getByRole('list', { name: 'Data source notices' })).toContainText('Calls, emails and meetings: Read the slower way');
    // The 404, then one v3 batch read per kind of touch the contact has (calls, emails).
    const perView = hubspot.requests
      .filter((r) => !/^\/(account-info|oauth)\/|\/properties\/|\/owners\/|\/campaigns\//.test(r.path))
      .map((r) => `${r.method} ${r.path.split('?')[0]}`);
    expect(perView.filter((p) => p.endsWith('/batch/read')).sort()).toEqual(['POST /crm/v3/objects/calls/batch/read', 'POST /crm/v3/objects/emails/batch/read']);
    expect(perView.filter((p) => p.startsWith('GET /engagements/v1/'))).toHaveLength(1);
  });

  test('Test connection names the missing scopes, what stops working, and the rate-limit headroom', async ({ extension }) => {
    await installScriptedHubSpot(extension.context, { scopes: ['crm.objects.contacts.read', 'crm.objects.owners.read', 'crm.schemas.contacts.read'] });
    const options = await extension.context.newPage();
    await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
    await options.getByRole('textbox', { name: 'Access token' }).fill(VALID_TOKEN);
    await options.getByRole('form', { name: 'HubSpot access token' }).getByRole('button', { name: 'Save and test' }).click();
    await expect(options.getByText(`Connected to HubSpot portal ${HUBSPOT_PORTAL}`)).toBeVisible({ timeout: 30_000 }); // a fresh profile: the first answer waits for the first policy read
    const missing = options.getByRole('region', { name: 'Missing HubSpot scopes' });
    await expect(missing).toContainText('crm.objects.contacts.write');
    await expect(missing).toContainText('never written to HubSpot');
    await expect(missing).toContainText('crm.schemas.contacts.write');
    await expect(missing).not.toContainText('crm.objects.contacts.read');
    await expect(options.getByTestId('rate-limit-headroom')).toContainText('249,000 of 250,000 calls left today');
  });

  test("a HubSpot Leads record shows its contact's panel; a lead without a contact says so", async ({ page, extension }) => {
    const hubspot = await installScriptedHubSpot(extension.context);
    await connect(extension);

    await page.goto(`https://app.hubspot.com/contacts/${HUBSPOT_PORTAL}/record/0-136/${HUBSPOT_LEAD}`);
    const panel = panelFrame(page);
    await expect(panel.getByRole('heading', { level: 1 })).toHaveText('Ada <img src=x onerror=alert(1)>');
    expect(hubspot.requests.some((r) => r.path.startsWith(`/crm/v4/objects/leads/${HUBSPOT_LEAD}/associations/contacts`))).toBe(true);
    expect(hubspot.requests.some((r) => r.path.startsWith(`/crm/v3/objects/contacts/${HUBSPOT_CONTACT}`))).toBe(true);

    await page.goto(`https://app.hubspot.com/contacts/${HUBSPOT_PORTAL}/record/0-136/${HUBSPOT_LEAD_WITHOUT_CONTACT}`);
    await expect(panelFrame(page).getByRole('alert')).toContainText('no associated contact');
  });

  test('a rejected token asks the rep to reconnect', async ({ page, extension }) => {
    await installScriptedHubSpot(extension.context);
    const options = await extension.context.newPage();
    await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
    await options.getByRole('textbox', { name: 'Access token' }).fill('pat-na1-expired');
    await options.getByRole('form', { name: 'HubSpot access token' }).getByRole('button', { name: 'Save and test' }).click();
    await expect(options.getByRole('alert').filter({ hasText: 'Reconnect HubSpot' })).toBeVisible();
    // Opened again later, with the refused token known: one alert. "Who you are" and the sales
    // manager's choice cannot list HubSpot's people either, and say so quietly, pointing at the reconnect.
    await options.reload();
    await expect(options.getByRole('alert').filter({ hasText: 'Reconnect HubSpot' })).toBeVisible();
    const who = options.getByRole('region', { name: 'Who you are' });
    await expect(who.getByTestId('rep-identity-waits')).toContainText("HubSpot does not accept Baton's connection at the moment");
    await expect(who.getByRole('link', { name: 'CRM connection' })).toHaveAttribute('href', '#connection-heading');
    await expect(who.getByRole('alert')).toHaveCount(0);
    await expect(options.getByTestId('sales-manager-waits')).toContainText('Baton cannot list its users');
    await expect(options.getByRole('alert')).toHaveCount(1);
    await options.close();
    await page.goto(RECORD);
    await expect(panelFrame(page).getByRole('alert')).toContainText('Reconnect');
  });

  test('the production manifest carries no localhost permission and ignores local pages', async ({ extension, page }) => {
    const manifest = await extension.serviceWorker.evaluate(() => (globalThis as any).chrome.runtime.getManifest());
    const text = JSON.stringify(manifest);
    expect(text).not.toMatch(/127\.0\.0\.1|localhost/);
    // A page on localhost that looks like a record gets no panel.
    await extension.context.route('http://127.0.0.1:9/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<h1>record</h1>' }));
    await page.goto('http://127.0.0.1:9/contacts/2400001/record/0-1/101');
    await page.waitForTimeout(500);
    await expect(page.locator('iframe[title="Baton lead panel"]')).toHaveCount(0);
  });
});
