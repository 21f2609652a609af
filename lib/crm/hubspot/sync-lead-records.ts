import { CrmError } from '../crm-error';
import type { Disposition } from '../../domain/disposition/disposition';
import type { DispositionReasonList } from '../../domain/disposition/disposition-reasons';
import { disqualifiesLeadRecord, leadRecordOutcome, type LeadRecordMapping } from '../../domain/disposition/lead-record-mapping';
import type { HubSpotClient } from './hubspot-client';
import { createHubSpotLeadRecordLookups, type HubSpotLeadRecordLookups, type LeadRecordChoices } from './hubspot-lead-record-lookups';
import { LEAD_DISQUALIFICATION_REASON_PROPERTY, LEAD_STAGE_PROPERTY, listContactLeadIds, readLeadRecords, type LeadRecord } from './hubspot-leads-object';
import { effectiveLeadRecordMapping, isClosedLeadStage } from './lead-record-defaults';
import { hubSpotObjectSchema } from './hubspot-schemas';

/*
 * After the contact carries a disposition, its open HubSpot Leads records follow: the stage the
 * outcome maps to in the lead's pipeline, and (when the lead ends disqualified) the portal's
 * reason option mapped from Baton's reason, so HubSpot's lead reports count what reps decided.
 *
 * Never blocks the disposition: a portal without the Leads object, a connection without the
 * leads scopes, or a value HubSpot refuses leaves the contact written and says so in a notice.
 * Limits and outages (429, 5xx, network) are thrown: the outbox retries the whole delivery, which
 * is safe (the note is reused, the contact PATCH repeats, and a lead already carrying the values
 * is not written again). Only values the portal lists are sent: an option HubSpot does not know
 * would make it refuse the whole lead update. The pipelines and reasons come from the
 * connection's lookups (remembered for minutes): when they name something the remembered ones do
 * not have, or HubSpot refuses a value, they are read again.
 */

export interface LeadRecordSync {
  /** Leads records written. */
  updated: string[];
  /** Leads records that already carried the values (a retried delivery). */
  unchanged: string[];
  /** For the delivery result, in words an admin acts on. */
  notices: string[];
}

export interface SyncLeadRecordsInput {
  client: HubSpotClient;
  contactId: string;
  disposition: Pick<Disposition, 'outcome' | 'acceptedStage' | 'reasonId'>;
  /** The admin's mapping; absent: everything by meaning. */
  mapping: LeadRecordMapping | undefined;
  reasons: DispositionReasonList;
  /** The connection's remembered pipelines and reasons; absent: read for this call only. */
  lookups?: HubSpotLeadRecordLookups | undefined;
  signal?: AbortSignal | undefined;
}

const NOTHING: LeadRecordSync = { updated: [], unchanged: [], notices: [] };

/** A refusal that says the Leads object is not there for Baton (not set up, plan, or scope); anything else is rethrown. */
function unavailableNotice(error: unknown): string | null {
  if (!(error instanceof CrmError)) return null;
  if (error.kind === 'forbidden') {
    return "HubSpot's lead record was not updated: Baton's connection lacks the leads scopes (crm.objects.leads.read and crm.objects.leads.write). The contact was written.";
  }
  if (error.kind === 'not_found' || (error.kind === 'rejected' && error.status === 400)) {
    return "HubSpot's lead record was not updated: this portal does not use the Leads object. The contact was written.";
  }
  return null;
}

