import { readFileSync, rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { caseSafeSuffix } from '../../../lib/sandbox/salesforce/salesforce-ids';
import { SALESFORCE_LEAD_SCENARIOS } from '../../../lib/sandbox/salesforce/salesforce-scenarios';
import { API, startSalesforceSandbox } from './salesforce-test-kit';
import type { SalesforceTestSandbox } from './salesforce-test-kit';

/** Started by the first test; its pages are read by the second describe. */
let sandbox: SalesforceTestSandbox;

describe('Salesforce sandbox: the seeded org and its persistence', () => {
  it('seeds the same org from the same clock, persists writes and reloads them', async () => {
    const a = await startSalesforceSandbox();
    sandbox = await startSalesforceSandbox();
    try {
      await a.server.close();
      const orgA = JSON.parse(readFileSync(a.server.salesforce.dataFile, 'utf8'));
      const orgB = JSON.parse(readFileSync(sandbox.server.salesforce.dataFile, 'utf8'));
      // Tokens differ (each sandbox logged in); the records are identical.
      expect(orgA.records).toEqual(orgB.records);
      expect(orgA).toMatchObject({ format: 'baton-sandbox-salesforce', myDomain: 'baton-sandbox', orgId: expect.stringMatching(/^00D[A-Za-z0-9]{15}$/) });
      expect(orgA.records.Lead.length).toBeGreaterThanOrEqual(15);
      expect(orgA.records.Lead.length).toBeLessThanOrEqual(25);
      for (const record of [...orgA.records.Lead, ...orgA.records.Contact, ...orgA.records.Task]) {
        expect(record.Id).toHaveLength(18);
        expect(caseSafeSuffix(record.Id.slice(0, 15))).toBe(record.Id.slice(15));
      }
      expect(orgA.records.LeadStatus.map((s: { ApiName: string }) => s.ApiName)).toEqual(['Open - Not Contacted', 'Working - Contacted', 'Nurture', 'Closed - Converted', 'Closed - Not Converted']);

      const again = await startSalesforceSandbox({ dir: a.dir, dataFile: a.dataFile });
      try {
        const id = SALESFORCE_LEAD_SCENARIOS.justHandedOff;
        expect((await again.call(`${API}/sobjects/Lead/${id}`, { method: 'PATCH', body: { Baton_Disposition__c: 'persisted' } })).status).toBe(204);
      } finally {
        await again.server.close();
      }
      const third = await startSalesforceSandbox({ dir: a.dir, dataFile: a.dataFile });
      try {
        const read = await third.call(`${API}/sobjects/Lead/${SALESFORCE_LEAD_SCENARIOS.justHandedOff}?fields=Baton_Disposition__c`);
        expect(read.body.Baton_Disposition__c).toBe('persisted');
      } finally {
        await third.server.close();
      }
      const reseeded = await startSalesforceSandbox({ dir: a.dir, dataFile: a.dataFile, reseed: true });
      try {
        const read = await reseeded.call(`${API}/sobjects/Lead/${SALESFORCE_LEAD_SCENARIOS.justHandedOff}?fields=Baton_Disposition__c`);
        expect(read.body.Baton_Disposition__c).toBeNull();
      } finally {
        await reseeded.stop();
      }
    } finally {
      rmSync(a.dir, { recursive: true, force: true });
    }
  });
});

describe('Salesforce sandbox: Lightning-like pages', () => {
  const page = async (path: string): Promise<{ status: number; html: string; headers: Headers }> => {
    const response = await fetch(`${sandbox.server.url}${path}`, { redirect: 'manual' });
    return { status: response.status, html: await response.text(), headers: response.headers };
  };
  afterAll(async () => {
    await sandbox.stop();
  });

  it('renders the lead list with links to record pages', async () => {
    const { status, html } = await page('/lightning/o/Lead/list');
    expect(status).toBe(200);
    expect(html).toContain('/sandbox-assets/lightning.css');
    expect(html).toContain(`href="/lightning/r/Lead/${SALESFORCE_LEAD_SCENARIOS.demoPrimary}/view"`);
    expect(html).toContain('Elena Marsh');
    expect((await page('/lightning/o/Contact/list')).html).toContain('/lightning/r/Contact/003');
    const css = await page('/sandbox-assets/lightning.css');
    expect(css.headers.get('content-type')).toContain('text/css');
  });

  it('renders a lead record: highlights, status path, details, activity; links to neighbours', async () => {
    const { status, html } = await page(`/lightning/r/Lead/${SALESFORCE_LEAD_SCENARIOS.touched}/view`);
    expect(status).toBe(200);
    expect(html).toContain('class="sf-record-name">Grace Sullivan</h1>');
    expect(html).toMatch(/<li class="current" aria-current="step">Working - Contacted<\/li>/);
    expect(html).toContain('Lead Owner');
    expect(html).toContain('Past Activities');
    expect(html).toContain('Campaign History');
    expect(html).toMatch(/href="\/lightning\/r\/Lead\/00Q[A-Za-z0-9]{15}\/view">← /);
    // The bare-id form redirects to the typed one.
    const bare = await page(`/lightning/r/${SALESFORCE_LEAD_SCENARIOS.touched}/view`);
    expect(bare.status).toBe(302);
    expect(bare.headers.get('location')).toBe(`/lightning/r/Lead/${SALESFORCE_LEAD_SCENARIOS.touched}/view`);
    expect((await page('/lightning/r/Lead/00QHp000000ZZZZZZZ/view')).status).toBe(404);
  });

  it('renders hostile values as text', async () => {
    const { html, headers } = await page(`/lightning/r/Lead/${SALESFORCE_LEAD_SCENARIOS.hostile}/view`);
    expect(html).not.toMatch(/<script>alert|<img src=x|href="javascript:/i);
    expect(headers.get('content-security-policy')).toContain("script-src 'none'");
  });
});
