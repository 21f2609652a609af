import { CALL_DISPOSITIONS } from '../property-catalog';
import type { CrmRecord, SandboxData } from '../sandbox-data';
import type { OrgPeople, OrgSeedContext } from './org-seed-context';
import { MINUTE, ms } from './org-seed-context';
import { sfDate, sfDateTime } from './salesforce-org-data';

/** Calls, emails, open tasks and meetings of the HubSpot contact, as Tasks and Events on `whoId`. */
export type AddActivities = (contact: CrmRecord, whoId: string) => void;

/** Indexes the HubSpot engagements by contact once; the returned function adds one person's activities. */
export function createActivitySeeder(ctx: OrgSeedContext, hubspot: SandboxData, people: OrgPeople): AddActivities {
  const { push, audit, nextId } = ctx;
  const { userOf, integrationUserId } = people;
  const engagementsOf = new Map<string, Array<{ type: string; record: CrmRecord }>>();
  const engagementById = new Map<string, CrmRecord>();
  for (const type of ['calls', 'emails', 'meetings', 'tasks'] as const) {
    for (const record of hubspot.records[type]) engagementById.set(`${type}:${record.id}`, record);
  }
  for (const association of hubspot.associations) {
    if (association.toType !== 'contacts') continue;
    const record = engagementById.get(`${association.fromType}:${association.fromId}`);
    if (!record) continue;
    const list = engagementsOf.get(association.toId) ?? [];
    list.push({ type: association.fromType, record });
    engagementsOf.set(association.toId, list);
  }
  const dispositionLabel = new Map<string, string>(CALL_DISPOSITIONS.map(([id, label]) => [id, label]));

  return (contact, whoId) => {
    const engagements = [...(engagementsOf.get(contact.id) ?? [])].sort((a, b) => (ms(a.record.properties.hs_timestamp) ?? 0) - (ms(b.record.properties.hs_timestamp) ?? 0));
    for (const { type, record } of engagements) {
      const p = record.properties;
      const at = ms(p.hs_timestamp) ?? record.createdAt;
      const ownerUser = userOf(p.hubspot_owner_id);
      const base = { WhoId: whoId, OwnerId: ownerUser, ...audit(at + 1000, ownerUser) };
      if (type === 'calls') {
        push('Task', {
          Id: nextId('00T'), ...base,
          Subject: p.hs_call_title || 'Call', Type: 'Call', TaskSubtype: 'Call', Status: 'Completed', Priority: 'Normal',
          ActivityDate: sfDate(at), CompletedDateTime: sfDateTime(at + 1000),
          CallType: p.hs_call_direction === 'INBOUND' ? 'Inbound' : 'Outbound',
          CallDisposition: dispositionLabel.get(p.hs_call_disposition ?? '') ?? null,
          CallDurationInSeconds: p.hs_call_duration ? Math.round(Number(p.hs_call_duration) / 1000) : null,
          Description: p.hs_call_body ?? null, Baton_Id__c: null,
        });
      } else if (type === 'emails') {
        push('Task', {
          Id: nextId('00T'), ...base,
          Subject: `Email: ${p.hs_email_subject ?? ''}`, Type: 'Email', TaskSubtype: 'Email', Status: 'Completed', Priority: 'Normal',
          ActivityDate: sfDate(at), CompletedDateTime: sfDateTime(at + 1000),
          Description: p.hs_email_text ?? null, Baton_Id__c: null,
          // Sequence steps are sent by the sales engagement tool on the rep's behalf.
          ...(p.hs_sequence_id ? { Subject: `[Cadence] Email: ${p.hs_email_subject ?? ''}`, TaskSubtype: 'Cadence' } : {}),
        });
      } else if (type === 'tasks') {
        push('Task', {
          Id: nextId('00T'), ...base,
          Subject: p.hs_task_subject ?? 'Follow up', Type: p.hs_task_type === 'CALL' ? 'Call' : 'Other', TaskSubtype: 'Task',
          Status: p.hs_task_status === 'COMPLETED' ? 'Completed' : 'Not Started', Priority: 'High',
          ActivityDate: sfDate(at), Description: null, Baton_Id__c: null,
        });
      } else if (type === 'meetings') {
        const start = ms(p.hs_meeting_start_time) ?? at;
        const end = ms(p.hs_meeting_end_time) ?? start + 30 * MINUTE;
        push('Event', {
          Id: nextId('00U'), ...base,
          Subject: p.hs_meeting_title ?? 'Meeting', EventSubtype: 'Event', Type: 'Meeting',
          StartDateTime: sfDateTime(start), EndDateTime: sfDateTime(end), ActivityDateTime: sfDateTime(start), ActivityDate: sfDate(start),
          DurationInMinutes: Math.round((end - start) / MINUTE), Location: 'Zoom', Description: p.hs_meeting_body ?? null,
        });
      }
    }
    // Account Engagement syncs the last marketing email sent to the prospect as a completed task.
    const lastEmail = contact.properties.hs_email_last_email_name;
    const opened = ms(contact.properties.hs_email_last_open_date);
    if (lastEmail && opened) {
      const sentAt = opened - 3 * 60 * MINUTE;
      push('Task', {
        Id: nextId('00T'), WhoId: whoId, OwnerId: integrationUserId, ...audit(sentAt, integrationUserId),
        Subject: `Pardot List Email: ${lastEmail}`, Type: 'Email', TaskSubtype: 'Email', Status: 'Completed', Priority: 'Normal',
        ActivityDate: sfDate(sentAt), CompletedDateTime: sfDateTime(sentAt), Description: `List email "${lastEmail}" sent by Account Engagement.`, Baton_Id__c: null,
      });
    }
  };
}
