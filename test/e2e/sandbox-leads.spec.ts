import { readJson } from './support/read-sandbox';
import { expect, panelFrame, recordUrl, test } from './fixtures';
import { SANDBOX_LEAD_SCENARIOS, SANDBOX_PORTAL_ID, SANDBOX_SCENARIOS } from '../../lib/sandbox/scenarios';

/**
 * HubSpot Leads records (object 0-136) on the sandbox CRM, demo build: the same page reader,
 * background resolver and panel as on app.hubspot.com, against the sandbox's own Leads API.
 */
const leadUrl = (origin: string, leadId: string): string => `${origin}/contacts/${SANDBOX_PORTAL_ID}/record/0-136/${leadId}`;

async function contactName(sandbox: Parameters<typeof readJson>[0], id: string): Promise<string> {
  const contact = await readJson(sandbox, `/crm/v3/objects/contacts/${id}?properties=firstname,lastname`);
  return `${contact.properties.firstname} ${contact.properties.lastname}`;
}

test.describe('HubSpot Leads records on the sandbox CRM', () => {
  test("a Lead record shows its contact's panel", async ({ page, sandbox }) => {
    const name = await contactName(sandbox, SANDBOX_SCENARIOS.demoPrimary);
    await page.goto(leadUrl(sandbox.url, SANDBOX_LEAD_SCENARIOS.demoPrimary));
    // The sandbox's own lead page rendered (not a 404 shell)...
    await expect(page.getByTestId('lead-record')).toBeVisible();
    // ...and Baton's panel is about the lead's contact.
    await expect(page.locator('iframe[title="Baton lead panel"]')).toHaveCount(1);
    const panel = panelFrame(page);
    await expect(panel.getByRole('heading', { level: 1 })).toHaveText(name);
    await expect(panel.getByRole('timer')).toBeVisible();
  });

  test('with two contacts, the panel is about the primary one, not the first listed', async ({ page, sandbox }) => {
    const primary = await contactName(sandbox, SANDBOX_SCENARIOS.touched);
    const other = await contactName(sandbox, SANDBOX_SCENARIOS.sequenceOnly);
    await page.goto(leadUrl(sandbox.url, SANDBOX_LEAD_SCENARIOS.twoContacts));
    // The page lists the colleague first; the panel still picks the primary contact.
    await expect(page.getByTestId('lead-contact-link').first()).toHaveText(other);
    await expect(panelFrame(page).getByRole('heading', { level: 1 })).toHaveText(primary);
  });

  test('a Lead without a contact says so clearly', async ({ page, sandbox }) => {
    await page.goto(leadUrl(sandbox.url, SANDBOX_LEAD_SCENARIOS.noContact));
    await expect(page.getByTestId('lead-contacts')).toHaveText('No contact is associated with this lead.');
    const alert = panelFrame(page).getByRole('alert');
    await expect(alert).toContainText('no associated contact');
    await expect(alert).toContainText('Associate a contact with the lead');
    await expect(panelFrame(page).getByRole('heading', { level: 1 })).toHaveCount(0);
  });

  test("from a contact's record to its Lead and back: the panel follows in-app navigation", async ({ page, sandbox }) => {
    const name = await contactName(sandbox, SANDBOX_SCENARIOS.atRisk);
    await page.goto(recordUrl(sandbox, SANDBOX_SCENARIOS.atRisk));
    const panel = panelFrame(page);
    await expect(panel.getByRole('heading', { level: 1 })).toHaveText(name);
    // The sandbox's link to the lead is a client-side (pushState) navigation, like HubSpot's.
    await page.getByTestId('contact-leads').getByTestId('lead-link').click();
    await expect(page).toHaveURL(leadUrl(sandbox.url, SANDBOX_LEAD_SCENARIOS.atRisk));
    await expect(page.getByTestId('lead-record')).toBeVisible();
    await expect(page.locator('iframe[title="Baton lead panel"]')).toHaveCount(1);
    await expect(panel.getByRole('heading', { level: 1 })).toHaveText(name);
    // A lead without a contact, then back to one with: the panel re-targets each time.
    await page.evaluate((path) => {
      history.pushState({}, '', path);
      dispatchEvent(new PopStateEvent('popstate'));
    }, `/contacts/${SANDBOX_PORTAL_ID}/record/0-136/${SANDBOX_LEAD_SCENARIOS.noContact}`);
    await expect(panel.getByRole('alert')).toContainText('no associated contact');
    await page.goBack();
    await expect(panel.getByRole('heading', { level: 1 })).toHaveText(name);
  });
});
