import { describe, expect, test } from 'vitest';
import type { EngagementEvent } from '../../../lib/domain/engagement/engagement-event';
import { objectionRulesSchema } from '../../../lib/domain/engagement/objection-rules';
import { leadSchema } from '../../../lib/domain/lead';
import { summarizeEngagement, type SummarizeEngagementInput } from '../../../lib/domain/engagement/summarize-engagement';
import { topicMapSchema } from '../../../lib/domain/engagement/topic-map';
import { DAY, HOUR, MINUTE, NOW, SECOND, formSubmission, makeLead, pageView } from './engagement-fixtures';

function summarize(events: EngagementEvent[], overrides: Partial<SummarizeEngagementInput> = {}) {
  return summarizeEngagement({ lead: makeLead(), events, now: NOW, ...overrides });
}

describe('trigger', () => {
  test('the high-intent conversion closest before the handoff, not a later or an earlier one', () => {
    const brief = summarize(
      [
        formSubmission('contact', 5 * DAY, 'Contact sales'),
        formSubmission('demo-1', 2 * HOUR, 'Request a demo'),
        formSubmission('demo-2', 10 * MINUTE, 'Request a demo'),
        formSubmission('ebook', 90 * MINUTE, 'Download: Handoff playbook'),
      ],
      { lead: makeLead({ handedOffAt: NOW - HOUR }) },
    );
    expect(brief.trigger).toMatchObject({ basis: 'before-handoff', ruleId: 'demo-request', label: 'Demo request', title: 'Request a demo', occurredAt: NOW - 2 * HOUR, eventIds: ['demo-1'] });
    expect(brief.trigger.text).toBe('Demo request: submitted "Request a demo" 2 hours ago, 1 hour before the handoff.');
  });

  test('the owner assignment time stands in for the handoff when the CRM has no handoff time', () => {
    const brief = summarize([formSubmission('contact', 3 * HOUR, 'Contact sales'), formSubmission('demo', 30 * MINUTE, 'Request a demo')], {
      lead: makeLead({ ownerAssignedAt: NOW - 2 * HOUR }),
    });
    expect(brief.trigger).toMatchObject({ basis: 'before-handoff', ruleId: 'contact-sales', eventIds: ['contact'] });
  });

  test('a conversion stamped up to 2 minutes after the handoff still caused it (clock skew between systems)', () => {
    const brief = summarize([formSubmission('demo', HOUR - MINUTE, 'Request a demo')], { lead: makeLead({ handedOffAt: NOW - HOUR }) });
    expect(brief.trigger.basis).toBe('before-handoff');
    expect(brief.trigger.text).toBe('Demo request: submitted "Request a demo" 59 minutes ago, at the handoff.');
    const late = summarize([formSubmission('demo', HOUR - 5 * MINUTE, 'Request a demo')], { lead: makeLead({ handedOffAt: NOW - HOUR }) });
    expect(late.trigger.basis).toBe('latest-high-intent');
    expect(late.trigger.text).toContain('none before the recorded handoff');
  });

  test('without a handoff time: the most recent high-intent conversion (a booked meeting counts)', () => {
    const meeting: EngagementEvent = { id: 'mtg', kind: 'meeting', occurredAt: NOW - 3 * HOUR, source: 'hubspot-meetings', title: 'Intro call' };
    const brief = summarize([formSubmission('contact', DAY, 'Contact sales'), meeting]);
    expect(brief.trigger).toMatchObject({ basis: 'latest-high-intent', ruleId: 'meeting', eventIds: ['mtg'] });
    expect(brief.trigger.text).toBe('Meeting booked: booked "Intro call" 3 hours ago (most recent high-intent conversion; no handoff time recorded).');
  });

  test('two conversions in the same millisecond: rule order decides (demo before contact sales)', () => {
    const brief = summarize([formSubmission('a-contact', HOUR, 'Contact sales'), formSubmission('z-demo', HOUR, 'Book a demo')]);
    expect(brief.trigger.eventIds).toEqual(['z-demo']);
  });

  test('matches the URL too: a form titled "Form 12" on /demo is a demo request', () => {
    const brief = summarize([{ ...formSubmission('f', HOUR, 'Form 12'), url: 'https://baton.example/demo?utm_source=ads' }]);
    expect(brief.trigger).toMatchObject({ ruleId: 'demo-request', href: 'https://baton.example/demo?utm_source=ads' });
  });

  test('a content form or a page view of /demo is not a conversion; falls back to the CRM recent conversion, backed by its event', () => {
    const brief = summarize(
      [
        pageView('demo-page', 3 * DAY, 'Demo', 'https://baton.example/demo'),
        formSubmission('ebook-old', 20 * DAY, 'Ebook: Handoff playbook'),
        formSubmission('ebook', 2 * DAY + 30 * SECOND, 'Ebook: Handoff playbook'),
      ],
      { lead: makeLead({ recentConversion: { name: 'Ebook: Handoff playbook', at: NOW - 2 * DAY } }) },
    );
    expect(brief.trigger).toMatchObject({ basis: 'crm-conversion', ruleId: null, label: null, title: 'Ebook: Handoff playbook', occurredAt: NOW - 2 * DAY, eventIds: ['ebook'] });
    expect(brief.trigger.text).toBe('Most recent conversion recorded in the CRM: "Ebook: Handoff playbook" 2 days ago.');
  });

  test('a CRM recent conversion named like a demo request is recognised even without events', () => {
    const brief = summarize([], { lead: makeLead({ recentConversion: { name: 'Demo request form', at: NOW - DAY } }) });
    expect(brief.trigger).toMatchObject({ basis: 'crm-conversion', ruleId: 'demo-request', eventIds: [] });
    expect(brief.buyingStage.stage).toBe('decision');
  });

  test('a newsletter sign-up is not a handoff trigger', () => {
    expect(summarize([formSubmission('n', HOUR, 'Sign up for the newsletter')]).trigger.basis).toBe('none');
  });

  test('nothing at all: says so, with no events behind it', () => {
    const brief = summarize([pageView('p', HOUR, 'Home', 'https://baton.example/')]);
    expect(brief.trigger).toMatchObject({ basis: 'none', ruleId: null, eventIds: [], href: null });
  });

  test('conversions after `now` do not exist yet (replaying a past lead)', () => {
    const brief = summarize([formSubmission('future', -HOUR, 'Request a demo')]);
    expect(brief.trigger.basis).toBe('none');
    expect(brief.ignored).toEqual({ likelyBot: 0, afterNow: 1 });
  });
});

