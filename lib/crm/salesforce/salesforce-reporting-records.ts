import type { BacktestLead } from '../crm-reporting-port';
import type { InsightDeal, InsightRecord } from '../../domain/insights/insight-record';
import type { LeadRef } from '../../domain/lead';
import type { LeadOutcome } from '../../domain/qualification/backtest-definition';
import { decodeQualificationInputs } from '../../domain/qualification/qualification-inputs';
import { isUserId } from './salesforce-users';
import { parseSalesforceTime } from './salesforce-values';
import type { SalesforceReportingRecord } from './salesforce-schemas';
import { toSalesforceChannel } from './salesforce-sources';

/*
 * Salesforce's reporting records (Leads and Contacts with Baton's fields) onto Insights' and the
 * backtest's CRM-neutral records. Pure.
 */

type ReportingRecord = SalesforceReportingRecord;

/** Won beats open beats lost: the deal that says how far the lead got. */
export function rankDeal(deal: InsightDeal): number {
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

export function nonBlank(value: string | null | undefined): string | null {
  return value === null || value === undefined || value.trim() === '' ? null : value;
}

export interface InsightRecordContext {
  /** When a rep got the lead, from LeadHistory (null: no assignment logged in the window). */
  assignedAt: number | null;
  campaign: string | null;
  /** For Contacts: the best Opportunity through contact roles (Leads carry theirs). */
  deal: InsightDeal | null;
  /** When the record responded to campaigns (responded CampaignMembers' created dates). */
  respondedAt?: readonly number[];
  /** Completed calls and sales emails on the record: [owner id, when]. */
  touches?: readonly (readonly [string | null, number])[];
  /** Where records open (a Lightning origin); null: no links. */
  recordOrigin?: string | null;
}

/**
 * The engagement before the handoff: the latest campaign response at or before it; else, as a
 * stated approximation, when the record was created (a web-to-lead form or a marketing sync
 * creates the lead when the prospect converts).
 */
export function salesforceEngagedAt(handedOffAt: number | null, createdAt: number | null, respondedAt: readonly number[]): number | null {
  let best: number | null = null;
  for (const at of respondedAt) if ((handedOffAt === null || at <= handedOffAt) && (best === null || at > best)) best = at;
  if (best !== null) return best;
  return createdAt !== null && (handedOffAt === null || createdAt <= handedOffAt) ? createdAt : null;
}

/** The owner's first completed call or sales email at or after the handoff. */
export function salesforceFirstTouch(handedOffAt: number | null, ownerId: string | null, touches: readonly (readonly [string | null, number])[]): number | null {
  if (handedOffAt === null) return null;
  let first: number | null = null;
  for (const [by, at] of touches) {
    if (at < handedOffAt || (ownerId !== null && by !== null && by.slice(0, 15) !== ownerId.slice(0, 15))) continue;
    if (first === null || at < first) first = at;
  }
  return first;
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
  const createdAt = parseSalesforceTime(record.CreatedDate);
  const handedOffAt = context.assignedAt ?? (isUserId(ownerId) ? createdAt : null);
  const name = [record.FirstName, record.LastName].map(nonBlank).filter(Boolean).join(' ');
  const objectName = record.Id.startsWith('003') ? 'Contact' : 'Lead';
  const engagedAt = salesforceEngagedAt(handedOffAt, createdAt, context.respondedAt ?? []);
  const firstTouchedAt = salesforceFirstTouch(handedOffAt, ownerId, context.touches ?? []);
  return {
    contactId: record.Id,
    // The optional facts only when the CRM has them (as the persisted form gives them back).
    ...(name ? { name } : {}),
    ...(context.recordOrigin ? { recordUrl: `${context.recordOrigin}/lightning/r/${objectName}/${encodeURIComponent(record.Id)}/view` } : {}),
    ...(engagedAt !== null ? { engagedAt } : {}),
    ...(firstTouchedAt !== null ? { firstTouchedAt } : {}),
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
