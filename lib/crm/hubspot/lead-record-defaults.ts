import type { DispositionReason } from '../../domain/disposition/disposition-reasons';
import type { LeadRecordMapping, LeadRecordStages } from '../../domain/disposition/lead-record-mapping';
import type { LeadPipeline, LeadReasonOption, LeadStage } from './hubspot-leads-object';

/*
 * What a disposition does to a HubSpot lead when the admin has not chosen: picked by meaning from
 * the portal's own pipelines and reason options, so a renamed stage ("Lost" for "Disqualified") or
 * a portal's own reason list still lands where a person would put it. HubSpot's default stage ids
 * (`qualified-stage-id`, `unqualified-stage-id`, …) are recognised first; then the labels.
 */

export type LeadStageKind = 'new' | 'attempting' | 'connected' | 'qualified' | 'disqualified' | 'other';

const DEFAULT_STAGE_IDS: Record<string, LeadStageKind> = {
  'new-stage-id': 'new',
  'attempting-stage-id': 'attempting',
  'connected-stage-id': 'connected',
  'qualified-stage-id': 'qualified',
  'unqualified-stage-id': 'disqualified',
};

/** The kind of a stage, by HubSpot's default id, else by its label. */
export function leadStageKind(stage: LeadStage): LeadStageKind {
  const byId = DEFAULT_STAGE_IDS[stage.id];
  if (byId) return byId;
  const label = stage.label.toLowerCase();
  if (/\b(dis|un|not )qualif|\blost\b|declin|reject|\bjunk\b|\bdead\b/.test(label)) return 'disqualified';
  if (/qualif|convert|\bsql\b|\bwon\b/.test(label)) return 'qualified';
  if (/connect|conversation|discuss|engag|in progress|working/.test(label)) return 'connected';
  if (/attempt|reach|contacting|outreach/.test(label)) return 'attempting';
  if (/\bnew\b/.test(label)) return 'new';
  return 'other';
}

/** A lead at a qualified or disqualified stage is closed: HubSpot starts a new lead rather than reopen it. */
export function isClosedLeadStage(stage: LeadStage): boolean {
  const kind = leadStageKind(stage);
  return kind === 'qualified' || kind === 'disqualified';
}

/** Per outcome, the first stage of the pipeline with the kind that means it; null where none does. */
export function defaultLeadStages(pipeline: LeadPipeline): LeadRecordStages {
  const first = (kind: LeadStageKind) => pipeline.stages.find((s) => leadStageKind(s) === kind)?.id ?? null;
  const disqualified = first('disqualified');
  return { working: first('connected'), opportunityCreated: first('qualified'), recycled: disqualified, rejected: disqualified };
}

/** Ideas a reason can carry, each with the words that say it (in Baton's reasons and in a portal's options). */
const CONCEPTS: ReadonlyArray<{ concept: string; words: RegExp }> = [
  { concept: 'budget', words: /budget|price|pricing|cost|afford|expensive/ },
  { concept: 'timing', words: /timing|not now|later|future|bad time/ },
  { concept: 'competitor', words: /competit|another vendor|other vendor|went with/ },
  { concept: 'unresponsive', words: /unreach|unresponsive|no response|no answer|not respond|no reply|ghost|could not (reach|contact)/ },
  { concept: 'authority', words: /authority|decision/ },
  { concept: 'need', words: /no need|not interested|no interest|need/ },
  { concept: 'duplicate', words: /duplicate/ },
  { concept: 'bad-data', words: /bad data|invalid|spam|fake|junk|wrong (number|email|contact)/ },
  { concept: 'customer', words: /existing customer|already (a )?customer|current customer/ },
  { concept: 'fit', words: /fit|geograph|region|country|size|minimum|student|small|icp|profile/ },
];

function conceptsOf(text: string): string[] {
  const lower = text.toLowerCase().replace(/[_-]+/g, ' ');
  return CONCEPTS.filter(({ words }) => words.test(lower)).map(({ concept }) => concept);
}

/** The option that means what the Baton reason means; else the portal's "Other"; else none (""). */
export function defaultLeadReason(reason: Pick<DispositionReason, 'id' | 'label'>, options: readonly LeadReasonOption[]): string {
  const wanted = conceptsOf(`${reason.id} ${reason.label}`);
  for (const concept of wanted) {
    const hit = options.find((o) => conceptsOf(`${o.value} ${o.label}`).includes(concept));
    if (hit) return hit.value;
  }
  return options.find((o) => /^other\b/i.test(o.label) || /^other$/i.test(o.value))?.value ?? '';
}

/** The mapping in force: the admin's choices where made, by meaning elsewhere. */
export function effectiveLeadRecordMapping(
  stored: LeadRecordMapping | undefined,
  pipelines: readonly LeadPipeline[],
  options: readonly LeadReasonOption[],
  reasons: ReadonlyArray<Pick<DispositionReason, 'id' | 'label'>>,
): LeadRecordMapping {
  const stages = Object.fromEntries(pipelines.map((p) => [p.id, stored?.stages[p.id] ?? defaultLeadStages(p)]));
  const reasonMap = Object.fromEntries(reasons.map((r) => [r.id, stored?.reasons[r.id] ?? defaultLeadReason(r, options)]));
  return { enabled: stored?.enabled ?? true, stages, reasons: reasonMap };
}
