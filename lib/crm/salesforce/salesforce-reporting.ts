import { z } from 'zod';
import type {
  BacktestLead,
  BacktestReadResult,
  BacktestSkipReason,
  CrmReporting,
  InsightsReadResult,
  ReadBacktestLeadsOptions,
  ReadInsightRecordsOptions,
} from '../crm-reporting-port';
import type { SearchPacer } from '../search-pacer';
import type { InsightDeal, InsightRecord } from '../../domain/insights/insight-record';
import { BATON_FIELD_NAMES } from './salesforce-baton-fields';
import type { SalesforceClient } from './salesforce-client-contract';
import { crmDescriptor } from './salesforce-descriptor';
import { isUserId } from './salesforce-users';
import { parseSalesforceTime } from './salesforce-values';
import {
  between,
  buildInsightContactsQuery,
  buildInsightLeadsQuery,
  buildFirstTouchQuery,
  buildOwnerHistoryQuery,
  CONTACT_BACKTEST_FIELDS,
  explainQueryError,
  idList,
  isMissingOpportunityField,
  LEAD_BACKTEST_FIELDS,
  withoutOpportunity,
} from './salesforce-reporting-queries';
import { fromSalesforceInsightRecord, fromSalesforceOpportunity, nonBlank, rankDeal, toSalesforceBacktestLead } from './salesforce-reporting-records';
import {
  SALESFORCE_ID_PATTERN,
  salesforceContactRoleSchema,
  salesforceMemberCampaignSchema,
  salesforceOwnerHistorySchema,
  salesforceReportingRecordSchema,
  type SalesforceReportingRecord,
} from './salesforce-schemas';
import { SALESFORCE_CONNECTED_STATUSES } from './salesforce-sources';
import { lightningOrigin } from './salesforce-queue-reader';

const firstTouchTaskSchema = z.looseObject({ WhoId: z.string().nullish(), OwnerId: z.string().nullish(), CreatedDate: z.string().nullish() });

/*
 * Reads dispositions back from Salesforce for Baton Insights and the backtest, with SOQL through
 * the client's query (which follows `nextRecordsUrl`, 2,000 records a page):
 *   1. Leads dispositioned (Baton_Disposition_At__c) or created (the handoff) in the window, with
 *      their converted Opportunity (Amount, StageName, IsWon, IsClosed) in the same query;
 *   2. Contacts dispositioned in the window;
 *   3. LeadHistory Owner rows in the window: when a queue's lead reached a rep (the handoff time);
 *   4. responded CampaignMembers of the records read (their campaign), and for Contacts their
 *      Opportunities through OpportunityContactRole, by id lists of ID_CHUNK.
 * `modifiedSince` adds `SystemModstamp >= …` (an incremental refresh).
 *
 * Scale: REST query is right up to a few tens of thousands of records (a 50,000-disposition read
 * is 25 pages of 2,000 plus the id-list queries). Beyond about 50,000 records a select runs as a
 * Bulk API 2.0 query job (the provider hands this reader a client wrapped by withBulkQueries,
 * salesforce-bulk-query.ts). The SOQL is in salesforce-reporting-queries.ts, the record mapping in
 * salesforce-reporting-records.ts.
 */

const F = BATON_FIELD_NAMES;
/** Pages of 2,000 followed per query: 100,000 records. */
const MAX_PAGES = 50;
/** Ids per `IN (…)` list: keeps the GET query URL well under Salesforce's 16 kB limit. */
const ID_CHUNK = 300;

type ReportingRecord = SalesforceReportingRecord;

