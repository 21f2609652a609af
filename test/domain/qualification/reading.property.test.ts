import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { EngagementEvent } from '../../../lib/domain/engagement/engagement-event';
import type { Lead } from '../../../lib/domain/lead';
import { classifyAnswer } from '../../../lib/domain/qualification/classify-answer';
import { DEFAULT_SQL_DEFINITION } from '../../../lib/domain/qualification/default-sql-definition';
import { evaluateDefinition } from '../../../lib/domain/qualification/evaluate-definition';
import { parseBudgetAnswer, parseTimelineAnswer } from '../../../lib/domain/qualification/parse-form-answer';
import type { RepEvidence } from '../../../lib/domain/qualification/rep-evidence';
import { sqlDefinitionSchema } from '../../../lib/domain/qualification/sql-definition';
import { STRICT_SQL_DEFINITION } from '../../../lib/domain/qualification/strict-sql-definition';
import { DAY, NOW, makeLead } from './make-lead';

/** Generated phrasings: the readings hold for every way people write the same thing. */
const group = (n: number, sep: string) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep);

describe('budgets in any common currency and format', () => {
  const currencies = fc.constantFrom(
    { code: 'USD', symbol: '$' },
    { code: 'EUR', symbol: '€' },
    { code: 'GBP', symbol: '£' },
  );
  test('an amount reads the same however it is written; a range reads as its lower bound', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 1, max: 50 }), currencies, fc.integer({ min: 0, max: 9 }), (thousands, spread, c, shape) => {
        const amount = thousands * 1000;
        const phrasings = [
          `${c.symbol}${thousands}k`,
          `${c.symbol}${group(amount, ',')}`,
          `${group(amount, ',')} ${c.code}`,
          `${c.code} ${group(amount, '\u00a0')}`,
          `${c.symbol}${group(amount, '.')}`,
          `${thousands}K ${c.code}`,
          `${c.symbol}${thousands}k–${thousands + spread}k`,
          `${c.symbol}${thousands}k - ${c.symbol}${thousands + spread}k per year`,
          `${c.code} ${thousands}-${thousands + spread}k`,
          `around ${thousands} thousand ${c.code}`,
        ];
        expect(parseBudgetAnswer(phrasings[shape]!, 'CAD')).toEqual({ kind: 'amount', amount, currency: c.code });
      }),
      { numRuns: 400 },
    );
  });
  test('millions with a decimal point or comma', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 }), fc.constantFrom('M', 'm', 'million', 'Mio'), fc.constantFrom('.', ','), (whole, tenth, unit, point) => {
        expect(parseBudgetAnswer(`€${whole}${point}${tenth}${unit === 'million' || unit === 'Mio' ? ' ' : ''}${unit}`)).toEqual({ kind: 'amount', amount: whole * 1_000_000 + tenth * 100_000, currency: 'EUR' });
      }),
    );
  });
  test('"no budget" and "TBD" in any case read as no budget', () => {
    fc.assert(
      fc.property(fc.constantFrom('no budget', 'No budget yet', 'TBD', 'tbd', 'Not budgeted', 'no allocated budget', 'Budget TBD'), fc.boolean(), (text, upper) => {
        expect(parseBudgetAnswer(upper ? text.toUpperCase() : text, 'USD')).toEqual({ kind: 'none' });
      }),
    );
  });
});

