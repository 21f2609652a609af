import type { Route } from '@playwright/test';
import { listRequiredHubSpotScopes } from '../../lib/crm/hubspot/required-scopes';
import { expect, test } from './fixtures';

// The production build, against a scripted HubSpot that knows one OAuth access token.
test.use({ build: 'production' });

const PORTAL = '4711';
// HubSpot's documented example of an OAuth access token (opaque, no pat- prefix).
const OAUTH_TOKEN = 'CJSP5qf1KhICAQEYs-gDIIGOBii1hQIyGQAf3xBKmlwHjX7OIpuIFEavB2-qYAGQsF4';
const EXPIRES_IN_SECONDS = 25 * 60;

test.describe('HubSpot token kinds in the options page (production build)', () => {
  test('says what a pasted token is before saving; an OAuth token reports its expiry and a warning', async ({ extension }) => {
    const asked: string[] = [];
    await extension.context.route('https://api.hubapi.com/**', async (route: Route) => {
      const url = new URL(route.request().url());
      asked.push(`${route.request().method()} ${url.pathname}`);
      const json = (status: number, body: unknown) => route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body), headers: { 'access-control-allow-origin': '*' } });
      if (route.request().headers()['authorization'] !== `Bearer ${OAUTH_TOKEN}`) return json(401, { status: 'error', message: 'Authentication credentials not found.', correlationId: 'c', category: 'INVALID_AUTHENTICATION' });
      if (url.pathname === '/account-info/v3/details') return json(200, { portalId: Number(PORTAL), uiDomain: 'app.hubspot.com' });
      if (url.pathname === `/oauth/v1/access-tokens/${OAUTH_TOKEN}`) {
        return json(200, { token: OAUTH_TOKEN, hub_id: Number(PORTAL), app_id: 456789, user_id: 1, user: 'admin@example.com', hub_domain: 'example.com', scopes: ['oauth', ...listRequiredHubSpotScopes()], token_type: 'access', expires_in: EXPIRES_IN_SECONDS });
      }
      return json(404, { status: 'error', message: `no route ${url.pathname}`, correlationId: 'c', category: 'OBJECT_NOT_FOUND' });
    });

    const options = await extension.context.newPage();
    await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
    const field = options.getByRole('textbox', { name: 'Access token' });
    const hint = options.getByTestId('pasted-token-kind');

    // Recognised while pasting, nothing sent yet.
    await field.fill('na1-ab12-cd34-ef56-gh78-abcdef123456');
    await expect(hint).toContainText('OAuth refresh token');
    await expect(hint).toContainText('client secret');
    await field.fill('pat-na1-11111111-2222-3333-4444-555555555555');
    await expect(hint).toContainText('Private-app access token or service key');
    expect(asked).toEqual([]);

    // Saved from the keyboard: the check asks HubSpot's OAuth token endpoint, not the private-app one.
    await field.fill(OAUTH_TOKEN);
    await expect(hint).toContainText('OAuth access token');
    await field.press('Enter');
    // The check is a round trip through the worker to the scripted CRM, queued behind the options
    // page's own opening reads (team rules, who you are, lead statuses): on a loaded 2-core machine
    // that took over 10 s once, so this one wait is longer than the default.
    await expect(options.getByText(`Connected to HubSpot portal ${PORTAL}`)).toBeVisible({ timeout: 30_000 });
    await expect(options.getByTestId('token-kind')).toHaveText('Token: OAuth access token.');
    const expiry = options.getByTestId('token-expiry');
    await expect(expiry).toHaveAttribute('role', 'alert');
    await expect(expiry).toContainText(/expires in (24|25) minutes/);
    await expect(expiry).toContainText("Baton cannot refresh it: that needs the app's client secret");
    await expect(expiry).toContainText('reconnect HubSpot');
    expect(asked).toContain(`GET /oauth/v1/access-tokens/${OAUTH_TOKEN}`);
    expect(asked.some((a) => a.includes('/oauth/v2/private-apps/'))).toBe(false);
    await expect(options.getByText('The token has every scope Baton needs.')).toBeVisible();
  });
});
