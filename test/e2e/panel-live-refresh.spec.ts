import { SANDBOX_SCENARIOS } from '../../lib/sandbox/scenarios';
import { expect, panelFrame, recordUrl, test } from './fixtures';
import { readJson } from './support/read-sandbox';

test.describe('live, not stale', () => {
  // The panel re-reads its lead once a minute while shown: give it that minute and some.
  test.setTimeout(150_000);

  test('a call logged in the CRM turns the countdown to met without any click', async ({ page, sandbox }) => {
    // A contact-sales form about 45 minutes ago, not touched yet.
    const id = SANDBOX_SCENARIOS.atRisk;
    const contact = await readJson(sandbox, `/crm/v3/objects/contacts/${id}?properties=hubspot_owner_id`);
    await page.goto(recordUrl(sandbox, id));
    const panel = panelFrame(page);
    const timer = panel.getByRole('timer');
    await expect(timer).toHaveAttribute('data-sla-state', /on_track|at_risk|breached/);

    // The refresh control is labelled, and says when the lead was read.
    const refresh = panel.getByRole('button', { name: 'Refresh' });
    await expect(refresh).toBeVisible();
    await expect(panel.getByText(/^Updated (just now|\d+ min ago)$/)).toBeVisible();

    // The owner logs the call in the CRM itself (its API), not in Baton.
    const call = await readJson(sandbox, '/crm/v3/objects/calls', {
      method: 'POST',
      body: JSON.stringify({
        properties: { hs_timestamp: new Date().toISOString(), hs_call_title: 'Called back', hs_call_direction: 'OUTBOUND', hubspot_owner_id: contact.properties.hubspot_owner_id },
        associations: [{ to: { id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 194 }] }],
      }),
    });
    expect(call.id).toBeTruthy();

    // No click, no focus change: within a minute (and a read) the countdown says met.
    await expect(timer).toHaveAttribute('data-sla-state', /^met/, { timeout: 80_000 });
    await expect(timer).toContainText(/first touch/);
    await expect(panel.getByRole('tab', { name: /^Timeline/ })).toBeVisible();
  });
});
