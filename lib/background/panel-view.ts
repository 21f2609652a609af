import type { LeadContext } from '../crm/crm-port';
import { toLeadStatus, type LeadStatusMapping } from '../domain/disposition/lead-status-mapping';
import { snapshotChecklist, type AttemptPolicy, type DispositionInput } from '../domain/disposition/disposition';
import type { DispositionReasonList } from '../domain/disposition/disposition-reasons';
import { describeRecordedDisposition } from '../domain/disposition/recorded-disposition';
import type { EngagementBrief } from '../domain/engagement/engagement-brief';
import { summarizeEngagement } from '../domain/engagement/summarize-engagement';
import { leadDisplayName, type Lead } from '../domain/lead';
import { evaluateDefinition, RepEvidenceError, type Evaluation } from '../domain/qualification/evaluate-definition';
import { requiredEvidenceFor, type RepEvidence } from '../domain/qualification/rep-evidence';
import type { SqlDefinition } from '../domain/qualification/sql-definition';
import { selectSlaTier } from '../domain/sla/apply-sla-policy';
import { computeSlaStatus } from '../domain/sla/compute-sla-status';
import type { SlaPolicy, SlaRules } from '../domain/sla/sla-policy';
import type { LeadPanelView, OutcomeView, QualificationView, SlaInputs } from '../messaging/panel-protocol';

/**
 * The lead panel's view model, built in the background from what only the background holds: the
 * lead context (cached), the team's rules and the rep's evidence. The panel renders it and keeps
 * nothing but the SLA countdown live (it gets computeSlaStatus's inputs). Pure: `now` is a parameter.
 *
 * The same facts back the disposition (dispositionFacts): what is recorded with the rep's
 * decision is computed here at save time, never taken from the panel.
 */

export interface PanelRules {
  definition: SqlDefinition;
  slaPolicy: SlaPolicy;
  reasons: DispositionReasonList;
  leadStatusMapping: LeadStatusMapping;
  attemptPolicy: AttemptPolicy;
}

export interface PanelViewInput {
  context: LeadContext;
  rules: PanelRules;
  evidence: RepEvidence;
  now: number;
  /** The CRM's labels for its lead-status values (value → label); empty or absent: none known. */
  leadStatusLabels?: ReadonlyMap<string, string>;
}

/** Invalid stored evidence must not blank the checklist: evaluate without it and say so. */
export function evaluateWithEvidence(
  definition: SqlDefinition,
  context: Pick<LeadContext, 'lead' | 'events'>,
  evidence: RepEvidence,
  now: number,
): { evaluation: Evaluation; evidenceProblem: string | null } {
  const { lead, events } = context;
  try {
    return { evaluation: evaluateDefinition(definition, { lead, events, repEvidence: evidence, now }), evidenceProblem: null };
  } catch (err) {
    if (!(err instanceof RepEvidenceError)) throw err;
    return { evaluation: evaluateDefinition(definition, { lead, events, now }), evidenceProblem: `Your recorded evidence no longer fits the definition and was set aside: ${err.message}` };
  }
}

export function toQualificationView(definition: SqlDefinition, { evaluation, evidenceProblem }: { evaluation: Evaluation; evidenceProblem: string | null }): QualificationView {
  return {
    definitionId: evaluation.definitionId,
    definitionVersion: evaluation.definitionVersion,
    definitionName: definition.name,
    criteria: evaluation.criteria.map((c) => ({
      id: c.id,
      label: c.label,
      group: c.group,
      status: c.status,
      decidedBy: c.decidedBy,
      evidence: c.evidence,
      explanation: c.explanation,
      ...(c.source === undefined ? {} : { source: c.source }),
      // The rule's own wording without its JSON example: the evidence form speaks to a rep.
      needs: requiredEvidenceFor(c.id).describe.replace(/, e\.g\..*$/, ''),
    })),
    verdict: evaluation.verdict,
    evidenceProblem,
  };
}