describe("their words", () => {
  test('CRM form answers and event answers, verbatim, newest first, the same answer once with its event', () => {
    const lead = makeLead({
      formAnswers: [
        { question: "What's your biggest challenge?", answer: 'Leads go cold before we call', answeredAt: NOW - HOUR, form: 'Demo request' },
        { question: 'Email', answer: 'dana@northwind.example', answeredAt: NOW - HOUR, form: 'Demo request' },
        { question: 'How did you hear about us?', answer: 'A podcast', answeredAt: NOW - 30 * DAY, form: 'Newsletter' },
      ],
    });
    const events = [
      formSubmission('demo', HOUR, 'Demo request', {
        "What's your biggest challenge?": 'Leads go cold before we call',
        'Team size': '40 SDRs',
        'First name': 'Dana',
        utm_source: 'linkedin',
        'Anything else?': '   ',
      }),
    ];
    const brief = summarize(events, { lead });
    expect(brief.theirWords.map((q) => [q.question, q.answer, q.answeredAt, q.eventIds])).toEqual([
      ['Team size', '40 SDRs', NOW - HOUR, ['demo']],
      ["What's your biggest challenge?", 'Leads go cold before we call', NOW - HOUR, ['demo']],
      ['How did you hear about us?', 'A podcast', NOW - 30 * DAY, []],
    ]);
    expect(brief.theirWords[1]).toMatchObject({ form: 'Demo request', text: "What's your biggest challenge?: Leads go cold before we call" });
  });

  test('chat transcripts count; capped, with the number left out', () => {
    const chats = Array.from({ length: 4 }, (_, i): EngagementEvent => ({
      id: `chat-${i}`, kind: 'chat', occurredAt: NOW - (i + 1) * HOUR, source: 'drift', title: 'Website chat', answers: { Visitor: `message ${i}` },
    }));
    const brief = summarize(chats, { maxTheirWords: 2 });
    expect(brief.theirWords.map((q) => q.answer)).toEqual(['message 0', 'message 1']);
    expect(brief.theirWordsOmitted).toBe(2);
  });
});

