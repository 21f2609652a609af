import type { Request } from '@playwright/test';
import { ensureBatonProperties } from '../../lib/crm/hubspot/baton-properties';
import { createHubSpotClient } from '../../lib/crm/hubspot/hubspot-client';
import { HUBSPOT_FRESHNESS_PROPERTIES } from '../../lib/crm/hubspot/hubspot-freshness';
import { SANDBOX_SCENARIOS } from '../../lib/sandbox/scenarios';
import { expect, panelFrame, recordUrl, test } from './fixtures';
import { readJson } from './support/read-sandbox';

/** Baton's own requests to the CRM (its service worker's), not the sandbox record page's. */
function fromBaton(request: Request): boolean {
  return request.serviceWorker() !== null;
}

test.describe('live, not stale', () => {
  // The panel checks its lead once a minute while shown: give it two minutes and some.
  test.setTimeout(240_000);

  test('a call logged in the CRM turns the countdown to met without any click, for one request a minute until then', async ({ page, sandbox, extension }) => {
    // A contact-sales form about 45 minutes ago, not touched yet.
    const id = SANDBOX_SCENARIOS.atRisk;
    const contact = await readJson(sandbox, `/crm/v3/objects/contacts/${id}?properties=hubspot_owner_id`);
    const requests: string[] = [];
    await extension.context.route(`${sandbox.url}/**`, async (route, request) => {
      if (fromBaton(request)) {
        const url = new URL(request.url());
        requests.push(`${request.method()} ${url.pathname}${url.search}`);
      }
      await route.continue();
    });
    const isCheck = (r: string) => r.startsWith(`GET /crm/v3/objects/contacts/${id}?`) && new URL(`http://x${r.slice(4)}`).searchParams.get('properties') === HUBSPOT_FRESHNESS_PROPERTIES.join(',');

    await page.goto(recordUrl(sandbox, id));
    const panel = panelFrame(page);
    const timer = panel.getByRole('timer');
    await expect(timer).toHaveAttribute('data-sla-state', /on_track|at_risk|breached/);

    // The refresh control is labelled, and says when the lead was read.
    const refresh = panel.getByRole('button', { name: 'Refresh' });
    await expect(refresh).toBeVisible();
    await expect(panel.getByText(/^Updated (just now|\d+ min ago)$/)).toBeVisible();
    expect(requests.filter(isCheck)).toEqual([]);
    const firstView = requests.length;

    // A minute on, nothing changed: the panel asks the CRM one question (the contact's stamp) and
    // reads nothing else.
    await expect.poll(() => requests.filter(isCheck).length, { timeout: 80_000, intervals: [1_000] }).toBe(1);
    await page.waitForTimeout(2_000);
    const quietMinute = requests.slice(firstView);
    expect(quietMinute).toHaveLength(1);
    expect(isCheck(quietMinute[0]!)).toBe(true);

    // The owner logs the call in the CRM itself (its API), not in Baton.
    const call = await readJson(sandbox, '/crm/v3/objects/calls', {
      method: 'POST',
      body: JSON.stringify({
        properties: { hs_timestamp: new Date().toISOString(), hs_call_title: 'Called back', hs_call_direction: 'OUTBOUND', hubspot_owner_id: contact.properties.hubspot_owner_id },
        associations: [{ to: { id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 194 }] }],
      }),
    });
    expect(call.id).toBeTruthy();
    const afterCall = requests.length;

    // No click, no focus change: within a minute the stamp moved, the lead was read again and the
    // countdown says met.
    await expect(timer).toHaveAttribute('data-sla-state', /^met/, { timeout: 80_000 });
    await expect(timer).toContainText(/first touch/);
    await expect(panel.getByRole('tab', { name: /^Timeline/ })).toBeVisible();
    const changedMinute = requests.slice(afterCall);
    expect(isCheck(changedMinute[0]!)).toBe(true);
    // One check, then one lead view (4 requests, one more when the email is read after the contact).
    expect(changedMinute.length).toBeGreaterThanOrEqual(2);
    expect(changedMinute.length).toBeLessThanOrEqual(6);
    console.info(
      `Live refresh in real Chromium: first view ${firstView} requests; an unchanged minute ${quietMinute.length} request (${quietMinute.length * 60}/hour while shown, 240/hour re-reading the lead each minute); ` +
        `the minute the call was logged ${changedMinute.length} (check + lead view).`,
    );
  });

  test("a lead another rep already dispositioned shows that outcome, who and when, in the header and the brief", async ({ page, sandbox }) => {
    // Breached: without the disposition the header would say to call now.
    const id = SANDBOX_SCENARIOS.breached;
    await ensureBatonProperties(createHubSpotClient({ baseUrl: sandbox.url, getAccessToken: async () => 'sandbox' }));
    // What Baton wrote for another rep in another browser (this browser's outbox knows nothing of it).
    await readJson(sandbox, `/crm/v3/objects/contacts/${id}`, {
      method: 'PATCH',
      body: JSON.stringify({
        properties: {
          baton_disposition: 'rejected',
          baton_disposition_reason_id: 'competitor',
          baton_disposition_reason: 'Competitor',
          baton_disposition_at: new Date(Date.now() - 2 * 3_600_000).toISOString(),
          baton_disposition_rep: 'Maya Chen',
          baton_disposition_id: '7a0c3f52-2b1e-4c7d-9e0a-5f6b8c9d0e1f',
        },
      }),
    });

    await page.goto(recordUrl(sandbox, id));
    const panel = panelFrame(page);
    const timer = panel.getByRole('timer');
    await expect(timer).toHaveAttribute('data-next-action', 'recorded');
    await expect(timer).toContainText('Rejected — Competitor');
    await expect(timer).toContainText('by Maya Chen, 2 h ago');
    await expect(timer).not.toContainText(/left|call now|rejected\b|competitor\b/);
    const brief = panel.getByRole('tabpanel');
    await expect(brief.getByRole('region', { name: 'Outcome recorded' })).toContainText('Rejected — Competitor');
    await expect(brief.getByRole('region', { name: 'Outcome recorded' })).toContainText('By Maya Chen');
  });
});
