import type { ContactAttempt, DispositionWrite } from '../crm-port';
import type { Disposition } from '../../domain/disposition/disposition';
import type { DispositionReasonList } from '../../domain/disposition/disposition-reasons';
import { toLeadStatus, type LeadStatusMapping } from '../../domain/disposition/lead-status-mapping';
import type { EngagementEvent, EngagementKind } from '../../domain/engagement/engagement-event';
import type { ChangeSource, FormAnswer, Lead, LeadRef, Owner, Touch } from '../../domain/lead';
import type { TouchDirection, TouchKind } from '../../domain/touch-kinds';
import { encodeQualificationInputs, type QualificationInputs } from '../../domain/qualification/qualification-inputs';
import { attemptMarker, describeDisposition, dispositionMarker, findMarkerId, toMidnightUtc } from '../disposition-record-text';
import { BATON_FIELD_NAMES, MAX_LONG_TEXT_CHARS, MAX_TEXT_CHARS } from './salesforce-baton-fields';
import type {
  SalesforceCampaignMember,
  SalesforceEvent,
  SalesforceHistory,
  SalesforceRecord,
  SalesforceTask,
  SalesforceUserRef,
} from './salesforce-schemas';
import { SALESFORCE_ID_PATTERN } from './salesforce-schemas';

/*
 * Pure mappers between Salesforce's wire shapes (validated by salesforce-schemas.ts) and Baton's
 * domain types, named by direction. Every string from Salesforce may have been typed by anyone who
 * filled a web-to-lead form: kept verbatim and rendered as text downstream.
 */

export const SALESFORCE_ACTIVITIES_SOURCE = 'crm-activities';
export const SALESFORCE_CAMPAIGNS_SOURCE = 'campaign-responses';
export const SALESFORCE_ACCOUNT_ENGAGEMENT_SOURCE = 'account-engagement-fields';
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

// ---------------------------------------------------------------------------------------------
// Values

/** Salesforce date-times ("2026-11-20T14:03:11.000+0000"), dates ("2026-11-20", midnight UTC) → epoch ms. */
const SALESFORCE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2}))?$/;

export function parseSalesforceTime(raw: string | null | undefined): number | null {
  if (raw === null || raw === undefined) return null;
  const trimmed = raw.trim();
  if (trimmed === '') return null;
  // Only the shapes Salesforce sends (a date, or an ISO date-time with its offset): Date.parse
  // would read junk like "0" as the year 2000 and move an activity 26 years back.
  if (!SALESFORCE_TIME.test(trimmed)) return null;
  const normalised = trimmed.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const at = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(normalised) ? `${normalised}T00:00:00Z` : normalised);
  return Number.isNaN(at) ? null : at;
}

/** A SOQL date-time literal (no quotes, no milliseconds: SOQL accepts `YYYY-MM-DDThh:mm:ssZ`). */
export function toSoqlDateTime(at: number): string {
  return new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A SOQL string literal: quotes and backslashes escaped (SOQL's escape sequences). */
export function toSoqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}'`;
}

/** 15 and 18-character forms of one id compare equal (the first 15 characters are the id). */
export function sameSalesforceId(a: string | null | undefined, b: string | null | undefined): boolean {
  return !!a && !!b && a.slice(0, 15) === b.slice(0, 15);
}

function nonBlank(value: string | null | undefined): string | null {
  return value === null || value === undefined || value.trim() === '' ? null : value;
}

