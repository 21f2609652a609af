import { CrmError } from '../crm-error';
import { BATON_FIELD_NAMES } from './salesforce-baton-fields';
import { toSoqlDateTime, toSoqlString } from './salesforce-values';

/*
 * The SOQL of Salesforce's reporting reads (salesforce-reporting.ts): Leads and Contacts
 * dispositioned or handed off in a window, LeadHistory owner rows, id lists, and what a refused
 * query means to the marketer.
 */

const F = BATON_FIELD_NAMES;

const DISPOSITION_FIELDS = [F.disposition, F.reason, F.reasonId, F.objections, F.definitionVersion, F.slaOutcome, F.slaTier, F.responseMinutes, F.dispositionAt, F.rep, F.dispositionId];
const LEAD_INSIGHT_FIELDS = [
  'Id', 'FirstName', 'LastName', 'Status', 'LeadSource', 'OwnerId', 'Owner.Name', 'CreatedDate', 'LastActivityDate', 'IsConverted', 'ConvertedOpportunityId',
  'ConvertedOpportunity.Amount', 'ConvertedOpportunity.StageName', 'ConvertedOpportunity.IsWon', 'ConvertedOpportunity.IsClosed', ...DISPOSITION_FIELDS,
];
const CONTACT_INSIGHT_FIELDS = ['Id', 'FirstName', 'LastName', 'LeadSource', 'OwnerId', 'Owner.Name', 'CreatedDate', 'LastActivityDate', ...DISPOSITION_FIELDS];
export const LEAD_BACKTEST_FIELDS = [
  'Id', 'FirstName', 'LastName', 'Company', 'LeadSource', F.disposition, F.dispositionAt, F.definitionVersion, F.qualificationInputs, 'ConvertedOpportunityId',
  'ConvertedOpportunity.Amount', 'ConvertedOpportunity.StageName', 'ConvertedOpportunity.IsWon', 'ConvertedOpportunity.IsClosed',
];
export const CONTACT_BACKTEST_FIELDS = ['Id', 'FirstName', 'LastName', 'Account.Name', 'LeadSource', F.disposition, F.dispositionAt, F.definitionVersion, F.qualificationInputs];

export function between(field: string, from: number, to: number): string {
  // SOQL date-times are whole seconds: the start rounds down, the exclusive end up.
  return `${field} >= ${toSoqlDateTime(Math.floor(from / 1000) * 1000)} AND ${field} < ${toSoqlDateTime(Math.ceil(to / 1000) * 1000)}`;
}

/** Lead fields without the converted Opportunity, for an org (a trimmed sandbox) whose Lead lacks it. */
export function withoutOpportunity(fields: readonly string[]): string[] {
  return fields.filter((f) => !f.startsWith('ConvertedOpportunity'));
}

export function isMissingOpportunityField(error: unknown): boolean {
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

/**
 * Completed calls and sales emails logged on these records (cadence steps and open tasks are not
 * a rep's touch): the earliest one by the owner after the assignment is the first touch.
 */
export function buildFirstTouchQuery(ids: string): string {
  return `SELECT WhoId, OwnerId, CreatedDate FROM Task WHERE WhoId IN (${ids}) AND Status = 'Completed' AND TaskSubtype IN ('Call', 'Email') ORDER BY CreatedDate`;
}

export function idList(ids: readonly string[]): string {
  return ids.map(toSoqlString).join(', ');
}

const MISSING_FIELDS =
  "Baton's fields are not set up in this Salesforce org yet (or are hidden from you), so there are no dispositions to read. An admin can set them up in Baton's options.";

export function explainQueryError(error: unknown): unknown {
  if (error instanceof CrmError && error.kind === 'rejected' && /Baton_[A-Za-z_]+__c/.test(error.message) && /INVALID_FIELD|No such column/i.test(error.message)) {
    return new CrmError('rejected', MISSING_FIELDS, { status: error.status, cause: error });
  }
  return error;
}