describe('interests', () => {
  const events = [
    pageView('p1', 1 * DAY, 'Pricing', 'https://baton.example/pricing'),
    pageView('p2', 2 * DAY, 'Compare plans', 'https://baton.example/pricing/compare'),
    pageView('p3', 3 * DAY, 'Pricing', 'https://baton.example/pricing'),
    pageView('i1', 4 * DAY, 'Salesforce integration', 'https://baton.example/integrations/salesforce'),
    pageView('r1', 5 * DAY, 'Rapid setup', 'https://baton.example/rapid'),
    { id: 'open', kind: 'email_opened', occurredAt: NOW - DAY, source: 'hubspot-email', title: 'Our new pricing' } satisfies EngagementEvent,
  ];

  test('topics by count with the events behind them; opens and non-matching words ("rapid" is not "api") do not count', () => {
    const brief = summarize(events);
    expect(brief.interests.map((i) => [i.topicId, i.count, i.eventIds])).toEqual([
      ['pricing', 3, ['p1', 'p2', 'p3']],
      ['integrations', 1, ['i1']],
      ['onboarding', 1, ['r1']],
    ]);
    expect(brief.interests[0]).toMatchObject({
      label: 'Pricing',
      stage: 'decision',
      lastAt: NOW - DAY,
      text: 'Pricing: 3 events, most recently viewed "Pricing" 1 day ago.',
      examples: [
        { eventId: 'p1', label: 'Pricing', href: 'https://baton.example/pricing' },
        { eventId: 'p2', label: 'Compare plans', href: 'https://baton.example/pricing/compare' },
      ],
    });
  });

  test('"compare plans" on a pricing page is not a competitor comparison; "vs" is', () => {
    const brief = summarize([...events, pageView('vs', 6 * DAY, 'Baton vs Acme', 'https://baton.example/vs/acme')]);
    expect(brief.interests.find((i) => i.topicId === 'competitors')?.eventIds).toEqual(['vs']);
  });

  test('a custom topic map replaces the default', () => {
    const topicMap = topicMapSchema.parse({
      topics: [{ id: 'acme', label: 'Acme migration', keywords: ['acme'], phrase: 'reading about moving off Acme', offer: 'a migration plan' }],
    });
    const brief = summarize([...events, pageView('vs', 6 * DAY, 'Baton vs Acme', 'https://baton.example/vs/acme')], { topicMap });
    expect(brief.interests.map((i) => [i.topicId, i.eventIds])).toEqual([['acme', ['vs']]]);
    expect(brief.interests[0]!.stage).toBe('consideration');
  });

  test('ties: more recent first, then topic-map order; capped by maxInterests', () => {
    const brief = summarize(
      [
        pageView('sec', 2 * DAY, 'SOC 2 report', 'https://baton.example/trust'),
        pageView('rep', DAY, 'Dashboards', 'https://baton.example/dashboards'),
        pageView('onb', DAY, 'Onboarding', 'https://baton.example/onboarding'),
      ],
      { maxInterests: 2 },
    );
    expect(brief.interests.map((i) => i.topicId)).toEqual(['reporting', 'onboarding']);
  });
});

describe('recency and frequency', () => {
  test('last touch, 7/30-day counts and active days; deliveries are not touches', () => {
    const brief = summarize([
      { id: 'd', kind: 'email_delivered', occurredAt: NOW - HOUR, source: 'hubspot-email', title: 'Newsletter' },
      pageView('a', 3 * HOUR, 'Pricing', 'https://baton.example/pricing'),
      pageView('b', 5 * HOUR, 'Home', 'https://baton.example/'),
      pageView('c', 3 * DAY, 'Blog', 'https://baton.example/blog'),
      pageView('e', 10 * DAY, 'Blog', 'https://baton.example/blog'),
      pageView('f', 40 * DAY, 'Blog', 'https://baton.example/blog'),
    ]);
    expect(brief.recency).toEqual({
      lastTouchAt: NOW - 3 * HOUR,
      daysSinceLastTouch: 0,
      text: 'Last active 3 hours ago: viewed "Pricing".',
      eventIds: ['a'],
    });
    expect(brief.frequency).toEqual({
      last7Days: 3,
      last30Days: 4,
      activeDays30: 3,
      total: 5,
      text: '3 events in the last 7 days, 4 in the last 30 days, active on 3 days of the last 30 (5 in all).',
      eventIds: ['a', 'b', 'c', 'e'],
    });
  });

  test('no activity', () => {
    const brief = summarize([]);
    expect(brief.recency).toEqual({ lastTouchAt: null, daysSinceLastTouch: null, text: 'No activity recorded yet.', eventIds: [] });
    expect(brief.frequency.total).toBe(0);
  });
});

