import { CrmError } from '../crm-error';
import { describeEscalation, escalationMarker, ESCALATION_FIELD_VALUES, findEscalationMarkerId } from '../escalation-record-text';
import type { EscalationReceipt, EscalationWrite, EscalationWriter } from '../escalation-writer';
import { BATON_PROPERTY_NAMES } from './baton-properties';
import { findMarkedEngagement, type MarkedEngagementType } from './find-marked-engagement';
import type { HubSpotClient } from './hubspot-client';
import { parseHubSpotTime } from './hubspot-map-helpers';
import { NOTE_TO_CONTACT_ASSOCIATION_TYPE_ID, toHubSpotContactUpdate, toHubSpotEngagementCreate, type HubSpotNoteCreateBody } from './hubspot-requests';
import { hubSpotObjectSchema } from './hubspot-schemas';
import { explainWriteError, toMarkedHtml } from './hubspot-writer';

/*
 * SLA escalations on a HubSpot contact (also the sandbox CRM, which speaks HubSpot):
 *   1. GET  /crm/v3/objects/contacts/{id}   owner, Last Contacted, Baton's disposition and escalation fields:
 *      the escalation id already there → done (an earlier write's answer was lost); a touch, a
 *      disposition or another owner since the clock started → moot, nothing written;
 *   2. "tell the sales manager": a task (POST /crm/v3/objects/tasks, association type 204 to the
 *      contact) assigned to the manager's owner id (the lead's owner when none is chosen), so it
 *      is in their own task queue; "hand back to marketing": a note (type 202) on the timeline.
 *      Read before create: an associated task or note carrying "Baton escalation <id>" is reused
 *      (HubSpot has no idempotency keys for creates);
 *   3. PATCH the contact: `baton_escalation` (marketing lists on "handed back"), its date, the
 *      lead status the admin maps to "recycled" for a hand-back, and `baton_escalation_id` last in
 *      meaning: the escalation is fully written. Never over a later step already recorded.
 * Tasks and notes do not move Last Contacted, so the escalation is not mistaken for a touch.
 */

/** HubSpot-defined association type: task → contact. */
export const TASK_TO_CONTACT_ASSOCIATION_TYPE_ID = 204;

type RecordType = Extract<MarkedEngagementType, 'tasks' | 'notes'>;

const P = BATON_PROPERTY_NAMES;
const CHECK_PROPERTIES = ['hubspot_owner_id', 'notes_last_contacted', P.dispositionAt, P.escalationAt, P.escalationId];

function asOwnerId(id: string | null | undefined): string | null {
  return id && /^\d{1,20}$/.test(id) ? id : null;
}

/** Why the step no longer applies to the contact as it is now; null: it does. */
export function mootReason(properties: Record<string, string | null | undefined>, write: EscalationWrite): string | null {
  const owner = properties['hubspot_owner_id']?.trim() || null;
  if (owner !== write.owner.id) return 'the lead has another owner now';
  const touched = parseHubSpotTime(properties['notes_last_contacted']);
  if (touched !== null && touched >= write.clockStart) return 'the lead was contacted';
  const decided = parseHubSpotTime(properties[P.dispositionAt]);
  if (decided !== null && decided >= write.clockStart) return 'the lead was dispositioned';
  return null;
}

