import type { SfRecord } from './salesforce-org-data';
import { RESPONDED_MEMBER_STATUSES } from './salesforce-object-schema';

/** Fields Salesforce computes from others: names, a task's closed state, a member's response. */
export function applyDerivedFields(objectName: string, record: SfRecord, nowIso: string): void {
  if (objectName === 'Lead' || objectName === 'Contact' || objectName === 'User') {
    record.Name = [record.FirstName, record.LastName].filter((part) => typeof part === 'string' && part !== '').join(' ');
  }
  if (objectName === 'Task') {
    const closed = record.Status === 'Completed' || record.Status === 'Deferred';
    if (closed && !record.IsClosed) record.CompletedDateTime = record.CompletedDateTime ?? nowIso;
    if (!closed) record.CompletedDateTime = null;
    record.IsClosed = closed;
  }
  if (objectName === 'CampaignMember') {
    const responded = typeof record.Status === 'string' && RESPONDED_MEMBER_STATUSES.includes(record.Status);
    if (responded && !record.HasResponded) record.FirstRespondedDate = record.FirstRespondedDate ?? nowIso.slice(0, 10);
    record.HasResponded = responded;
  }
}

/**
 * A Lead's or Contact's Last Activity (`LastActivityDate`), as Salesforce keeps it: the later of the
 * due date of the most recent event and of the most recently closed task on the record. Salesforce
 * recalculates it when such an activity is saved; so does the sandbox, so a call logged through the
 * API is seen by readers of the field (the rep's queue).
 */
export function rollUpLastActivity(objectName: string, activity: SfRecord, find: (id: string) => { objectName: string; record: SfRecord } | undefined): void {
  if (objectName !== 'Task' && objectName !== 'Event') return;
  if (objectName === 'Task' && !activity.IsClosed) return;
  const dateOf = (value: unknown) => (typeof value === 'string' && value.length >= 10 ? value.slice(0, 10) : null);
  const due = dateOf(activity.ActivityDate) ?? dateOf(activity.ActivityDateTime) ?? dateOf(activity.StartDateTime);
  const who = typeof activity.WhoId === 'string' ? find(activity.WhoId) : undefined;
  if (!due || !who || (who.objectName !== 'Lead' && who.objectName !== 'Contact')) return;
  const current = who.record.LastActivityDate;
  if (typeof current !== 'string' || current < due) who.record.LastActivityDate = due;
}
