import { describe, expect, test } from 'vitest';
import { DEFAULT_SQL_DEFINITION } from '../../../lib/domain/qualification/default-sql-definition';
import { evaluateDefinition } from '../../../lib/domain/qualification/evaluate-definition';
import type { EvaluationInput } from '../../../lib/domain/qualification/evaluate-definition';
import { configuredCriterionIds, parseSqlDefinition, sqlDefinitionSchema } from '../../../lib/domain/qualification/sql-definition';
import type { SqlDefinition } from '../../../lib/domain/qualification/sql-definition';
import { STRICT_SQL_DEFINITION } from '../../../lib/domain/qualification/strict-sql-definition';
import { NOW, answer, demoRequest, makeLead } from './make-lead';

/** The verdicts a sales rep catches at once (issue 12, item 2), each as the lead that showed it. */
const def = DEFAULT_SQL_DEFINITION;
const criterion = (input: EvaluationInput, id: string, definition: SqlDefinition = def) => evaluateDefinition(definition, input).criteria.find((c) => c.id === id)!;

describe('Need is met by a stated problem, not by whatever answers a question that says "looking to"', () => {
  // The sandbox's form asks "When are you looking to get started?": its answers are timelines.
  test.each(['This quarter', 'ASAP', 'Q2', 'Next quarter', '6–12 months'])('"%s" under "When are you looking to get started?" is a timeline, not a need', (text) => {
    const c = criterion({ lead: makeLead({ formAnswers: [answer('When are you looking to get started?', text)] }), now: NOW }, 'need');
    expect(c.status).toBe('unknown');
    expect(c.explanation).toBe(`Form answer "${text}" is a timeline, not a problem; the rep must record the problem`);
  });
  test.each(['N/A', 'test', 'asdf', '-', 'none', 'idk', 'x'])('"%s" states nothing', (text) => {
    const c = criterion({ lead: makeLead({ formAnswers: [answer("What's your biggest challenge?", text)] }), now: NOW }, 'need');
    expect(c).toMatchObject({ status: 'unknown', explanation: `Form answer "${text}" states nothing; the rep must record the problem` });
  });
  test('"$40k" under a need question is a budget', () => {
    expect(criterion({ lead: makeLead({ formAnswers: [answer('What do you need?', '$40k')] }), now: NOW }, 'need').explanation).toContain('is a budget, not a problem');
  });
  test('a newer junk answer does not hide an older stated problem', () => {
    const lead = makeLead({ formAnswers: [answer("What's your biggest challenge?", 'test', NOW - 1000), answer("What's your biggest challenge?", 'Leads go cold before a rep calls', NOW - 5000)] });
    expect(criterion({ lead, now: NOW }, 'need')).toMatchObject({ status: 'met', evidence: { problem: 'Leads go cold before a rep calls' } });
  });
  test('a problem written in a free-text "Message" still states the need; budget and timeline answers never do', () => {
    const lead = makeLead({ formAnswers: [answer('Message', 'Our Salesforce pipeline and the warehouse never agree'), answer('Purchase timeline', 'within the next three months, hopefully sooner')] });
    const c = criterion({ lead, now: NOW }, 'need');
    expect(c).toMatchObject({ status: 'met', evidence: { problem: 'Our Salesforce pipeline and the warehouse never agree' }, explanation: 'Form answer to "Message" states the problem: "Our Salesforce pipeline and the warehouse never agree"' });
    const onlyTimeline = makeLead({ formAnswers: [answer('Purchase timeline', 'within the next three months, hopefully sooner')] });
    expect(criterion({ lead: onlyTimeline, now: NOW }, 'need').status).toBe('unknown');
  });
});

