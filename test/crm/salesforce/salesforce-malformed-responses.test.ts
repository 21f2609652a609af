import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CrmError } from '../../../lib/crm/crm-error';
import { createSalesforceClient } from '../../../lib/crm/salesforce/salesforce-client';
import { fromSalesforceEvent, fromSalesforceTask } from '../../../lib/crm/salesforce/salesforce-activity-mapper';
import { fromSalesforceCampaignMember } from '../../../lib/crm/salesforce/salesforce-campaign-mapper';
import { fromSalesforceLead } from '../../../lib/crm/salesforce/salesforce-lead-mapper';
import {
  salesforceCampaignMemberSchema,
  salesforceDescribeSchema,
  salesforceEventSchema,
  salesforceHistorySchema,
  salesforceRecordSchema,
  salesforceTaskSchema,
} from '../../../lib/crm/salesforce/salesforce-schemas';
import { loadSalesforceFixture } from './fake-salesforce-client';

/*
 * Item 13 of the hostile-input suite, Salesforce side: malformed answers fuzzed at the parser.
 * Every answer — truncated JSON, an HTML page with 200, nulls where arrays belong, 10 MB, deep
 * nesting — ends as data or a CrmError, never another exception; and a field Baton does not read
 * (found here by deleting it: the mapped result does not change) never fails the record it is in.
 */

type Json = unknown;
type Row = Record<string, Json>;
const clone = <T>(value: T): T => structuredClone(value);

function client(body: string, status = 200, contentType = 'application/json') {
  return createSalesforceClient({
    instanceUrl: 'https://acme.my.salesforce.com',
    session: { accessToken: async () => 'tok', refresh: async () => 'tok2' },
    fetch: async () => new Response(body, { status, headers: { 'Content-Type': contentType } }),
  });
}

async function queryOutcome(recordSchema: z.ZodType, body: string, status = 200, contentType?: string): Promise<'data' | CrmError> {
  try {
    await client(body, status, contentType).query('SELECT Id FROM Lead', recordSchema);
    return 'data';
  } catch (err) {
    if (err instanceof CrmError) return err;
    throw err;
  }
}

const lead = loadSalesforceFixture('lead-record.json') as { records: Row[] };
const history = loadSalesforceFixture('lead-history.json') as { records: Row[] };
const members = loadSalesforceFixture('campaign-members.json') as { records: Row[] };
const activities = loadSalesforceFixture('activities-composite.json') as { compositeResponse: { referenceId: string; body: { records: Row[] } }[] };
const tasks = activities.compositeResponse.find((r) => r.referenceId === 'tasks')!.body.records;
const events = activities.compositeResponse.find((r) => r.referenceId === 'events')!.body.records;
const page = (records: Row[]) => ({ totalSize: records.length, done: true, records });

const SOURCES: { name: string; schema: z.ZodType; records: Row[] }[] = [
  { name: 'lead', schema: salesforceRecordSchema, records: lead.records },
  { name: 'lead history', schema: salesforceHistorySchema, records: history.records },
  { name: 'tasks', schema: salesforceTaskSchema, records: tasks },
  { name: 'events', schema: salesforceEventSchema, records: events },
  { name: 'campaign members', schema: salesforceCampaignMemberSchema, records: members.records },
];

