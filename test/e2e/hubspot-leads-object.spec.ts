import AxeBuilder from '@axe-core/playwright';
import { ensureBatonProperties } from '../../lib/crm/hubspot/baton-properties';
import { createHubSpotClient } from '../../lib/crm/hubspot/hubspot-client';
import { SANDBOX_LEAD_SCENARIOS, SANDBOX_SCENARIOS } from '../../lib/sandbox/scenarios';
import { expect, panelFrame, recordUrl, test } from './fixtures';
import { useSandbox } from './support/insights-page';
import { readJson } from './support/read-sandbox';

/**
 * HubSpot's Leads object on the sandbox CRM (demo build): the admin maps Baton's reasons to the
 * portal's disqualification reasons from its real list, and a rep's rejection moves the contact's
 * open lead to "Disqualified" with that reason, leaving last year's closed lead as it was.
 */

const CONTACT = SANDBOX_SCENARIOS.competitor;

async function lead(sandbox: { url: string }, id: string): Promise<Record<string, string | null>> {
  return (await readJson(sandbox, `/crm/v3/objects/leads/${id}?properties=hs_pipeline_stage,hs_lead_disqualification_reason`)).properties;
}

test.describe("HubSpot's Leads object follows the disposition", () => {
  test.beforeEach(async ({ sandbox }) => {
    await ensureBatonProperties(createHubSpotClient({ baseUrl: sandbox.url, getAccessToken: async () => 'sandbox' }));
  });

  test("the admin chooses the portal's reason; a rejection disqualifies the open lead with it", async ({ page, sandbox, extension }) => {
    await useSandbox(page, extension.extensionId, sandbox.url);
    const section = page.getByRole('region', { name: 'HubSpot leads: stage and disqualification reason' });
    await expect(section.getByRole('group', { name: /Lead stage in “Lead pipeline”/ })).toBeVisible({ timeout: 20_000 });
    await expect(section.getByRole('group', { name: /Lead stage in “Partner referrals”/ })).toBeVisible();
    const axe = await new AxeBuilder({ page }).include('section[aria-labelledby="hubspot-lead-records-heading"]').analyze();
    expect(axe.violations).toEqual([]);
    // By meaning until saved: a competitor is "Went with a competitor".
    const competitor = section.getByLabel('Competitor', { exact: true });
    await expect(competitor).toHaveValue('WENT_WITH_COMPETITOR');
    await competitor.selectOption({ label: 'Not interested' });
    await section.getByRole('button', { name: /^Save/ }).click();
    await expect(section.getByRole('status')).toContainText('Saved. Version');

    await page.goto(recordUrl(sandbox, CONTACT));
    const panel = panelFrame(page);
    await expect(panel.getByRole('timer')).toBeVisible();
    await panel.getByRole('tab', { name: 'Outcome' }).click();
    await panel.getByText('Reject', { exact: true }).click();
    await panel.getByLabel('Reason').selectOption({ label: 'Competitor' });
    await panel.getByRole('button', { name: 'Review and save' }).click();
    await panel.getByRole('button', { name: 'Save to CRM' }).click();
    await expect(panel.locator('[data-outbox-state="delivered"]')).toBeVisible({ timeout: 20_000 });

    await expect.poll(async () => lead(sandbox, SANDBOX_LEAD_SCENARIOS.competitor)).toMatchObject({ hs_pipeline_stage: 'unqualified-stage-id', hs_lead_disqualification_reason: 'NOT_INTERESTED' });
    expect(await lead(sandbox, SANDBOX_LEAD_SCENARIOS.closedEarlier)).toMatchObject({ hs_pipeline_stage: 'unqualified-stage-id', hs_lead_disqualification_reason: 'BAD_TIMING' });
  });
});
