import type { Worker } from '@playwright/test';
import { defaultSlaPolicy } from '../../lib/domain/sla/default-sla-policy';
import type { SlaPolicyInput } from '../../lib/domain/sla/sla-policy';
import { expect, test } from './fixtures';
import { readJson } from './support/read-sandbox';
import { useSandbox } from './support/insights-page';

/**
 * My queue on the sandbox CRM, end to end: a lead handed off now under a test-scale tier (45
 * seconds of wall time, at risk at half) is at the top of the rep's queue in the toolbar popup,
 * the badge counts it once it is at risk, the reminders for its steps are shown once each, and a
 * call logged in the CRM takes it out of the queue.
 */

const ALL_DAY = [{ start: '00:00', end: '24:00' }];
/** The shipped policy with a 24/7 calendar (the test runs at any hour) and a fast tier for paid-search leads. */
const TEST_POLICY: SlaPolicyInput = {
  ...defaultSlaPolicy,
  version: '9.0.0',
  calendar: { timeZone: 'UTC', weeklyHours: { mon: ALL_DAY, tue: ALL_DAY, wed: ALL_DAY, thu: ALL_DAY, fri: ALL_DAY, sat: ALL_DAY, sun: ALL_DAY }, holidays: [], hoursPerBusinessDay: 8 },
  tiers: [
    { id: 'e2e-fast', label: 'Test fast lane', when: { sources: ['PAID_SEARCH'] }, target: { amount: 0.75, unit: 'minutes', basis: 'wall' }, atRiskShare: 0.5, escalations: [], nextStep: 'Call now' },
    ...defaultSlaPolicy.tiers,
  ],
};

/** An owner with no leads waiting in the seeded data, so the queue holds only this test's leads. */
const OWNER = { id: '81300106', label: 'Dana Whitfield (dana.whitfield@tessellate.io)' };

async function createContact(sandbox: { url: string }, properties: Record<string, string>): Promise<string> {
  const created = await readJson(sandbox, '/crm/v3/objects/contacts', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ properties }) });
  return created.id as string;
}

async function notificationIds(worker: Worker): Promise<string[]> {
  return worker.evaluate(async () => Object.keys(await (globalThis as any).chrome.notifications.getAll()));
}

