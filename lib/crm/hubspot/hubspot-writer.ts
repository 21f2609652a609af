import { CrmError } from '../crm-error';
import type { ContactAttempt, CrmWriter, DispositionReceipt, DispositionWrite } from '../crm-port';
import type { ChecklistItem, Disposition } from '../../domain/disposition/disposition';
import { DEFAULT_DISPOSITION_REASONS } from '../../domain/disposition/disposition-reasons';
import type { DispositionReasonList } from '../../domain/disposition/disposition-reasons';
import type { LeadRef } from '../../domain/lead';
import { formatDuration } from '../../domain/sla/format-duration';
import { SLA_STATES } from '../../domain/sla/compute-sla-status';
import { encodeQualificationInputs } from '../../domain/qualification/qualification-inputs';
import type { QualificationInputs } from '../../domain/qualification/qualification-inputs';
import { attemptMarker, describeDisposition, dispositionMarker, findMarkerId, toMidnightUtc } from '../disposition-record-text';
import { BATON_PROPERTY_NAMES } from './baton-properties';
import { findMarkedEngagement, type MarkedEngagementType } from './find-marked-engagement';
import type { HubSpotClient } from './hubspot-client';
import { createHubSpotLeadRecordLookups, type HubSpotLeadRecordLookups } from './hubspot-lead-record-lookups';
import {
  CALL_TO_CONTACT_ASSOCIATION_TYPE_ID,
  EMAIL_TO_CONTACT_ASSOCIATION_TYPE_ID,
  NOTE_TO_CONTACT_ASSOCIATION_TYPE_ID,
  toHubSpotContactUpdate,
  toHubSpotEngagementCreate,
  toHubSpotHtml,
} from './hubspot-requests';
import type { HubSpotNoteCreateBody } from './hubspot-requests';
import { z } from 'zod';
import { hubSpotObjectSchema, hubSpotPropertyOptionSchema } from './hubspot-schemas';
import { LEAD_STATUS_PROPERTY_PATH } from './hubspot-lead-statuses';
import { DEFAULT_LEAD_STATUS_MAPPING } from './lead-status-mapping';
import { toLeadStatus, type LeadStatusMapping } from '../../domain/disposition/lead-status-mapping';
import { syncLeadRecords } from './sync-lead-records';

/*
 * The HubSpot adapter's write path (also used against the sandbox CRM, which speaks HubSpot).
 *
 * A disposition is delivered at least once (lib/outbox retries after a service worker died
 * mid-write), and HubSpot has no idempotency keys for creates. So every write is safe to repeat:
 *   1. GET  /crm/v4/objects/contacts/{id}/associations/notes   (+ pages)
 *      POST /crm/v3/objects/notes/batch/read  {hs_note_body}   (per 100 associated notes)
 *      → a note carrying the marker "Baton disposition <uuid>" is reused;
 *   2. POST /crm/v3/objects/notes                               only when none was found;
 *   3. PATCH /crm/v3/objects/contacts/{id}                      hs_lead_status + Baton properties;
 *   4. the contact's open Leads records (object 0-136) move stage and take the disqualification
 *      reason (sync-lead-records.ts); a portal without them gets a notice, never a failure.
 * The note comes first so that `baton_disposition_id` on the contact means "fully written".
 * Contact attempts follow the same read-before-create pattern on calls, emails or notes.
 */

export interface CreateHubSpotWriterOptions {
  client: HubSpotClient;
  /** Outcome → `hs_lead_status` (admin-editable); HubSpot's defaults when absent. */
  mapping?: LeadStatusMapping;
  /** Resolves reason and objection ids to labels for the contact and the note. */
  reasons?: DispositionReasonList;
  now?: () => number;
  /**
   * IANA zone the recycle date is read in: `baton_recycle_date` is a HubSpot date property (a
   * calendar day stored as midnight UTC), and a recycle instant of "1 Dec, 00:00 Berlin" is
   * 30 Nov in UTC. Default UTC.
   */
  timeZone?: string;
  /**
   * The connection's remembered lead pipelines and reasons (hubspot-provider.ts keeps one per
   * portal, so deliveries do not read them each time); absent: this writer remembers its own.
   */
  leadRecordLookups?: HubSpotLeadRecordLookups;
}

/** HubSpot caps rich-text properties at 65,536 characters; keep room for the marker line. */
const MAX_BODY_CHARS = 60_000;
const SLA_STATE_SET: ReadonlySet<string> = new Set(SLA_STATES);

/** The engagements a disposition or a contact attempt is written as. */
type EngagementType = Exclude<MarkedEngagementType, 'tasks'>;

