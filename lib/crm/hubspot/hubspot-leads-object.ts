import { z } from 'zod';
import { CrmError } from '../crm-error';
import type { LeadRecordChoicesRead } from '../lead-record-choices';
import type { HubSpotClient } from './hubspot-client';
import { toHubSpotBatchRead } from './hubspot-requests';
import { hubSpotAssociationsV4PageSchema, hubSpotBatchReadResponseSchema, hubSpotPropertyDefinitionSchema } from './hubspot-schemas';

/*
 * HubSpot's Leads object (object type 0-136, `leads` in paths; Sales Hub Professional and up, scopes
 * crm.objects.leads.read / .write). A lead is a record beside its contact, in a lead pipeline
 * (`hs_pipeline`) at a stage (`hs_pipeline_stage`, a stage id of that pipeline), and, once
 * disqualified, with `hs_lead_disqualification_reason` (an enumeration the portal edits). The
 * reads Baton needs to move a contact's open leads when a rep decides:
 *   GET  /crm/v4/objects/contacts/{id}/associations/leads        the contact's leads
 *   POST /crm/v3/objects/leads/batch/read                        their pipeline and stage
 *   GET  /crm/v3/pipelines/leads                                 pipelines and their stages
 *   GET  /crm/v3/properties/leads/hs_lead_disqualification_reason its options
 * Default pipeline `lead-pipeline-id` with stages new-stage-id, attempting-stage-id,
 * connected-stage-id, qualified-stage-id, unqualified-stage-id ("Disqualified"); portals rename
 * them and add pipelines whose stage ids are numbers.
 */

export const LEAD_STAGE_PROPERTY = 'hs_pipeline_stage';
export const LEAD_PIPELINE_PROPERTY = 'hs_pipeline';
export const LEAD_DISQUALIFICATION_REASON_PROPERTY = 'hs_lead_disqualification_reason';
export const LEAD_PIPELINES_PATH = '/crm/v3/pipelines/leads';
export const LEAD_DISQUALIFICATION_REASON_PATH = `/crm/v3/properties/leads/${LEAD_DISQUALIFICATION_REASON_PROPERTY}`;

const ASSOCIATIONS_PAGE_LIMIT = 500;
const BATCH_READ_LIMIT = 100;
/** A contact with more leads than this is not a person a rep dispositions; read no further. */
const MAX_LEADS = 200;

const leadStageSchema = z.looseObject({
  id: z.string().min(1),
  label: z.string(),
  displayOrder: z.number().optional(),
  archived: z.boolean().optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
});

const leadPipelineSchema = z.looseObject({
  id: z.string().min(1),
  label: z.string(),
  displayOrder: z.number().optional(),
  archived: z.boolean().optional(),
  stages: z.array(leadStageSchema),
});

export const leadPipelinesResponseSchema = z.looseObject({ results: z.array(leadPipelineSchema) });

export interface LeadStage {
  id: string;
  label: string;
}

export interface LeadPipeline {
  id: string;
  label: string;
  /** In the pipeline's order; archived stages left out (a lead cannot be moved to one). */
  stages: LeadStage[];
}

export interface LeadReasonOption {
  value: string;
  label: string;
}

export interface LeadRecord {
  id: string;
  pipelineId: string | null;
  stageId: string | null;
  reason: string | null;
}

const byOrder = <T extends { displayOrder?: number | undefined }>(items: readonly T[]): T[] =>
  items.map((item, i) => ({ item, i })).sort((a, b) => (a.item.displayOrder ?? Infinity) - (b.item.displayOrder ?? Infinity) || a.i - b.i).map(({ item }) => item);

/** The portal's lead pipelines, in its order, archived ones and archived stages left out. */
export async function readLeadPipelines(client: HubSpotClient, signal?: AbortSignal): Promise<LeadPipeline[]> {
  const response = await client.request('GET', LEAD_PIPELINES_PATH, { schema: leadPipelinesResponseSchema, signal });
  return byOrder(response.results.filter((p) => !p.archived)).map((p) => ({
    id: p.id,
    label: p.label.trim() || p.id,
    stages: byOrder(p.stages.filter((s) => !s.archived)).map((s) => ({ id: s.id, label: s.label.trim() || s.id })),
  }));
}

