import { ensureBatonProperties } from '../../lib/crm/hubspot/baton-properties';
import { createHubSpotClient } from '../../lib/crm/hubspot/hubspot-client';
import { defaultSlaPolicy } from '../../lib/domain/sla/default-sla-policy';
import type { SlaPolicyInput } from '../../lib/domain/sla/sla-policy';
import { expect, test } from './fixtures';
import { useSandbox } from './support/insights-page';
import { readJson } from './support/read-sandbox';

/**
 * Escalations on the sandbox CRM, end to end: a lead handed off under a test-scale tier (20 seconds
 * of wall time) that nobody touches gets the sales manager’s task once its target
 * passes, and is handed back to marketing (a note, the mapped lead status and Baton's property)
 * once twice the target passes. Each is in the CRM exactly once, however often the queue wakes.
 */

const ALL_DAY = [{ start: '00:00', end: '24:00' }];
/** An owner with no leads waiting in the seeded data; the manager the admin chose. */
const OWNER = { id: '81300106', label: 'Dana Whitfield (dana.whitfield@tessellate.io)' };
const MANAGER = { ownerId: '81300101', name: 'The sales manager' };
const TEST_POLICY: SlaPolicyInput = {
  ...defaultSlaPolicy,
  version: '9.1.0',
  calendar: { timeZone: 'UTC', weeklyHours: { mon: ALL_DAY, tue: ALL_DAY, wed: ALL_DAY, thu: ALL_DAY, fri: ALL_DAY, sat: ALL_DAY, sun: ALL_DAY }, holidays: [], hoursPerBusinessDay: 8 },
  salesManager: MANAGER,
  tiers: [
    {
      id: 'e2e-escalate',
      label: 'Test escalation lane',
      when: { sources: ['PAID_SEARCH'] },
      target: { amount: 20 / 60, unit: 'minutes', basis: 'wall' },
      atRiskShare: 0.5,
      escalations: [
        { id: 'e2e-manager', label: 'Target missed: tell the sales manager', action: 'notify_manager', after: { share: 1 } },
        { id: 'e2e-hand-back', label: 'Twice the target: hand back to marketing', action: 'hand_back_to_marketing', after: { share: 2 } },
      ],
      nextStep: 'Call now',
    },
    ...defaultSlaPolicy.tiers,
  ],
};

async function associated(sandbox: { url: string }, contactId: string, type: 'tasks' | 'notes', properties: string[]): Promise<Array<{ id: string; properties: Record<string, string | null> }>> {
  const page = await readJson(sandbox, `/crm/v4/objects/contacts/${contactId}/associations/${type}`);
  const inputs = (page.results as Array<{ toObjectId: string | number }>).map((r) => ({ id: String(r.toObjectId) }));
  if (!inputs.length) return [];
  const batch = await readJson(sandbox, `/crm/v3/objects/${type}/batch/read`, { method: 'POST', body: JSON.stringify({ inputs, properties, propertiesWithHistory: [] }) });
  return batch.results;
}

test.describe('Escalations', () => {
  test('an untouched lead gets the manager’s task, then is handed back to marketing, each once', async ({ page, sandbox, extension }) => {
    test.setTimeout(180_000);
    const worker = extension.serviceWorker;
    await ensureBatonProperties(createHubSpotClient({ baseUrl: sandbox.url, getAccessToken: async () => 'sandbox' }));
    await useSandbox(page, extension.extensionId, sandbox.url);
    await worker.evaluate((policy) => (globalThis as any).chrome.storage.local.set({ 'admin.slaPolicy': policy }), TEST_POLICY);

    // Who you are, before the lead arrives: Baton watches this rep's queue from now on.
    const who = page.getByRole('region', { name: 'Who you are' });
    await who.getByLabel('You are').selectOption({ label: OWNER.label });
    await who.getByRole('button', { name: 'This is me' }).click();
    await expect(who.getByTestId('rep-identity')).toContainText('You are Dana Whitfield');

    const created = await readJson(sandbox, '/crm/v3/objects/contacts', {
      method: 'POST',
      body: JSON.stringify({ properties: { firstname: 'Avery', lastname: 'Untouched', email: 'avery@untouched.example', company: 'Untouched Co', hs_analytics_source: 'PAID_SEARCH', lifecyclestage: 'marketingqualifiedlead', hs_lead_status: 'NEW', hubspot_owner_id: OWNER.id } }),
    });
    const contactId = created.id as string;

    // The popup lists the queue (a listing once the last one is 15 seconds old); the lead is in it.
    const popup = await page.context().newPage();
    await expect(async () => {
      await popup.goto(`chrome-extension://${extension.extensionId}/popup.html`);
      await expect(popup.getByTestId('awaiting-lead')).toHaveCount(1, { timeout: 3_000 });
    }).toPass({ timeout: 70_000, intervals: [5_000] });

    // The manager's task: assigned to the manager, open, on the contact.
    await expect.poll(async () => (await associated(sandbox, contactId, 'tasks', ['hubspot_owner_id'])).length, { timeout: 60_000, intervals: [1_000] }).toBe(1);
    const [task] = await associated(sandbox, contactId, 'tasks', ['hubspot_owner_id', 'hs_task_status', 'hs_task_subject', 'hs_task_body']);
    expect(task!.properties).toMatchObject({ hubspot_owner_id: MANAGER.ownerId, hs_task_status: 'NOT_STARTED' });
    expect(task!.properties.hs_task_subject).toContain('Avery Untouched');

    // The hand-back: a note, the lead status the default mapping gives "recycled", and the property marketing lists on.
    await expect
      .poll(async () => (await readJson(sandbox, `/crm/v3/objects/contacts/${contactId}?properties=baton_escalation,hs_lead_status`)).properties, { timeout: 60_000, intervals: [1_000] })
      .toMatchObject({ baton_escalation: 'handed_back_to_marketing', hs_lead_status: 'BAD_TIMING' });
    const notes = await associated(sandbox, contactId, 'notes', ['hs_note_body']);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.properties.hs_note_body).toContain('Handed back to marketing');

    // Handed back, the lead no longer waits for the rep (the next listing reads its new status);
    // more wakes (the popup's refresh, the alarm) write nothing again.
    await expect(async () => {
      await popup.reload();
      await expect(popup.getByTestId('awaiting-lead')).toHaveCount(0, { timeout: 3_000 });
    }).toPass({ timeout: 45_000, intervals: [5_000] });
    await expect.poll(() => worker.evaluate(() => (globalThis as any).chrome.action.getBadgeText({})), { timeout: 20_000 }).toBe('');
    expect(await associated(sandbox, contactId, 'tasks', ['hubspot_owner_id'])).toHaveLength(1);
    expect(await associated(sandbox, contactId, 'notes', ['hs_note_body'])).toHaveLength(1);
  });
});
