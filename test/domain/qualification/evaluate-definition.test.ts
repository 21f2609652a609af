import { describe, expect, test } from 'vitest';
import { DEFAULT_SQL_DEFINITION } from '../../../lib/domain/qualification/default-sql-definition';
import { evaluateDefinition, RepEvidenceError } from '../../../lib/domain/qualification/evaluate-definition';
import type { CriterionResult, EvaluationInput } from '../../../lib/domain/qualification/evaluate-definition';
import { STRICT_SQL_DEFINITION } from '../../../lib/domain/qualification/strict-sql-definition';
import type { SqlDefinition } from '../../../lib/domain/qualification/sql-definition';
import { DAY, NOW, answer, demoRequest, event, makeLead, pricingVisit, qualifiedInput } from './make-lead';

const def = DEFAULT_SQL_DEFINITION;

function criterion(input: EvaluationInput, id: string, definition: SqlDefinition = def): CriterionResult {
  const found = evaluateDefinition(definition, input).criteria.find((c) => c.id === id);
  if (!found) throw new Error(`no criterion ${id}`);
  return found;
}

describe('overall verdict', () => {
  test('a lead meeting every required criterion is sales-qualified, with the definition version', () => {
    const result = evaluateDefinition(def, qualifiedInput());
    expect(result.verdict).toEqual({ kind: 'sales_qualified' });
    expect(result.definitionVersion).toBe(2);
    expect(result.definitionId).toBe('baton-default-sql');
    expect(result.evaluatedAt).toBe(NOW);
  });

  test('missing criteria are listed in the order the definition requires them', () => {
    const input = { ...qualifiedInput(), events: [] };
    input.lead = makeLead({ jobTitle: 'Marketing Coordinator' });
    expect(evaluateDefinition(def, input).verdict).toEqual({ kind: 'not_yet', missing: ['need', 'authority', 'engagement'] });
  });

  test('a disqualifier wins over everything else and names the rule and the data', () => {
    const input = qualifiedInput();
    input.lead = { ...input.lead, email: 'dana@gmail.com' };
    expect(evaluateDefinition(def, input).verdict).toEqual({
      kind: 'disqualified',
      rule: 'disq.personal_email',
      reason: "Email domain 'gmail.com' matches personal email domain 'gmail.com'",
    });
  });

  test('criteria come back in a fixed order: BANT, fit, engagement, disqualifiers', () => {
    expect(evaluateDefinition(def, qualifiedInput()).criteria.map((c) => c.id)).toEqual([
      'budget', 'authority', 'need', 'timeline', 'fit.employees', 'fit.title', 'fit.country', 'engagement',
      'disq.competitor', 'disq.personal_email', 'disq.student', 'disq.below_minimum', 'disq.wrong_geography',
    ]);
  });
});

describe('BANT: budget', () => {
  const withBudget = (text: string) => ({ lead: makeLead({ formAnswers: [answer('Budget for this project', text)] }), now: NOW });

  test('a form answer to the budget question gives amount and currency', () => {
    const c = criterion(withBudget('$40k per year'), 'budget');
    expect(c).toMatchObject({ status: 'met', decidedBy: 'auto', evidence: { amount: 40000, currency: 'USD' } });
    expect(c.explanation).toBe('Form answer "$40k per year" reads as 40,000 USD');
    expect(c.source).toBe('CRM form answer "Budget for this project"');
  });
  test('"no budget" and "TBD" state no budget (unmet); an answer with no amount is unknown', () => {
    expect(criterion(withBudget('No budget yet'), 'budget').status).toBe('unmet');
    expect(criterion(withBudget('TBD'), 'budget').status).toBe('unmet');
    expect(criterion(withBudget('Approved by the board'), 'budget').status).toBe('unknown');
  });
  test('an answered budget below the minimum is unmet and fires the minimum-deal-size disqualifier', () => {
    const input = withBudget('3,000 USD');
    expect(criterion(input, 'budget').status).toBe('unmet');
    const disq = criterion(input, 'disq.below_minimum');
    expect(disq.status).toBe('unmet');
    expect(disq.explanation).toBe('Form budget 3,000 USD is below the minimum deal size 5,000 USD');
  });
  test('a budget in another currency cannot be compared with the minimum: unknown, not guessed', () => {
    const input = withBudget('€50,000');
    expect(criterion(input, 'budget')).toMatchObject({ status: 'met', evidence: { amount: 50000, currency: 'EUR' } });
    expect(criterion(input, 'disq.below_minimum').status).toBe('unknown');
  });
  test('a question that does not match the pattern is ignored', () => {
    const input = { lead: makeLead({ formAnswers: [answer('Company size', '$40k')] }), now: NOW };
    expect(criterion(input, 'budget').status).toBe('unknown');
  });
  test('answers given after "now" are not known yet', () => {
    const input = { lead: makeLead({ formAnswers: [answer('Budget', '$40k', NOW + DAY)] }), now: NOW };
    expect(criterion(input, 'budget').status).toBe('unknown');
  });
  test('form answers inside engagement events count too, newest first', () => {
    const input = {
      lead: makeLead({ formAnswers: [answer('Budget', '$10k', NOW - 10 * DAY)] }),
      events: [demoRequest(1, { answers: { 'Budget range': '$60k' } })],
      now: NOW,
    };
    expect(criterion(input, 'budget').evidence).toEqual({ amount: 60000, currency: 'USD' });
  });
});

