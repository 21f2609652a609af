import { describe, expect, test } from 'vitest';
import type { EngagementEvent } from '../../../lib/domain/engagement/engagement-event';
import { topicMapSchema } from '../../../lib/domain/engagement/topic-map';
import { DAY, NOW, pageView } from './engagement-fixtures';
import { summarize } from './summarize-engagement-kit';

/**
 * The brief's interests: topics from the pages the lead viewed, counted with the events behind them,
 * matched on whole words, tie-broken by recency then topic order, and replaceable by a custom topic map.
 */

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
