import type { Page } from '@playwright/test';
import { ensureBatonProperties } from '../../lib/crm/hubspot/baton-properties';
import { createHubSpotClient } from '../../lib/crm/hubspot/hubspot-client';
import { SANDBOX_SCENARIOS } from '../../lib/sandbox/scenarios';
import { expect, panelFrame, recordUrl, test } from './fixtures';
import { panelViolations } from './support/panel-axe';
import { readJson } from './support/read-sandbox';

const LEAD = SANDBOX_SCENARIOS.competitor;

async function crmDisposition(sandbox: { url: string }) {
  const contact = await readJson(sandbox, `/crm/v3/objects/contacts/${LEAD}?properties=hs_lead_status,baton_disposition,baton_disposition_id`);
  return contact.properties as Record<string, string | null>;
}

async function saveDisposition(page: Page, choice: 'Reject' | 'Accept — working it') {
  const panel = panelFrame(page);
  await panel.getByText(choice, { exact: true }).click();
  if (choice === 'Reject') await panel.getByLabel('Reason').selectOption({ label: 'Competitor' });
  await panel.getByRole('button', { name: 'Review and save' }).click();
  await panel.getByRole('button', { name: 'Save to CRM' }).click();
}

test.describe('a resend never writes an old disposition over a newer one', () => {
  test.beforeEach(async ({ sandbox }) => {
    await ensureBatonProperties(createHubSpotClient({ baseUrl: sandbox.url, getAccessToken: async () => 'sandbox' }));
  });

  test('rejected (dead-lettered by a 400), then accepted: the rejection is superseded; a forged resend is refused; "Send anyway" replaces', async ({ page, sandbox }) => {
    // The CRM refuses the first disposition's property write: a dead letter for the rep.
    sandbox.failNext({ status: 400, method: 'PATCH' });
    await page.goto(recordUrl(sandbox, LEAD));
    const panel = panelFrame(page);
    await panel.getByRole('tab', { name: 'Outcome' }).click();
    await saveDisposition(page, 'Reject');
    const rejected = panel.locator('[data-outbox-state="failed"]');
    await expect(rejected).toContainText('The CRM refused this', { timeout: 20_000 });
    await expect(rejected.getByRole('button', { name: 'Resend' })).toBeVisible();
    const rejectedId = await rejected.getAttribute('data-outbox-id');

    // The rep changes their mind; the acceptance goes through.
    await saveDisposition(page, 'Accept — working it');
    const accepted = panel.locator('[data-outbox-state="delivered"]');
    await expect(accepted).toContainText('Accepted — working', { timeout: 20_000 });
    expect(await crmDisposition(sandbox)).toMatchObject({ baton_disposition: 'accepted', hs_lead_status: 'CONNECTED' });

    // The old rejection is now described as superseded, with Discard and an explicit "Send anyway" only.
    await expect(rejected).toContainText(/Superseded by your later 'Accepted — working' of \d{2}:\d{2}/);
    await expect(rejected.getByRole('button', { name: 'Resend' })).toHaveCount(0);
    await expect(rejected.getByRole('button', { name: 'Discard' })).toBeVisible();
    expect(await panelViolations(page), 'axe violations with a superseded entry shown').toEqual([]);

    // A plain resend sent straight to the background (as a forged or stale panel would) is refused.
    const panelPage = page.frames().find((f) => f.url().includes('/panel.html'));
    if (!panelPage) throw new Error('panel frame not found');
    type Runtime = { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } };
    const answer = await panelPage.evaluate((id) => (globalThis as unknown as Runtime).chrome.runtime.sendMessage({ type: 'outbox/resend', id }), rejectedId);
    expect(answer).toMatchObject({ ok: false, error: { kind: 'refused', message: expect.stringContaining("Not resent: your later 'Accepted — working'") } });
    await page.waitForTimeout(1_500);
    expect(await crmDisposition(sandbox)).toMatchObject({ baton_disposition: 'accepted' });
    await expect(rejected).toHaveAttribute('data-outbox-state', 'failed');

    // Only the rep's explicit choice sends it, and then it does replace the acceptance.
    await rejected.getByRole('button', { name: 'Send anyway — this replaces the later disposition in the CRM' }).click();
    await expect(panel.locator(`[data-outbox-id="${rejectedId}"]`)).toHaveAttribute('data-outbox-state', 'delivered', { timeout: 20_000 });
    expect(await crmDisposition(sandbox)).toMatchObject({ baton_disposition: 'rejected', hs_lead_status: 'UNQUALIFIED' });
  });
});