describe('Authority by seniority and function', () => {
  const oakridge = (over: Parameters<typeof makeLead>[0] = {}) =>
    makeLead({
      jobTitle: 'CFO',
      company: 'Oakridge Capital',
      email: 'samuel.brennan@oakridge.example',
      formAnswers: [
        answer('Message', 'Need a quote for 3 years, prepaid. Board approved budget last week. Please call, not email.'),
        answer('Do you have a budget in mind?', '$150k+'),
        answer('When are you looking to get started?', 'This quarter'),
      ],
      ...over,
    });
  test('a CFO whose form says the board approved the budget is sales-qualified when the rest is met', () => {
    const result = evaluateDefinition(def, { lead: oakridge(), events: [demoRequest(0.1, { title: 'Contact sales' })], now: NOW });
    expect(result.verdict).toEqual({ kind: 'sales_qualified' });
    const byId = Object.fromEntries(result.criteria.map((c) => [c.id, c]));
    expect(byId.authority).toMatchObject({ status: 'met', explanation: `Title 'CFO' names a decision-maker role ("CFO")`, evidence: { name: 'Dana Kim', role: 'CFO' } });
    expect(byId['fit.title']).toMatchObject({ status: 'met', explanation: `Title 'CFO' is a role we sell to (C-level: "CFO")` });
    expect(byId.budget).toMatchObject({ status: 'met', evidence: { amount: 150000, currency: 'USD' } });
    expect(byId.timeline).toMatchObject({ status: 'met', evidence: { date: '2026-12-31' } });
  });
  test.each(['CFO', 'Chief Financial Officer', 'VP, Finance', 'Vice President of Finance', 'Head of Procurement', 'Founder & CEO', 'Owner', 'Managing Director', 'Dir. Ops'])('"%s" is a decision maker under the default definition', (title) => {
    expect(criterion({ lead: makeLead({ jobTitle: title }), now: NOW }, 'authority').status).toBe('met');
  });
  test('functions narrow the seniorities when the definition names them; owners and chief executives always decide', () => {
    const financeOnly = sqlDefinitionSchema.parse({ ...def, bant: { ...def.bant, authority: { ...def.bant.authority, decisionMakerSeniorities: ['c_level', 'vp'], decisionMakerFunctions: ['finance', 'procurement'] } } });
    const status = (jobTitle: string) => criterion({ lead: makeLead({ jobTitle }), now: NOW }, 'authority', financeOnly).status;
    expect(status('VP Finance')).toBe('met');
    expect(status('VP Engineering')).toBe('unknown');
    expect(status('CEO')).toBe('met');
    expect(status('Head of Procurement')).toBe('unknown'); // "Head of" is not in this definition's seniorities
  });
  test('an assistant to an executive and a student are not decision makers', () => {
    expect(criterion({ lead: makeLead({ jobTitle: 'Executive Assistant to the CEO' }), now: NOW }, 'authority').status).toBe('unknown');
    expect(criterion({ lead: makeLead({ jobTitle: 'MBA candidate, VP of the Marketing Club' }), now: NOW }, 'authority').status).toBe('unknown');
  });
});

