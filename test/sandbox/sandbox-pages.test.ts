/**
 * The CRM-like pages in a real Chromium: records render as text (hostile data stays inert),
 * navigation is client-side (pushState/popstate, no reload), "Log call" writes through the API,
 * and the right edge of a wide viewport stays free for Baton's panel.
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import type { Browser, Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_LEAD_SCENARIOS, SANDBOX_PORTAL_ID, SANDBOX_SCENARIOS } from '../../lib/sandbox/scenarios';
import { startTestSandbox } from './sandbox-test-kit';
import type { TestSandbox } from './sandbox-test-kit';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const record = (id: string): string => `/contacts/${SANDBOX_PORTAL_ID}/record/0-1/${id}`;

let sandbox: TestSandbox;
let browser: Browser;
let page: Page;
const dialogs: string[] = [];

describe.skipIf(!existsSync(CHROMIUM))('sandbox pages in Chromium', () => {
  beforeAll(async () => {
    sandbox = await startTestSandbox();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    page = await browser.newPage({ viewport: { width: 1500, height: 900 } });
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await sandbox?.stop();
  });

  it('renders a record page with the contact\'s key properties', async () => {
    await page.goto(`${sandbox.server.url}${record(SANDBOX_SCENARIOS.demoPrimary)}`);
    await expect.poll(() => page.textContent('[data-testid=record-name]')).toBe('Elena Marsh');
    expect(await page.textContent('[data-testid=record-title]')).toBe('VP Revenue Operations at Brightline Logistics');
    expect(await page.textContent('[data-testid=prop-lifecyclestage]')).toBe('Marketing Qualified Lead');
    expect(await page.textContent('[data-testid=prop-lead-status]')).toBe('New');
    expect(await page.textContent('[data-testid=prop-owner]')).toBe('Maya Chen');
    expect(await page.title()).toContain('Elena Marsh');
  });

  it('shows associated deals with their stage labels', async () => {
    const deal = await sandbox.call('/crm/v3/objects/deals/search', { body: { filterGroups: [{ filters: [{ propertyName: 'dealstage', operator: 'EQ', value: 'closedwon' }] }], limit: 1 } });
    const contacts = await sandbox.call(`/crm/v4/objects/deals/${deal.body.results[0].id}/associations/contacts`);
    await page.goto(`${sandbox.server.url}${record(String(contacts.body.results[0].toObjectId))}`);
    await expect.poll(() => page.textContent('[data-testid=deals]')).toContain('Closed Won');
  });

  it("fills the whole width, as HubSpot's record layout does (Baton docks beside it, the page reserves nothing)", async () => {
    const box = await page.locator('[data-testid=record]').boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x + box!.width).toBeGreaterThanOrEqual(1500 - 40);
  });

  it('renders hostile data as inert text', async () => {
    await page.goto(`${sandbox.server.url}${record(SANDBOX_SCENARIOS.hostile)}`);
    await expect.poll(() => page.textContent('[data-testid=prop-biggest-challenge]')).toContain('<img src=x onerror=alert(1)>');
    // Rich-text bodies (HTML in HubSpot) show as their text only.
    await expect.poll(() => page.locator('[data-testid=timeline-item][data-type=notes] .tl-body').textContent()).toMatch(/^Handoff note from marketing\s+details & more$/);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('#app a[href^="javascript:"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('navigates client-side between list, records and reports; back and forward work', async () => {
    await page.goto(`${sandbox.server.url}/`);
    await page.waitForSelector('[data-testid=contacts-table] [data-testid=contact-link]');
    expect(new URL(page.url()).pathname).toBe(`/contacts/${SANDBOX_PORTAL_ID}/objects/0-1/views/all/list`);
    // A marker on window survives only if no full page load happens.
    await page.evaluate(() => ((window as unknown as { __spaMarker: number }).__spaMarker = 42));
    const marker = () => page.evaluate(() => (window as unknown as { __spaMarker?: number }).__spaMarker);

    await page.click(`tr[data-contact-id="${SANDBOX_SCENARIOS.breached}"] [data-testid=contact-link]`);
    await expect.poll(() => page.textContent('[data-testid=record-name]')).toBe('Jonas Fischer');
    expect(new URL(page.url()).pathname).toBe(record(SANDBOX_SCENARIOS.breached));
    expect(await marker()).toBe(42);

    await page.click('[data-nav=reports]');
    await page.waitForSelector('[data-testid=reports-title]');
    expect(new URL(page.url()).pathname).toBe(`/reports/${SANDBOX_PORTAL_ID}`);

    await page.goBack();
    await expect.poll(() => page.textContent('[data-testid=record-name]')).toBe('Jonas Fischer');
    await page.goBack();
    await page.waitForSelector('[data-testid=contacts-table]');
    await page.goForward();
    await expect.poll(() => page.textContent('[data-testid=record-name]')).toBe('Jonas Fischer');
    expect(await marker()).toBe(42);
  });

  it("links a contact to its Lead record; the lead page names its contacts, the primary one marked", async () => {
    await page.goto(`${sandbox.server.url}${record(SANDBOX_SCENARIOS.touched)}`);
    await page.click('[data-testid=contact-leads] [data-testid=lead-link]');
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/contacts/${SANDBOX_PORTAL_ID}/record/0-136/${SANDBOX_LEAD_SCENARIOS.twoContacts}`);
    await page.waitForSelector('[data-testid=lead-contacts] li');
    const items = await page.locator('[data-testid=lead-contacts] li').allTextContents();
    expect(items).toHaveLength(2);
    expect(items[1]).toContain('Primary contact');
    expect(items[0]).not.toContain('Primary contact');
    await page.goto(`${sandbox.server.url}/contacts/${SANDBOX_PORTAL_ID}/record/0-136/${SANDBOX_LEAD_SCENARIOS.noContact}`);
    await expect.poll(() => page.textContent('[data-testid=lead-contacts]')).toBe('No contact is associated with this lead.');
    await page.click('[data-nav=leads]');
    await page.waitForSelector('[data-testid=leads-table] [data-testid=lead-link]');
    expect(await page.locator('[data-testid=leads-table] tbody tr').count()).toBeGreaterThanOrEqual(Object.keys(SANDBOX_LEAD_SCENARIOS).length);
  });

  it('logs a call through the API, associated and owned by the contact owner', async () => {
    await page.goto(`${sandbox.server.url}${record(SANDBOX_SCENARIOS.atRisk)}`);
    await expect.poll(() => page.textContent('[data-testid=record-name]')).toBe('Samuel Brennan');
    const before = await page.locator('[data-testid=timeline-item]').count();
    await page.click('[data-testid=log-call]');
    await page.fill('[data-testid=log-call-notes]', 'Called back about the 3-year quote.');
    await page.click('[data-testid=log-call-save]');
    await expect.poll(() => page.locator('[data-testid=timeline-item]').count()).toBe(before + 1);

    const calls = await sandbox.call('/crm/v3/objects/calls/search', {
      body: { filterGroups: [{ filters: [{ propertyName: 'associations.contact', operator: 'EQ', value: SANDBOX_SCENARIOS.atRisk }] }], properties: ['hs_call_body', 'hubspot_owner_id'] },
    });
    const contact = await sandbox.call(`/crm/v3/objects/contacts/${SANDBOX_SCENARIOS.atRisk}?properties=hubspot_owner_id`);
    const logged = calls.body.results.find((call: any) => call.properties.hs_call_body === 'Called back about the 3-year quote.');
    expect(logged.properties.hubspot_owner_id).toBe(contact.body.properties.hubspot_owner_id);
  });
});
