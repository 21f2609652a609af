import { describe, expect, test } from 'vitest';
import { DAY, HOUR, NOW, formSubmission, pageView } from './engagement-fixtures';
import { summarize } from './summarize-engagement-kit';

/**
 * How active the lead is and how far along: last touch, 7- and 30-day counts and active days, and the
 * buying stage (awareness, consideration, decision) those last 30 days of activity point to.
 */

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