describe('Salesforce answers that are not what the docs promise end as a CrmError, never a crash', () => {
  it.each(SOURCES)('$name: the recorded answer parses (the baseline)', async ({ schema, records }) => {
    expect(await queryOutcome(schema, JSON.stringify(page(records)))).toBe('data');
  });

  it.each(SOURCES)('$name: truncated at any point', async ({ schema, records }) => {
    const text = JSON.stringify(page(records));
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: text.length - 1 }), async (cut) => {
        const result = await queryOutcome(schema, text.slice(0, cut));
        expect(result).toBeInstanceOf(CrmError);
        expect((result as CrmError).kind).toBe('bad_response');
      }),
      { numRuns: 30 },
    );
  });

  it.each(SOURCES)('$name: an HTML page with status 200 (a login page after a redirect)', async ({ schema }) => {
    const result = await queryOutcome(schema, '<html><head><title>Login | Salesforce</title></head><body><form action="/"></form></body></html>', 200, 'text/html');
    expect(result).toBeInstanceOf(CrmError);
    expect((result as CrmError).kind).toBe('bad_response');
  });

  it.each(SOURCES)('$name: nulls and scalars where the answer or its records belong', async ({ schema, records }) => {
    for (const body of ['null', '7', '"records"', '[]', '{}', JSON.stringify({ ...page(records), records: null }), JSON.stringify({ ...page(records), records: [null] }), JSON.stringify({ ...page(records), records: [7] })]) {
      const result = await queryOutcome(schema, body);
      expect(result, body).toBeInstanceOf(CrmError);
    }
  });

  it.each(SOURCES)('$name: 10 MB in a field Baton does not read still parses', async ({ schema, records }) => {
    const padded = records.map((r, i) => (i === 0 ? { ...r, Padding__c: 'x'.repeat(10 * 1024 * 1024) } : r));
    expect(await queryOutcome(schema, JSON.stringify(page(padded)))).toBe('data');
  });

  it.each(SOURCES)('$name: 100,000 levels of nesting, alone and in a field Baton does not read', async ({ schema, records }) => {
    const deepObject = '{"a":'.repeat(100_000) + 'null' + '}'.repeat(100_000);
    expect(await queryOutcome(schema, '['.repeat(100_000) + ']'.repeat(100_000))).toBeInstanceOf(CrmError);
    expect(await queryOutcome(schema, deepObject)).toBeInstanceOf(CrmError);
    const text = JSON.stringify(page(records));
    expect(await queryOutcome(schema, `${text.slice(0, -1)},"nested":${deepObject}}`)).toBe('data');
  });

  it('a describe answer with null where the fields array belongs is a CrmError', async () => {
    const describeClient = client(JSON.stringify({ name: 'Lead', fields: null }));
    await expect(describeClient.request('GET', 'sobjects/Lead/describe', { schema: salesforceDescribeSchema })).rejects.toBeInstanceOf(CrmError);
  });
});

const ref = { crm: 'salesforce', account: 'acme.my.salesforce.com', id: String(lead.records[0]!.Id), objectType: 'lead' as const };
const MAPPERS: { name: string; record: Row; map: (row: Json) => unknown }[] = [
  { name: 'lead', record: lead.records[0]!, map: (row) => fromSalesforceLead(salesforceRecordSchema.parse(row), { ref, history: [] }) },
  { name: 'task', record: tasks[0]!, map: (row) => fromSalesforceTask(salesforceTaskSchema.parse(row)) },
  { name: 'event', record: events[0]!, map: (row) => fromSalesforceEvent(salesforceEventSchema.parse(row)) },
  { name: 'campaign member', record: members.records[0]!, map: (row) => fromSalesforceCampaignMember(salesforceCampaignMemberSchema.parse(row)) },
];

/** Top-level fields (and `attributes`) holding a value whose removal leaves the mapped result as it was: fields Baton does not read. */
function unusedFields(record: Row, map: (row: Json) => unknown): string[] {
  const baseline = map(clone(record));
  // A field that is null in the recording says nothing by its absence: only fields with a value are tried.
  return [...new Set([...Object.keys(record).filter((key) => record[key] !== null && record[key] !== undefined), 'attributes'])].filter((key) => {
    const without = clone(record);
    delete without[key];
    try {
      return JSON.stringify(map(without)) === JSON.stringify(baseline);
    } catch {
      return false;
    }
  });
}

describe('a field Baton does not read never fails the record it is in', () => {
  it.each(MAPPERS)('$name: any JSON value in any unread field changes nothing', ({ record, map }) => {
    const unused = unusedFields(record, map);
    expect(unused.length).toBeGreaterThan(0);
    const baseline = JSON.stringify(map(clone(record)));
    fc.assert(
      fc.property(fc.constantFrom(...unused), fc.jsonValue({ maxDepth: 2 }), (field, junk) => {
        const copy = clone(record);
        copy[field] = junk;
        expect(JSON.stringify(map(copy))).toBe(baseline);
      }),
      { numRuns: 200 },
    );
  });

  it("a record's attributes with nulls or numbers (Baton never reads them)", () => {
    for (const { record, map } of MAPPERS) {
      const baseline = JSON.stringify(map(clone(record)));
      expect(JSON.stringify(map({ ...clone(record), attributes: { type: null, url: 42 } }))).toBe(baseline);
    }
  });
});
