import { z } from 'zod';
import { CrmError } from '../crm-error';
import { ACCEPTED_STAGES } from '../../domain/disposition/disposition';
import { DISPOSITION_OUTCOMES } from '../../domain/disposition/disposition-reasons';
import { SLA_STATES } from '../../domain/sla/compute-sla-status';
import { ESCALATION_FIELD_VALUES } from '../escalation-record-text';
import type { HubSpotClient } from './hubspot-client';
import { hubSpotPropertyDefinitionSchema } from './hubspot-schemas';
import type { HubSpotPropertyDefinition } from './hubspot-schemas';

/*
 * The "Baton" contact property group and the properties a disposition writes onto a HubSpot
 * contact, so marketing can report on dispositions in HubSpot itself (lists, reports, workflows).
 * `ensureBatonProperties` is the admin's "Set up Baton properties" action in the options page.
 */

export const BATON_PROPERTY_GROUP = { name: 'baton', label: 'Baton', displayOrder: -1 } as const;

export type BatonPropertyType = 'string' | 'number' | 'datetime' | 'date' | 'enumeration';
export type BatonFieldType = 'text' | 'number' | 'date' | 'select';

export interface BatonPropertyOption {
  label: string;
  value: string;
  displayOrder: number;
  hidden: boolean;
}

/** `POST /crm/v3/properties/contacts` body (checked against the SDK's PropertyCreate in the contract test). */
export interface BatonPropertyDefinition {
  name: string;
  label: string;
  description: string;
  groupName: typeof BATON_PROPERTY_GROUP.name;
  type: BatonPropertyType;
  fieldType: BatonFieldType;
  /** Not a form field: reps set these through Baton, never prospects through a form. */
  formField: false;
  options?: BatonPropertyOption[];
}

export const BATON_PROPERTY_NAMES = {
  disposition: 'baton_disposition',
  stage: 'baton_disposition_stage',
  reason: 'baton_disposition_reason',
  reasonId: 'baton_disposition_reason_id',
  definitionVersion: 'baton_definition_version',
  slaOutcome: 'baton_sla_outcome',
  responseTimeMinutes: 'baton_response_time_minutes',
  dispositionId: 'baton_disposition_id',
  dispositionAt: 'baton_disposition_at',
  objections: 'baton_objections',
  recycleDate: 'baton_recycle_date',
  rep: 'baton_disposition_rep',
  slaTier: 'baton_sla_tier',
  qualificationInputs: 'baton_qualification_inputs',
  escalation: 'baton_escalation',
  escalationAt: 'baton_escalation_at',
  escalationId: 'baton_escalation_id',
} as const;

const SLA_STATE_LABELS: Record<(typeof SLA_STATES)[number], string> = {
  not_started: 'Not started',
  on_track: 'On track',
  at_risk: 'At risk',
  breached: 'Breached',
  met: 'Met',
  met_late: 'Met late',
};

const OUTCOME_LABELS: Record<(typeof DISPOSITION_OUTCOMES)[number], string> = {
  accepted: 'Accepted',
  recycled: 'Recycled to nurture',
  rejected: 'Rejected',
};

const ESCALATION_LABELS: Record<(typeof ESCALATION_FIELD_VALUES)[keyof typeof ESCALATION_FIELD_VALUES], string> = {
  manager_notified: 'Sales manager told',
  handed_back_to_marketing: 'Handed back to marketing',
};

const STAGE_LABELS: Record<(typeof ACCEPTED_STAGES)[number], string> = {
  working: 'Working',
  opportunity_created: 'Opportunity created',
};

function toOptions(labels: Record<string, string>): BatonPropertyOption[] {
  return Object.entries(labels).map(([value, label], displayOrder) => ({ label, value, displayOrder, hidden: false }));
}

function define(
  name: string,
  label: string,
  description: string,
  kind: { type: 'string' } | { type: 'number' } | { type: 'datetime' } | { type: 'date' } | { type: 'enumeration'; options: BatonPropertyOption[] },
): BatonPropertyDefinition {
  // HubSpot pairs each type with a field type; an invalid pair is refused (400).
  const fieldType: BatonFieldType = { string: 'text', number: 'number', datetime: 'date', date: 'date', enumeration: 'select' }[kind.type] as BatonFieldType;
  const definition: BatonPropertyDefinition = { name, label, description, groupName: BATON_PROPERTY_GROUP.name, type: kind.type, fieldType, formField: false };
  if (kind.type === 'enumeration') definition.options = kind.options;
  return definition;
}

const P = BATON_PROPERTY_NAMES;