describe('Students, personal addresses and competitors', () => {
  const status = (over: Parameters<typeof makeLead>[0], id: string, definition: SqlDefinition = def) => criterion({ lead: makeLead(over), now: NOW }, id, definition);
  test('a student at a university by title, by academic domain and by company', () => {
    expect(status({ jobTitle: 'PhD researcher' }, 'disq.student')).toMatchObject({ status: 'unmet', explanation: `Title 'PhD researcher' is a student's ("PhD researcher")` });
    expect(status({ email: 'li@nus.edu.sg' }, 'disq.student')).toMatchObject({ status: 'unmet', explanation: "Email domain 'nus.edu.sg' is an academic domain ('*.edu.<country>')" });
    expect(status({ company: 'University of Leeds' }, 'disq.student')).toMatchObject({ status: 'unmet', explanation: `Company 'University of Leeds' is a university ("University")` });
    expect(evaluateDefinition(def, { lead: makeLead({ email: 'li@uni-mannheim.de', formAnswers: [answer("What's your biggest challenge?", 'Thesis on lead routing')] }), events: [demoRequest(1)], now: NOW }).verdict).toMatchObject({ kind: 'disqualified', rule: 'disq.student' });
  });
  test('personal addresses from the maintained list, under any country ending', () => {
    expect(status({ email: 'sam@yahoo.co.uk' }, 'disq.personal_email')).toMatchObject({ status: 'unmet', explanation: "Email domain 'yahoo.co.uk' matches personal email domain 'yahoo.*'" });
    expect(status({ email: 'sam@qq.com' }, 'disq.personal_email').status).toBe('unmet');
    expect(status({ email: 'sam@yahoo-inc.com' }, 'disq.personal_email').status).toBe('met');
  });
  test('a definition that turns the maintained lists off keeps only its own', () => {
    const own = sqlDefinitionSchema.parse({ ...def, disqualifiers: { ...def.disqualifiers, builtInPersonalEmailDomains: false, builtInStudentSignals: false } });
    expect(status({ email: 'sam@qq.com' }, 'disq.personal_email', own).status).toBe('met');
    expect(status({ company: 'University of Leeds' }, 'disq.student', own).status).toBe('met');
    expect(status({ email: 'kim@ox.ac.uk' }, 'disq.student', own).status).toBe('unmet');
  });
  test('a competitor by e-mail domain, by the website on the form, and by company name', () => {
    expect(status({ email: 'caleb.foster@pipewise.com', company: 'Pipewise' }, 'disq.competitor')).toMatchObject({ status: 'unmet', explanation: "Email domain 'pipewise.com' matches competitor domain 'pipewise.com'" });
    expect(status({ email: 'caleb@gmail.com', formAnswers: [answer('Company website', 'https://www.gong.io/about')] }, 'disq.competitor')).toMatchObject({ status: 'unmet', explanation: "Website 'gong.io' matches competitor domain 'gong.io'" });
    expect(status({ email: 'caleb@gmail.com', company: 'Outreach' }, 'disq.competitor')).toMatchObject({ status: 'unmet', explanation: "Company 'Outreach' is the competitor at 'outreach.io'" });
    expect(status({ email: 'pat@northwind.example', company: 'Community Outreach Partners' }, 'disq.competitor').status).toBe('met');
  });
});

describe('the definition schema stays backward compatible', () => {
  // A definition exported before seniorities, functions and the maintained lists existed.
  const before = {
    id: 'acme-sql', version: 3, name: 'Acme', publishedAt: '2026-10-01T00:00:00Z',
    changeLog: [{ version: 3, date: '2026-10-01', author: 'Ops', summary: 'Before seniorities' }],
    bant: { budget: { formQuestionPattern: 'budget', defaultCurrency: 'USD' }, authority: { decisionMakerTitlePatterns: ['\\bvp\\b'] }, need: { formQuestionPattern: 'challenge' }, timeline: {} },
    fit: { titlePatterns: ['sales'] },
    engagement: { signals: [] },
    disqualifiers: { competitorDomains: [], personalEmailDomains: [], studentEmailDomains: [] },
    required: ['need', 'authority'],
  };
  test('it still parses, configures the same criteria, and judges titles by its own patterns', () => {
    const parsed = parseSqlDefinition(before);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.bant.authority.decisionMakerSeniorities).toBeUndefined();
    expect(configuredCriterionIds(parsed.value)).toEqual(['budget', 'authority', 'need', 'timeline', 'fit.title']);
    expect(criterion({ lead: makeLead({ jobTitle: 'CFO' }), now: NOW }, 'authority', parsed.value).status).toBe('unknown');
    expect(criterion({ lead: makeLead({ jobTitle: 'VP Sales' }), now: NOW }, 'authority', parsed.value).status).toBe('met');
    expect(criterion({ lead: makeLead({ formAnswers: [answer('Biggest challenge', 'This quarter')] }), now: NOW }, 'need', parsed.value).status).toBe('unknown');
  });
  test('unknown seniorities and functions are refused with their path', () => {
    const bad = { ...before, bant: { ...before.bant, authority: { decisionMakerSeniorities: ['boss'] } } };
    const r = parseSqlDefinition(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.path).toBe('bant.authority.decisionMakerSeniorities.0');
  });
  test('the strict sample inherits the readings', () => {
    expect(STRICT_SQL_DEFINITION.bant.authority.decisionMakerSeniorities).toEqual(def.bant.authority.decisionMakerSeniorities);
    expect(criterion({ lead: makeLead({ jobTitle: 'Chief Financial Officer' }), now: NOW }, 'authority', STRICT_SQL_DEFINITION).status).toBe('met');
  });
});
