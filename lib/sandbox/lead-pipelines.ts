import { ApiError, ok } from './http-kit';
import type { ApiResponse } from './http-kit';
import { resolveObjectType } from './sandbox-state';

/*
 * The sandbox portal's lead pipelines (HubSpot's Leads object, 0-136) and the Pipelines API that
 * lists them: `GET /crm/v3/pipelines/{objectType}` → `{results:[{id, label, displayOrder, archived,
 * createdAt, updatedAt, stages:[{id, label, displayOrder, archived, metadata, createdAt, updatedAt,
 * writePermissions}]}]}`. The default pipeline has HubSpot's default ids (`lead-pipeline-id`,
 * `new-stage-id` … `unqualified-stage-id`, labelled "Disqualified"); a second one, with numeric
 * ids as a portal's own pipelines have, renames its closed stages, so Baton cannot rely on ids.
 */

export const DEFAULT_LEAD_PIPELINE_ID = 'lead-pipeline-id';
export const PARTNER_LEAD_PIPELINE_ID = '811004';

interface SandboxPipeline {
  id: string;
  label: string;
  stages: ReadonlyArray<readonly [id: string, label: string]>;
}

export const LEAD_PIPELINES: readonly SandboxPipeline[] = [
  {
    id: DEFAULT_LEAD_PIPELINE_ID,
    label: 'Lead pipeline',
    stages: [
      ['new-stage-id', 'New'],
      ['attempting-stage-id', 'Attempting'],
      ['connected-stage-id', 'Connected'],
      ['qualified-stage-id', 'Qualified'],
      ['unqualified-stage-id', 'Disqualified'],
    ],
  },
  {
    id: PARTNER_LEAD_PIPELINE_ID,
    label: 'Partner referrals',
    stages: [
      ['1183001', 'New referral'],
      ['1183002', 'In conversation'],
      ['1183003', 'Sales qualified'],
      ['1183004', 'Lost'],
    ],
  },
];

/** Every lead stage of every pipeline (the `hs_pipeline_stage` property's options). */
export const LEAD_STAGE_OPTIONS: ReadonlyArray<readonly [string, string]> = LEAD_PIPELINES.flatMap((p) => p.stages);
export const LEAD_PIPELINE_OPTIONS: ReadonlyArray<readonly [string, string]> = LEAD_PIPELINES.map((p) => [p.id, p.label] as const);

/**
 * `hs_lead_disqualification_reason` options. Portals edit this list; these are the sandbox's own
 * (a real portal's are read from `GET /crm/v3/properties/leads/hs_lead_disqualification_reason`),
 * worded as sales teams word them, with one hidden (retired) option.
 */
export const LEAD_DISQUALIFICATION_REASONS: ReadonlyArray<readonly [value: string, label: string, hidden?: boolean]> = [
  ['NOT_A_GOOD_FIT', 'Not a good fit'],
  ['NO_BUDGET', 'No budget'],
  ['BAD_TIMING', 'Bad timing'],
  ['WENT_WITH_COMPETITOR', 'Went with a competitor'],
  ['NOT_INTERESTED', 'Not interested'],
  ['UNRESPONSIVE', 'Unresponsive'],
  ['OTHER', 'Other'],
  ['LEGACY_JUNK', 'Junk (retired)', true],
];

/** The fixed instant the sandbox's pipelines were "created": their timestamps never move. */
const PIPELINES_CREATED_AT = '2024-01-15T09:00:00.000Z';

function serializePipeline(pipeline: SandboxPipeline, displayOrder: number): Record<string, unknown> {
  return {
    id: pipeline.id,
    label: pipeline.label,
    displayOrder,
    archived: false,
    createdAt: PIPELINES_CREATED_AT,
    updatedAt: PIPELINES_CREATED_AT,
    stages: pipeline.stages.map(([id, label], order) => ({
      id,
      label,
      displayOrder: order,
      archived: false,
      // Lead stages carry no metadata Baton relies on (deal stages' isClosed/probability are not modelled).
      metadata: {},
      createdAt: PIPELINES_CREATED_AT,
      updatedAt: PIPELINES_CREATED_AT,
      writePermissions: 'CRM_PERMISSIONS_ENFORCEMENT',
    })),
  };
}

/** `GET /crm/v3/pipelines/{objectType}`: the sandbox models lead pipelines only. */
export function listPipelines(segment: string): ApiResponse {
  const type = resolveObjectType(segment);
  if (type === 'leads') return ok({ results: LEAD_PIPELINES.map((p, i) => serializePipeline(p, i)) });
  if (type) throw new ApiError(404, 'OBJECT_NOT_FOUND', `The sandbox has no pipelines for ${segment}.`);
  throw new ApiError(400, 'VALIDATION_ERROR', `Unable to infer object type from: ${segment}`);
}
