import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { buildPanelView, dispositionFacts, type PanelRules } from '../../lib/background/panel-view';
import type { LeadContext } from '../../lib/crm/crm-port';
import { DEFAULT_LEAD_STATUS_MAPPING } from '../../lib/crm/hubspot/lead-status-mapping';
import { DEFAULT_DISPOSITION_REASONS } from '../../lib/domain/disposition/disposition-reasons';
import { DEFAULT_SQL_DEFINITION } from '../../lib/domain/qualification/default-sql-definition';
import { computeSlaStatus } from '../../lib/domain/sla/compute-sla-status';
import { defaultSlaPolicy } from '../../lib/domain/sla/default-sla-policy';
import { leadPanelViewSchema } from '../../lib/messaging/panel-protocol';
import { at, HOUR, makeLead, makeTouch, MINUTE } from '../domain/sla/make-lead';

const RULES: PanelRules = {
  definition: DEFAULT_SQL_DEFINITION,
  slaPolicy: defaultSlaPolicy,
  reasons: DEFAULT_DISPOSITION_REASONS,
  leadStatusMapping: DEFAULT_LEAD_STATUS_MAPPING,
  attemptPolicy: { unreachableAfterAttempts: 3 },
};

const ASSIGNED = at('2026-11-23T10:00:00-05:00'); // a Monday, open
const owner = { id: '81300101', name: 'Maya Chen', email: null };
const demoLead = makeLead({
  owner,
  ownerAssignedAt: ASSIGNED,
  employees: 250,
  recentConversion: { name: 'Request a Demo', at: ASSIGNED - MINUTE },
  formAnswers: [{ question: 'What is your biggest challenge?', answer: 'Leads go cold', answeredAt: ASSIGNED - MINUTE, form: 'Demo request' }],
});
const context = (over: Partial<LeadContext> = {}): LeadContext => ({
  lead: demoLead,
  events: [
    { id: 'f1', kind: 'form_submission', occurredAt: ASSIGNED - MINUTE, source: 'hubspot-forms', title: 'Request a Demo', answers: { 'What is your biggest challenge?': 'Leads go cold' } },
    { id: 'p1', kind: 'page_view', occurredAt: ASSIGNED - 5 * MINUTE, source: 'hubspot-web-analytics', url: 'https://example.com/pricing', title: 'Pricing' },
  ],
  touches: [],
  sources: [{ source: 'hubspot-email', label: 'Marketing email', status: 'unavailable', message: 'needs the content scope' }],
  fetchedAt: ASSIGNED,
  ...over,
});