export const BATON_PROPERTIES: readonly BatonPropertyDefinition[] = [
  define(P.disposition, 'Baton disposition', "The rep's answer in Baton: accepted, recycled to nurture or rejected.", { type: 'enumeration', options: toOptions(OUTCOME_LABELS) }),
  define(P.stage, 'Baton accepted stage', 'For an accepted lead: still working it, or an opportunity was created.', { type: 'enumeration', options: toOptions(STAGE_LABELS) }),
  define(P.reason, 'Baton disposition reason', 'Why the lead was recycled or rejected (the reason label at the time).', { type: 'string' }),
  define(P.reasonId, 'Baton disposition reason id', "The reason's stable id (labels can be renamed; report on this).", { type: 'string' }),
  define(P.definitionVersion, 'Baton SQL definition version', 'The SQL definition (id@version) the rep decided against.', { type: 'string' }),
  define(P.slaOutcome, 'Baton SLA outcome', 'The response SLA state when the rep decided.', { type: 'enumeration', options: toOptions(SLA_STATE_LABELS) }),
  define(P.responseTimeMinutes, 'Baton response time (business minutes)', 'From handoff to the first human touch, in business minutes.', { type: 'number' }),
  define(P.dispositionId, 'Baton disposition id', 'The disposition UUID; set last, so it means the disposition was fully written.', { type: 'string' }),
  define(P.dispositionAt, 'Baton disposition date', 'When the rep recorded the disposition.', { type: 'datetime' }),
  define(P.objections, 'Baton objections', 'Objection tag ids, separated by semicolons.', { type: 'string' }),
  define(P.recycleDate, 'Baton recycle date', 'For a recycled lead: when marketing should hand it back.', { type: 'date' }),
  define(P.rep, 'Baton disposition rep', 'The rep who recorded the disposition.', { type: 'string' }),
  define(P.slaTier, 'Baton SLA tier', 'The response SLA tier (its label when the rep decided) that set the target, e.g. Demo request.', { type: 'string' }),
  define(
    P.qualificationInputs,
    'Baton qualification inputs',
    'What the SQL definition was evaluated on when the rep decided (versioned JSON: lead fields, engagement, rep evidence). Lets Baton Insights backtest a new definition; not meant for reports.',
    { type: 'string' },
  ),
  define(P.escalation, 'Baton escalation', "The SLA escalation Baton recorded last for a lead nobody touched: the sales manager told, or handed back to marketing (list on this to re-engage).", { type: 'enumeration', options: toOptions(ESCALATION_LABELS) }),
  define(P.escalationAt, 'Baton escalation date', 'When Baton recorded that escalation.', { type: 'datetime' }),
  define(P.escalationId, 'Baton escalation id', 'The escalation id; set last, so it means the escalation was fully written.', { type: 'string' }),
];

export interface BatonPropertyMismatch {
  name: string;
  expected: { type: string; fieldType: string };
  /** Null when the property is archived (its name is taken, its definition is not live). */
  actual: { type: string; fieldType: string; groupName: string } | null;
  /** What is wrong, for the admin. */
  problem: string;
}

export interface EnsureBatonPropertiesResult {
  created: string[];
  existing: string[];
  /** Existing properties that differ from what Baton writes (a subset of `existing`). */
  mismatched: BatonPropertyMismatch[];
}

/** `POST /crm/v3/properties/contacts/groups` → PropertyGroup (only what we read). */
export const hubSpotPropertyGroupSchema = z.looseObject({ name: z.string(), label: z.string() });

/**
 * Creates the "Baton" group and its properties, sequentially (it is a one-off admin action; the
 * portal's rate limit is shared with every rep). Safe to run again: a 409 means it already
 * exists, and the existing definition is read back to report a type that Baton's values would
 * not fit (another integration may have created a property of the same name).
 */
export async function ensureBatonProperties(client: HubSpotClient, options: { signal?: AbortSignal } = {}): Promise<EnsureBatonPropertiesResult> {
  const { signal } = options;
  try {
    await client.request('POST', '/crm/v3/properties/contacts/groups', { body: { ...BATON_PROPERTY_GROUP }, schema: hubSpotPropertyGroupSchema, signal });
  } catch (error) {
    if (!isConflict(error)) throw error;
  }

  const result: EnsureBatonPropertiesResult = { created: [], existing: [], mismatched: [] };
  for (const definition of BATON_PROPERTIES) {
    try {
      await client.request('POST', '/crm/v3/properties/contacts', { body: definition, schema: hubSpotPropertyDefinitionSchema, signal });
      result.created.push(definition.name);
    } catch (error) {
      if (!isConflict(error)) throw error;
      result.existing.push(definition.name);
      let actual: HubSpotPropertyDefinition;
      try {
        actual = await client.request('GET', `/crm/v3/properties/contacts/${encodeURIComponent(definition.name)}`, {
          schema: hubSpotPropertyDefinitionSchema,
          signal,
        });
      } catch (readError) {
        // HubSpot keeps archived property names reserved: the create conflicts, yet the live read finds nothing.
        if (!(readError instanceof CrmError && readError.kind === 'not_found')) throw readError;
        result.mismatched.push({
          name: definition.name,
          expected: { type: definition.type, fieldType: definition.fieldType },
          actual: null,
          problem: `"${definition.name}" exists but is archived: restore it in HubSpot's property settings`,
        });
        continue;
      }
      const mismatch = compareDefinition(definition, actual);
      if (mismatch) result.mismatched.push(mismatch);
    }
  }
  return result;
}

function isConflict(error: unknown): boolean {
  return error instanceof CrmError && error.status === 409;
}

/** Null when Baton's values fit the existing property. Labels, descriptions and groups may differ freely. */
export function compareDefinition(expected: BatonPropertyDefinition, actual: HubSpotPropertyDefinition): BatonPropertyMismatch | null {
  const base = {
    name: expected.name,
    expected: { type: expected.type, fieldType: expected.fieldType },
    actual: { type: actual.type, fieldType: actual.fieldType, groupName: actual.groupName },
  };
  if (actual.type !== expected.type) {
    return { ...base, problem: `"${expected.name}" exists as a ${actual.type} property; Baton writes a ${expected.type}: change or delete it in HubSpot` };
  }
  if (expected.type === 'enumeration') {
    const have = new Set(actual.options.map((option) => option.value));
    const missing = (expected.options ?? []).filter((option) => !have.has(option.value)).map((option) => option.value);
    if (missing.length) {
      return { ...base, problem: `"${expected.name}" lacks the option${missing.length > 1 ? 's' : ''} ${missing.join(', ')}: Baton cannot write ${missing.length > 1 ? 'those values' : 'that value'}` };
    }
  }
  return null;
}
