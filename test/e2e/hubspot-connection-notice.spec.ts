import type { LaunchedExtension } from '../../lib/harness/launch-extension';
import { expect, panelFrame, test } from './fixtures';
import { panelViolations } from './support/panel-axe';
import { HUBSPOT_CONTACT, HUBSPOT_PORTAL, VALID_TOKEN, installScriptedHubSpot } from './support/scripted-hubspot';

// The production build against a scripted HubSpot: what the rep sees when the connection is
// about to stop, or has stopped, working. The rep never opens the options page.
test.use({ build: 'production' });

const RECORD = `https://app.hubspot.com/contacts/${HUBSPOT_PORTAL}/record/0-1/${HUBSPOT_CONTACT}`;
// HubSpot's documented example of an OAuth access token (opaque, no pat- prefix).
const OAUTH_TOKEN = 'CJSP5qf1KhICAQEYs-gDIIGOBii1hQIyGQAf3xBKmlwHjX7OIpuIFEavB2-qYAGQsF4';

async function connect(extension: LaunchedExtension, token: string): Promise<void> {
  const options = await extension.context.newPage();
  await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
  await options.getByRole('textbox', { name: 'Access token' }).fill(token);
  await options.getByRole('form', { name: 'HubSpot access token' }).getByRole('button', { name: 'Save and test' }).click();
  await expect(options.getByText(`Connected to HubSpot portal ${HUBSPOT_PORTAL}`)).toBeVisible({ timeout: 30_000 }); // a fresh profile: the first answer waits for the first policy read
  await options.close();
}

test.describe("the rep's panel says when the HubSpot connection stops working (production build)", () => {
  test('an OAuth token expiring in 25 minutes: a status asking the rep to have their admin reconnect, with no extra request', async ({ page, extension }) => {
    const hubspot = await installScriptedHubSpot(extension.context, { token: OAUTH_TOKEN, oauthExpiresInSeconds: 25 * 60 });
    await connect(extension, OAUTH_TOKEN);
    const before = hubspot.requests.length;

    await page.goto(RECORD);
    const panel = panelFrame(page);
    await expect(panel.getByRole('heading', { level: 1 })).toHaveText('Ada <img src=x onerror=alert(1)>');
    const notice = panel.getByTestId('connection-notice');
    await expect(notice).toHaveAttribute('role', 'status');
    await expect(notice).toContainText(/Baton's connection to HubSpot expires at \d{2}:\d{2}\. Ask your admin to reconnect HubSpot/);
    expect(await panelViolations(page), 'axe violations with the expiry notice shown').toEqual([]);
    // What the background already knew: the lead view asked HubSpot nothing about the token.
    const asked = hubspot.requests.slice(before).map((r) => r.path);
    expect(asked.filter((p) => p.startsWith('/oauth/') || p.startsWith('/account-info/'))).toEqual([]);
  });

  test('a private-app token: no notice; then HubSpot answers 401 to a disposition: an alert, the write waits', async ({ page, extension }) => {
    const hubspot = await installScriptedHubSpot(extension.context);
    await connect(extension, VALID_TOKEN);
    await page.goto(RECORD);
    const panel = panelFrame(page);
    await expect(panel.getByRole('heading', { level: 1 })).toHaveText('Ada <img src=x onerror=alert(1)>');
    await panel.getByRole('tab', { name: 'Outcome' }).click();
    await expect(panel.getByTestId('connection-notice')).toHaveCount(0);

    // The token is revoked in HubSpot: every call from now on is refused.
    const unauthorized = { status: 401, body: { status: 'error', message: 'Authentication credentials not found.', correlationId: 'c-401', category: 'INVALID_AUTHENTICATION' } };
    hubspot.queue('/crm/', ...Array.from({ length: 20 }, () => unauthorized));
    await panel.getByText('Accept — working it', { exact: true }).click();
    await panel.getByRole('button', { name: 'Review and save' }).click();
    await panel.getByRole('button', { name: 'Save to CRM' }).click();

    await expect(panel.locator('[data-outbox-state="parked"]')).toContainText('Reconnect the CRM to send this', { timeout: 20_000 });
    const notice = panel.getByTestId('connection-notice');
    await expect(notice).toHaveAttribute('role', 'alert');
    await expect(notice).toContainText("HubSpot no longer accepts Baton's connection: 1 change waits in Baton. Ask your admin to reconnect HubSpot");
    expect(await panelViolations(page), 'axe violations with the stopped notice shown').toEqual([]);
  });
});