/** The portal's disqualification reasons (hidden ones left out: HubSpot's own forms do not offer them). */
export async function readLeadReasonOptions(client: HubSpotClient, signal?: AbortSignal): Promise<LeadReasonOption[]> {
  const property = await client.request('GET', LEAD_DISQUALIFICATION_REASON_PATH, { schema: hubSpotPropertyDefinitionSchema, signal });
  const seen = new Set<string>();
  return byOrder(property.options)
    .filter((o) => !o.hidden && o.value.trim() !== '' && !seen.has(o.value) && !!seen.add(o.value))
    .map((o) => ({ value: o.value, label: o.label.trim() || o.value }));
}

/** The ids of the Leads records associated with a contact (every page, up to MAX_LEADS). */
export async function listContactLeadIds(client: HubSpotClient, contactId: string, signal?: AbortSignal): Promise<string[]> {
  const ids = new Set<string>();
  let after: string | undefined;
  do {
    const page = await client.request('GET', `/crm/v4/objects/contacts/${encodeURIComponent(contactId)}/associations/leads`, {
      query: { limit: ASSOCIATIONS_PAGE_LIMIT, after },
      schema: hubSpotAssociationsV4PageSchema,
      signal,
    });
    for (const result of page.results) ids.add(String(result.toObjectId));
    after = page.paging?.next?.after;
  } while (after && ids.size < MAX_LEADS);
  return [...ids].slice(0, MAX_LEADS);
}

/** Pipeline, stage and reason of each lead (batch reads of 100). */
export async function readLeadRecords(client: HubSpotClient, ids: readonly string[], signal?: AbortSignal): Promise<LeadRecord[]> {
  const out: LeadRecord[] = [];
  for (let i = 0; i < ids.length; i += BATCH_READ_LIMIT) {
    const batch = await client.request('POST', '/crm/v3/objects/leads/batch/read', {
      body: toHubSpotBatchRead(ids.slice(i, i + BATCH_READ_LIMIT), [LEAD_PIPELINE_PROPERTY, LEAD_STAGE_PROPERTY, LEAD_DISQUALIFICATION_REASON_PROPERTY]),
      schema: hubSpotBatchReadResponseSchema,
      signal,
    });
    for (const lead of batch.results) {
      if (lead.archived) continue;
      const value = (name: string) => lead.properties[name]?.trim() || null;
      out.push({ id: lead.id, pipelineId: value(LEAD_PIPELINE_PROPERTY), stageId: value(LEAD_STAGE_PROPERTY), reason: value(LEAD_DISQUALIFICATION_REASON_PROPERTY) });
    }
  }
  return out;
}

/**
 * For the admin's mapping: the pipelines and reasons as the options page offers them. A portal
 * without the Leads object (HubSpot answers 404, or 400 for an object type it does not know) or a
 * connection without the scope gets a message saying which, not a raw error.
 */
export async function readHubSpotLeadRecordChoices(client: HubSpotClient, signal?: AbortSignal): Promise<LeadRecordChoicesRead> {
  try {
    const [pipelines, reasons] = await Promise.all([readLeadPipelines(client, signal), readLeadReasonOptions(client, signal)]);
    return { pipelines, reasons };
  } catch (error) {
    if (error instanceof CrmError && error.kind === 'forbidden') {
      throw new CrmError('forbidden', "Baton's HubSpot connection lacks the leads scope (crm.objects.leads.read): add it to read the portal's lead pipelines.", { status: error.status, cause: error });
    }
    if (error instanceof CrmError && (error.kind === 'not_found' || (error.kind === 'rejected' && error.status === 400))) {
      throw new CrmError('not_found', 'This HubSpot portal does not use the Leads object, so dispositions only update the contact.', { status: error.status, cause: error });
    }
    throw error;
  }
}
