import type { ChangeSource, FormAnswer, Lead, LeadRef, Owner } from '../../domain/lead';
import { campaignMemberTime } from './salesforce-campaign-mapper';
import type { SalesforceCampaignMember, SalesforceHistory, SalesforceRecord } from './salesforce-schemas';
import { SALESFORCE_ID_PATTERN } from './salesforce-schemas';
import { isAutomatedUser, isUserId } from './salesforce-users';
import { historyText, nonBlank, parseSalesforceTime, sameSalesforceId } from './salesforce-values';

/*
 * A Salesforce Lead or Contact (with its field history and campaign responses) → Baton's Lead.
 * Every string may have been typed by anyone who filled a web-to-lead form: kept verbatim and
 * rendered as text downstream.
 */

export const SALESFORCE_HISTORY_SOURCE = 'salesforce-history';

/** The Account Engagement (Pardot) fields synced into core that Baton reads when describe lists them. */
export const ACCOUNT_ENGAGEMENT_FIELDS = [
  'pi__score__c',
  'pi__grade__c',
  'pi__last_activity__c',
  'pi__first_activity__c',
  'pi__campaign__c',
  'pi__conversion_date__c',
  'pi__conversion_object_name__c',
  'pi__utm_source__c',
  'pi__utm_medium__c',
  'pi__utm_campaign__c',
  'pi__utm_term__c',
  'pi__utm_content__c',
  'pi__first_touch_url__c',
  'pi__comments__c',
] as const;
export type AccountEngagementField = (typeof ACCOUNT_ENGAGEMENT_FIELDS)[number];

export interface FromSalesforceRecordContext {
  ref: LeadRef;
  /** LeadHistory / ContactHistory rows (any order), or empty when they could not be read. */
  history: readonly SalesforceHistory[];
  /** Field API name → label (from describe), for the prospect's own words. */
  fieldLabels?: Readonly<Record<string, string>>;
  /** Campaign responses (newest or any order) for the campaign and conversions. */
  campaignMembers?: readonly SalesforceCampaignMember[];
  /** Whether a Lead Status value is the handoff to sales (an MQL status): its first entry starts the clock. */
  isHandoffStatus?: (status: string) => boolean;
}

/** Status names orgs give "handed to sales": MQL, SQL, SAL, or spelled out. */
export function isDefaultHandoffStatus(status: string): boolean {
  return /\b(mql|sql|sal|marketing qualified|sales qualified|sales accepted|sales ready)\b/i.test(status);
}

const OWNER_FIELDS: ReadonlySet<string> = new Set(['Owner', 'ownerAssignment', 'ownerAccepted']);

/**
 * When the current owner got the record, and who gave it. Salesforce logs an Owner change as two
 * rows with the same time, one with the ids and one with the names: only the id row is read
 * (its values look like ids), so the name row never counts as a second assignment. With no
 * change logged, an owner that is a user got the record when it was created; a queue owner
 * means it has not reached a rep yet.
 */
export function findOwnerAssignment(
  history: readonly SalesforceHistory[],
  ownerId: string | null,
  createdAt: number | null,
): { at: number | null; by: ChangeSource | null } {
  if (!ownerId || !isUserId(ownerId)) return { at: null, by: null };
  let latest: SalesforceHistory | null = null;
  let latestAt = -Infinity;
  for (const row of history) {
    if (!OWNER_FIELDS.has(row.Field)) continue;
    const next = historyText(row.NewValue);
    if (!next || !SALESFORCE_ID_PATTERN.test(next) || !sameSalesforceId(next, ownerId)) continue;
    const at = parseSalesforceTime(row.CreatedDate);
    if (at !== null && at > latestAt) {
      latest = row;
      latestAt = at;
    }
  }
  if (!latest) return { at: createdAt, by: createdAt === null ? null : { type: 'CREATED', label: null } };
  return {
    at: latestAt,
    by: { type: isAutomatedUser(latest.CreatedBy) ? 'AUTOMATION' : 'USER', label: nonBlank(latest.CreatedBy?.Name) },
  };
}

/** The first time the status became a handoff value (a later re-entry does not restart the clock). */
export function findHandoffTime(history: readonly SalesforceHistory[], isHandoff: (status: string) => boolean): number | null {
  let earliest: number | null = null;
  for (const row of history) {
    if (row.Field !== 'Status') continue;
    const value = historyText(row.NewValue);
    if (!value || !isHandoff(value)) continue;
    const at = parseSalesforceTime(row.CreatedDate);
    if (at !== null && (earliest === null || at < earliest)) earliest = at;
  }
  return earliest;
}