describe('buying stage', () => {
  test('awareness: only guides and blog posts', () => {
    const brief = summarize([pageView('b', DAY, 'Blog: 7 handoff mistakes', 'https://baton.example/blog/mistakes')]);
    expect(brief.buyingStage).toEqual({
      stage: 'awareness',
      text: 'Awareness: 1 event in the last 30 days, none on pricing, product fit or a conversion.',
      eventIds: ['b'],
    });
  });

  test('awareness: pricing visits older than 30 days say little about today', () => {
    const brief = summarize([pageView('p1', 40 * DAY, 'Pricing', 'https://baton.example/pricing'), pageView('p2', 41 * DAY, 'Pricing', 'https://baton.example/pricing')]);
    expect(brief.buyingStage).toEqual({ stage: 'awareness', text: 'Awareness: no activity in the last 30 days.', eventIds: [] });
  });

  test('consideration: reading about integrations or a competitor', () => {
    const brief = summarize([pageView('i', DAY, 'API docs', 'https://developers.baton.example/api'), pageView('v', 2 * DAY, 'Baton vs Acme', 'https://baton.example/vs/acme')]);
    expect(brief.buyingStage).toEqual({
      stage: 'consideration',
      text: 'Consideration: looked at integrations & api and competitor comparison in the last 30 days (2 events).',
      eventIds: ['i', 'v'],
    });
  });

  test('consideration: a single pricing view is interest, not yet a decision', () => {
    expect(summarize([pageView('p', DAY, 'Pricing', 'https://baton.example/pricing')]).buyingStage.stage).toBe('consideration');
  });

  test('decision: two decision-stage events (pricing, security)', () => {
    const brief = summarize([pageView('p', DAY, 'Pricing', 'https://baton.example/pricing'), pageView('s', 2 * DAY, 'Security', 'https://baton.example/security')]);
    expect(brief.buyingStage).toEqual({
      stage: 'decision',
      text: 'Decision: 2 events on pricing and security & compliance in the last 30 days.',
      eventIds: ['p', 's'],
    });
  });

  test('decision: a demo request', () => {
    const brief = summarize([formSubmission('demo', 2 * HOUR, 'Request a demo')]);
    expect(brief.buyingStage).toEqual({ stage: 'decision', text: 'Decision: demo request 2 hours ago (submitted "Request a demo").', eventIds: ['demo'] });
  });
});

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

describe('next step', () => {
  test('the agreed next step of the SLA tier, as passed in', () => {
    const brief = summarize([formSubmission('demo', HOUR, 'Request a demo')], { nextStep: { label: 'Book the demo', tier: 'Inbound demo (5 min)' } });
    expect(brief.nextStep).toEqual({ label: 'Book the demo', tier: 'Inbound demo (5 min)', origin: 'sla-tier', text: 'Agreed next step (Inbound demo (5 min)): Book the demo.', eventIds: [] });
  });

  test('without a tier: suggested from the trigger rule, or none', () => {
    expect(summarize([formSubmission('c', HOUR, 'Contact sales')]).nextStep).toEqual({
      label: 'Call back and qualify',
      tier: null,
      origin: 'suggested',
      text: 'Suggested next step for a contact sales: Call back and qualify.',
      eventIds: ['c'],
    });
    expect(summarize([]).nextStep).toBeNull();
  });
});

describe('opener', () => {
  test('trigger + top interest + its offer', () => {
    const brief = summarize(
      [formSubmission('demo', HOUR, 'Request a demo'), pageView('p1', 2 * HOUR, 'Pricing', 'https://baton.example/pricing'), pageView('v', 3 * HOUR, 'Baton vs Acme', 'https://baton.example/vs/acme'), pageView('p2', 4 * HOUR, 'Plans', 'https://baton.example/pricing/plans')],
      { lead: makeLead({ firstName: 'Dana' }) },
    );
    expect(brief.opener).toEqual({
      text: 'Hi Dana — saw you asked for a demo after looking at our pricing; happy to walk through which plan fits your team.',
      eventIds: ['demo', 'p1', 'p2'],
    });
  });

  test('no trigger, only interest', () => {
    const brief = summarize([pageView('v', DAY, 'Baton vs Acme', 'https://baton.example/vs/acme')], { lead: makeLead({ firstName: '  Sam ' }) });
    expect(brief.opener.text).toBe("Hi Sam — saw you've been comparing us with alternatives; happy to walk through how we compare on the points that matter to you.");
  });

  test('trigger without interests uses the rule offer; no first name', () => {
    const brief = summarize([formSubmission('t', HOUR, 'Start your free trial')], { lead: makeLead({ firstName: null }) });
    expect(brief.opener).toEqual({ text: 'Hi there — saw you started a free trial; happy to walk through how to get the most out of the trial.', eventIds: ['t'] });
  });

  test('does not repeat itself: an interest resting only on the trigger event is skipped', () => {
    const brief = summarize([formSubmission('q', HOUR, 'Request pricing')]);
    expect(brief.interests.map((i) => [i.topicId, i.eventIds])).toEqual([['pricing', ['q']]]);
    expect(brief.opener).toEqual({ text: 'Hi Dana — saw you asked for pricing; happy to walk through which plan fits your team.', eventIds: ['q'] });
  });

  test('CRM conversion only', () => {
    const brief = summarize([], { lead: makeLead({ recentConversion: { name: 'Ebook: Handoff playbook', at: NOW - DAY } }) });
    // Never the raw asset title: a rep would not read "Ebook: Handoff playbook" to a prospect.
    expect(brief.opener).toEqual({ text: 'Hi Dana — thanks for getting in touch; happy to walk through what would be most useful to you.', eventIds: [] });
  });

  test('nothing known', () => {
    expect(summarize([]).opener).toEqual({ text: 'Hi Dana — thanks for your interest in us; happy to walk through what would be most useful to you.', eventIds: [] });
  });
});

