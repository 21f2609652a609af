import type { ContactAttempt, DispositionWrite } from '../crm-port';
import type { Disposition } from '../../domain/disposition/disposition';
import type { DispositionReasonList } from '../../domain/disposition/disposition-reasons';
import { toLeadStatus, type LeadStatusMapping } from '../../domain/disposition/lead-status-mapping';
import type { LeadRef } from '../../domain/lead';
import { encodeQualificationInputs, type QualificationInputs } from '../../domain/qualification/qualification-inputs';
import { attemptMarker, describeDisposition, dispositionMarker, toMidnightUtc } from '../disposition-record-text';
import { BATON_FIELD_NAMES, MAX_LONG_TEXT_CHARS, MAX_TEXT_CHARS } from './salesforce-baton-fields';
import { isUserId } from './salesforce-users';
import { cut } from './salesforce-values';

/*
 * A disposition or a contact attempt → what Baton writes to Salesforce: the Lead/Contact update
 * (Lead Status and the Baton fields) and the completed Task that carries the text, marked so a
 * retry finds it instead of writing it twice.
 */

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