function toOwner(record: SalesforceRecord): Owner | null {
  const id = nonBlank(record.OwnerId);
  if (!id) return null;
  return { id, name: nonBlank(record.Owner?.Name), email: nonBlank(record.Owner?.Email) };
}

/** Description and the Account Engagement comments: what the prospect typed, when the form put it there. */
function readFormAnswers(record: SalesforceRecord, labels: Readonly<Record<string, string>>, createdAt: number | null): FormAnswer[] {
  const answers: FormAnswer[] = [];
  const comments = nonBlank(record.pi__comments__c);
  const description = nonBlank(record.Description);
  if (comments) {
    const at = parseSalesforceTime(record.pi__conversion_date__c) ?? parseSalesforceTime(record.pi__last_activity__c) ?? createdAt;
    if (at !== null) answers.push({ question: labels['pi__comments__c'] ?? 'Comments', answer: comments, answeredAt: at, form: nonBlank(record.pi__conversion_object_name__c) });
  }
  if (description && description !== comments && createdAt !== null) {
    answers.push({ question: labels['Description'] ?? 'Description', answer: description, answeredAt: createdAt, form: null });
  }
  return answers.sort((a, b) => b.answeredAt - a.answeredAt);
}

function fromSalesforceRecord(record: SalesforceRecord, context: FromSalesforceRecordContext, isLead: boolean): Lead {
  const createdAt = parseSalesforceTime(record.CreatedDate);
  const owner = toOwner(record);
  const assignment = findOwnerAssignment(context.history, owner?.id ?? null, createdAt);
  const responded = (context.campaignMembers ?? [])
    .filter((m) => m.HasResponded && nonBlank(m.Campaign?.Name))
    .map((m) => ({ name: m.Campaign?.Name as string, at: campaignMemberTime(m) }))
    .sort((a, b) => (a.at ?? 0) - (b.at ?? 0));
  const conversionName = nonBlank(record.pi__conversion_object_name__c);
  const firstConversion = conversionName
    ? { name: conversionName, at: parseSalesforceTime(record.pi__conversion_date__c) }
    : (responded[0] ?? null);
  const recentConversion = responded.length ? (responded[responded.length - 1] ?? null) : firstConversion;
  const status = isLead ? nonBlank(record.Status) : null;
  const employees = isLead ? record.NumberOfEmployees : record.Account?.NumberOfEmployees;
  return {
    ref: context.ref,
    firstName: nonBlank(record.FirstName),
    lastName: nonBlank(record.LastName),
    email: nonBlank(record.Email),
    phone: nonBlank(record.Phone),
    jobTitle: nonBlank(record.Title),
    company: isLead ? nonBlank(record.Company) : nonBlank(record.Account?.Name),
    industry: isLead ? nonBlank(record.Industry) : nonBlank(record.Account?.Industry),
    employees: typeof employees === 'number' && Number.isSafeInteger(employees) && employees >= 0 ? employees : null,
    country: isLead ? nonBlank(record.Country) : nonBlank(record.MailingCountry),
    // Salesforce has no lifecycle stage: a Lead's Status is the nearest thing (SLA tiers match on it).
    lifecycleStage: status,
    leadStatus: status,
    owner,
    ownerAssignedAt: assignment.at,
    ownerAssignedBy: assignment.by,
    source: nonBlank(record.LeadSource),
    sourceDetail: [record.pi__utm_source__c, record.pi__utm_medium__c, record.pi__utm_campaign__c].map(nonBlank).filter((s): s is string => s !== null),
    latestSource: null,
    campaign: nonBlank(record.pi__utm_campaign__c) ?? nonBlank(record.pi__campaign__c) ?? responded[responded.length - 1]?.name ?? null,
    firstConversion,
    recentConversion,
    formAnswers: readFormAnswers(record, context.fieldLabels ?? {}, createdAt),
    handedOffAt: isLead ? findHandoffTime(context.history, context.isHandoffStatus ?? isDefaultHandoffStatus) : null,
    createdAt,
    updatedAt: parseSalesforceTime(record.LastModifiedDate),
  };
}

export function fromSalesforceLead(record: SalesforceRecord, context: FromSalesforceRecordContext): Lead {
  return fromSalesforceRecord(record, context, true);
}

/** A Contact: no Status or conversion history; company, industry and size come from its Account. */
export function fromSalesforceContact(record: SalesforceRecord, context: FromSalesforceRecordContext): Lead {
  return fromSalesforceRecord(record, context, false);
}