describe('timelines as dates, months and quarters', () => {
  const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const answeredAtArb = fc.integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2028-12-31T00:00:00Z') });
  const endOfMonth = (y: number, m0: number) => new Date(Date.UTC(y, m0 + 1, 0)).toISOString().slice(0, 10);
  test('a month with a year is that month\'s end; without one, the next such month from the answer', () => {
    fc.assert(
      fc.property(answeredAtArb, fc.integer({ min: 0, max: 11 }), fc.integer({ min: 2026, max: 2030 }), fc.constantFrom('by ', 'in ', 'end of ', ''), fc.boolean(), (at, m0, year, prefix, short) => {
        const name = short && MONTHS[m0]!.length > 4 ? MONTHS[m0]!.slice(0, 3) : MONTHS[m0]!;
        expect(parseTimelineAnswer(`${prefix}${name} ${year}`, at)).toMatchObject({ kind: 'date', date: endOfMonth(year, m0) });
        const d = new Date(at);
        const y = m0 >= d.getUTCMonth() ? d.getUTCFullYear() : d.getUTCFullYear() + 1;
        expect(parseTimelineAnswer(`${prefix || 'by '}${name}`, at)).toMatchObject({ kind: 'date', date: endOfMonth(y, m0) });
      }),
      { numRuns: 300 },
    );
  });
  test('quarters in their usual spellings', () => {
    fc.assert(
      fc.property(answeredAtArb, fc.integer({ min: 1, max: 4 }), fc.integer({ min: 2026, max: 2030 }), fc.integer({ min: 0, max: 4 }), (at, q, year, shape) => {
        const yy = String(year).slice(2);
        const text = [`Q${q} ${year}`, `q${q}/${year}`, `by Q${q} '${yy}`, `${q}Q${yy}`, `Q${q}-${year}`][shape]!;
        expect(parseTimelineAnswer(text, at)).toMatchObject({ kind: 'date', date: endOfMonth(year, q * 3 - 1) });
      }),
      { numRuns: 300 },
    );
  });
  test('"within N weeks/days/months" counts from the answer; ISO dates are themselves', () => {
    fc.assert(
      fc.property(answeredAtArb, fc.integer({ min: 1, max: 12 }), fc.constantFrom('day', 'week', 'month'), fc.constantFrom('within ', 'in ', ''), (at, n, unit, prefix) => {
        const d = new Date(at);
        const expected = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + (unit === 'month' ? n : 0), d.getUTCDate() + (unit === 'day' ? n : unit === 'week' ? 7 * n : 0))).toISOString().slice(0, 10);
        expect(parseTimelineAnswer(`${prefix}${n} ${unit}${n === 1 ? '' : 's'}`, at)).toMatchObject({ kind: 'date', date: expected });
        expect(parseTimelineAnswer(expected, at)).toMatchObject({ kind: 'date', date: expected });
      }),
      { numRuns: 300 },
    );
  });
  test('a timeline or a budget typed into a need question never meets Need', () => {
    const notProblems = fc.oneof(
      fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 2026, max: 2030 })).map(([q, y]) => `Q${q} ${y}`),
      fc.constantFrom('This quarter', 'Next quarter', 'ASAP', 'this month', 'next year', 'Just researching', 'N/A', 'test', 'asdf', '-', 'none', 'idk', '?'),
      fc.integer({ min: 1, max: 12 }).map((n) => `within ${n} weeks`),
      fc.integer({ min: 1, max: 999 }).map((n) => `$${n}k`),
      fc.integer({ min: 1, max: 999 }).map((n) => `${group(n * 1000, ',')} USD`),
      fc.string({ maxLength: 1 }),
    );
    fc.assert(
      fc.property(notProblems, fc.constantFrom("What's your biggest challenge?", 'When are you looking to get started?', 'What problem are you solving?'), (text, question) => {
        expect(classifyAnswer(text)).not.toBe('problem');
        const result = evaluateDefinition(DEFAULT_SQL_DEFINITION, { lead: makeLead({ formAnswers: [{ question, answer: text, answeredAt: NOW - DAY, form: null }] }), now: NOW });
        expect(result.criteria.find((c) => c.id === 'need')!.status).not.toBe('met');
      }),
      { numRuns: 300 },
    );
  });
});