describe('the panel view model', () => {
  it('is what the panel contract accepts, for the panel to validate every answer with', () => {
    const view = buildPanelView({ context: context(), rules: RULES, evidence: {}, now: ASSIGNED + MINUTE });
    const parsed = z.safeParse(leadPanelViewSchema, JSON.parse(JSON.stringify(view)));
    expect(parsed.success ? null : parsed.error.issues).toBeNull();
    expect(view.lead).toMatchObject({ name: 'Ada Lovelace', ref: { id: 'lead-1' }, owner });
    expect(view.sources).toHaveLength(1);
    expect(view.events.map((e) => e.id)).toEqual(['f1', 'p1']);
    // The brief still links its statements to the timeline's events.
    expect(view.brief.trigger.eventIds).toContain('f1');
    expect(view.brief.nextStep).toMatchObject({ label: 'Book the demo', tier: 'Demo request' });
    expect(view.outcome.definitionLabel).toBe(`${DEFAULT_SQL_DEFINITION.name} v${String(DEFAULT_SQL_DEFINITION.version)}`);
  });

  it('gives the countdown the inputs that time the lead exactly as the full policy does, at every instant', () => {
    const touches = [makeTouch({ occurredAt: ASSIGNED + 30 * MINUTE, kind: 'call', ownerId: owner.id })];
    const { sla } = buildPanelView({ context: context({ touches }), rules: RULES, evidence: {}, now: ASSIGNED });
    expect(sla.policy.tiers).toHaveLength(1);
    expect(sla.policy.tiers[0]).toMatchObject({ id: 'demo-request' });
    for (const now of [ASSIGNED - MINUTE, ASSIGNED, ASSIGNED + 2 * MINUTE, ASSIGNED + 4 * MINUTE, ASSIGNED + 20 * MINUTE, ASSIGNED + 40 * MINUTE, at('2026-11-24T12:00:00-05:00')]) {
      const full = computeSlaStatus({ lead: demoLead, touches, policy: defaultSlaPolicy, now });
      const panel = computeSlaStatus({ ...sla, now });
      // Everything but the segment (the panel does not need it) is the same.
      expect({ ...panel, segment: full.segment }).toEqual(full);
    }
  });

  it("carries each touch's direction across the contract, so the panel's countdown is not stopped by the lead's own reply", () => {
    const touches = [
      makeTouch({ occurredAt: ASSIGNED + MINUTE, kind: 'email', ownerId: owner.id, direction: 'inbound' }),
      makeTouch({ occurredAt: ASSIGNED + 30 * MINUTE, kind: 'call', ownerId: owner.id, direction: 'outbound' }),
    ];
    const view = buildPanelView({ context: context({ touches }), rules: RULES, evidence: {}, now: ASSIGNED });
    // What the panel gets: JSON through the message channel, validated with the zod/mini schema.
    const parsed = z.parse(leadPanelViewSchema, JSON.parse(JSON.stringify(view)));
    expect(parsed.sla.touches.map((t) => t.direction)).toEqual(['inbound', 'outbound']);
    const panel = computeSlaStatus({ ...parsed.sla, now: ASSIGNED + 3 * MINUTE });
    expect(panel).toMatchObject({ state: 'at_risk', firstTouch: null, clockStoppedAt: null });
    expect(computeSlaStatus({ ...parsed.sla, now: ASSIGNED + HOUR }).clockStoppedAt).toBe(ASSIGNED + 30 * MINUTE);

    const { direction: _dropped, ...undirected } = view.sla.touches[0]!;
    const withoutDirection = { ...view, sla: { ...view.sla, touches: [undirected] } };
    expect(z.safeParse(leadPanelViewSchema, JSON.parse(JSON.stringify(withoutDirection))).success).toBe(false);
  });

  it('re-evaluates the checklist with the rep evidence, and sets invalid stored evidence aside with a reason', () => {
    const withNeed = buildPanelView({ context: context(), rules: RULES, evidence: { need: { status: 'met', evidence: { problem: 'Leads go cold' } } }, now: ASSIGNED });
    expect(withNeed.qualification.criteria.find((c) => c.id === 'need')).toMatchObject({ status: 'met', decidedBy: 'rep' });
    expect(withNeed.qualification.evidenceProblem).toBeNull();
    expect(withNeed.qualification.criteria.find((c) => c.id === 'budget')?.needs).toBe('an amount and a currency');

    const broken = buildPanelView({ context: context(), rules: RULES, evidence: { budget: { status: 'met' } }, now: ASSIGNED });
    expect(broken.qualification.evidenceProblem).toMatch(/set aside: .*budget/);
    expect(broken.qualification.criteria.find((c) => c.id === 'budget')).toMatchObject({ decidedBy: 'auto' });
  });

  it('says which CRM lead status each outcome and reason writes, from the admin mapping', () => {
    const mapping = { ...DEFAULT_LEAD_STATUS_MAPPING, rejected: 'NOPE', unreachable: 'GHOSTED', opportunityCreated: 'DEAL' };
    const { outcome } = buildPanelView({ context: context(), rules: { ...RULES, leadStatusMapping: mapping }, evidence: {}, now: ASSIGNED });
    const find = (o: string, stage: string | null, reason: string | null) => outcome.leadStatuses.find((s) => s.outcome === o && s.acceptedStage === stage && s.reasonId === reason)?.leadStatus;
    expect(find('accepted', 'opportunity_created', null)).toBe('DEAL');
    expect(find('rejected', null, 'competitor')).toBe('NOPE');
    expect(find('rejected', null, 'unreachable')).toBe('GHOSTED');
    expect(outcome.reasons.find((r) => r.id === 'unreachable')).toMatchObject({ requiresAttempts: true });
    expect(outcome.unreachableAfterAttempts).toBe(3);
  });
});

describe('dispositionFacts', () => {
  it('keeps only what the rep decides from the draft', () => {
    const { draft, brief } = dispositionFacts(
      { outcome: 'rejected', reasonId: 'competitor', note: 'Uses a rival', verdict: 'sales_qualified', checklist: [], rep: { id: 'x' }, sla: { state: 'met' } },
      { context: context(), rules: RULES, evidence: {}, now: ASSIGNED + 10 * MINUTE },
    );
    expect(draft).toMatchObject({ outcome: 'rejected', reasonId: 'competitor', note: 'Uses a rival', rep: { id: owner.id, name: owner.name } });
    expect(draft.checklist?.length).toBeGreaterThan(0);
    // Untouched 10 business minutes after assignment: the 5-minute demo tier is breached.
    expect(draft.sla).toMatchObject({ state: 'breached', tier: { id: 'demo-request' } });
    expect(brief).toContain('What is your biggest challenge?: Leads go cold');
  });
});
