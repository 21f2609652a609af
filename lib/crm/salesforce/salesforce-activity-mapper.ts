import type { Touch } from '../../domain/lead';
import type { TouchDirection, TouchKind } from '../../domain/touch-kinds';
import { findMarkerId } from '../disposition-record-text';
import type { SalesforceEvent, SalesforceTask } from './salesforce-schemas';
import { isAutomatedUser } from './salesforce-users';
import { nonBlank, parseSalesforceTime } from './salesforce-values';

/*
 * Tasks and Events logged on a Lead/Contact → Baton's touches: calls, emails, LinkedIn steps and
 * meetings, each marked human or automated, so only a rep's own contact stops the SLA clock.
 */

export const SALESFORCE_ACTIVITIES_SOURCE = 'crm-activities';

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
