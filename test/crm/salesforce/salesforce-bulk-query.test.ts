import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fromBulkRow, isBulkQueryable, runBulkQuery, toBulkSoql, withBulkQueries } from '../../../lib/crm/salesforce/salesforce-bulk-query';
import type { SalesforceClient } from '../../../lib/crm/salesforce/salesforce-client-contract';
import { createSalesforceProvider } from '../../../lib/crm/salesforce/salesforce-provider';
import { createSalesforceReporting } from '../../../lib/crm/salesforce/salesforce-reporting';
import { salesforceReportingRecordSchema } from '../../../lib/crm/salesforce/salesforce-schemas';
import { startSandboxServer, type SandboxServer } from '../../../lib/sandbox/sandbox-server';
import { TEST_NOW } from '../../sandbox/sandbox-test-kit';
import { inMemoryProviderContext } from '../../support/crm/in-memory-provider-context';
import { approvingSignInWindow } from '../../support/salesforce/approving-sign-in-window';

/* Bulk API 2.0 query jobs: CSV rows back into records, and the sandbox org answering the job flow. */

describe('fromBulkRow', () => {
  it('nests parent fields, types numbers and checkboxes, and reads an empty field as null', () => {
    const header = ['Id', 'Owner.Name', 'IsConverted', 'Baton_Response_Minutes__c', 'ConvertedOpportunity.Amount', 'ConvertedOpportunity.IsWon', 'Company'];
    expect(fromBulkRow(header, ['00Q1', 'Sam Rep', 'false', '42', '', '', '3M'])).toEqual({
      Id: '00Q1',
      Owner: { Name: 'Sam Rep' },
      IsConverted: false,
      Baton_Response_Minutes__c: 42,
      ConvertedOpportunity: null,
      Company: '3M',
    });
  });

  it('knows which selects a query job takes', () => {
    expect(isBulkQueryable("SELECT Id FROM Lead WHERE Baton_Disposition_At__c >= 2026-01-01T00:00:00Z")).toBe(true);
    expect(isBulkQueryable('SELECT Id FROM Lead ORDER BY Id')).toBe(true);
    expect(toBulkSoql("SELECT Id FROM Lead WHERE Field = 'Owner' ORDER BY CreatedDate DESC NULLS LAST")).toBe("SELECT Id FROM Lead WHERE Field = 'Owner'");
    expect(toBulkSoql('SELECT Id, Status FROM Lead ORDER BY Id')).toBe('SELECT Id, Status FROM Lead');
    expect(isBulkQueryable('SELECT Id FROM Task ORDER BY CreatedDate DESC LIMIT 200')).toBe(false);
    expect(isBulkQueryable('SELECT COUNT() FROM Lead')).toBe(false);
    expect(isBulkQueryable('SELECT Id, (SELECT Id FROM Tasks) FROM Lead')).toBe(false);
  });
});

describe('query jobs on the sandbox org', () => {
  let server: SandboxServer;
  let dir: string;
  let client: SalesforceClient;
  const paths: string[] = [];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'baton-sf-bulk-'));
    // Pages of 5: a REST read of the org's Leads is several pages, as a large org's is.
    server = await startSandboxServer({ port: 0, dataFile: join(dir, 'crm.json'), now: TEST_NOW, quiet: true, salesforce: { queryBatchSize: 5 } });
    const recording: typeof fetch = (input, init) => {
      paths.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`);
      return globalThis.fetch(input, init);
    };
    const { context } = inMemoryProviderContext({ fetch: recording });
    const provider = createSalesforceProvider({
      webAuthFlow: approvingSignInWindow(recording),
      parts: { reporting: (args) => ((client = args.client), createSalesforceReporting(args)) },
    });
    await provider.connect!(context).reporting({ kind: 'sandbox', baseUrl: server.url });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const SOQL = 'SELECT Id, Status, LeadSource, Owner.Name, IsConverted, CreatedDate FROM Lead';
  const schema = z.looseObject({ Id: z.string(), Status: z.string().nullish(), LeadSource: z.string().nullish(), Owner: z.looseObject({ Name: z.string().nullish() }).nullish(), IsConverted: z.boolean().nullish(), CreatedDate: z.string().nullish() });
  const withoutAttributes = (records: Record<string, unknown>[]) =>
    records
      .map(({ attributes: _a, ...r }): Record<string, unknown> => ({ ...r, Owner: r.Owner ? { Name: (r.Owner as { Name?: unknown }).Name ?? null } : null }))
      .sort((a, b) => String(a.Id).localeCompare(String(b.Id)));

  it('reads the same records as REST query, through create, poll and result sets', async () => {
    const rest = await client.query(SOQL, schema);
    expect(rest.records.length).toBeGreaterThan(5);
    paths.length = 0;
    const sleeps: number[] = [];
    const bulk = await runBulkQuery(client, SOQL, schema, { maxRecords: 4, sleep: async (ms) => void sleeps.push(ms) });
    expect(withoutAttributes(bulk.records)).toEqual(withoutAttributes(rest.records));
    // One create, polls until JobComplete, then ceil(n / 4) result sets.
    expect(paths.filter((p) => p.startsWith('POST') && p.endsWith('/jobs/query'))).toHaveLength(1);
    expect(paths.filter((p) => p.endsWith('/results'))).toHaveLength(Math.ceil(rest.records.length / 4));
    expect(sleeps.length).toBeGreaterThanOrEqual(1);
    expect(bulk.requests).toBe(paths.length);
  });

  it('moves a read past the threshold to a query job, and leaves smaller ones on REST', async () => {
    const reporting = withBulkQueries(client, { threshold: 5, sleep: async () => {} });
    paths.length = 0;
    const big = await reporting.query(`${SOQL} ORDER BY Id`, salesforceReportingRecordSchema);
    expect(paths.some((p) => p.endsWith('/jobs/query'))).toBe(true);
    expect(big.records.length).toBe((await client.query(SOQL, schema)).records.length);
    paths.length = 0;
    const small = await withBulkQueries(client, { threshold: 100_000 }).query(SOQL, schema);
    expect(paths.some((p) => p.includes('/jobs/'))).toBe(false);
    // REST paging as before: the first page is not asked twice.
    expect(small.requests).toBe(Math.ceil(small.records.length / 5));
    expect(paths).toHaveLength(small.requests);
  });

  it('refuses what Bulk API 2.0 does not take', async () => {
    await expect(client.request('POST', 'jobs/query', { body: { operation: 'query', query: 'SELECT COUNT() FROM Lead' }, schema: z.unknown() })).rejects.toMatchObject({ status: 400 });
  });
});