describe('BANT: authority', () => {
  test('a decision-maker title makes the lead the named authority', () => {
    const c = criterion({ lead: makeLead({ jobTitle: 'VP Sales' }), now: NOW }, 'authority');
    expect(c).toMatchObject({ status: 'met', decidedBy: 'auto', evidence: { name: 'Dana Kim', role: 'VP Sales' }, source: 'Record: job title' });
    // The explanation quotes the words that matched, not the admin's regex.
    expect(c.explanation).toBe(`Title 'VP Sales' names a decision-maker role ("VP")`);
    expect(criterion({ lead: makeLead({ jobTitle: 'Software Engineer' }), now: NOW }, 'authority').explanation).toBe(
      "Title 'Software Engineer' names no decision-maker role (reads as individual contributor, engineering); the rep must name the decision maker",
    );
  });
  test.each(['Chief Revenue Officer', 'CMO', 'Head of Growth', 'Co-Founder', 'Director, Sales Operations'])('"%s" is a decision maker', (title) => {
    expect(criterion({ lead: makeLead({ jobTitle: title }), now: NOW }, 'authority').status).toBe('met');
  });
  test.each(['Marketing Coordinator', 'Sales Development Rep', 'Account Executive'])('"%s" leaves authority for the rep', (title) => {
    expect(criterion({ lead: makeLead({ jobTitle: title }), now: NOW }, 'authority').status).toBe('unknown');
  });
  test('no title: unknown', () => {
    expect(criterion({ lead: makeLead({ jobTitle: null }), now: NOW }, 'authority').status).toBe('unknown');
  });
});

describe('BANT: need and timeline', () => {
  test('a stated problem meets need, verbatim', () => {
    const c = criterion({ lead: makeLead({ formAnswers: [answer('What problem are you solving?', '  Slow follow-up ')] }), now: NOW }, 'need');
    expect(c).toMatchObject({ status: 'met', evidence: { problem: 'Slow follow-up' } });
  });
  test('an empty answer does not state a need', () => {
    expect(criterion({ lead: makeLead({ formAnswers: [answer('Biggest challenge', '   ')] }), now: NOW }, 'need').status).toBe('unknown');
  });
  const withTimeline = (text: string) => ({ lead: makeLead({ formAnswers: [answer('Purchase timeline', text)] }), now: NOW });
  test('a date within the window is met; beyond it unmet (default: 180 days)', () => {
    expect(criterion(withTimeline('2027-03-01'), 'timeline')).toMatchObject({ status: 'met', evidence: { date: '2027-03-01' } });
    const late = criterion(withTimeline('2027-06-30'), 'timeline');
    expect(late.status).toBe('unmet');
    expect(late.explanation).toContain('beyond 180 days (2027-05-21)');
  });
  test('relative answers are read from the answer date', () => {
    expect(criterion(withTimeline('within 2 months'), 'timeline').evidence).toEqual({ date: '2027-01-21' });
    expect(criterion(withTimeline('this quarter'), 'timeline').evidence).toEqual({ date: '2026-12-31' });
  });
  test('"just researching" states no timeline', () => {
    expect(criterion(withTimeline('Just researching'), 'timeline').status).toBe('unmet');
  });
  test('the strict 90-day window rejects what the default accepts', () => {
    const input = withTimeline('2027-04-01');
    expect(criterion(input, 'timeline').status).toBe('met');
    expect(criterion(input, 'timeline', STRICT_SQL_DEFINITION).status).toBe('unmet');
  });
});

