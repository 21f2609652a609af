import type { Page } from '@playwright/test';
import { ensureBatonProperties } from '../../lib/crm/hubspot/baton-properties';
import { createHubSpotClient } from '../../lib/crm/hubspot/hubspot-client';
import { SANDBOX_SCENARIOS } from '../../lib/sandbox/scenarios';
import { expect, panelFrame, recordUrl, test } from './fixtures';
import { stopServiceWorker } from './support/relaunch';
import { readJson } from './support/read-sandbox';

const LEAD = SANDBOX_SCENARIOS.competitor;

/** The CRM's own view of the lead after the rep's disposition: what marketing will see. */
async function crmState(sandbox: { url: string }) {
  const contact = await readJson(
    sandbox,
    `/crm/v3/objects/contacts/${LEAD}?properties=hs_lead_status,baton_disposition,baton_disposition_reason_id,baton_disposition_id,baton_definition_version,baton_sla_outcome`,
  );
  const associations = await readJson(sandbox, `/crm/v4/objects/contacts/${LEAD}/associations/notes`);
  const noteIds: string[] = associations.results.map((r: { toObjectId: string | number }) => String(r.toObjectId));
  const notes = noteIds.length
    ? (await readJson(sandbox, '/crm/v3/objects/notes/batch/read', { method: 'POST', body: JSON.stringify({ inputs: noteIds.map((id) => ({ id })), properties: ['hs_note_body'] }) })).results
    : [];
  const batonNotes = notes.filter((n: { properties: { hs_note_body?: string } }) => (n.properties.hs_note_body ?? '').includes('Baton disposition'));
  return { properties: contact.properties as Record<string, string | null>, batonNotes };
}

/** The rep's flow: countdown and brief, evidence on the checklist, reject as competitor, confirm, save. */
async function rejectAsCompetitor(page: Page) {
  const panel = panelFrame(page);
  await expect(panel.getByRole('timer')).toBeVisible();
  await expect(panel.getByRole('region', { name: "Why they're here" })).toBeVisible();

  await panel.getByRole('tab', { name: /^Qualify/ }).click();
  await expect(panel.getByRole('status').first()).toBeVisible();
  await panel.getByRole('button', { name: 'Record evidence for Need: a stated problem' }).click();
  await panel.getByRole('textbox', { name: 'Stated problem', exact: true }).fill('Evaluating us for a competitive teardown');
  await panel.getByRole('button', { name: 'Met', exact: true }).click();
  await expect(panel.locator('[data-criterion="need"]')).toHaveAttribute('data-status', 'met');
  await expect(panel.locator('[data-criterion="need"]')).toContainText('confirmed by rep');

  await panel.getByRole('tab', { name: 'Outcome' }).click();
  await panel.getByText('Reject', { exact: true }).click();
  await panel.getByLabel('Reason').selectOption({ label: 'Competitor' });
  await panel.getByRole('checkbox', { name: 'Price' }).check();
  await panel.getByRole('button', { name: 'Review and save' }).click();
  // The confirm step shows what will be written.
  await expect(panel.getByRole('region', { name: 'Write this to the CRM?' })).toContainText('Will set lead status to Unqualified');
  await panel.getByRole('button', { name: 'Save to CRM' }).click();
}

test.describe('disposition written back to the CRM', () => {
  test.beforeEach(async ({ sandbox }) => {
    // The admin setup action (also a button in the options page) creates the Baton properties.
    await ensureBatonProperties(createHubSpotClient({ baseUrl: sandbox.url, getAccessToken: async () => 'sandbox' }));
  });

  test('rejected as competitor: mapped lead status, Baton properties and exactly one note', async ({ page, sandbox }) => {
    await page.goto(recordUrl(sandbox, LEAD));
    await rejectAsCompetitor(page);
    const panel = panelFrame(page);
    await expect(panel.locator('[data-outbox-state="delivered"]')).toBeVisible({ timeout: 20_000 });

    const state = await crmState(sandbox);
    expect(state.properties.hs_lead_status).toBe('UNQUALIFIED');
    expect(state.properties.baton_disposition).toBe('rejected');
    expect(state.properties.baton_disposition_reason_id).toBe('competitor');
    expect(state.properties.baton_disposition_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(state.batonNotes).toHaveLength(1);
    expect(state.batonNotes[0].properties.hs_note_body).toContain(state.properties.baton_disposition_id);
    expect(state.batonNotes[0].properties.hs_note_body).toContain('Evaluating us for a competitive teardown');

    // The checklist evidence is cleared once the disposition is saved.
    await panel.getByRole('tab', { name: /^Qualify/ }).click();
    await expect(panel.locator('[data-criterion="need"]')).not.toContainText('confirmed by rep');
  });

  test('the service worker stopped between save and delivery: delivered once after it restarts', async ({ page, sandbox, extension }) => {
    // If the worker happens to die in the middle of a retry, the entry stays claimed until its
    // 60 s lease lapses (that is what makes a dead worker's send safe to redo): allow for it.
    test.setTimeout(150_000);
    // The CRM's write endpoints are unreachable when the rep saves, so the write waits in the outbox...
    const isWrite = (url: URL, method: string) => url.pathname.startsWith('/crm/v4/') || url.pathname.startsWith('/crm/v3/objects/notes') || method === 'PATCH';
    await extension.context.route(`${sandbox.url}/crm/**`, (route) =>
      route.request().serviceWorker() && isWrite(new URL(route.request().url()), route.request().method()) ? route.abort('connectionrefused') : route.continue(),
    );
    await page.goto(recordUrl(sandbox, LEAD));
    await rejectAsCompetitor(page);
    const panel = panelFrame(page);
    await expect(panel.locator('[data-outbox-state="retrying"], [data-outbox-state="queued"]').first()).toBeVisible({ timeout: 20_000 });

    // ...then the worker dies (as MV3 workers do), and the CRM comes back.
    // Closing its target from a browser-level session really stops it (stopAllWorkers on a page
    // session leaves an extension's worker running; see support/relaunch.ts).
    await stopServiceWorker(extension.context, extension.extensionId);
    await extension.context.unroute(`${sandbox.url}/crm/**`);

    // A new worker starts (the panel asks again / the alarm fires) and delivers from the durable outbox.
    await page.reload();
    await panelFrame(page).getByRole('tab', { name: 'Outcome' }).click();
    await expect(panelFrame(page).locator('[data-outbox-state="delivered"]')).toBeVisible({ timeout: 100_000 });
    const state = await crmState(sandbox);
    expect(state.properties.hs_lead_status).toBe('UNQUALIFIED');
    expect(state.batonNotes).toHaveLength(1);
  });

  test('the CRM answers 503 twice: retried, and delivered exactly once', async ({ page, sandbox, extension }) => {
    let failures = 0;
    await extension.context.route(`${sandbox.url}/crm/v3/objects/notes`, async (route) => {
      if (route.request().method() === 'POST' && failures < 2) {
        failures++;
        return route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ status: 'error', message: 'Service unavailable', correlationId: 'c-503', category: 'INTERNAL_ERROR' }) });
      }
      return route.continue();
    });
    await page.goto(recordUrl(sandbox, LEAD));
    await rejectAsCompetitor(page);
    await expect(panelFrame(page).locator('[data-outbox-state="delivered"]')).toBeVisible({ timeout: 45_000 });
    expect(failures).toBe(2);
    const state = await crmState(sandbox);
    expect(state.properties.hs_lead_status).toBe('UNQUALIFIED');
    expect(state.batonNotes).toHaveLength(1);
  });
});