/**
 * The SLA engine's inputs for the countdown. The tier is chosen here, once, with the policy's
 * rules; the panel gets only that tier (without its rule, so it always applies) and no segments:
 * it times the lead exactly as computeSlaStatus does here, every second, without the rule matching.
 */
export function toSlaInputs(policy: SlaPolicy, context: Pick<LeadContext, 'lead' | 'touches'>): SlaInputs {
  const { lead, touches } = context;
  const { tier } = selectSlaTier(policy, lead);
  const { when: _rule, ...chosen } = tier;
  const rules: SlaRules = { id: policy.id, version: policy.version, calendar: policy.calendar, clock: policy.clock, segments: [], tiers: [chosen], defaultTierId: chosen.id };
  return {
    lead: {
      owner: lead.owner ? { id: lead.owner.id } : null,
      ownerAssignedAt: lead.ownerAssignedAt,
      handedOffAt: lead.handedOffAt,
      createdAt: lead.createdAt,
      employees: lead.employees,
      recentConversion: lead.recentConversion,
      firstConversion: lead.firstConversion,
      source: lead.source,
      lifecycleStage: lead.lifecycleStage,
    },
    touches,
    policy: rules,
  };
}

/** The brief for this lead at `now`, with the agreed next step of its SLA tier. */
export function briefFor(policy: SlaPolicy, context: Pick<LeadContext, 'lead' | 'events'>, now: number): EngagementBrief {
  const { tier } = selectSlaTier(policy, context.lead);
  return summarizeEngagement({ lead: context.lead, events: context.events, now, nextStep: { label: tier.nextStep, tier: tier.label } });
}

/** The brief as plain lines, for the note written to the CRM with the disposition. */
export function briefLines(brief: EngagementBrief): string[] {
  return [
    brief.trigger.text,
    ...brief.theirWords.slice(0, 5).map((q) => `${q.question}: ${q.answer}`),
    ...(brief.interests.length ? [`Interests: ${brief.interests.map((i) => i.label).join(', ')}`] : []),
    ...brief.objections.map((o) => `Likely objection: ${o.label}`),
    ...(brief.nextStep ? [`Agreed next step: ${brief.nextStep.label}`] : []),
    `Opener: ${brief.opener.text}`,
  ].map((line) => line.slice(0, 2000));
}

/** Each outcome's (and reason's) CRM lead status, from the writer's own mapping function. */
function outcomeView(rules: PanelRules, labels: ReadonlyMap<string, string>): OutcomeView {
  const { reasons, leadStatusMapping: mapping } = rules;
  const choices = [
    { outcome: 'accepted', acceptedStage: 'working', reasonId: null },
    { outcome: 'accepted', acceptedStage: 'opportunity_created', reasonId: null },
    ...(['recycled', 'rejected'] as const).flatMap((outcome) => [
      { outcome, acceptedStage: null, reasonId: null },
      ...reasons.reasons.filter((r) => r.appliesTo.includes(outcome)).map((r) => ({ outcome, acceptedStage: null, reasonId: r.id })),
    ]),
  ] as const;
  return {
    reasons: reasons.reasons.map((r) => ({ id: r.id, label: r.label, appliesTo: r.appliesTo, requiresAttempts: r.requiresAttempts, active: r.active })),
    objectionTags: reasons.objectionTags.map((t) => ({ id: t.id, label: t.label, active: t.active })),
    leadStatuses: choices.map((c) => {
      const leadStatus = toLeadStatus(c, mapping);
      const label = labels.get(leadStatus);
      return { ...c, leadStatus, ...(label === undefined ? {} : { leadStatusLabel: label }) };
    }),
    unreachableAfterAttempts: rules.attemptPolicy.unreachableAfterAttempts,
    definitionLabel: `${rules.definition.name} v${String(rules.definition.version)}`,
  };
}

