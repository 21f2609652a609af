import { describe, expect, test } from 'vitest';
import type { EngagementEvent } from '../../../lib/domain/engagement/engagement-event';
import { objectionRulesSchema } from '../../../lib/domain/engagement/objection-rules';
import { DAY, HOUR, NOW, formSubmission, makeLead, pageView } from './engagement-fixtures';
import { summarize } from './summarize-engagement-kit';

/**
 * The objections the brief prepares the rep for: raised by the content the lead read or by their own
 * written answers (which outrank page views), never by bot traffic; custom rules replace the defaults.
 */

describe('objections', () => {
  const cases: [string, EngagementEvent[], string][] = [
    ['price', [pageView('e', DAY, 'Pricing', 'https://baton.example/pricing')], 'Price: 1 event on Pricing, most recently viewed "Pricing" 1 day ago.'],
    ['competitor', [pageView('e', DAY, 'Baton vs Acme', 'https://baton.example/vs/acme')], 'Competitor: 1 event on Competitor comparison, most recently viewed "Baton vs Acme" 1 day ago.'],
    ['security-review', [pageView('e', DAY, 'Trust center', 'https://baton.example/security')], 'Security review: 1 event on Security & compliance, most recently viewed "Trust center" 1 day ago.'],
    ['technical-fit', [pageView('e', DAY, 'API reference', 'https://developers.baton.example/api')], 'Technical fit: 1 event on Integrations & API, most recently viewed "API reference" 1 day ago.'],
    ['implementation-effort', [pageView('e', DAY, 'Implementation guide', 'https://baton.example/docs/implementation')], 'Implementation effort: 1 event on Onboarding & implementation, most recently viewed "Implementation guide" 1 day ago.'],
  ];
  test.each(cases)('%s from its content', (ruleId, events, text) => {
    const brief = summarize(events);
    expect(brief.objections.map((o) => o.ruleId)).toEqual([ruleId]);
    expect(brief.objections[0]).toMatchObject({ text, eventIds: ['e'], quotes: [] });
    expect(brief.objections[0]!.responseAngle.length).toBeGreaterThan(20);
  });

  test('proof / business case needs two case-study events: one is curiosity', () => {
    const one = [pageView('c1', DAY, 'Customer story: Northwind', 'https://baton.example/customers/northwind')];
    expect(summarize(one).objections).toEqual([]);
    const two = [...one, pageView('c2', 2 * DAY, 'ROI calculator', 'https://baton.example/roi')];
    expect(summarize(two).objections.map((o) => [o.ruleId, o.eventIds])).toEqual([['proof', ['c1', 'c2']]]);
  });

  test('their own words fire a rule: the answer, never the question', () => {
    const lead = makeLead({
      formAnswers: [
        { question: 'What is your budget?', answer: 'Not decided', answeredAt: NOW - HOUR, form: 'Demo request' },
        { question: 'What worries you?', answer: 'Last tool was too expensive', answeredAt: NOW - HOUR, form: 'Demo request' },
      ],
    });
    const brief = summarize([], { lead });
    expect(brief.objections).toHaveLength(1);
    expect(brief.objections[0]).toMatchObject({ ruleId: 'price', quotes: ['Last tool was too expensive'], eventIds: [], text: 'Price: they wrote "Last tool was too expensive".' });
  });

  test('answers inside events bring their event; written concerns outrank page views', () => {
    const events = [
      pageView('v1', DAY, 'Baton vs Acme', 'https://baton.example/vs/acme'),
      pageView('v2', 2 * DAY, 'Acme alternatives', 'https://baton.example/alternatives'),
      formSubmission('demo', HOUR, 'Request a demo', { 'Current tools?': 'We need SOC 2 before anything' }),
    ];
    const brief = summarize(events);
    expect(brief.objections.map((o) => [o.ruleId, o.eventIds])).toEqual([
      ['security-review', ['demo']],
      ['competitor', ['v1', 'v2']],
    ]);
  });

  test('bot-flagged events never raise an objection', () => {
    const crawl = Array.from({ length: 5 }, (_, i) => ({ ...pageView(`b${i}`, DAY - i * 100, 'Pricing', `https://baton.example/pricing/${i}`) }));
    const brief = summarize(crawl);
    expect(brief.objections).toEqual([]);
    expect(brief.interests).toEqual([]);
    expect(brief.ignored.likelyBot).toBe(5);
  });

  test('custom rules replace the defaults; unknown topics are ignored', () => {
    const objectionRules = objectionRulesSchema.parse({
      rules: [{ id: 'timing', label: 'Timing', topics: ['no-such-topic'], answerKeywords: ['next year'], responseAngle: 'Ask what changes next year and agree a check-in date.' }],
    });
    const lead = makeLead({ formAnswers: [{ question: 'Timeline?', answer: 'Probably next year', answeredAt: NOW - HOUR, form: null }] });
    const brief = summarize([pageView('p', DAY, 'Pricing', 'https://baton.example/pricing')], { lead, objectionRules });
    expect(brief.objections.map((o) => o.ruleId)).toEqual(['timing']);
  });
});
