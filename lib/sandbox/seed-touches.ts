import { CALL_DISPOSITIONS } from './property-catalog';
import type { CrmObjectType, CrmRecord, HistoryEntry } from './sandbox-data';
import { DAY, iso, MINUTE } from './seed-clock';
import type { SeedContext } from './seed-context';
import type { LeadPlan, TouchPlan } from './seed-lead-plan';
import { ownerUser } from './seed-owner-user';

/** An engagement record created a second after `at`, with every property sourced to `source`, associated to the contact. */
function newEngagement(ctx: SeedContext, type: CrmObjectType, contactId: string, at: number, properties: Record<string, string>, source: Omit<HistoryEntry, 'value' | 'timestamp'>): CrmRecord {
  const id = String(ctx.nextId++);
  const createdAt = at + 1000;
  const all: Record<string, string> = { ...properties, hs_object_id: id, hs_createdate: iso(createdAt), hs_lastmodifieddate: iso(createdAt) };
  const record: CrmRecord = {
    id,
    createdAt,
    updatedAt: createdAt,
    properties: all,
    history: Object.fromEntries(Object.entries(all).map(([name, value]) => [name, [{ value, timestamp: createdAt, ...source }]])),
  };
  ctx.records[type].push(record);
  ctx.associations.push({ fromType: type, fromId: id, toType: 'contacts', toId: contactId });
  return record;
}

/** One sales touch after the handoff (call, email, sequence step, meeting, note or task), as the engagement HubSpot would hold. */
export function addTouch(ctx: SeedContext, plan: LeadPlan, touch: TouchPlan, at: number, ownerId: string | null): void {
  const rng = ctx.rng;
  const owner = ownerId ? ownerUser(ownerId) : null;
  const human = owner ? { sourceType: 'CRM_UI', sourceId: `userId:${owner.userId}`, updatedByUserId: owner.userId } : { sourceType: 'CRM_UI' };
  const common = { hs_timestamp: iso(at), ...(ownerId ? { hubspot_owner_id: ownerId } : {}) };
  const name = `${plan.firstName} ${plan.lastName}`;
  switch (touch.kind) {
    case 'call': {
      const outcome = touch.outcome ?? 'connected';
      const disposition = CALL_DISPOSITIONS.find(([, label]) => label === (outcome === 'connected' ? 'Connected' : outcome === 'voicemail' ? 'Left voicemail' : 'No answer'));
      newEngagement(ctx, 'calls', plan.id, at, {
        ...common,
        hs_call_title: `Call with ${name}`,
        hs_call_body: touch.text ?? (outcome === 'connected' ? `Spoke with ${plan.firstName}. Walked through their setup; follow-up scheduled.` : outcome === 'voicemail' ? 'Left a voicemail referencing their form answers.' : 'No answer.'),
        hs_call_direction: 'OUTBOUND',
        hs_call_disposition: disposition?.[0] ?? '',
        hs_call_status: 'COMPLETED',
        hs_call_duration: String(outcome === 'connected' ? rng.int(240, 1500) * 1000 : rng.int(15, 40) * 1000),
      }, human);
      break;
    }
    case 'email':
      newEngagement(ctx, 'emails', plan.id, at, {
        ...common,
        hs_email_direction: 'EMAIL',
        hs_email_subject: touch.text ?? `Re: your ${plan.trigger === 'demo' ? 'demo request' : 'note'} — Tessellate`,
        hs_email_text: `Hi ${plan.firstName},\n\nThanks for reaching out. Would Thursday at 10am work for a 30-minute call?\n\nBest,\n${owner?.firstName ?? ''}`,
        hs_email_status: 'SENT',
      }, human);
      break;
    case 'sequence':
      newEngagement(ctx, 'emails', plan.id, at, {
        ...common,
        hs_email_direction: 'EMAIL',
        hs_email_subject: touch.text ?? `Quick question, ${plan.firstName}`,
        hs_email_text: `Hi ${plan.firstName},\n\nI noticed you were looking at how Tessellate handles ${rng.pick(['Salesforce syncs', 'schema drift', 'SOC 2 evidence', 'attribution data'])}. Worth a quick chat?\n\n${owner?.firstName ?? ''}`,
        hs_email_status: 'SENT',
        hs_sequence_id: '3310045',
      }, { sourceType: 'SEQUENCES', sourceId: '3310045', sourceLabel: 'Inbound follow-up — 5 touches' });
      break;
    case 'meeting': {
      const start = at + 2 * DAY;
      newEngagement(ctx, 'meetings', plan.id, at, {
        ...common,
        hs_meeting_title: `Tessellate intro — ${plan.company.name}`,
        hs_meeting_body: touch.text ?? 'Discovery call: current pipeline stack, reporting pain, timeline.',
        hs_meeting_start_time: iso(start),
        hs_meeting_end_time: iso(start + 30 * MINUTE),
        hs_meeting_outcome: start < ctx.now ? 'COMPLETED' : 'SCHEDULED',
      }, human);
      break;
    }
    case 'note':
      newEngagement(ctx, 'notes', plan.id, at, { ...common, hs_note_body: touch.text ?? 'Note.' }, human);
      break;
    case 'task':
      newEngagement(ctx, 'tasks', plan.id, at, {
        ...common,
        hs_task_subject: touch.text ?? `Follow up with ${name}`,
        hs_task_status: 'NOT_STARTED',
        hs_task_type: 'CALL',
      }, { sourceType: 'AUTOMATION_PLATFORM', sourceId: '1840014', sourceLabel: 'Create follow-up task on assignment' });
      break;
  }
}
