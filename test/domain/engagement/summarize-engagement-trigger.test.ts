import { describe, expect, test } from 'vitest';
import type { EngagementEvent } from '../../../lib/domain/engagement/engagement-event';
import { DAY, HOUR, MINUTE, NOW, SECOND, formSubmission, makeLead, pageView } from './engagement-fixtures';
import { summarize } from './summarize-engagement-kit';

/**
 * The brief's trigger: which conversion caused the handoff (the high-intent one closest before it,
 * allowing for clock skew), what stands in when there is no handoff time or no high-intent
 * conversion, and what never counts as one.
 */

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