export function createHubSpotEscalationWriter(options: { client: HubSpotClient; now?: () => number }): EscalationWriter {
  const { client } = options;
  const now = options.now ?? Date.now;

  /** Creates the task or note unless one carries the marker; an owner HubSpot refuses is replaced by the next one. */
  async function upsertRecord(contactId: string, type: RecordType, id: string, body: HubSpotNoteCreateBody, owners: (string | null)[], signal?: AbortSignal): Promise<{ id: string; reused: boolean }> {
    const existing = await findMarkedEngagement(client, { contactId, type, id, readMarkerId: findEscalationMarkerId, signal });
    if (existing) return { id: existing, reused: true };
    // The named owners in order, then none: a record nobody is assigned is still on the lead's timeline.
    const candidates = [...new Set(owners.map(asOwnerId).filter((o): o is string => o !== null)), null];
    for (let i = 0; ; i++) {
      const owner = candidates[i] ?? null;
      const { hubspot_owner_id: _none, ...rest } = body.properties;
      const properties = owner ? { ...rest, hubspot_owner_id: owner } : rest;
      try {
        return { id: (await client.request('POST', `/crm/v3/objects/${type}`, { body: { ...body, properties }, schema: hubSpotObjectSchema, signal })).id, reused: false };
      } catch (error) {
        // A user who is no longer an owner makes HubSpot refuse the create (400, nothing created).
        const refusedOwner = error instanceof CrmError && error.status === 400 && owner !== null && /hubspot_owner_id/.test(error.message);
        if (!refusedOwner) throw error;
      }
    }
  }

  async function recordEscalation(write: EscalationWrite, requestOptions: { signal?: AbortSignal } = {}): Promise<EscalationReceipt> {
    const { signal } = requestOptions;
    if ((write.lead.crm !== 'hubspot' && write.lead.crm !== 'sandbox') || write.lead.objectType !== 'contact') {
      throw new CrmError('rejected', `The HubSpot writer cannot record an escalation on a ${write.lead.crm} ${write.lead.objectType}`);
    }
    const contactId = write.lead.id;
    const path = `/crm/v3/objects/contacts/${encodeURIComponent(contactId)}`;
    const contact = await client.request('GET', path, { query: { properties: CHECK_PROPERTIES }, schema: hubSpotObjectSchema, signal });
    const done = (outcome: EscalationReceipt['outcome'], reason: string | null, record: EscalationReceipt['record'] = null, fields: string[] = []): EscalationReceipt => ({ outcome, record, fields, reason, deliveredAt: now() });
    if (contact.properties[P.escalationId]?.toLowerCase() === write.id.toLowerCase()) return done('already', null);
    const moot = mootReason(contact.properties, write);
    if (moot) return done('moot', moot);

    const text = describeEscalation(write, { timeZone: write.timeZone });
    const html = toMarkedHtml(text.body, escalationMarker(write.id));
    const at = new Date(now()).toISOString();
    let record: { id: string; reused: boolean };
    let kind: 'task' | 'note';
    if (write.action === 'notify_manager') {
      kind = 'task';
      const body = toHubSpotEngagementCreate({
        contactId,
        associationTypeId: TASK_TO_CONTACT_ASSOCIATION_TYPE_ID,
        properties: { hs_timestamp: at, hs_task_subject: text.subject, hs_task_body: html, hs_task_status: 'NOT_STARTED', hs_task_priority: 'HIGH', hs_task_type: 'TODO' },
      });
      record = await upsertRecord(contactId, 'tasks', write.id, body, [write.manager?.ownerId ?? null, write.owner.id], signal);
    } else {
      kind = 'note';
      const body = toHubSpotEngagementCreate({ contactId, associationTypeId: NOTE_TO_CONTACT_ASSOCIATION_TYPE_ID, properties: { hs_timestamp: at, hs_note_body: html } });
      record = await upsertRecord(contactId, 'notes', write.id, body, [write.owner.id], signal);
    }

    // A later step already on the contact (this one's answer was lost and it came round again): leave it.
    const recorded = parseHubSpotTime(contact.properties[P.escalationAt]);
    if (recorded !== null && recorded > write.dueAt) return done('written', null, { kind, ...record });
    const update = toHubSpotContactUpdate({
      ...(write.action === 'hand_back_to_marketing' && write.handBackStatus ? { hs_lead_status: write.handBackStatus } : {}),
      [P.escalation]: ESCALATION_FIELD_VALUES[write.action],
      [P.escalationAt]: new Date(write.dueAt).toISOString(),
      [P.escalationId]: write.id,
    });
    try {
      await client.request('PATCH', path, { body: update, schema: hubSpotObjectSchema, signal });
    } catch (error) {
      const status = write.handBackStatus ?? '';
      throw explainWriteError(error, { version: 1, rejected: status, recycled: status, working: status, opportunityCreated: status, unreachable: status });
    }
    return done('written', null, { kind, ...record }, Object.keys(update.properties));
  }

  return { recordEscalation };
}
