import { describe, expect, test } from 'vitest';
import type { EngagementEvent } from '../../../lib/domain/engagement/engagement-event';
import { leadSchema } from '../../../lib/domain/lead';
import { summarizeEngagement } from '../../../lib/domain/engagement/summarize-engagement';
import { HOUR, NOW, formSubmission, makeLead, pageView } from './engagement-fixtures';
import { summarize } from './summarize-engagement-kit';

/**
 * summarizeEngagement at its edges: it takes a full CRM lead as the adapters build it, stamps the brief
 * with the `now` it is given (never the clock), and passes hostile content through as text.
 */

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