export interface CreateSalesforceReportingOptions {
  client: SalesforceClient;
  /** The org lead keys name (its API host). */
  account: string;
  /** What persisted reads and the pacer know this connection by. */
  key: string;
  sandbox: boolean;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createSalesforceReporting(options: CreateSalesforceReportingOptions): CrmReporting {
  const { client, account, key, sandbox } = options;
  const crm = crmDescriptor.kind;

  /** One paced SOQL read, counted. */
  async function query<S extends z.ZodType>(soql: string, schema: S, counter: { requests: number }, read: { signal?: AbortSignal; pace?: SearchPacer; maxPages?: number }) {
    await read.pace?.(read.signal);
    const result = await client.query(soql, schema, { signal: read.signal, maxPages: read.maxPages ?? MAX_PAGES });
    counter.requests += result.requests;
    return result;
  }

  /** `SELECT … WHERE <field> IN (ids)` in chunks; rows of every chunk. */
  async function byIds<S extends z.ZodType>(select: (ids: string) => string, ids: readonly string[], schema: S, counter: { requests: number }, read: { signal?: AbortSignal; pace?: SearchPacer }) {
    const rows: z.output<S>[] = [];
    const valid = ids.filter((id) => SALESFORCE_ID_PATTERN.test(id));
    for (let i = 0; i < valid.length; i += ID_CHUNK) {
      const result = await query(select(idList(valid.slice(i, i + ID_CHUNK))), schema, counter, read);
      rows.push(...result.records);
    }
    return rows;
  }

  /** The first campaign each record responded to (its campaign of origin). */
  async function readCampaigns(leadIds: readonly string[], contactIds: readonly string[], counter: { requests: number }, read: { signal?: AbortSignal; pace?: SearchPacer }, responses?: Map<string, number[]>) {
    const campaigns = new Map<string, { name: string; at: number }>();
    const select = (field: 'LeadId' | 'ContactId') => (ids: string) =>
      `SELECT LeadId, ContactId, Campaign.Name, CreatedDate FROM CampaignMember WHERE HasResponded = true AND ${field} IN (${ids})`;
    const rows = [
      ...(await byIds(select('LeadId'), leadIds, salesforceMemberCampaignSchema, counter, read)).map((r) => ({ id: r.LeadId, r })),
      ...(await byIds(select('ContactId'), contactIds, salesforceMemberCampaignSchema, counter, read)).map((r) => ({ id: r.ContactId, r })),
    ];
    for (const { id, r } of rows) {
      const name = nonBlank(r.Campaign?.Name);
      if (!id || !name) continue;
      const at = parseSalesforceTime(r.CreatedDate) ?? Number.MAX_SAFE_INTEGER;
      if (responses && at !== Number.MAX_SAFE_INTEGER) {
        const list = responses.get(id.slice(0, 15));
        if (list) list.push(at);
        else responses.set(id.slice(0, 15), [at]);
      }
      const known = campaigns.get(id.slice(0, 15));
      if (!known || at < known.at) campaigns.set(id.slice(0, 15), { name, at });
    }
    return campaigns;
  }

  /** Contacts' best Opportunity through their contact roles. */
  async function readContactDeals(contactIds: readonly string[], counter: { requests: number }, read: { signal?: AbortSignal; pace?: SearchPacer }) {
    const deals = new Map<string, InsightDeal>();
    const rows = await byIds(
      (ids) => `SELECT ContactId, Opportunity.Amount, Opportunity.StageName, Opportunity.IsWon, Opportunity.IsClosed FROM OpportunityContactRole WHERE ContactId IN (${ids})`,
      contactIds,
      salesforceContactRoleSchema,
      counter,
      read,
    );
    for (const row of rows) {
      const deal = fromSalesforceOpportunity(row.Opportunity);
      if (!row.ContactId || !deal) continue;
      const id = row.ContactId.slice(0, 15);
      const best = deals.get(id);
      if (!best || rankDeal(deal) > rankDeal(best)) deals.set(id, deal);
    }
    return deals;
  }

  async function readInsightRecords(read: ReadInsightRecordsOptions): Promise<InsightsReadResult> {
    const counter = { requests: 0 };
    const warnings: string[] = [];
    const soft = async <T>(what: string, fallback: T, run: () => Promise<T>): Promise<T> => {
      try {
        return await run();
      } catch (error) {
        if (read.signal?.aborted) throw error;
        warnings.push(`${what} (${describe(error)}).`);
        return fallback;
      }
    };

    let leads: ReportingRecord[];
    try {
      const readLeads = async (withOpportunity: boolean) => query(buildInsightLeadsQuery(read.from, read.to, read.modifiedSince, withOpportunity), salesforceReportingRecordSchema, counter, read);
      const result = await readLeads(true).catch(async (error: unknown) => {
        if (!isMissingOpportunityField(error)) throw error;
        warnings.push('Converted opportunities could not be read (this org\'s Lead has no ConvertedOpportunity); opportunities and revenue of leads are missing.');
        return readLeads(false);
      });
      leads = result.records;
      if (!result.done) warnings.push(`Only the first ${leads.length.toLocaleString('en')} of ${result.totalSize.toLocaleString('en')} leads were read; narrow the dates.`);
    } catch (error) {
      throw explainQueryError(error);
    }
    read.onProgress?.({ records: leads.map((r) => fromSalesforceInsightRecord(r, { assignedAt: null, campaign: null, deal: null })), read: leads.length, total: null });

    const contacts = await soft('Contacts could not be read; only leads are shown', [] as ReportingRecord[], async () => {
      const result = await query(buildInsightContactsQuery(read.from, read.to, read.modifiedSince), salesforceReportingRecordSchema, counter, read);
      if (!result.done) warnings.push(`Only the first ${result.records.length.toLocaleString('en')} of ${result.totalSize.toLocaleString('en')} contacts were read; narrow the dates.`);
      return result.records;
    });
    if (contacts.length) read.onProgress?.({ records: contacts.map((r) => fromSalesforceInsightRecord(r, { assignedAt: null, campaign: null, deal: null })), read: leads.length + contacts.length, total: leads.length + contacts.length });

    // Handoff times: the first assignment to a rep in the window (the id row of each Owner change).
    const assignedAt = await soft('Lead owner history could not be read; handoff times are when leads were created', new Map<string, number>(), async () => {
      const rows = (await query(buildOwnerHistoryQuery(read.from, read.to), salesforceOwnerHistorySchema, counter, read)).records;
      const first = new Map<string, number>();
      for (const row of rows) {
        const next = typeof row.NewValue === 'string' ? row.NewValue : null;
        const at = parseSalesforceTime(row.CreatedDate);
        if (!row.LeadId || !isUserId(next) || at === null) continue;
        const id = row.LeadId.slice(0, 15);
        const known = first.get(id);
        if (known === undefined || at < known) first.set(id, at);
      }
      return first;
    });

    const responses = new Map<string, number[]>();
    const campaigns = await soft('Campaigns could not be read; records are shown without one', new Map<string, { name: string; at: number }>(), () =>
      readCampaigns(leads.map((r) => r.Id), contacts.map((r) => r.Id), counter, read, responses),
    );
    // First touches for speed to lead: completed calls and sales emails on the records read.
    const touches = await soft('Calls and emails could not be read; the rep\'s part of speed to lead is missing', new Map<string, [string | null, number][]>(), async () => {
      const rows = await byIds(buildFirstTouchQuery, [...leads, ...contacts].map((r) => r.Id), firstTouchTaskSchema, counter, read);
      const byRecord = new Map<string, [string | null, number][]>();
      for (const row of rows) {
        const at = parseSalesforceTime(row.CreatedDate ?? null);
        if (!row.WhoId || at === null) continue;
        const id = row.WhoId.slice(0, 15);
        const list = byRecord.get(id);
        if (list) list.push([row.OwnerId ?? null, at]);
        else byRecord.set(id, [[row.OwnerId ?? null, at]]);
      }
      return byRecord;
    });
    const recordOrigin = sandbox ? client.instanceUrl.replace(/\/+$/, '') : lightningOrigin(account);
    const contactDeals = await soft('Opportunities of contacts could not be read; their revenue is missing', new Map<string, InsightDeal>(), () =>
      readContactDeals(contacts.map((r) => r.Id), counter, read),
    );

    const seen = new Set<string>();
    const records: InsightRecord[] = [];
    for (const record of [...leads, ...contacts]) {
      const id = record.Id.slice(0, 15);
      if (seen.has(id)) continue;
      seen.add(id);
      records.push(
        fromSalesforceInsightRecord(record, {
          assignedAt: assignedAt.get(id) ?? null,
          campaign: campaigns.get(id)?.name ?? null,
          deal: contactDeals.get(id) ?? null,
          respondedAt: responses.get(id) ?? [],
          touches: touches.get(id) ?? [],
          recordOrigin,
        }),
      );
    }
    return { records, windows: 1, requests: counter.requests, warnings };
  }

  async function readBacktestLeads(read: ReadBacktestLeadsOptions): Promise<BacktestReadResult> {
    const counter = { requests: 0 };
    // Long inputs make pages small (Salesforce shrinks the batch for wide rows): allow more of them.
    const paged = { ...read, maxPages: MAX_PAGES * 5 };
    let leads: ReportingRecord[];
    try {
      const readLeads = async (fields: readonly string[]) =>
        (await query(`SELECT ${fields.join(', ')} FROM Lead WHERE ${between(F.dispositionAt, read.from, read.to)} ORDER BY Id`, salesforceReportingRecordSchema, counter, paged)).records;
      leads = await readLeads(LEAD_BACKTEST_FIELDS).catch((error: unknown) => {
        if (!isMissingOpportunityField(error)) throw error;
        return readLeads(withoutOpportunity(LEAD_BACKTEST_FIELDS));
      });
    } catch (error) {
      throw explainQueryError(error);
    }
    let contacts: ReportingRecord[] = [];
    try {
      contacts = (await query(`SELECT ${CONTACT_BACKTEST_FIELDS.join(', ')} FROM Contact WHERE ${between(F.dispositionAt, read.from, read.to)} ORDER BY Id`, salesforceReportingRecordSchema, counter, paged)).records;
    } catch (error) {
      if (read.signal?.aborted) throw error;
      // An org with Baton's fields on Lead only: the leads still replay.
    }

    const skipped: Record<BacktestSkipReason, number> = { no_inputs: 0, unreadable_inputs: 0 };
    let unreadableExample: string | null = null;
    const replayable: ReportingRecord[] = [];
    for (const record of [...leads, ...contacts]) {
      if (!nonBlank(record.Baton_Disposition__c)) continue;
      if (!nonBlank(record.Baton_Qualification_Inputs__c)) {
        skipped.no_inputs++;
        continue;
      }
      replayable.push(record);
    }
    const contactIds = replayable.filter((r) => r.Id.startsWith('003')).map((r) => r.Id);
    const deals = contactIds.length ? await readContactDeals(contactIds, counter, read).catch(() => new Map<string, InsightDeal>()) : new Map<string, InsightDeal>();
    const campaigns = replayable.length
      ? await readCampaigns(replayable.filter((r) => !r.Id.startsWith('003')).map((r) => r.Id), contactIds, counter, read).catch(() => new Map<string, { name: string; at: number }>())
      : new Map<string, { name: string; at: number }>();

    const backtestLeads: BacktestLead[] = [];
    for (const record of replayable) {
      const id = record.Id.slice(0, 15);
      const deal = record.ConvertedOpportunityId ? fromSalesforceOpportunity(record.ConvertedOpportunity) : (deals.get(id) ?? null);
      const mapped = toSalesforceBacktestLead(record, deal, campaigns.get(id)?.name ?? null, { crm, account });
      if (!mapped.ok) {
        skipped.unreadable_inputs++;
        unreadableExample ??= `${record.Id.startsWith('003') ? 'contact' : 'lead'} ${record.Id}: ${mapped.why}`;
        continue;
      }
      backtestLeads.push(mapped.lead);
    }
    backtestLeads.sort((a, b) => (a.contactId < b.contactId ? -1 : a.contactId > b.contactId ? 1 : 0));
    return {
      leads: backtestLeads,
      dispositioned: backtestLeads.length + skipped.no_inputs + skipped.unreadable_inputs,
      skipped,
      unreadableExample,
      requests: counter.requests,
    };
  }

  return { crm, account, key, sandbox, connectedStatuses: SALESFORCE_CONNECTED_STATUSES, readInsightRecords, readBacktestLeads };
}

