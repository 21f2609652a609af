import type { z } from 'zod';
import { CrmError } from '../crm-error';
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
import type { LeadRef } from '../../domain/lead';
import type { LeadOutcome } from '../../domain/qualification/backtest-definition';
import { decodeQualificationInputs } from '../../domain/qualification/qualification-inputs';
import { BATON_FIELD_NAMES } from './salesforce-baton-fields';
import type { SalesforceClient } from './salesforce-client-contract';
import { crmDescriptor } from './salesforce-descriptor';
import { isUserId, parseSalesforceTime, toSoqlDateTime, toSoqlString } from './salesforce-mappers';
import {
  SALESFORCE_ID_PATTERN,
  salesforceContactRoleSchema,
  salesforceMemberCampaignSchema,
  salesforceOwnerHistorySchema,
  salesforceReportingRecordSchema,
  type SalesforceReportingRecord,
} from './salesforce-schemas';
import { SALESFORCE_CONNECTED_STATUSES, toSalesforceChannel } from './salesforce-sources';

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
 * is 25 pages of 2,000 plus the id-list queries). Beyond about 50,000 dispositions in a window,
 * Bulk API 2.0 (`POST jobs/query`, CSV results by locator) would take over here; it is not built:
 * a read stopped by the page cap says so in its warnings.
 */

const F = BATON_FIELD_NAMES;
/** Pages of 2,000 followed per query: 100,000 records. */
const MAX_PAGES = 50;
/** Ids per `IN (…)` list: keeps the GET query URL well under Salesforce's 16 kB limit. */
const ID_CHUNK = 300;

const DISPOSITION_FIELDS = [F.disposition, F.reason, F.reasonId, F.objections, F.definitionVersion, F.slaOutcome, F.slaTier, F.responseMinutes, F.dispositionAt, F.rep, F.dispositionId];
const LEAD_INSIGHT_FIELDS = [
  'Id', 'Status', 'LeadSource', 'OwnerId', 'Owner.Name', 'CreatedDate', 'LastActivityDate', 'IsConverted', 'ConvertedOpportunityId',
  'ConvertedOpportunity.Amount', 'ConvertedOpportunity.StageName', 'ConvertedOpportunity.IsWon', 'ConvertedOpportunity.IsClosed', ...DISPOSITION_FIELDS,
];
const CONTACT_INSIGHT_FIELDS = ['Id', 'LeadSource', 'OwnerId', 'Owner.Name', 'CreatedDate', 'LastActivityDate', ...DISPOSITION_FIELDS];
const LEAD_BACKTEST_FIELDS = [
  'Id', 'FirstName', 'LastName', 'Company', 'LeadSource', F.disposition, F.dispositionAt, F.definitionVersion, F.qualificationInputs, 'ConvertedOpportunityId',
  'ConvertedOpportunity.Amount', 'ConvertedOpportunity.StageName', 'ConvertedOpportunity.IsWon', 'ConvertedOpportunity.IsClosed',
];
const CONTACT_BACKTEST_FIELDS = ['Id', 'FirstName', 'LastName', 'Account.Name', 'LeadSource', F.disposition, F.dispositionAt, F.definitionVersion, F.qualificationInputs];

type ReportingRecord = SalesforceReportingRecord;

export interface CreateSalesforceReportingOptions {
  client: SalesforceClient;
  /** The org lead keys name (its API host). */
  account: string;
  /** What persisted reads and the pacer know this connection by. */
  key: string;
  sandbox: boolean;
}

function between(field: string, from: number, to: number): string {
  // SOQL date-times are whole seconds: the start rounds down, the exclusive end up.
  return `${field} >= ${toSoqlDateTime(Math.floor(from / 1000) * 1000)} AND ${field} < ${toSoqlDateTime(Math.ceil(to / 1000) * 1000)}`;
}

/** Lead fields without the converted Opportunity, for an org (a trimmed sandbox) whose Lead lacks it. */
function withoutOpportunity(fields: readonly string[]): string[] {
  return fields.filter((f) => !f.startsWith('ConvertedOpportunity'));
}