export interface DispositionUpdateOptions {
  mapping: LeadStatusMapping;
  reasons: DispositionReasonList;
  timeZone: string;
  /** What the SQL definition was evaluated on (see qualification-inputs.ts); null or absent clears the property. */
  qualificationInputs?: QualificationInputs | null;
}

/**
 * `PATCH /crm/v3/objects/contacts/{id}` body for a disposition. Every value is a string (HubSpot's
 * wire format). Baton's own outcome-dependent fields that do not apply to this disposition are
 * cleared with "" on purpose: a lead recycled for "bad timing" and later accepted must not keep
 * the old reason, recycle date or objections, or marketing's reports would show both.
 */
export function toHubSpotDispositionUpdate(disposition: Disposition, options: DispositionUpdateOptions): { properties: Record<string, string> } {
  const P = BATON_PROPERTY_NAMES;
  const reason = disposition.reasonId ? options.reasons.reasons.find((r) => r.id === disposition.reasonId) : undefined;
  const responseTimeMs = disposition.sla?.responseTimeMs ?? disposition.responseTimeMs;
  const orClear = (value: string | null) => value ?? '';
  return toHubSpotContactUpdate({
    hs_lead_status: toLeadStatus(disposition, options.mapping),
    [P.disposition]: disposition.outcome,
    [P.stage]: orClear(disposition.outcome === 'accepted' ? disposition.acceptedStage : null),
    [P.reason]: orClear(disposition.reasonId ? (reason?.label ?? disposition.reasonId) : null),
    [P.reasonId]: orClear(disposition.reasonId),
    [P.definitionVersion]: `${disposition.definitionId}@${disposition.definitionVersion}`,
    // An SLA state the property has no option for would make HubSpot refuse the whole update.
    [P.slaOutcome]: orClear(disposition.sla && SLA_STATE_SET.has(disposition.sla.state) ? disposition.sla.state : null),
    [P.responseTimeMinutes]: orClear(responseTimeMs === null ? null : String(Math.round(responseTimeMs / 6_000) / 10)),
    [P.dispositionAt]: new Date(disposition.decidedAt).toISOString(),
    [P.objections]: orClear(disposition.objections.tags.length ? disposition.objections.tags.join(';') : null),
    [P.recycleDate]: orClear(disposition.recycleAt === null ? null : String(toMidnightUtc(disposition.recycleAt, options.timeZone))),
    [P.rep]: disposition.rep.name?.trim() || disposition.rep.id,
    // The tier's label as the policy named it then ("Demo request"): what a marketer reads in a report.
    [P.slaTier]: orClear(disposition.sla?.tier?.label.trim() || null),
    // Cleared when absent, so a re-disposition never leaves the previous decision's inputs behind.
    [P.qualificationInputs]: orClear(options.qualificationInputs ? encodeQualificationInputs(options.qualificationInputs) : null),
    [P.dispositionId]: disposition.id,
  });
}

/** Escapes the text into HubSpot rich text, bounded, with the marker line always last and intact. */
export function toMarkedHtml(text: string, marker: string): string {
  let html = toHubSpotHtml(text);
  if (html.length > MAX_BODY_CHARS) {
    // Never leave half an entity ("&am") or half a "<br>" behind the cut.
    html = `${html.slice(0, MAX_BODY_CHARS).replace(/&[#a-z0-9]*$|<[a-z]*$/i, '')}… (shortened)`;
  }
  return `${html}<br><br>${toHubSpotHtml(marker)}`;
}

function requireHubSpotContact(ref: LeadRef): string {
  if (ref.crm !== 'hubspot' && ref.crm !== 'sandbox') {
    throw new CrmError('rejected', `The HubSpot writer cannot write to a ${ref.crm} lead`);
  }
  return ref.id;
}

/** A HubSpot owner id is numeric; a rep id that is not one must not reach `hubspot_owner_id` (HubSpot refuses the create). */
function asOwnerId(id: string | null | undefined): string | null {
  return id && /^\d{1,20}$/.test(id) ? id : null;
}

/**
 * A 400 naming a property the portal lacks becomes an actionable message. HubSpot lists the
 * invalid properties as JSON inside the message ("Property values were not valid: [{...,
 * "error":"PROPERTY_DOESNT_EXIST","name":"baton_x"}]"); the client keeps only the message, so
 * that is what is read here.
 */
