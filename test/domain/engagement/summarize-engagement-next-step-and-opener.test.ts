import { describe, expect, test } from 'vitest';
import { DAY, HOUR, NOW, formSubmission, makeLead, pageView } from './engagement-fixtures';
import { summarize } from './summarize-engagement-kit';

/**
 * What the rep does and says first: the next step (the SLA tier's agreed one, else one suggested by the
 * trigger) and the opening line built from the trigger, the top interest and its offer.
 */

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