function historyText(value: string | number | boolean | null | undefined): string | null {
  return value === null || value === undefined ? null : nonBlank(String(value));
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** User ids start with 005, queues (groups) with 00G. */
export function isUserId(id: string | null | undefined): id is string {
  return typeof id === 'string' && SALESFORCE_ID_PATTERN.test(id) && id.startsWith('005');
}

// ---------------------------------------------------------------------------------------------
// Who did it

/**
 * Users that are not a person at the keyboard: Salesforce's Automated Process user, integration
 * users (the "Salesforce API Only System Integrations" profile, named integration users of
 * marketing tools and dialers).
 */
export function isAutomatedUser(user: SalesforceUserRef): boolean {
  if (!user) return false;
  if (user.UserType === 'AutomatedProcess') return true;
  const profile = user.Profile?.Name ?? '';
  if (/integration|api only/i.test(profile)) return true;
  return /\b(integration|automated process|platform integration|marketo|pardot|account engagement|hubspot|outreach|salesloft)\b/i.test(user.Name ?? '');
}

// ---------------------------------------------------------------------------------------------
// Lead / Contact → Lead

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

/**
 * When a member responded. FirstRespondedDate is a day: the member's creation time is more
 * precise when it falls on that day (a form fill creates the member as it responds).
 */
export function campaignMemberTime(member: SalesforceCampaignMember): number | null {
  const created = parseSalesforceTime(member.CreatedDate);
  const firstResponded = parseSalesforceTime(member.FirstRespondedDate);
  if (firstResponded !== null && created !== null && created >= firstResponded && created < firstResponded + 86_400_000) return created;
  return firstResponded ?? created;
}

function respondedAt(member: SalesforceCampaignMember): number | null {
  return campaignMemberTime(member);
}

function fromSalesforceRecord(record: SalesforceRecord, context: FromSalesforceRecordContext, isLead: boolean): Lead {
  const createdAt = parseSalesforceTime(record.CreatedDate);
  const owner = toOwner(record);
  const assignment = findOwnerAssignment(context.history, owner?.id ?? null, createdAt);
  const responded = (context.campaignMembers ?? [])
    .filter((m) => m.HasResponded && nonBlank(m.Campaign?.Name))
    .map((m) => ({ name: m.Campaign?.Name as string, at: respondedAt(m) }))
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

// ---------------------------------------------------------------------------------------------
// Task / Event → Touch

/**
 * Subjects that sales-engagement and marketing tools give the emails they log for a sequence or
 * cadence step or a list send: never a rep's own first touch. Matched at the start, ignoring case.
 */
export const AUTOMATED_SUBJECT_PREFIXES: readonly string[] = [
  '[outreach]',
  '[salesloft]',
  '[sequence]',
  '[cadence]',
  '[apollo]',
  'pardot list email',
  'list email:',
  'mass email:',
  'was sent email',
  'marketo',
  'sequence:',
  'cadence:',
];

/** Subjects email-logging tools give an email the lead sent (Salesforce's Outlook/Gmail logging and common tools). */
export const INBOUND_EMAIL_SUBJECT_PREFIXES: readonly string[] = ['←', 'inbound email:', 'email received:', 'received email:', 'reply from'];

const CONNECTED_CALL = /\b(connected|spoke|conversation|reached|answered|meeting (?:set|booked)|interested)\b/i;
const NOT_CONNECTED_CALL = /\b(no answer|voicemail|voice mail|left (?:a )?message|busy|not reached|no connect|wrong number|unreachable|disconnected|gatekeeper)\b/i;

function startsWithAny(subject: string | null, prefixes: readonly string[]): boolean {
  if (!subject) return false;
  const s = subject.trimStart().toLowerCase();
  return prefixes.some((prefix) => s.startsWith(prefix));
}

/** Baton's own attempt tasks (salesforce-writer.ts): "Baton call attempt: connected", ... */
const BATON_ATTEMPT_SUBJECT = /^Baton (call|email|social) attempt\b(.*)$/;

/**
 * One Task logged on the Lead/Contact → Touch, or null when it is not contact with the lead (a
 * to-do, Baton's own disposition record). Human vs automated: list emails and cadence steps
 * (TaskSubtype), tasks an automated or integration user created (except calls: dialers log a
 * rep's calls through an integration user), and the subject prefixes of sequence tools. An
 * automated touch is kept (the timeline shows it) but never stops the SLA clock.
 */
export function fromSalesforceTask(task: SalesforceTask): Touch | null {
  const subject = nonBlank(task.Subject);
  const subtype = nonBlank(task.TaskSubtype);
  const type = nonBlank(task.Type);
  const occurredAt = parseSalesforceTime(task.CompletedDateTime) ?? parseSalesforceTime(task.CreatedDate) ?? parseSalesforceTime(task.ActivityDate) ?? 0;
  const ownerId = nonBlank(task.OwnerId);
  const id = `salesforce-task:${task.Id}`;

  if (subject?.startsWith('Baton disposition') || findMarkerId(task.Description, 'disposition') !== null) return null;
  const baton = subject ? BATON_ATTEMPT_SUBJECT.exec(subject) : null;
  if (baton || findMarkerId(task.Description, 'attempt') !== null) {
    const channel = baton?.[1] ?? 'call';
    const outcome = (baton?.[2] ?? '').toLowerCase();
    return {
      id,
      kind: channel === 'email' ? 'email' : channel === 'social' ? 'social' : 'call',
      occurredAt,
      ownerId,
      automated: false,
      direction: 'outbound',
      connected: /\b(connected|replied)\b/.test(outcome) ? true : /\b(no answer|no reply)\b/.test(outcome) ? false : null,
      summary: subject,
    };
  }

  const callType = nonBlank(task.CallType);
  const isCall = subtype === 'Call' || type === 'Call' || callType !== null;
  const isEmail = !isCall && (subtype === 'Email' || subtype === 'ListEmail' || type === 'Email' || /^\s*(email:|→|←)/i.test(subject ?? ''));
  const isSocial = !isCall && !isEmail && (subtype === 'LinkedIn' || /^linkedin\b/i.test(type ?? ''));
  const isCadenceStep = subtype === 'Cadence';
  if (!isCall && !isEmail && !isSocial && !isCadenceStep) return null;

  if (isCall) {
    const disposition = nonBlank(task.CallDisposition);
    const direction: TouchDirection = callType === 'Inbound' ? 'inbound' : callType === 'Outbound' ? 'outbound' : 'unknown';
    return {
      id,
      kind: 'call',
      occurredAt,
      // A call the lead placed is filed under the owner who took it: not the owner's response.
      ownerId: direction === 'inbound' ? null : ownerId,
      automated: task.CreatedBy?.UserType === 'AutomatedProcess',
      direction,
      connected: disposition && NOT_CONNECTED_CALL.test(disposition) ? false : disposition && CONNECTED_CALL.test(disposition) ? true : null,
      summary: subject,
    };
  }

  const automated = subtype === 'ListEmail' || isCadenceStep || isAutomatedUser(task.CreatedBy) || startsWithAny(subject, AUTOMATED_SUBJECT_PREFIXES);
  if (isSocial) {
    return { id, kind: 'social', occurredAt, ownerId, automated, direction: 'outbound', connected: null, summary: subject };
  }
  const inbound = startsWithAny(subject, INBOUND_EMAIL_SUBJECT_PREFIXES);
  const kind: TouchKind = automated ? 'sequence_email' : 'email';
  return {
    id,
    kind,
    occurredAt,
    // Written by the lead, not by the owner it is filed under: never the owner's first touch.
    ownerId: inbound ? null : ownerId,
    automated,
    direction: inbound ? 'inbound' : subtype === 'Email' || subtype === 'ListEmail' || isCadenceStep ? 'outbound' : 'unknown',
    connected: null,
    summary: subject,
  };
}

/** One Event (meeting) on the Lead/Contact → Touch. Salesforce records no direction for meetings. */
export function fromSalesforceEvent(event: SalesforceEvent): Touch {
  return {
    id: `salesforce-event:${event.Id}`,
    kind: 'meeting',
    occurredAt: parseSalesforceTime(event.StartDateTime) ?? parseSalesforceTime(event.ActivityDateTime) ?? parseSalesforceTime(event.CreatedDate) ?? 0,
    ownerId: nonBlank(event.OwnerId),
    automated: false,
    direction: 'unknown',
    connected: null,
    summary: nonBlank(event.Subject),
  };
}

// ---------------------------------------------------------------------------------------------
// CampaignMember → EngagementEvent

function campaignKind(campaignType: string, status: string, responded: boolean): EngagementKind | null {
  const t = campaignType.toLowerCase();
  const s = status.toLowerCase();
  if (/webinar|virtual event|online event/.test(t)) {
    if (/attend/.test(s)) return 'webinar_attended';
    if (/regist/.test(s) || responded) return 'webinar_registered';
    return null;
  }
  if (!responded) return null;
  if (/e-?mail|newsletter/.test(t)) return 'email_clicked';
  if (/content|e-?book|white ?paper|download|asset|report|syndication/.test(t)) return 'content_download';
  if (/chat/.test(t)) return 'chat';
  if (/trade ?show|conference|seminar|event|field|roadshow|dinner/.test(t)) return 'meeting';
  // Web, Website, Form, Demo Request, Advertisement, Referral Program, Other...: a response is most often a form.
  return 'form_submission';
}

/**
 * A campaign response → engagement event (webinar, form, content… by Campaign.Type). Members
 * who never responded (sent, invited) are not engagement, except webinar registrations.
 */
export function fromSalesforceCampaignMember(member: SalesforceCampaignMember): EngagementEvent | null {
  const responded = member.HasResponded === true;
  const kind = campaignKind(member.Campaign?.Type ?? '', member.Status ?? '', responded);
  if (!kind) return null;
  const occurredAt = campaignMemberTime(member);
  if (occurredAt === null) return null;
  const event: EngagementEvent = { id: `salesforce-campaign-member:${member.Id}`, kind, occurredAt, source: SALESFORCE_CAMPAIGNS_SOURCE };
  const name = nonBlank(member.Campaign?.Name);
  if (name !== null) {
    event.campaign = name;
    event.title = name;
  }
  return event;
}

/** The Account Engagement conversion synced onto the record (its form and the prospect's comments) → event. */
export function fromSalesforceConversion(record: SalesforceRecord, fieldLabels: Readonly<Record<string, string>> = {}): EngagementEvent | null {
  const name = nonBlank(record.pi__conversion_object_name__c);
  const at = parseSalesforceTime(record.pi__conversion_date__c);
  if (!name || at === null) return null;
  const event: EngagementEvent = { id: `salesforce-pi-conversion:${record.Id}`, kind: 'form_submission', occurredAt: at, source: SALESFORCE_ACCOUNT_ENGAGEMENT_SOURCE, title: name };
  const campaign = nonBlank(record.pi__utm_campaign__c) ?? nonBlank(record.pi__campaign__c);
  if (campaign) event.campaign = campaign;
  const comments = nonBlank(record.pi__comments__c);
  if (comments) event.answers = Object.fromEntries([[fieldLabels['pi__comments__c'] ?? 'Comments', comments]]);
  return event;
}

// ---------------------------------------------------------------------------------------------
// Disposition → Lead/Contact update and Task

export interface SalesforceUpdateOptions {
  mapping: LeadStatusMapping;
  reasons: DispositionReasonList;
  timeZone: string;
  qualificationInputs?: QualificationInputs | null;
}

const SLA_STATE = /^[a-z_]{1,40}$/;

/**
 * The Baton fields a disposition writes (Lead and Contact alike). Fields that do not apply to
 * this disposition are cleared with null on purpose: a lead recycled for "bad timing" and later
 * accepted must not keep the old reason, recycle date or objections.
 */
export function toSalesforceBatonFields(d: Disposition, options: SalesforceUpdateOptions): Record<string, string | number | null> {
  const F = BATON_FIELD_NAMES;
  const reason = d.reasonId ? options.reasons.reasons.find((r) => r.id === d.reasonId) : undefined;
  const responseTimeMs = d.sla?.responseTimeMs ?? d.responseTimeMs;
  let objections = '';
  for (const tag of d.objections.tags) {
    const next = objections ? `${objections};${tag}` : tag;
    if (next.length > MAX_TEXT_CHARS) break;
    objections = next;
  }
  const inputs = options.qualificationInputs ? encodeQualificationInputs(options.qualificationInputs) : null;
  return {
    [F.disposition]: d.outcome,
    [F.reason]: d.reasonId ? cut(reason?.label ?? d.reasonId, MAX_TEXT_CHARS) : null,
    [F.reasonId]: d.reasonId ? cut(d.reasonId, 100) : null,
    [F.objections]: objections || null,
    [F.recycleDate]: d.recycleAt === null ? null : new Date(toMidnightUtc(d.recycleAt, options.timeZone)).toISOString().slice(0, 10),
    [F.definitionVersion]: cut(`${d.definitionId}@${d.definitionVersion}`, 100),
    [F.slaOutcome]: d.sla && SLA_STATE.test(d.sla.state) ? d.sla.state : null,
    [F.slaTier]: d.sla?.tier?.label.trim() ? cut(d.sla.tier.label.trim(), 200) : null,
    [F.responseMinutes]: responseTimeMs === null ? null : Math.round(responseTimeMs / 6_000) / 10,
    [F.dispositionAt]: new Date(d.decidedAt).toISOString(),
    [F.rep]: cut(d.rep.name?.trim() || d.rep.id, MAX_TEXT_CHARS),
    // Cleared when absent, so a re-disposition never leaves the previous decision's inputs behind.
    // buildQualificationInputs keeps them under 65,000 characters; a Long Text Area holds 131,072.
    [F.qualificationInputs]: inputs !== null && inputs.length <= MAX_LONG_TEXT_CHARS ? inputs : null,
    // Last, and written in the same PATCH after the Task: "fully written".
    [F.dispositionId]: d.id,
  };
}

/** `PATCH sobjects/Lead/{id}` body: the org's own Lead Status value from the admin's mapping, and the Baton fields. */
export function toSalesforceLeadUpdate(d: Disposition, options: SalesforceUpdateOptions): Record<string, string | number | null> {
  return { Status: toLeadStatus(d, options.mapping), ...toSalesforceBatonFields(d, options) };
}

/** `PATCH sobjects/Contact/{id}` body: Contacts have no Status; the Baton fields only. */
export function toSalesforceContactUpdate(d: Disposition, options: SalesforceUpdateOptions): Record<string, string | number | null> {
  return toSalesforceBatonFields(d, options);
}

/** Task.Description holds 32,000 characters: keep room for the marker line. */
export const MAX_TASK_DESCRIPTION_CHARS = 32_000;

/** Text bounded for Task.Description, with the marker line always last and intact. */
export function toMarkedDescription(text: string, marker: string): string {
  const room = MAX_TASK_DESCRIPTION_CHARS - marker.length - 20;
  const body = text.length > room ? `${text.slice(0, room)}… (shortened)` : text;
  return `${body}\n\n${marker}`;
}

export interface SalesforceTaskBody {
  Subject: string;
  Description: string;
  /** Closed: the default "Completed" value of the Task Status picklist. */
  Status: string;
  ActivityDate: string;
  WhoId: string;
  OwnerId?: string;
  [field: string]: string | undefined;
}

/** The Task that carries a disposition's text (subject = its headline, starting "Baton disposition"). */
export function toSalesforceDispositionTask(write: DispositionWrite, options: { reasons: DispositionReasonList; timeZone: string }): SalesforceTaskBody {
  const d = write.disposition;
  const text = describeDisposition(write, options);
  const headline = text.split('\n', 1)[0] ?? 'Baton disposition';
  const body: SalesforceTaskBody = {
    Subject: cut(headline, MAX_TEXT_CHARS),
    Description: toMarkedDescription(text, dispositionMarker(d.id)),
    Status: 'Completed',
    ActivityDate: new Date(toMidnightUtc(d.decidedAt, options.timeZone)).toISOString().slice(0, 10),
    WhoId: d.lead.id,
  };
  if (isUserId(d.rep.id)) body.OwnerId = d.rep.id;
  return body;
}

const ATTEMPT_SUBJECTS: Record<ContactAttempt['channel'], (connected: boolean) => string> = {
  call: (connected) => `Baton call attempt: ${connected ? 'connected' : 'no answer'}`,
  email: () => 'Baton email attempt',
  social: (connected) => `Baton social attempt (LinkedIn): ${connected ? 'replied' : 'no reply yet'}`,
};

/**
 * A contact attempt as a completed Task on the record. Plain fields only: TaskSubtype cannot be
 * updated (an upsert that finds the task would fail) and the call-center fields are not in every
 * org; the subject says the channel and the outcome, and the reader (fromSalesforceTask) reads
 * them back from it.
 */
export function toSalesforceAttemptTask(ref: LeadRef, attempt: ContactAttempt, timeZone: string): SalesforceTaskBody {
  const note = attempt.note?.trim() || null;
  const fallback = attempt.channel === 'call' ? (attempt.connected ? 'Connected.' : 'No answer.') : attempt.channel === 'email' ? 'Email sent.' : attempt.connected ? 'They replied.' : 'No reply yet.';
  const body: SalesforceTaskBody = {
    Subject: ATTEMPT_SUBJECTS[attempt.channel](attempt.connected),
    Description: toMarkedDescription(note ?? fallback, attemptMarker(attempt.id)),
    Status: 'Completed',
    ActivityDate: new Date(toMidnightUtc(attempt.at, timeZone)).toISOString().slice(0, 10),
    WhoId: ref.id,
  };
  if (isUserId(attempt.ownerId)) body.OwnerId = attempt.ownerId;
  return body;
}