export function explainWriteError(error: unknown, mapping: LeadStatusMapping): unknown {
  if (!(error instanceof CrmError) || error.status !== 400) return error;
  const missing = [...error.message.matchAll(/Property\s+\\?"([a-z0-9_]+)\\?"\s+does not exist/gi)].map((m) => m[1] ?? '');
  if (/PROPERTY_DOESNT_EXIST/.test(error.message)) {
    missing.push(...[...error.message.matchAll(/\\?"name\\?"\s*:\s*\\?"([a-z0-9_]+)\\?"/gi)].map((m) => m[1] ?? ''));
  }
  const batonMissing = missing.find((name) => name.startsWith('baton_'));
  const details = { status: error.status, correlationId: error.correlationId, cause: error };
  if (batonMissing) {
    return new CrmError('rejected', `HubSpot has no property "${batonMissing}": run "Set up Baton properties" in Baton's options`, details);
  }
  if (/hs_lead_status/.test(error.message) || /was not one of the allowed options/.test(error.message)) {
    const status = Object.values(mapping).find((value) => typeof value === 'string' && new RegExp(`\\b${escapeRegExp(value)} was not one of the allowed options`).test(error.message));
    if (status) {
      return new CrmError('rejected', `HubSpot's Lead Status has no option "${status}": edit the lead status mapping in Baton's options`, details);
    }
  }
  return error;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The Lead Status property, read only for its options' labels. */
const leadStatusOptionsSchema = z.looseObject({ options: z.array(hubSpotPropertyOptionSchema) });

export function createHubSpotWriter(options: CreateHubSpotWriterOptions): CrmWriter {
  const { client } = options;
  const mapping = options.mapping ?? DEFAULT_LEAD_STATUS_MAPPING;
  const reasons = options.reasons ?? DEFAULT_DISPOSITION_REASONS;
  const now = options.now ?? Date.now;
  const timeZone = options.timeZone ?? 'UTC';
  // An unknown zone throws a RangeError: fail at wiring, not as a non-CrmError in the middle of a delivery.
  new Intl.DateTimeFormat('en-CA', { timeZone });
  const leadRecordLookups = options.leadRecordLookups ?? createHubSpotLeadRecordLookups({ client, now });

  /** Read-before-create: the engagement is created only when no associated one carries the marker. */
  async function upsertMarked(
    contactId: string,
    type: EngagementType,
    kind: 'disposition' | 'attempt',
    id: string,
    body: HubSpotNoteCreateBody,
    signal?: AbortSignal,
  ): Promise<{ id: string; reused: boolean }> {
    const existing = await findMarkedEngagement(client, { contactId, type, id, readMarkerId: (text) => findMarkerId(text, kind), signal });
    if (existing) return { id: existing, reused: true };
    const create = (createBody: HubSpotNoteCreateBody) => client.request('POST', `/crm/v3/objects/${type}`, { body: createBody, schema: hubSpotObjectSchema, signal });
    try {
      return { id: (await create(body)).id, reused: false };
    } catch (error) {
      // A rep id that is not (or no longer) a HubSpot owner would dead-letter the whole write;
      // the engagement without an owner is still worth having. Nothing was created by the 400.
      if (!(error instanceof CrmError && error.status === 400 && 'hubspot_owner_id' in body.properties && /hubspot_owner_id/.test(error.message))) throw error;
      const { hubspot_owner_id: _dropped, ...properties } = body.properties;
      return { id: (await create({ ...body, properties })).id, reused: false };
    }
  }

  async function recordDisposition(write: DispositionWrite, requestOptions: { signal?: AbortSignal } = {}): Promise<DispositionReceipt> {
    const { signal } = requestOptions;
    const d = write.disposition;
    const contactId = requireHubSpotContact(d.lead);
    if (write.seenLeadStatus !== undefined) await refuseChangedStatus(contactId, d.id, write.seenLeadStatus, signal);

    const noteBody = toHubSpotEngagementCreate({
      contactId,
      associationTypeId: NOTE_TO_CONTACT_ASSOCIATION_TYPE_ID,
      properties: {
        hs_timestamp: new Date(d.decidedAt).toISOString(),
        hs_note_body: toMarkedHtml(describeDisposition(write, { reasons, timeZone }), dispositionMarker(d.id)),
        hubspot_owner_id: asOwnerId(d.rep.id),
      },
    });
    const note = await upsertMarked(contactId, 'notes', 'disposition', d.id, noteBody, signal);

    const update = toHubSpotDispositionUpdate(d, { mapping, reasons, timeZone, qualificationInputs: write.qualificationInputs ?? null });
    try {
      await client.request('PATCH', `/crm/v3/objects/contacts/${encodeURIComponent(contactId)}`, { body: update, schema: hubSpotObjectSchema, signal });
    } catch (error) {
      throw explainWriteError(error, mapping);
    }
    const leads = await syncLeadRecords({ client, contactId, disposition: d, mapping: mapping.leadRecord, reasons, lookups: leadRecordLookups, signal });
    return { properties: Object.keys(update.properties), note, deliveredAt: now(), ...(leads.notices.length ? { notices: leads.notices } : {}) };
  }

  /**
   * HubSpot has no conditional PATCH, so the writer compares before it writes anything: when the
   * lead's status is no longer the one the rep saw (a colleague or a workflow changed it since),
   * nothing is written and the rep is asked (a 412, shown as a conflict; see lib/outbox). A
   * contact already carrying this disposition's id is a re-delivery of a write that went through,
   * whose status is our own: it goes ahead. One request, only for entries that carry what the rep saw.
   */
  async function refuseChangedStatus(contactId: string, dispositionId: string, seen: string | null, signal: AbortSignal | undefined): Promise<void> {
    const current = await client.request('GET', `/crm/v3/objects/contacts/${encodeURIComponent(contactId)}`, {
      query: { properties: ['hs_lead_status', BATON_PROPERTY_NAMES.dispositionId] },
      schema: hubSpotObjectSchema,
      signal,
    });
    if (current.properties[BATON_PROPERTY_NAMES.dispositionId] === dispositionId) return;
    const now = current.properties['hs_lead_status']?.trim() || null;
    const was = seen?.trim() || null;
    if (now === was) return;
    // Said with the portal's labels ("In Progress", not IN_PROGRESS): one more read, only on a conflict.
    const labels = await leadStatusLabels(signal);
    const say = (value: string | null) => (value ? `"${labels.get(value) ?? value}"` : 'empty');
    throw new CrmError('rejected', `its lead status in HubSpot is now ${say(now)}; it was ${say(was)} when you opened the lead.`, { status: 412 });
  }

  /** Every option of the Lead Status property, hidden ones too (a colleague may have set one); none if unreadable. */
  async function leadStatusLabels(signal: AbortSignal | undefined): Promise<ReadonlyMap<string, string>> {
    try {
      const property = await client.request('GET', LEAD_STATUS_PROPERTY_PATH, { schema: leadStatusOptionsSchema, signal });
      return new Map(property.options.filter((o) => o.label.trim()).map((o) => [o.value, o.label.trim()]));
    } catch {
      return new Map();
    }
  }

  async function logContactAttempt(ref: LeadRef, attempt: ContactAttempt, requestOptions: { signal?: AbortSignal } = {}): Promise<{ id: string; reused: boolean }> {
    const { signal } = requestOptions;
    const contactId = requireHubSpotContact(ref);
    const marker = attemptMarker(attempt.id);
    const at = new Date(attempt.at).toISOString();
    const ownerId = asOwnerId(attempt.ownerId);
    const note = attempt.note?.trim() || null;

    switch (attempt.channel) {
      case 'call':
        return upsertMarked(contactId, 'calls', 'attempt', attempt.id, toHubSpotEngagementCreate({
          contactId,
          associationTypeId: CALL_TO_CONTACT_ASSOCIATION_TYPE_ID,
          properties: {
            hs_timestamp: at,
            hs_call_title: 'Call attempt',
            hs_call_body: toMarkedHtml(note ?? (attempt.connected ? 'Connected.' : 'No answer.'), marker),
            hs_call_direction: 'OUTBOUND',
            hs_call_status: attempt.connected ? 'COMPLETED' : 'NO_ANSWER',
            hubspot_owner_id: ownerId,
          },
        }), signal);
      case 'email':
        return upsertMarked(contactId, 'emails', 'attempt', attempt.id, toHubSpotEngagementCreate({
          contactId,
          associationTypeId: EMAIL_TO_CONTACT_ASSOCIATION_TYPE_ID,
          properties: {
            hs_timestamp: at,
            hs_email_direction: 'EMAIL',
            hs_email_status: 'SENT',
            hs_email_subject: 'Email attempt',
            // hs_email_text is plain text, not HTML: no escaping, the marker stays the last line.
            hs_email_text: `${note ?? 'Email sent.'}\n\n${marker}`,
            hubspot_owner_id: ownerId,
          },
        }), signal);
      case 'social':
        // A note, not HubSpot's communications object (`hs_communication_channel_type:
        // LINKEDIN_MESSAGE`): the sandbox CRM has no communications object, and notes need no
        // extra scope or object type; the note still puts the attempt on the contact's timeline.
        return upsertMarked(contactId, 'notes', 'attempt', attempt.id, toHubSpotEngagementCreate({
          contactId,
          associationTypeId: NOTE_TO_CONTACT_ASSOCIATION_TYPE_ID,
          properties: {
            hs_timestamp: at,
            hs_note_body: toMarkedHtml(
              ['Social attempt (LinkedIn)', attempt.connected ? 'They replied.' : 'No reply yet.', ...(note ? [note] : [])].join('\n'),
              marker,
            ),
            hubspot_owner_id: ownerId,
          },
        }), signal);
    }
  }

  return { recordDisposition, logContactAttempt };
}
