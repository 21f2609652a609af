import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { EngagementEvent } from '../../../lib/domain/engagement/engagement-event';
import type { Lead } from '../../../lib/domain/lead';
import { backtestDefinition } from '../../../lib/domain/qualification/backtest-definition';
import type { PastLead } from '../../../lib/domain/qualification/backtest-definition';
import { DEFAULT_SQL_DEFINITION } from '../../../lib/domain/qualification/default-sql-definition';
import { evaluateDefinition } from '../../../lib/domain/qualification/evaluate-definition';
import type { RepEvidence } from '../../../lib/domain/qualification/rep-evidence';
import { STRICT_SQL_DEFINITION } from '../../../lib/domain/qualification/strict-sql-definition';
import { DAY, NOW, makeLead } from './make-lead';

const definitions = fc.constantFrom(DEFAULT_SQL_DEFINITION, STRICT_SQL_DEFINITION);

const leadArb: fc.Arbitrary<Lead> = fc
  .record({
    jobTitle: fc.option(fc.constantFrom('VP Sales', 'CEO', 'Marketing Coordinator', 'Head of Growth', 'Engineer', 'Director of RevOps')),
    email: fc.option(fc.constantFrom('a@acme.example', 'b@gmail.com', 'c@gong.io', 'd@uni.edu', 'e@corp.example')),
    employees: fc.option(fc.integer({ min: 0, max: 20000 })),
    industry: fc.option(fc.constantFrom('Software', 'Retail', 'Financial Services', 'SaaS')),
    country: fc.option(fc.constantFrom('US', 'United Kingdom', 'Brazil', 'Russia', 'DE', 'Iran')),
    budget: fc.option(fc.constantFrom('$40k', 'no budget', '€10,000', '3000 USD', 'TBD')),
    need: fc.option(fc.constantFrom('Slow follow-up', 'Attribution')),
    timeline: fc.option(fc.constantFrom('this quarter', 'within 6 months', '2027-01-10', 'just researching')),
  })
  .map((r) =>
    makeLead({
      jobTitle: r.jobTitle,
      email: r.email,
      employees: r.employees,
      industry: r.industry,
      country: r.country,
      formAnswers: [
        ...(r.budget ? [{ question: 'Budget', answer: r.budget, answeredAt: NOW - DAY, form: null }] : []),
        ...(r.need ? [{ question: 'Biggest challenge', answer: r.need, answeredAt: NOW - 2 * DAY, form: null }] : []),
        ...(r.timeline ? [{ question: 'Timeline', answer: r.timeline, answeredAt: NOW - DAY, form: null }] : []),
      ],
    }),
  );

const eventArb: fc.Arbitrary<EngagementEvent> = fc.record({
  id: fc.integer({ min: 0, max: 60 }).map((n) => `e${n}`),
  kind: fc.constantFrom('page_view', 'form_submission', 'content_download', 'email_opened'),
  occurredAt: fc.integer({ min: NOW - 100 * DAY, max: NOW + DAY }),
  source: fc.constant('prop'),
  url: fc.constantFrom('https://x.example/pricing', 'https://x.example/blog'),
  title: fc.constantFrom('Demo request', 'Ebook', 'Pricing'),
  likelyBot: fc.boolean(),
});
const eventsArb = fc.array(eventArb, { maxLength: 25 });

/** Rep evidence on criteria without constraints the definition re-checks (so the rep's status must stand). */
const repArb: fc.Arbitrary<RepEvidence> = fc
  .record(
    {
      authority: fc.constantFrom({ status: 'met' as const, evidence: { name: 'Jordan', role: 'CRO' } }, { status: 'unmet' as const }),
      need: fc.constantFrom({ status: 'met' as const, evidence: { problem: 'Slow' } }, { status: 'unmet' as const }),
      engagement: fc.constantFrom({ status: 'met' as const, evidence: { note: 'Asked on a call' } }, { status: 'unmet' as const }),
      'fit.employees': fc.constantFrom({ status: 'met' as const, evidence: { note: 'Checked LinkedIn' } }, { status: 'unmet' as const }),
    },
    { requiredKeys: [] },
  )
  .map((r) => r as RepEvidence);