function isMissingOpportunityField(error: unknown): boolean {
  return error instanceof CrmError && error.kind === 'rejected' && /ConvertedOpportunity/.test(error.message) && /INVALID_FIELD|No such column|Didn't understand relationship/i.test(error.message);
}

export function buildInsightLeadsQuery(from: number, to: number, modifiedSince?: number, withOpportunity = true): string {
  const since = modifiedSince === undefined ? '' : ` AND SystemModstamp >= ${toSoqlDateTime(Math.floor(modifiedSince / 1000) * 1000)}`;
  return `SELECT ${(withOpportunity ? LEAD_INSIGHT_FIELDS : withoutOpportunity(LEAD_INSIGHT_FIELDS)).join(', ')} FROM Lead WHERE ((${between(F.dispositionAt, from, to)}) OR (${between('CreatedDate', from, to)}))${since} ORDER BY Id`;
}

export function buildInsightContactsQuery(from: number, to: number, modifiedSince?: number): string {
  const since = modifiedSince === undefined ? '' : ` AND SystemModstamp >= ${toSoqlDateTime(Math.floor(modifiedSince / 1000) * 1000)}`;
  return `SELECT ${CONTACT_INSIGHT_FIELDS.join(', ')} FROM Contact WHERE (${between(F.dispositionAt, from, to)})${since} ORDER BY Id`;
}

export function buildOwnerHistoryQuery(from: number, to: number): string {
  return `SELECT LeadId, Field, NewValue, CreatedDate FROM LeadHistory WHERE Field = 'Owner' AND ${between('CreatedDate', from, to)} ORDER BY CreatedDate`;
}

function idList(ids: readonly string[]): string {
  return ids.map(toSoqlString).join(', ');
}

/** Won beats open beats lost: the deal that says how far the lead got. */
function rankDeal(deal: InsightDeal): number {
  return deal.won ? 2 : deal.closed ? 0 : 1;
}

export function fromSalesforceOpportunity(opportunity: ReportingRecord['ConvertedOpportunity']): InsightDeal | null {
  if (!opportunity) return null;
  const won = opportunity.IsWon === true;
  return {
    amount: typeof opportunity.Amount === 'number' && Number.isFinite(opportunity.Amount) ? opportunity.Amount : null,
    stage: opportunity.StageName ?? null,
    won,
    closed: won || opportunity.IsClosed === true,
  };
}

function nonBlank(value: string | null | undefined): string | null {
  return value === null || value === undefined || value.trim() === '' ? null : value;
}

export interface InsightRecordContext {
  /** When a rep got the lead, from LeadHistory (null: no assignment logged in the window). */
  assignedAt: number | null;
  campaign: string | null;
  /** For Contacts: the best Opportunity through contact roles (Leads carry theirs). */
  deal: InsightDeal | null;
}

/** Maps one Lead or Contact (with Baton's fields) onto the CRM-neutral record. Pure. */
export function fromSalesforceInsightRecord(record: ReportingRecord, context: InsightRecordContext): InsightRecord {
  const outcome = record.Baton_Disposition__c;
  const decidedAt = parseSalesforceTime(record.Baton_Disposition_At__c);
  const validOutcome = outcome === 'accepted' || outcome === 'recycled' || outcome === 'rejected' ? outcome : null;
  const deal = record.ConvertedOpportunityId ? fromSalesforceOpportunity(record.ConvertedOpportunity) : context.deal;
  const minutes = record.Baton_Response_Minutes__c;
  const ownerId = nonBlank(record.OwnerId);
  // The handoff: a logged assignment to a rep; else a record a rep owned from its creation.
  const handedOffAt = context.assignedAt ?? (isUserId(ownerId) ? parseSalesforceTime(record.CreatedDate) : null);
  return {
    contactId: record.Id,
    campaign: context.campaign,
    source: nonBlank(record.LeadSource),
    channel: toSalesforceChannel(record.LeadSource),
    ownerId,
    ownerName: nonBlank(record.Owner?.Name),
    handedOffAt,
    lastTouchedAt: parseSalesforceTime(record.LastActivityDate),
    leadStatus: nonBlank(record.Status),
    slaTier: nonBlank(record.Baton_SLA_Tier__c),
    // A disposition without its time or with an outcome Baton does not know is not counted as one.
    disposition:
      validOutcome && decidedAt !== null
        ? {
            outcome: validOutcome,
            // Salesforce keeps no stage field: an accepted lead with an Opportunity got one created.
            acceptedStage: validOutcome === 'accepted' ? (deal !== null || !!record.ConvertedOpportunityId ? 'opportunity_created' : 'working') : null,
            reasonId: nonBlank(record.Baton_Disposition_Reason_Id__c),
            reasonLabel: nonBlank(record.Baton_Disposition_Reason__c),
            objections: (record.Baton_Objections__c ?? '').split(';').map((tag) => tag.trim()).filter(Boolean),
            definitionVersion: nonBlank(record.Baton_Definition_Version__c),
            slaOutcome: nonBlank(record.Baton_SLA_Outcome__c),
            responseMinutes: typeof minutes === 'number' && Number.isFinite(minutes) && minutes >= 0 ? minutes : null,
            decidedAt,
            rep: nonBlank(record.Baton_Disposition_Rep__c),
          }
        : null,
    deal,
  };
}

