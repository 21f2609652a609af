/*
 * Baton's own custom fields in a Salesforce org: what a disposition writes onto a Lead or Contact
 * (so marketing can report on dispositions in Salesforce itself), and the External ID on Task that
 * makes a disposition's or a contact attempt's Task idempotent. The API names are shared with the
 * sandbox org and the field-setup action (Tooling API `CustomField`): never rename one.
 */

/** The kinds of custom field Baton creates (Metadata API `FieldType` names). */
export type BatonFieldType = 'Text' | 'LongTextArea' | 'Number' | 'Date' | 'DateTime';

export interface BatonFieldDefinition {
  /** API name, with the `__c` suffix. */
  apiName: string;
  label: string;
  description: string;
  type: BatonFieldType;
  /** Characters, for Text and LongTextArea. */
  length?: number;
  /** Digits in all and after the point, for Number. */
  precision?: number;
  scale?: number;
  /** Lines shown in the layout, for LongTextArea. */
  visibleLines?: number;
  externalId?: boolean;
  unique?: boolean;
}

export const BATON_FIELD_NAMES = {
  disposition: 'Baton_Disposition__c',
  reason: 'Baton_Disposition_Reason__c',
  reasonId: 'Baton_Disposition_Reason_Id__c',
  objections: 'Baton_Objections__c',
  recycleDate: 'Baton_Recycle_Date__c',
  definitionVersion: 'Baton_Definition_Version__c',
  slaOutcome: 'Baton_SLA_Outcome__c',
  slaTier: 'Baton_SLA_Tier__c',
  responseMinutes: 'Baton_Response_Minutes__c',
  dispositionId: 'Baton_Disposition_Id__c',
  dispositionAt: 'Baton_Disposition_At__c',
  rep: 'Baton_Disposition_Rep__c',
  qualificationInputs: 'Baton_Qualification_Inputs__c',
  escalation: 'Baton_Escalation__c',
  escalationAt: 'Baton_Escalation_At__c',
  escalationId: 'Baton_Escalation_Id__c',
} as const;

/** Task's External ID (unique, case-sensitive): the disposition or attempt UUID. */
export const BATON_TASK_ID_FIELD = 'Baton_Id__c';

/** Long Text Area fields hold at most 131,072 characters. */
export const MAX_LONG_TEXT_CHARS = 131_072;
/** Text fields hold at most 255 characters. */
export const MAX_TEXT_CHARS = 255;

const F = BATON_FIELD_NAMES;

function text(apiName: string, label: string, description: string, length = MAX_TEXT_CHARS): BatonFieldDefinition {
  return { apiName, label, description, type: 'Text', length };
}

/** The fields on Lead and on Contact (the same on both). */
export const BATON_RECORD_FIELDS: readonly BatonFieldDefinition[] = [
  text(F.disposition, 'Baton disposition', "The rep's answer in Baton: accepted, recycled or rejected.", 20),
  text(F.reason, 'Baton disposition reason', 'Why the lead was recycled or rejected (the reason label at the time).'),
  text(F.reasonId, 'Baton disposition reason id', "The reason's stable id (labels can be renamed; report on this).", 100),
  text(F.objections, 'Baton objections', 'Objection tag ids, separated by semicolons.'),
  { apiName: F.recycleDate, label: 'Baton recycle date', description: 'For a recycled lead: when marketing should hand it back.', type: 'Date' },
  text(F.definitionVersion, 'Baton SQL definition version', 'The SQL definition (id@version) the rep decided against.', 100),
  text(F.slaOutcome, 'Baton SLA outcome', 'The response SLA state when the rep decided (met, met_late, breached...).', 40),
  text(F.slaTier, 'Baton SLA tier', 'The response SLA tier (its label when the rep decided) that set the target.', 200),
  {
    apiName: F.responseMinutes,
    label: 'Baton response time (business minutes)',
    description: 'From handoff to the first human touch, in business minutes.',
    type: 'Number',
    precision: 12,
    scale: 1,
  },
  text(F.dispositionId, 'Baton disposition id', 'The disposition UUID; written last, so it means the disposition was fully written.', 36),
  { apiName: F.dispositionAt, label: 'Baton disposition date', description: 'When the rep recorded the disposition.', type: 'DateTime' },
  text(F.rep, 'Baton disposition rep', 'The rep who recorded the disposition.'),
  {
    apiName: F.qualificationInputs,
    label: 'Baton qualification inputs',
    description: 'What the SQL definition was evaluated on when the rep decided (versioned JSON), for backtests; not meant for reports.',
    type: 'LongTextArea',
    length: MAX_LONG_TEXT_CHARS,
    visibleLines: 3,
  },
  text(F.escalation, 'Baton escalation', 'The SLA escalation Baton recorded last for an untouched lead: manager_notified or handed_back_to_marketing (list on this to re-engage).', 40),
  { apiName: F.escalationAt, label: 'Baton escalation date', description: 'When Baton recorded that escalation.', type: 'DateTime' },
  text(F.escalationId, 'Baton escalation id', 'The escalation id; written last, so it means the escalation was fully written.', 36),
];

export const BATON_TASK_FIELDS: readonly BatonFieldDefinition[] = [
  {
    apiName: BATON_TASK_ID_FIELD,
    label: 'Baton id',
    description: 'The Baton disposition or contact attempt this task records (makes a retried write update it instead of adding another).',
    type: 'Text',
    length: 36,
    externalId: true,
    unique: true,
  },
];

/** Every Baton field by object, for the setup action and for describe checks. */
export const BATON_FIELDS_BY_OBJECT: Readonly<Record<'Lead' | 'Contact' | 'Task', readonly BatonFieldDefinition[]>> = {
  Lead: BATON_RECORD_FIELDS,
  Contact: BATON_RECORD_FIELDS,
  Task: BATON_TASK_FIELDS,
};
