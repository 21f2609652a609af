import { describe, expect, test } from 'vitest';
import { backtestDefinition, compareDefinitions } from '../../../lib/domain/qualification/backtest-definition';
import type { PastLead } from '../../../lib/domain/qualification/backtest-definition';
import { DEFAULT_SQL_DEFINITION } from '../../../lib/domain/qualification/default-sql-definition';
import { STRICT_SQL_DEFINITION } from '../../../lib/domain/qualification/strict-sql-definition';
import { NOW, answer, demoRequest, makeLead } from './make-lead';

const need = [answer('Biggest challenge', 'Slow follow-up')];
function past(id: string, over: Parameters<typeof makeLead>[0], outcome: PastLead['outcome'], qualifiedSignal = true): PastLead {
  return { lead: makeLead({ ref: { crm: 'hubspot', account: '1', id, objectType: 'contact' }, formAnswers: need, ...over }), events: qualifiedSignal ? [demoRequest(1)] : [], outcome, evaluatedAt: NOW };
}

// Passes default: A (opp, won), B (opp, lost), C (no opp). Fails: D (opp, won — a lost deal for the definition), E (gmail, no opp), F (opp still open).
const leads: PastLead[] = [
  past('A', {}, { opportunityCreated: true, won: true, amount: 50000 }),
  past('B', {}, { opportunityCreated: true, won: false }),
  past('C', {}, { opportunityCreated: false }),
  past('D', { jobTitle: 'Analyst' }, { opportunityCreated: true, won: true }),
  past('E', { email: 'e@gmail.com' }, { opportunityCreated: false }),
  past('F', {}, { opportunityCreated: true }, false),
];

describe('backtestDefinition', () => {
  const r = backtestDefinition(DEFAULT_SQL_DEFINITION, leads);
  test('counts verdicts and the reasons behind them', () => {
    expect(r).toMatchObject({ definitionId: 'baton-default-sql', definitionVersion: 2, total: 6, passed: 3, notYet: 2, disqualified: 1 });
    expect(r.disqualifiedBy).toEqual({ 'disq.personal_email': 1 });
    expect(r.missingBy).toEqual({ authority: 1, engagement: 1, 'fit.title': 1 }); // 'Analyst' is neither a decision maker nor a title we sell to
  });
  test('precision and recall against "opportunity created"', () => {
    expect(r.opportunity).toEqual({ n: 6, confusion: { tp: 2, fp: 1, tn: 1, fn: 2 }, precision: 0.6667, recall: 0.5 });
  });
  test('"won" scores leave out open opportunities and count no-opportunity leads as not won', () => {
    expect(r.won).toEqual({ n: 5, confusion: { tp: 1, fp: 2, tn: 1, fn: 1 }, precision: 0.3333, recall: 0.5 });
  });
  test('precision is undefined (null), not zero, when nothing passes', () => {
    const none = backtestDefinition(DEFAULT_SQL_DEFINITION, [leads[4]!]);
    expect(none.opportunity.precision).toBeNull();
    expect(none.opportunity.recall).toBeNull();
    expect(backtestDefinition(DEFAULT_SQL_DEFINITION, []).total).toBe(0);
  });
});

describe('compareDefinitions', () => {
  test('lists the leads that flip and the deltas', () => {
    const withBudget = leads.map((l) => (l.lead.ref.id === 'A' ? { ...l, lead: { ...l.lead, industry: 'SaaS', formAnswers: [...need, answer('Budget', '$60k'), answer('Timeline', 'next month')] } } : l));
    const c = compareDefinitions(DEFAULT_SQL_DEFINITION, STRICT_SQL_DEFINITION, withBudget);
    expect(c.base.passed).toBe(3);
    expect(c.candidate.passed).toBe(1);
    expect(c.flips.map((f) => [f.key, f.from, f.to, f.change])).toEqual([
      ['hubspot:1:B', 'sales_qualified', 'not_yet', 'no_longer_passes'],
      ['hubspot:1:C', 'sales_qualified', 'not_yet', 'no_longer_passes'],
    ]);
    expect(c.deltas).toEqual({ passed: -2, opportunityPrecision: 0.3333, opportunityRecall: -0.25, wonPrecision: 0.6667, wonRecall: 0 });
  });
});
