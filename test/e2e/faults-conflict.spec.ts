import type { Page } from '@playwright/test';
import { ensureBatonProperties } from '../../lib/crm/hubspot/baton-properties';
import { createHubSpotClient } from '../../lib/crm/hubspot/hubspot-client';
import { SANDBOX_SCENARIOS } from '../../lib/sandbox/scenarios';
import { MIN_VISIBLE_MS } from '../../components/ui/panel-shown-since';
import { expect, panelFrame, recordUrl, test } from './fixtures';
import { readCrmDispositions } from './support/outbox-faults';
import { readJson } from './support/read-sandbox';

/**
 * Issue 13, fault 7's conflict: the lead's status changed in the CRM (a colleague, a workflow)
 * after the rep opened the lead and before their disposition went out. The writer compares the
 * status the rep saw with the CRM's right before writing anything; the panel shows the conflict in
 * the rep's words, and the CRM keeps the colleague's status until the rep chooses: send it anyway
 * (overwrites, once), or discard it and decide again on the lead as it is now.
 */

const LEAD = SANDBOX_SCENARIOS.competitor;
type Sandbox = Parameters<typeof recordUrl>[0];

/**
 * The clickjacking guard accepts a CRM write only once the panel has been in view for
 * MIN_VISIBLE_MS since its page loaded; a rep never gets to Save that fast, a test does.
 */
async function waitOutClickjackingGuard(page: Page) {
  await page.waitForTimeout(MIN_VISIBLE_MS);
}

async function saveRejection(page: Page) {
  const panel = panelFrame(page);
  await panel.getByRole('tab', { name: 'Outcome' }).click();
  await panel.getByText('Reject', { exact: true }).click();
  await panel.getByLabel('Reason').selectOption({ label: 'Competitor' });
  await panel.getByRole('button', { name: 'Review and save' }).click();
  await waitOutClickjackingGuard(page);
  await panel.getByRole('button', { name: 'Save to CRM' }).click();
}

/** A colleague (or a workflow) sets the lead's status in the CRM, behind the panel's back. */
async function colleagueSetsStatus(sandbox: Sandbox, status: string) {
  await readJson(sandbox, `/crm/v3/objects/contacts/${LEAD}`, { method: 'PATCH', body: JSON.stringify({ properties: { hs_lead_status: status } }) });
}

/** Opens the lead, then the colleague changes its status; the rep saves a rejection: the conflict. */
async function saveIntoConflict(page: Page, sandbox: Sandbox) {
  await page.goto(recordUrl(sandbox, LEAD));
  const panel = panelFrame(page);
  await expect(panel.getByRole('tab', { name: 'Outcome' })).toBeVisible();
  expect((await readCrmDispositions(sandbox, [LEAD])).leadStatus.get(LEAD)).toBe('NEW');
  await colleagueSetsStatus(sandbox, 'IN_PROGRESS');
  await saveRejection(page);

  const entry = panel.locator('[data-outbox-id]').first();
  await expect(entry).toHaveAttribute('data-outbox-state', 'failed', { timeout: 20_000 });
  // In the rep's words: what happened, that nothing was overwritten, and what they can do.
  await expect(entry).toContainText('Not written — changed in the CRM since you saw it');
  await expect(entry).toContainText('Nothing was overwritten');
  await expect(entry).toContainText('Rejected (Competitor)');
  await expect(entry.getByRole('button', { name: 'Resend' })).toBeVisible();
  await expect(entry.getByRole('button', { name: 'Discard' })).toBeVisible();
  // The colleague's status stands, and nothing of the disposition reached the CRM.
  const crm = await readCrmDispositions(sandbox, [LEAD]);
  expect(crm.leadStatus.get(LEAD)).toBe('IN_PROGRESS');
  expect(crm.onContact.get(LEAD)).toBeNull();
  expect(crm.notesPerDisposition.size).toBe(0);
  return entry;
}

test.describe('a status changed in the CRM since the rep opened the lead', () => {
  test.beforeEach(async ({ sandbox }) => {
    await ensureBatonProperties(createHubSpotClient({ baseUrl: sandbox.url, getAccessToken: async () => 'sandbox' }));
  });

  test('is a conflict, nothing overwritten; the rep sends it anyway: written once over the colleague\'s status', async ({ page, sandbox }) => {
    const entry = await saveIntoConflict(page, sandbox);
    const id = await entry.getAttribute('data-outbox-id');
    // The conflict is a dead letter, not a retry: it stays as it is until the rep acts.
    await page.waitForTimeout(3_000);
    await expect(entry).toHaveAttribute('data-outbox-state', 'failed');
    expect((await readCrmDispositions(sandbox, [LEAD])).leadStatus.get(LEAD)).toBe('IN_PROGRESS');

    await entry.getByRole('button', { name: 'Resend' }).click();
    await expect(panelFrame(page).locator(`[data-outbox-id="${id}"]`)).toHaveAttribute('data-outbox-state', 'delivered', { timeout: 20_000 });
    const crm = await readCrmDispositions(sandbox, [LEAD]);
    expect(crm.leadStatus.get(LEAD)).toBe('UNQUALIFIED');
    expect(crm.onContact.get(LEAD)).toBe(id);
    expect([...crm.notesPerDisposition.entries()]).toEqual([[id, 1]]);
  });

  test('the rep discards it and decides again on the lead as it is now: delivered without a conflict', async ({ page, sandbox }) => {
    const entry = await saveIntoConflict(page, sandbox);
    await entry.getByRole('button', { name: 'Discard' }).click();
    const panel = panelFrame(page);
    await expect(panel.locator('[data-outbox-id]')).toHaveCount(0);
    expect((await readCrmDispositions(sandbox, [LEAD])).leadStatus.get(LEAD)).toBe('IN_PROGRESS');

    // "Reopen the lead and choose again": the reopened panel reads the colleague's status, so the
    // new decision is made (and compared) against it.
    await page.reload();
    await saveRejection(page);
    const again = panel.locator('[data-outbox-id]').first();
    await expect(again).toHaveAttribute('data-outbox-state', 'delivered', { timeout: 20_000 });
    const id = await again.getAttribute('data-outbox-id');
    const crm = await readCrmDispositions(sandbox, [LEAD]);
    expect(crm.leadStatus.get(LEAD)).toBe('UNQUALIFIED');
    expect(crm.onContact.get(LEAD)).toBe(id);
    expect([...crm.notesPerDisposition.entries()]).toEqual([[id, 1]]);
  });
});