describe('fit', () => {
  test('employee range: inside, outside, unknown', () => {
    expect(criterion({ lead: makeLead({ employees: 20 }), now: NOW }, 'fit.employees').status).toBe('met');
    expect(criterion({ lead: makeLead({ employees: 19 }), now: NOW }, 'fit.employees').status).toBe('unmet');
    expect(criterion({ lead: makeLead({ employees: 5001 }), now: NOW }, 'fit.employees').explanation).toBe('5,001 employees is outside 20–5,000');
    expect(criterion({ lead: makeLead({ employees: null }), now: NOW }, 'fit.employees').status).toBe('unknown');
  });
  test('industry allow list ignores case and punctuation', () => {
    const s = STRICT_SQL_DEFINITION;
    expect(criterion({ lead: makeLead({ industry: 'COMPUTER_SOFTWARE' }), now: NOW }, 'fit.industry', s).status).toBe('met');
    expect(criterion({ lead: makeLead({ industry: 'Retail' }), now: NOW }, 'fit.industry', s).status).toBe('unmet');
    expect(criterion({ lead: makeLead({ industry: null }), now: NOW }, 'fit.industry', s).status).toBe('unknown');
  });
  test('title/function patterns', () => {
    const met = criterion({ lead: makeLead({ jobTitle: 'Revenue Operations Manager' }), now: NOW }, 'fit.title');
    expect(met.status).toBe('met');
    expect(met.explanation).toMatch(/^Title 'Revenue Operations Manager' is a role we sell to \("[^"\\]+"\)$/);
    expect(criterion({ lead: makeLead({ jobTitle: 'Software Engineer' }), now: NOW }, 'fit.title').status).toBe('unmet');
  });
  test('countries: blocked list (default) and allow list (strict), names and codes alike', () => {
    expect(criterion({ lead: makeLead({ country: 'Russia' }), now: NOW }, 'fit.country').status).toBe('unmet');
    expect(criterion({ lead: makeLead({ country: 'Brazil' }), now: NOW }, 'fit.country').status).toBe('met');
    expect(criterion({ lead: makeLead({ country: 'Brazil' }), now: NOW }, 'fit.country', STRICT_SQL_DEFINITION).status).toBe('unmet');
    expect(criterion({ lead: makeLead({ country: 'United Kingdom' }), now: NOW }, 'fit.country', STRICT_SQL_DEFINITION).status).toBe('met');
  });
});

describe('engagement signals (any of)', () => {
  const engagement = (events: EvaluationInput['events']) => criterion({ lead: makeLead(), events, now: NOW }, 'engagement');
  test('a demo-request form submission meets it', () => {
    const c = engagement([demoRequest(2)]);
    expect(c.status).toBe('met');
    expect(c.explanation).toBe('Signal met: Demo request (1 event)');
  });
  test('a form that is not a demo request does not', () => {
    expect(engagement([demoRequest(2, { title: 'Newsletter signup' })]).status).toBe('unmet');
  });
  test('3 pricing visits within 30 days meet it; 2, or 3 with one too old, do not', () => {
    const met = engagement([pricingVisit(1), pricingVisit(5), pricingVisit(29)]);
    expect(met.status).toBe('met');
    expect(met.source).toBe('Engagement: 3 pricing page visits');
    expect(engagement([pricingVisit(1), pricingVisit(5)]).status).toBe('unmet');
    expect(engagement([pricingVisit(1), pricingVisit(5), pricingVisit(31)]).status).toBe('unmet');
  });
  test('visits to other pages, future events, bot events and duplicate deliveries do not count', () => {
    const dup = pricingVisit(3);
    expect(engagement([pricingVisit(1), pricingVisit(2, { url: 'https://baton.example/blog' }), pricingVisit(-1), pricingVisit(2, { likelyBot: true }), dup, dup]).status).toBe('unmet');
  });
  test('two content downloads meet the content pattern; one does not', () => {
    expect(engagement([event('content_download', 3), event('content_download', 10)]).status).toBe('met');
    expect(engagement([event('content_download', 3)]).status).toBe('unmet');
  });
  test('the evidence lists every signal with its count', () => {
    const c = engagement([pricingVisit(1)]);
    expect(c.evidence).toMatchObject({ signals: [{ id: 'demo_request', count: 0 }, { id: 'pricing_visits', count: 1, minCount: 3 }, { id: 'content_pattern', count: 0 }] });
  });
});

describe('disqualifiers', () => {
  const status = (over: Parameters<typeof makeLead>[0], id: string) => criterion({ lead: makeLead(over), now: NOW }, id).status;
  test('competitor domain (and its subdomains)', () => {
    expect(status({ email: 'pat@gong.io' }, 'disq.competitor')).toBe('unmet');
    expect(status({ email: 'pat@eu.gong.io' }, 'disq.competitor')).toBe('unmet');
    expect(status({ email: 'pat@notgong.io' }, 'disq.competitor')).toBe('met');
  });
  test('personal email domains', () => {
    expect(status({ email: 'x@Gmail.com' }, 'disq.personal_email')).toBe('unmet');
    expect(status({ email: 'x@company.com' }, 'disq.personal_email')).toBe('met');
    expect(status({ email: null }, 'disq.personal_email')).toBe('unknown');
  });
  test('student domains by wildcard', () => {
    expect(status({ email: 'kim@cs.stanford.edu' }, 'disq.student')).toBe('unmet');
    expect(status({ email: 'kim@ox.ac.uk' }, 'disq.student')).toBe('unmet');
    expect(status({ email: 'kim@education.com' }, 'disq.student')).toBe('met');
  });
  test('wrong geography', () => {
    expect(status({ country: 'IR' }, 'disq.wrong_geography')).toBe('unmet');
    expect(evaluateDefinition(def, { ...qualifiedInput(), lead: { ...qualifiedInput().lead, country: 'Iran' } }).verdict).toMatchObject({ kind: 'disqualified', rule: 'disq.wrong_geography' });
  });
  test('below minimum deal size from rep evidence', () => {
    const input = { ...qualifiedInput(), repEvidence: { budget: { status: 'met' as const, evidence: { amount: 4000, currency: 'USD' } } } };
    const result = evaluateDefinition(def, input);
    expect(result.verdict).toEqual({ kind: 'disqualified', rule: 'disq.below_minimum', reason: 'Rep budget 4,000 USD is below the minimum deal size 5,000 USD' });
  });
  test('a rep can clear a disqualifier with a note (a partner on a competitor domain)', () => {
    const input = { ...qualifiedInput(), repEvidence: { 'disq.competitor': { status: 'met' as const, evidence: { note: 'Partner team, not a competitor' } } } };
    input.lead = { ...input.lead, email: 'ally@gong.io' };
    expect(evaluateDefinition(def, input).verdict).toEqual({ kind: 'sales_qualified' });
  });
});

describe('rep evidence', () => {
  test('overrides the automatic decision and is marked as the rep\'s', () => {
    const input = { ...qualifiedInput(), repEvidence: { authority: { status: 'unmet' as const, evidence: { note: 'Reports to the CRO, who was not on the call' }, by: 'sam' } } };
    const c = criterion(input, 'authority');
    expect(c).toMatchObject({ status: 'unmet', decidedBy: 'rep', source: 'Rep: sam', evidence: { note: 'Reports to the CRO, who was not on the call' } });
  });
  test('a rep "met" names the person', () => {
    const input = { lead: makeLead({ jobTitle: 'Analyst' }), now: NOW, repEvidence: { authority: { status: 'met' as const, evidence: { name: 'Jordan Lee', role: 'CRO' } } } };
    expect(criterion(input, 'authority')).toMatchObject({ status: 'met', decidedBy: 'rep', evidence: { name: 'Jordan Lee', role: 'CRO' }, explanation: 'Rep marked met: Jordan Lee (CRO)' });
  });
  test('the definition still judges the rep\'s budget and date', () => {
    const strict = STRICT_SQL_DEFINITION;
    const low = criterion({ lead: makeLead(), now: NOW, repEvidence: { budget: { status: 'met', evidence: { amount: 15000, currency: 'USD' } } } }, 'budget', strict);
    expect(low).toMatchObject({ status: 'unmet', decidedBy: 'rep' });
    const far = criterion({ lead: makeLead(), now: NOW, repEvidence: { timeline: { status: 'met', evidence: { date: '2027-06-01' } } } }, 'timeline', strict);
    expect(far).toMatchObject({ status: 'unmet', decidedBy: 'rep', explanation: 'Rep-stated date 2027-06-01 is beyond 90 days (2027-02-20)' });
  });
  test('a "met" without the evidence asked for is rejected', () => {
    const input = { lead: makeLead(), now: NOW, repEvidence: { budget: { status: 'met', evidence: { note: 'they have money' } } } } as unknown as EvaluationInput;
    expect(() => evaluateDefinition(def, input)).toThrow(RepEvidenceError);
    expect(() => evaluateDefinition(def, input)).toThrow(/"budget" marked met with the wrong evidence: it needs an amount and a currency/);
  });
});

test('a full strict-definition example: full BANT with evidence and a recent pricing pattern qualifies', () => {
  const lead = makeLead({
    industry: 'SaaS',
    formAnswers: [answer('Budget', 'USD 30,000'), answer('Biggest challenge', 'No speed to lead'), answer('Timeline', 'next month')],
  });
  const result = evaluateDefinition(STRICT_SQL_DEFINITION, { lead, events: [pricingVisit(1), pricingVisit(2), pricingVisit(13)], now: NOW });
  expect(result.verdict).toEqual({ kind: 'sales_qualified' });
  expect(result.definitionVersion).toBe(3);
});