test.describe('My queue', () => {
  test('a lead handed off now tops the queue, is counted on the badge, reminded once per step, and leaves once called', async ({ page, sandbox, extension }) => {
    test.setTimeout(150_000);
    const worker = extension.serviceWorker;
    await useSandbox(page, extension.extensionId, sandbox.url);
    await worker.evaluate((policy) => (globalThis as any).chrome.storage.local.set({ 'admin.slaPolicy': policy }), TEST_POLICY);

    // An MQL assigned a moment earlier (24-hour tier), then a paid-search lead (the 45-second tier).
    const slow = await createContact(sandbox, { firstname: 'Riley', lastname: 'Slowlane', email: 'riley@slowlane.example', company: 'Slowlane Ltd', jobtitle: 'Head of Ops', hs_analytics_source: 'OFFLINE', lifecyclestage: 'marketingqualifiedlead', hubspot_owner_id: OWNER.id });
    const fast = await createContact(sandbox, { firstname: 'Quinn', lastname: 'Fastlane', email: 'quinn@fastlane.example', company: 'Fastlane Inc', jobtitle: 'VP Sales', hs_analytics_source: 'PAID_SEARCH', lifecyclestage: 'marketingqualifiedlead', hubspot_owner_id: OWNER.id });

    // Who you are: the rep picks themselves once, in the options page.
    await page.goto(`chrome-extension://${extension.extensionId}/options.html`);
    const who = page.getByRole('region', { name: 'Who you are' });
    await who.getByLabel('You are').selectOption({ label: OWNER.label });
    await who.getByRole('button', { name: 'This is me' }).click();
    await expect(who.getByTestId('rep-identity')).toContainText('You are Dana Whitfield');

    // The toolbar popup, opened as a page.
    const popup = await page.context().newPage();
    await popup.goto(`chrome-extension://${extension.extensionId}/popup.html`);
    await expect(popup.getByRole('heading', { name: 'My queue', level: 1 })).toBeVisible();
    const rows = popup.getByTestId('awaiting-lead');
    await expect(rows).toHaveCount(2, { timeout: 20_000 });
    await expect(rows.first()).toHaveAttribute('data-lead-id', fast);
    await expect(rows.nth(1)).toHaveAttribute('data-lead-id', slow);
    await expect(rows.first()).toContainText('Quinn Fastlane');
    await expect(rows.first()).toContainText('Test fast lane');
    await expect(rows.first()).toContainText('VP Sales at Fastlane Inc');
    await expect(rows.first().getByRole('timer')).toBeVisible();
    await expect(rows.first().getByRole('link')).toHaveAttribute('href', `${sandbox.url}/contacts/${await portalId(sandbox)}/record/0-1/${fast}`);

    // At risk after half of the 45 seconds: the badge counts it (the alarm set for that instant wakes the worker).
    await expect.poll(() => worker.evaluate(() => (globalThis as any).chrome.action.getBadgeText({})), { timeout: 40_000 }).toBe('1');
    await expect(rows.first().getByRole('timer')).toHaveAttribute('data-sla-state', /at_risk|breached/);

    // Reminders: 80% of the target, then the breach; none for the assignment (it happened before the rep chose who they are).
    // Chrome closes a notification by itself after a few seconds: collect every id seen while polling.
    const seen = new Set<string>();
    const collect = async () => {
      for (const id of await notificationIds(worker)) seen.add(id);
      return [...seen];
    };
    await expect.poll(collect, { timeout: 40_000, intervals: [500] }).toContain(`baton-queue|${fast}|breach`);
    expect([...seen].filter((id) => id.startsWith('baton-queue|')).sort()).toEqual([`baton-queue|${fast}|breach`, `baton-queue|${fast}|share`]);
    const sent = await worker.evaluate(async () => (await (globalThis as any).chrome.storage.local.get('alerts.sent'))['alerts.sent']);
    expect(Object.keys(sent).filter((key) => key.startsWith(`${fast}|`)).map((key) => key.split('|')[1]).sort()).toEqual(['assigned', 'breach', 'share']);

    // The rep calls; the call is logged in the CRM. The next listing no longer has the lead waiting.
    const call = await readJson(sandbox, '/crm/v3/objects/calls', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        properties: { hs_timestamp: new Date().toISOString(), hs_call_title: 'First call', hs_call_direction: 'OUTBOUND', hubspot_owner_id: OWNER.id },
        associations: [{ to: { id: fast }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 194 }] }],
      }),
    });
    expect(call.id).toBeTruthy();
    await expect(async () => {
      await popup.reload();
      await expect(popup.getByTestId('awaiting-lead')).toHaveCount(1, { timeout: 3_000 });
    }).toPass({ timeout: 45_000, intervals: [5_000] });
    await expect(popup.getByTestId('awaiting-lead').first()).toHaveAttribute('data-lead-id', slow);
    await expect.poll(() => worker.evaluate(() => (globalThis as any).chrome.action.getBadgeText({})), { timeout: 20_000 }).toBe('');
  });

  test('asks who the rep is before listing anything', async ({ page, sandbox, extension }) => {
    await useSandbox(page, extension.extensionId, sandbox.url);
    await page.goto(`chrome-extension://${extension.extensionId}/popup.html`);
    const region = page.getByRole('region', { name: 'Choose who you are' });
    await expect(region).toBeVisible();
    await region.getByLabel('You are').selectOption({ label: OWNER.label });
    await region.getByRole('button', { name: 'This is me' }).click();
    await expect(page.getByText('Waiting for your first touch (0)')).toBeVisible();
    await expect(page.getByText('No leads are waiting for you.')).toBeVisible();
  });
});

async function portalId(sandbox: { url: string }): Promise<string> {
  const details = await readJson(sandbox, '/account-info/v3/details');
  return String(details.portalId);
}