test('the brief is stamped with the `now` it was given, never the clock', () => {
  expect(summarize([]).generatedAt).toBe(NOW);
});

describe('hostile content stays text', () => {
  const XSS = '<img src=x onerror=alert(1)>';

  test('titles, answers and names come out exactly as typed; javascript: URLs never become links', () => {
    const events: EngagementEvent[] = [
      { ...formSubmission('demo', HOUR, `Request a demo ${XSS}`, { [XSS]: XSS, 'Notes': 'javascript:alert(1)' }), url: 'javascript:alert(1)' },
      pageView('p', 2 * HOUR, XSS, 'javascript:alert(1)//https://baton.example/pricing'),
      { id: 'u', kind: 'page_view', occurredAt: NOW - 3 * HOUR, source: 'hubspot-web-analytics', url: 'javascript:alert("pricing")' },
    ];
    const brief = summarize(events, { lead: makeLead({ firstName: XSS }) });
    expect(brief.trigger).toMatchObject({ title: `Request a demo ${XSS}`, href: null });
    expect(brief.trigger.text).toContain(`"Request a demo ${XSS}"`);
    // Same submission: ordered by question, code-unit order ("<" before "N").
    expect(brief.theirWords.map((q) => [q.question, q.answer])).toEqual([
      [XSS, XSS],
      ['Notes', 'javascript:alert(1)'],
    ]);
    const pricing = brief.interests.find((i) => i.topicId === 'pricing')!;
    // The URL-only event is labelled with its URL — as text, with no link.
    expect(pricing.examples).toEqual([
      { eventId: 'p', label: XSS, href: null },
      { eventId: 'u', label: 'javascript:alert("pricing")', href: null },
    ]);
    expect(brief.opener.text.startsWith(`Hi ${XSS} — `)).toBe(true);
  });
});

test('takes a full CRM lead as the adapters build it', () => {
  const lead = leadSchema.parse({
    ref: { crm: 'hubspot', account: '123', id: '42' },
    firstName: 'Dana', lastName: 'Reyes', email: 'dana@northwind.example', phone: null, jobTitle: 'VP Sales', company: 'Northwind',
    industry: null, employees: 200, country: 'US', lifecycleStage: 'marketingqualifiedlead', leadStatus: 'NEW', owner: null,
    ownerAssignedAt: NOW - HOUR, ownerAssignedBy: null, source: 'ORGANIC_SEARCH', sourceDetail: [], latestSource: null, campaign: null,
    firstConversion: null, recentConversion: { name: 'Request a demo', at: NOW - 2 * HOUR },
    formAnswers: [{ question: 'Team size', answer: '40 SDRs', answeredAt: NOW - 2 * HOUR, form: 'Request a demo' }],
    handedOffAt: null, createdAt: null, updatedAt: null,
  });
  const brief = summarizeEngagement({ lead, events: [formSubmission('demo', 2 * HOUR, 'Request a demo')], now: NOW, nextStep: { label: 'Book the demo' } });
  expect(brief.trigger).toMatchObject({ basis: 'before-handoff', eventIds: ['demo'] });
  expect(brief.theirWords.map((q) => q.answer)).toEqual(['40 SDRs']);
  expect(brief.nextStep).toMatchObject({ label: 'Book the demo', tier: null, text: 'Agreed next step: Book the demo.' });
});
