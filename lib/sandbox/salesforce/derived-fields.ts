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