function headerOf(lead: Lead, labels: ReadonlyMap<string, string>): LeadPanelView['lead'] {
  const leadStatusLabel = lead.leadStatus === null ? undefined : labels.get(lead.leadStatus);
  return {
    ...(leadStatusLabel === undefined ? {} : { leadStatusLabel }),
    ref: { crm: lead.ref.crm, id: lead.ref.id },
    name: leadDisplayName(lead),
    jobTitle: lead.jobTitle,
    company: lead.company,
    industry: lead.industry,
    employees: lead.employees,
    country: lead.country,
    lifecycleStage: lead.lifecycleStage,
    leadStatus: lead.leadStatus,
    owner: lead.owner,
    ownerAssignedAt: lead.ownerAssignedAt,
    ownerAssignedBy: lead.ownerAssignedBy,
    source: lead.source,
    sourceDetail: lead.sourceDetail,
    campaign: lead.campaign,
  };
}

export function buildPanelView({ context, rules, evidence, now, leadStatusLabels = new Map() }: PanelViewInput): LeadPanelView {
  const brief = briefFor(rules.slaPolicy, context, now);
  return {
    lead: headerOf(context.lead, leadStatusLabels),
    fetchedAt: context.fetchedAt,
    sources: context.sources,
    events: context.events,
    brief,
    qualification: toQualificationView(rules.definition, evaluateWithEvidence(rules.definition, context, evidence, now)),
    sla: toSlaInputs(rules.slaPolicy, context),
    outcome: outcomeView(rules, leadStatusLabels),
    recorded: recordedInCrm(context, rules.reasons),
  };
}

/** The disposition the CRM holds (any rep's), in a rep's words with today's reason labels. */
function recordedInCrm(context: Pick<LeadContext, 'recordedDisposition'>, reasons: DispositionReasonList): LeadPanelView['recorded'] {
  const recorded = context.recordedDisposition ?? null;
  if (!recorded) return null;
  return describeRecordedDisposition(recorded, new Map(reasons.reasons.map((r) => [r.id, r.label] as const)));
}

/** Fields of a disposition the rep decides; everything else is stated by the background. */
const REP_FIELDS = ['outcome', 'acceptedStage', 'reasonId', 'recycleAt', 'objections', 'note'] as const;

/**
 * The disposition as recorded: the rep's decision from the panel's draft, plus what the rep was
 * shown, computed here from the lead context, the rules and the rep's evidence at save time
 * (the panel is not trusted to state its own checklist, verdict or SLA outcome). Without a
 * context (the CRM cannot be read right now) the decision is still recorded, against the
 * definition in force, with no checklist, verdict or SLA outcome rather than invented ones.
 */
export function dispositionFacts(
  draft: Record<string, unknown>,
  input: { context: LeadContext | null; rules: Pick<PanelRules, 'definition' | 'slaPolicy'>; evidence: RepEvidence; now: number },
): { draft: Omit<DispositionInput, 'lead'>; brief: string[] } {
  const decided = Object.fromEntries(REP_FIELDS.filter((k) => k in draft).map((k) => [k, draft[k]])) as Pick<DispositionInput, (typeof REP_FIELDS)[number]>;
  const { context, rules, evidence, now } = input;
  if (!context) {
    return {
      draft: { ...decided, rep: { id: 'unknown', name: null }, definitionId: rules.definition.id, definitionVersion: rules.definition.version, checklist: [], verdict: null, sla: null, responseTimeMs: null },
      brief: [],
    };
  }
  const { lead, touches } = context;
  const { evaluation } = evaluateWithEvidence(rules.definition, context, evidence, now);
  const sla = computeSlaStatus({ lead, touches, policy: rules.slaPolicy, now });
  const responseTimeMs = sla.responseTime ? Math.round(sla.responseTime.businessMs) : null;
  return {
    draft: {
      ...decided,
      rep: { id: lead.owner?.id ?? 'unknown', name: lead.owner?.name ?? null },
      definitionId: evaluation.definitionId,
      definitionVersion: evaluation.definitionVersion,
      checklist: snapshotChecklist(evaluation),
      verdict: evaluation.verdict.kind,
      sla: { state: sla.state, responseTimeMs, tier: { id: sla.tier.id, label: sla.tier.label } },
      responseTimeMs,
    },
    brief: briefLines(briefFor(rules.slaPolicy, context, now)),
  };
}