describe('titles by seniority and function', () => {
  const functions = fc.constantFrom(
    { short: 'Finance', long: 'Finance' },
    { short: 'Sales', long: 'Sales' },
    { short: 'Ops', long: 'Operations' },
    { short: 'Mktg', long: 'Marketing' },
    { short: 'Procurement', long: 'Procurement' },
    { short: 'IT', long: 'Information Technology' },
    { short: 'RevOps', long: 'Revenue Operations' },
  );
  test('a VP, Head of or Director of any function is a decision maker, however it is written', () => {
    fc.assert(
      fc.property(functions, fc.integer({ min: 0, max: 11 }), fc.constantFrom('', 'Senior ', 'Global ', 'Regional '), (f, shape, prefix) => {
        const title = [
          `VP ${f.short}`, `VP, ${f.long}`, `Vice President of ${f.long}`, `Vice-President, ${f.long}`, `SVP ${f.long}`, `EVP, ${f.short}`,
          `Head of ${f.long}`, `${f.long} Head`, `Director of ${f.long}`, `Dir. ${f.short}`, `${f.long} Director`, `V.P. ${f.long}`,
        ][shape]!;
        const result = evaluateDefinition(DEFAULT_SQL_DEFINITION, { lead: makeLead({ jobTitle: `${prefix}${title}` }), now: NOW });
        expect(result.criteria.find((c) => c.id === 'authority')!.status).toBe('met');
      }),
      { numRuns: 300 },
    );
  });
  test('chiefs and owners are decision makers and fit, by acronym or in full', () => {
    const chiefs = fc.constantFrom(['CEO', 'Chief Executive Officer'], ['CFO', 'Chief Financial Officer'], ['COO', 'Chief Operating Officer'], ['CRO', 'Chief Revenue Officer'], ['CMO', 'Chief Marketing Officer'], ['CTO', 'Chief Technology Officer'], ['CIO', 'Chief Information Officer']);
    fc.assert(
      fc.property(chiefs, fc.boolean(), fc.constantFrom('', 'Founder & ', 'Co-founder / ', 'Owner and '), (names, long, founder) => {
        const jobTitle = `${founder}${long ? names[1] : names[0]}`;
        const result = evaluateDefinition(DEFAULT_SQL_DEFINITION, { lead: makeLead({ jobTitle }), now: NOW });
        expect(result.criteria.find((c) => c.id === 'authority')!.status).toBe('met');
        expect(result.criteria.find((c) => c.id === 'fit.title')!.status).toBe('met');
      }),
      { numRuns: 200 },
    );
  });
  test('coordinators, specialists, representatives and assistants are not', () => {
    fc.assert(
      fc.property(functions, fc.constantFrom('Coordinator', 'Specialist', 'Representative', 'Associate', 'Analyst', 'Executive Assistant to the CFO'), (f, role) => {
        const jobTitle = role.startsWith('Executive') ? role : `${f.long} ${role}`;
        const result = evaluateDefinition(DEFAULT_SQL_DEFINITION, { lead: makeLead({ jobTitle }), now: NOW });
        expect(result.criteria.find((c) => c.id === 'authority')!.status).toBe('unknown');
      }),
      { numRuns: 200 },
    );
  });
});

