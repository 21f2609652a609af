import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromSalesforceLeadStatuses, type SalesforceLeadStatusRow } from '../../../lib/crm/salesforce/salesforce-lead-statuses';
import { createSalesforceProvider } from '../../../lib/crm/salesforce/salesforce-provider';
import { startSandboxServer, type SandboxServer } from '../../../lib/sandbox/sandbox-server';
import { TEST_NOW } from '../../sandbox/sandbox-test-kit';
import { inMemoryProviderContext } from '../../support/crm/in-memory-provider-context';
import { approvingSignInWindow } from '../../support/salesforce/approving-sign-in-window';

/* The org's Lead Status values for the admin's mapping: LeadStatus rows, converted ones left out. */

describe('fromSalesforceLeadStatuses', () => {
  it('keeps the org order, the API name as the value and the label as shown, without converted statuses', () => {
    const rows: SalesforceLeadStatusRow[] = [
      { ApiName: 'Closed - Converted', MasterLabel: 'Closed - Converted', IsConverted: true, IsDefault: false, SortOrder: 4 },
      { ApiName: 'Working', MasterLabel: 'Working - Contacted', IsConverted: false, IsDefault: false, SortOrder: 2 },
      { ApiName: 'Open', MasterLabel: 'Open - Not Contacted', IsConverted: false, IsDefault: true, SortOrder: 1 },
      { ApiName: null, MasterLabel: 'Nurture', IsConverted: false, IsDefault: false, SortOrder: 3 },
    ];
    expect(fromSalesforceLeadStatuses(rows)).toEqual([
      { value: 'Open', label: 'Open - Not Contacted', isDefault: true },
      { value: 'Working', label: 'Working - Contacted', isDefault: false },
      { value: 'Nurture', label: 'Nurture', isDefault: false },
    ]);
  });

  it('never offers a converted status, a nameless row or one value twice', () => {
    const row = fc.record({
      ApiName: fc.option(fc.constantFrom('A', 'B', 'C', ' ', ''), { nil: null }),
      MasterLabel: fc.option(fc.constantFrom('A', 'B', 'Label'), { nil: null }),
      IsConverted: fc.option(fc.boolean(), { nil: null }),
      IsDefault: fc.option(fc.boolean(), { nil: null }),
      SortOrder: fc.option(fc.integer({ min: 0, max: 9 }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), (rows) => {
        const values = fromSalesforceLeadStatuses(rows);
        expect(new Set(values.map((v) => v.value)).size).toBe(values.length);
        for (const v of values) {
          expect(v.value.trim()).not.toBe('');
          const source = rows.find((r) => (r.ApiName?.trim() || r.MasterLabel?.trim()) === v.value && !r.IsConverted);
          expect(source).toBeDefined();
        }
        // Every unconverted named value is offered.
        const expected = new Set(rows.filter((r) => !r.IsConverted).map((r) => r.ApiName?.trim() || r.MasterLabel?.trim()).filter(Boolean));
        expect(new Set(values.map((v) => v.value))).toEqual(expected);
      }),
    );
  });
});

describe('the lead-status values of the sandbox org', () => {
  let server: SandboxServer;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'baton-sf-statuses-'));
    server = await startSandboxServer({ port: 0, dataFile: join(dir, 'crm.json'), now: TEST_NOW, quiet: true });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads them through the reporting connection with one query', async () => {
    const requests: string[] = [];
    const recording: typeof fetch = (input, init) => {
      requests.push(String(input));
      return globalThis.fetch(input, init);
    };
    const { context } = inMemoryProviderContext({ fetch: recording });
    const reporting = await createSalesforceProvider({ webAuthFlow: approvingSignInWindow(recording) }).connect!(context).reporting({ kind: 'sandbox', baseUrl: server.url });
    const values = await reporting.readLeadStatusValues!();
    expect(values).toEqual([
      { value: 'Open - Not Contacted', label: 'Open - Not Contacted', isDefault: true },
      { value: 'Working - Contacted', label: 'Working - Contacted', isDefault: false },
      { value: 'Nurture', label: 'Nurture', isDefault: false },
      { value: 'Closed - Not Converted', label: 'Closed - Not Converted', isDefault: false },
    ]);
    expect(requests.filter((url) => url.includes('/query'))).toHaveLength(1);
  });
});