describe('evaluateDefinition properties', () => {
  test('the same input gives the same answer, whatever the event order', () => {
    fc.assert(
      fc.property(definitions, leadArb, eventsArb, repArb, fc.integer({ min: 0, max: 1000 }), (def, lead, events, repEvidence, seed) => {
        const a = evaluateDefinition(def, { lead, events, repEvidence, now: NOW });
        const b = evaluateDefinition(def, { lead: structuredClone(lead), events: structuredClone(events), repEvidence, now: NOW });
        const shuffled = [...events].sort((x, y) => ((x.occurredAt * 31 + seed) % 97) - ((y.occurredAt * 31 + seed) % 97) || (x.id < y.id ? 1 : -1));
        const c = evaluateDefinition(def, { lead, events: shuffled, repEvidence, now: NOW });
        expect(b).toEqual(a);
        expect(c).toEqual(a);
        expect(JSON.stringify(c)).toBe(JSON.stringify(a));
      }),
      { numRuns: 200 },
    );
  });

  test('rep evidence overrides the automatic decision', () => {
    fc.assert(
      fc.property(definitions, leadArb, eventsArb, repArb, (def, lead, events, repEvidence) => {
        const result = evaluateDefinition(def, { lead, events, repEvidence, now: NOW });
        for (const [id, entry] of Object.entries(repEvidence)) {
          const c = result.criteria.find((x) => x.id === id);
          if (!c) continue; // criterion not configured by this definition
          expect(c.decidedBy).toBe('rep');
          expect(c.status).toBe(entry.status);
        }
      }),
      { numRuns: 200 },
    );
  });

  test('any disqualifier that fires gives a disqualified verdict, whatever else holds', () => {
    const disqualifying = fc.constantFrom<Partial<Lead>>({ email: 'x@gong.io' }, { email: 'x@gmail.com' }, { email: 'x@cs.mit.edu' }, { country: 'RU' }, { country: 'North Korea' });
    fc.assert(
      fc.property(definitions, leadArb, eventsArb, repArb, disqualifying, (def, lead, events, repEvidence, over) => {
        const result = evaluateDefinition(def, { lead: { ...lead, ...over }, events, repEvidence, now: NOW });
        expect(result.verdict.kind).toBe('disqualified');
        const fired = result.criteria.filter((c) => c.group === 'disqualifier' && c.status === 'unmet').map((c) => c.id);
        expect(fired).toContain(result.verdict.kind === 'disqualified' ? result.verdict.rule : '');
      }),
      { numRuns: 200 },
    );
  });

  test('sales-qualified exactly when no disqualifier fires and every required criterion is met', () => {
    fc.assert(
      fc.property(definitions, leadArb, eventsArb, repArb, (def, lead, events, repEvidence) => {
        const r = evaluateDefinition(def, { lead, events, repEvidence, now: NOW });
        const noDisq = r.criteria.every((c) => c.group !== 'disqualifier' || c.status !== 'unmet');
        const allRequired = def.required.every((id) => r.criteria.find((c) => c.id === id)?.status === 'met');
        expect(r.verdict.kind === 'sales_qualified').toBe(noDisq && allRequired);
      }),
      { numRuns: 200 },
    );
  });
});

describe('backtest properties', () => {
  const pastArb: fc.Arbitrary<PastLead> = fc
    .record({ lead: leadArb, events: eventsArb, opp: fc.boolean(), won: fc.option(fc.boolean(), { nil: undefined }) })
    .map(({ lead, events, opp, won }) => ({
      lead,
      events,
      outcome: { opportunityCreated: opp, ...(opp && won !== undefined ? { won } : {}) },
      evaluatedAt: NOW,
    }));
  test('confusion counts add up and precision/recall stay in [0, 1] (or are undefined)', () => {
    fc.assert(
      fc.property(definitions, fc.array(pastArb, { maxLength: 30 }), (def, leads) => {
        const r = backtestDefinition(def, leads);
        const o = r.opportunity.confusion;
        expect(o.tp + o.fp + o.tn + o.fn).toBe(leads.length);
        expect(r.passed + r.notYet + r.disqualified).toBe(leads.length);
        expect(o.tp + o.fp).toBe(r.passed);
        const w = r.won.confusion;
        expect(w.tp + w.fp + w.tn + w.fn).toBe(r.won.n);
        for (const x of [r.opportunity.precision, r.opportunity.recall, r.won.precision, r.won.recall]) {
          if (x !== null) {
            expect(x).toBeGreaterThanOrEqual(0);
            expect(x).toBeLessThanOrEqual(1);
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});