/**
 * What happened to the lead: an opportunity when one exists; won or lost once it closed (left
 * undefined while it is open, so it is not scored as lost).
 */
export function toSalesforceLeadOutcome(deal: InsightDeal | null): LeadOutcome {
  if (!deal) return { opportunityCreated: false };
  const outcome: LeadOutcome = { opportunityCreated: true };
  if (deal.closed) outcome.won = deal.won;
  if (deal.amount !== null) outcome.amount = deal.amount;
  return outcome;
}

/** One dispositioned Lead or Contact with inputs → a replayable lead. Pure. */
export function toSalesforceBacktestLead(
  record: ReportingRecord,
  deal: InsightDeal | null,
  campaign: string | null,
  account: Pick<LeadRef, 'crm' | 'account'>,
): { ok: true; lead: BacktestLead } | { ok: false; why: string } {
  const raw = nonBlank(record.Baton_Qualification_Inputs__c);
  if (!raw) return { ok: false, why: 'no inputs recorded' };
  const objectType = record.Id.startsWith('003') ? 'contact' : 'lead';
  const decoded = decodeQualificationInputs(raw, { crm: account.crm, account: account.account, id: record.Id, objectType });
  if (!decoded.ok) return { ok: false, why: `${decoded.why.replace(/_/g, ' ')} (${decoded.detail})` };
  const name = [record.FirstName, record.LastName].map(nonBlank).filter(Boolean).join(' ') || `${objectType === 'lead' ? 'Lead' : 'Contact'} ${record.Id}`;
  return {
    ok: true,
    lead: {
      contactId: record.Id,
      name,
      company: nonBlank(record.Company) ?? nonBlank(record.Account?.Name),
      campaign,
      pastLead: { ...decoded.inputs, outcome: toSalesforceLeadOutcome(deal) },
      approximate: decoded.approximate || decoded.evidenceSetAside,
    },
  };
}

const MISSING_FIELDS =
  "Baton's fields are not set up in this Salesforce org yet (or are hidden from you), so there are no dispositions to read. An admin can set them up in Baton's options.";

function explainQueryError(error: unknown): unknown {
  if (error instanceof CrmError && error.kind === 'rejected' && /Baton_[A-Za-z_]+__c/.test(error.message) && /INVALID_FIELD|No such column/i.test(error.message)) {
    return new CrmError('rejected', MISSING_FIELDS, { status: error.status, cause: error });
  }
  return error;
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
  async function readCampaigns(leadIds: readonly string[], contactIds: readonly string[], counter: { requests: number }, read: { signal?: AbortSignal; pace?: SearchPacer }) {
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

    const campaigns = await soft('Campaigns could not be read; records are shown without one', new Map<string, { name: string; at: number }>(), () =>
      readCampaigns(leads.map((r) => r.Id), contacts.map((r) => r.Id), counter, read),
    );
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