describe('a tripped disqualifier and a sales-qualified verdict never coexist', () => {
  const WITH_OWN_LISTS_ONLY = sqlDefinitionSchema.parse({
    ...DEFAULT_SQL_DEFINITION,
    disqualifiers: { ...DEFAULT_SQL_DEFINITION.disqualifiers, builtInPersonalEmailDomains: false, builtInStudentSignals: false },
  });
  const definitions = fc.constantFrom(DEFAULT_SQL_DEFINITION, STRICT_SQL_DEFINITION, WITH_OWN_LISTS_ONLY);
  const leadArb: fc.Arbitrary<Lead> = fc
    .record({
      jobTitle: fc.option(fc.constantFrom('CFO', 'VP, Finance', 'Founder & CEO', 'Head of Procurement', 'MBA candidate', 'Intern', 'Marketing Coordinator', 'Dir. Ops', 'PhD researcher', 'Owner')),
      email: fc.option(fc.constantFrom('a@acme.example', 'b@gmail.com', 'c@yahoo.co.uk', 'd@pipewise.com', 'e@ox.ac.uk', 'f@uni-mannheim.de', 'g@qq.com', 'h@northwind.example', 'i@nus.edu.sg')),
      company: fc.option(fc.constantFrom('Acme', 'University of Leeds', 'Pipewise', 'Technische Universität München', 'Northwind', 'Gong')),
      employees: fc.option(fc.integer({ min: 0, max: 6000 })),
      industry: fc.option(fc.constantFrom('Software', 'SaaS', 'Retail')),
      country: fc.option(fc.constantFrom('US', 'United Kingdom', 'Brazil', 'Russia', 'DE')),
      budget: fc.option(fc.constantFrom('$40k', '€25.000', '£10k–15k', '3,000 USD', 'no budget', 'TBD', '1.2M', '$4,999')),
      need: fc.option(fc.constantFrom('Leads go cold before a rep calls', 'This quarter', 'N/A', 'asdf', 'Attribution')),
      timeline: fc.option(fc.constantFrom('by March', 'Q3 2027', 'next quarter', 'within 6 weeks', 'Just researching', '2027-01-15')),
      website: fc.option(fc.constantFrom('https://gong.io', 'acme.example', 'www.pipewise.com')),
    })
    .map((r) =>
      makeLead({
        jobTitle: r.jobTitle,
        email: r.email,
        company: r.company,
        employees: r.employees,
        industry: r.industry,
        country: r.country,
        formAnswers: [
          ...(r.budget ? [{ question: 'Budget', answer: r.budget, answeredAt: NOW - DAY, form: null }] : []),
          ...(r.need ? [{ question: 'Biggest challenge', answer: r.need, answeredAt: NOW - DAY, form: null }] : []),
          ...(r.timeline ? [{ question: 'Timeline', answer: r.timeline, answeredAt: NOW - DAY, form: null }] : []),
          ...(r.website ? [{ question: 'Company website', answer: r.website, answeredAt: NOW - DAY, form: null }] : []),
        ],
      }),
    );
  const eventsArb = fc.array(
    fc.record({
      id: fc.integer({ min: 0, max: 30 }).map((n) => `e${n}`),
      kind: fc.constantFrom('page_view', 'form_submission', 'content_download'),
      occurredAt: fc.integer({ min: NOW - 40 * DAY, max: NOW }),
      source: fc.constant('prop'),
      url: fc.constantFrom('https://x.example/pricing', 'https://x.example/blog'),
      title: fc.constantFrom('Demo request', 'Contact sales', 'Ebook'),
    }) as fc.Arbitrary<EngagementEvent>,
    { maxLength: 8 },
  );
  const met = <T extends object>(evidence: T) => ({ status: 'met' as const, evidence });
  const repArb: fc.Arbitrary<RepEvidence> = fc
    .record(
      {
        budget: fc.constantFrom(met({ amount: 50000, currency: 'USD' }), met({ amount: 1000, currency: 'USD' }), { status: 'unmet' as const }),
        authority: fc.constantFrom(met({ name: 'Jordan', role: 'CRO' }), { status: 'unmet' as const }),
        need: fc.constant(met({ problem: 'Slow follow-up' })),
        timeline: fc.constantFrom(met({ date: '2027-01-10' }), met({ date: '2028-01-10' })),
        engagement: fc.constant(met({ note: 'Asked on a call' })),
        'fit.employees': fc.constant(met({ note: 'LinkedIn' })),
        'fit.industry': fc.constant(met({ note: 'Checked' })),
        'fit.title': fc.constant(met({ note: 'Checked' })),
        'fit.country': fc.constant(met({ note: 'Checked' })),
        'disq.competitor': fc.constantFrom(met({ note: 'Partner, not a competitor' }), { status: 'unmet' as const }),
        'disq.student': fc.constantFrom(met({ note: 'Alumni, now at a company' }), { status: 'unmet' as const }),
      },
      { requiredKeys: [] },
    )
    .map((r) => r as RepEvidence);

  test('whatever the lead, the events and the rep say', () => {
    fc.assert(
      fc.property(definitions, leadArb, eventsArb, repArb, (def, lead, events, repEvidence) => {
        const result = evaluateDefinition(def, { lead, events, repEvidence, now: NOW });
        const tripped = result.criteria.filter((c) => c.group === 'disqualifier' && c.status === 'unmet');
        if (tripped.length) expect(result.verdict.kind).toBe('disqualified');
        if (result.verdict.kind === 'sales_qualified') expect(tripped).toEqual([]);
        if (result.verdict.kind === 'disqualified') expect(tripped.map((c) => c.id)).toContain(result.verdict.rule);
        // Same input, same answer.
        expect(evaluateDefinition(def, { lead: structuredClone(lead), events: [...events].reverse(), repEvidence, now: NOW })).toEqual(result);
      }),
      { numRuns: 500 },
    );
  });
});