export async function syncLeadRecords(input: SyncLeadRecordsInput): Promise<LeadRecordSync> {
  const { client, contactId, disposition, signal } = input;
  if (input.mapping && !input.mapping.enabled) return NOTHING;

  let leadIds: string[];
  try {
    leadIds = await listContactLeadIds(client, contactId, signal);
  } catch (error) {
    const notice = unavailableNotice(error);
    if (notice === null) throw error;
    return { ...NOTHING, notices: [notice] };
  }
  if (leadIds.length === 0) return NOTHING;

  const lookups = input.lookups ?? createHubSpotLeadRecordLookups({ client, now: Date.now });
  let choices = await readChoices(lookups);
  if (typeof choices === 'string') return { ...NOTHING, notices: [choices] };
  const leads = await readLeadRecords(client, leadIds, signal);
  // An admin may have added a pipeline, stage or reason since they were read: once, read them again.
  if (choices.remembered && namesUnknownChoice(choices, leads, input)) {
    lookups.forget();
    choices = await readChoices(lookups);
    if (typeof choices === 'string') return { ...NOTHING, notices: [choices] };
  }
  const { pipelines, reasons: options } = choices;

  const mapping = effectiveLeadRecordMapping(input.mapping, pipelines, options, input.reasons.reasons);
  const outcome = leadRecordOutcome(disposition);
  const knownReasons = new Set(options.map((o) => o.value));
  const result: LeadRecordSync = { updated: [], unchanged: [], notices: [] };
  const notice = (text: string) => {
    if (!result.notices.includes(text)) result.notices.push(text);
  };

  // The reason, if this outcome carries one and the portal lists the option it maps to.
  let reason: string | null = null;
  if (disqualifiesLeadRecord(outcome) && disposition.reasonId) {
    const mapped = mapping.reasons[disposition.reasonId] ?? '';
    if (mapped && knownReasons.has(mapped)) reason = mapped;
    else if (mapped) notice(`HubSpot's lead disqualification reasons have no option "${mapped}": the lead's reason was left empty. Choose another in Baton's options.`);
  }

  for (const lead of leads) {
    const pipeline = pipelines.find((p) => p.id === lead.pipelineId);
    if (!pipeline) {
      notice(`A lead record is in a pipeline Baton cannot read; it was left as it was.`);
      continue;
    }
    const target = mapping.stages[pipeline.id]?.[outcome] ?? null;
    const current = pipeline.stages.find((s) => s.id === lead.stageId);
    // A closed lead (qualified or disqualified) is never written: HubSpot starts a new lead rather
    // than reopen one, and an old lead's reason is history. One that already carries exactly what
    // this disposition sets is this delivery's own write, seen again by a retry.
    if (current && isClosedLeadStage(current)) {
      if (target !== null && current.id === target && (reason === null || lead.reason === reason)) result.unchanged.push(lead.id);
      continue;
    }
    const properties: Record<string, string> = {};
    if (target !== null) {
      const targetIndex = pipeline.stages.findIndex((s) => s.id === target);
      if (targetIndex < 0) {
        notice(`The lead stage chosen for the "${pipeline.label}" pipeline is no longer one of its stages: its leads were left as they were. Choose another in Baton's options.`);
        continue;
      }
      // Accepting never moves an open lead back ("Meeting booked" stays, not "Connected" again);
      // qualifying and disqualifying close it wherever it is.
      const backwards = outcome === 'working' && current !== undefined && pipeline.stages.indexOf(current) > targetIndex;
      if (lead.stageId !== target && !backwards) properties[LEAD_STAGE_PROPERTY] = target;
    }
    if (reason !== null && lead.reason !== reason) properties[LEAD_DISQUALIFICATION_REASON_PROPERTY] = reason;
    if (Object.keys(properties).length === 0) {
      if (target !== null || reason !== null) result.unchanged.push(lead.id);
      continue;
    }
    try {
      await client.request('PATCH', `/crm/v3/objects/leads/${encodeURIComponent(lead.id)}`, { body: { properties }, schema: hubSpotObjectSchema, signal });
      result.updated.push(lead.id);
    } catch (error) {
      if (error instanceof CrmError && (error.kind === 'rejected' || error.kind === 'not_found' || error.kind === 'forbidden')) {
        // A stage or reason HubSpot no longer has (400): the remembered ones are out of date.
        if (error.kind === 'rejected') lookups.forget();
        notice(error.kind === 'forbidden' ? (unavailableNotice(error) ?? error.message) : `HubSpot refused to update a lead record (${error.message}). The contact was written.`);
        continue;
      }
      throw error;
    }
  }
  return result;
}

/** The portal's pipelines and reasons, or the notice saying why the Leads object is not there for Baton. */
async function readChoices(lookups: HubSpotLeadRecordLookups): Promise<LeadRecordChoices | string> {
  try {
    return await lookups.choices();
  } catch (error) {
    const notice = unavailableNotice(error);
    if (notice === null) throw error;
    return notice;
  }
}

/** Whether the leads or the mapping name a pipeline, stage or reason the portal's read choices do not list. */
function namesUnknownChoice(choices: LeadRecordChoices, leads: readonly LeadRecord[], input: SyncLeadRecordsInput): boolean {
  const { pipelines, reasons } = choices;
  const mapping = effectiveLeadRecordMapping(input.mapping, pipelines, reasons, input.reasons.reasons);
  const outcome = leadRecordOutcome(input.disposition);
  const reasonId = input.disposition.reasonId;
  const mappedReason = disqualifiesLeadRecord(outcome) && reasonId ? (mapping.reasons[reasonId] ?? '') : '';
  if (mappedReason && !reasons.some((o) => o.value === mappedReason)) return true;
  return leads.some((lead) => {
    if (lead.pipelineId === null) return false;
    const pipeline = pipelines.find((p) => p.id === lead.pipelineId);
    if (!pipeline) return true;
    const target = mapping.stages[pipeline.id]?.[outcome] ?? null;
    return target !== null && !pipeline.stages.some((s) => s.id === target);
  });
}
