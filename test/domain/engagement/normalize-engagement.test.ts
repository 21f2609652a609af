import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { EngagementEvent } from '../../../lib/domain/engagement/engagement-event';
import { normalizeEngagement } from '../../../lib/domain/engagement/normalize-engagement';
import { normalizeUrlForComparison } from '../../../lib/domain/engagement/normalize-url-for-comparison';
import { HOUR, NOW, SECOND, pageView } from './engagement-fixtures';

const ids = (events: readonly EngagementEvent[]) => events.map((e) => e.id);
const byId = (events: readonly EngagementEvent[], id: string) => events.find((e) => e.id === id)!;

function email(id: string, kind: EngagementEvent['kind'], at: number, overrides: Partial<EngagementEvent> = {}): EngagementEvent {
  return { id, kind, occurredAt: at, source: 'hubspot-email', campaign: 'Nurture Q4', title: 'Your handoff playbook', ...overrides };
}

describe('ordering', () => {
  test('newest first, ties broken by id ascending', () => {
    const out = normalizeEngagement([
      pageView('b', HOUR, 'B'),
      pageView('c', 2 * HOUR, 'C'),
      pageView('a', HOUR, 'A'),
      pageView('d', 0, 'D'),
    ]);
    expect(ids(out)).toEqual(['d', 'a', 'b', 'c']);
  });

  test('does not mutate its input', () => {
    const input = [pageView('a', HOUR, 'A'), { ...pageView('b', 2 * HOUR, 'B'), likelyBot: true, botReason: 'from source' }];
    const copy = structuredClone(input);
    normalizeEngagement(input);
    expect(input).toEqual(copy);
  });

  test('bot flags from the source are never trusted: dropped and recomputed', () => {
    const out = normalizeEngagement([{ ...pageView('a', HOUR, 'A'), likelyBot: true, botReason: 'source said so' }]);
    expect(out[0]).toEqual(pageView('a', HOUR, 'A'));
    expect(out[0]).not.toHaveProperty('likelyBot');
  });

  test('handles events with times that cannot be packed (fractional, huge span) the same way', () => {
    const out = normalizeEngagement([
      { id: 'x', kind: 'page_view', occurredAt: 1.5, source: 's', title: 'X' },
      { id: 'y', kind: 'page_view', occurredAt: 8.64e15, source: 's', title: 'Y' },
      { id: 'z', kind: 'page_view', occurredAt: 1.5, source: 's', title: 'Z' },
      { id: 'w', kind: 'page_view', occurredAt: -5, source: 's', title: 'W' },
    ]);
    expect(ids(out)).toEqual(['y', 'x', 'z', 'w']);
  });
});

describe('dedup by id', () => {
  test('the same id twice keeps one event', () => {
    const out = normalizeEngagement([pageView('a', HOUR, 'Pricing'), pageView('a', HOUR, 'Pricing')]);
    expect(out).toHaveLength(1);
  });

  test('differing copies: the most detailed copy wins, whatever the input order, and borrows missing details', () => {
    const bare: EngagementEvent = { id: 'f1', kind: 'form_submission', occurredAt: NOW - HOUR, source: 'hubspot-forms', title: 'Request a demo' };
    const detailed: EngagementEvent = { ...bare, answers: { 'Team size?': '40 SDRs' }, url: 'https://baton.example/demo' };
    const withCampaign: EngagementEvent = { ...bare, campaign: 'Q4 demo push' };
    const a = normalizeEngagement([bare, detailed, withCampaign]);
    const b = normalizeEngagement([withCampaign, bare, detailed]);
    expect(a).toEqual(b);
    expect(a).toEqual([{ ...detailed, campaign: 'Q4 demo push' }]);
  });
});

describe('dedup across sources', () => {
  test('same page seen by HubSpot and Marketo within 2 s is one event; the earliest is kept', () => {
    const out = normalizeEngagement([
      pageView('hs:1', HOUR, 'Pricing', 'https://baton.example/pricing?utm_source=mail', 'hubspot-web-analytics'),
      pageView('mkto:9', HOUR - 1.5 * SECOND, 'Pricing', 'https://BATON.example/pricing/', 'marketo'),
    ]);
    expect(ids(out)).toEqual(['hs:1']);
  });

  test('the kept event borrows details the duplicate had (a form fill with answers from the forms API)', () => {
    const analytics: EngagementEvent = { id: 'hs:5', kind: 'form_submission', occurredAt: NOW - HOUR, source: 'hubspot-web-analytics', url: 'https://baton.example/demo' };
    const forms: EngagementEvent = { ...analytics, id: 'forms:5', source: 'hubspot-forms', occurredAt: NOW - HOUR + 800, title: 'Request a demo', answers: { 'Why now?': 'New VP of Sales' } };
    const out = normalizeEngagement([forms, analytics]);
    expect(out).toEqual([{ ...analytics, title: 'Request a demo', answers: { 'Why now?': 'New VP of Sales' } }]);
  });

  test('the same source twice is never merged: a reload is a real second view', () => {
    const out = normalizeEngagement([pageView('hs:1', HOUR, 'Pricing', 'https://baton.example/pricing'), pageView('hs:2', HOUR - SECOND, 'Pricing', 'https://baton.example/pricing')]);
    expect(out).toHaveLength(2);
  });

  test('outside the window, or a different page, or a different kind: not duplicates', () => {
    const base = pageView('hs:1', HOUR, 'Pricing', 'https://baton.example/pricing', 'hubspot-web-analytics');
    expect(normalizeEngagement([base, pageView('mk:1', HOUR - 2.5 * SECOND, 'Pricing', 'https://baton.example/pricing', 'marketo')])).toHaveLength(2);
    expect(normalizeEngagement([base, pageView('mk:1', HOUR - SECOND, 'Pricing', 'https://baton.example/pricing/enterprise', 'marketo')])).toHaveLength(2);
    expect(normalizeEngagement([base, { ...base, id: 'mk:1', kind: 'email_clicked', source: 'marketo' }])).toHaveLength(2);
  });

  test('events without URL match on title; events with neither are never merged', () => {
    const webinar = (id: string, source: string, title?: string): EngagementEvent => ({
      id, kind: 'webinar_attended', occurredAt: NOW - HOUR, source, ...(title === undefined ? {} : { title }),
    });
    expect(normalizeEngagement([webinar('on24:1', 'on24', 'SLA in practice'), webinar('hs:1', 'hubspot', 'sla in practice ')])).toHaveLength(1);
    expect(normalizeEngagement([webinar('on24:1', 'on24'), webinar('hs:1', 'hubspot')])).toHaveLength(2);
  });

  test('a chain does not collapse transitively: only kept events absorb duplicates', () => {
    // a (src1) at t, b (src2) at t+1.5 s -> duplicate of a; c (src2) at t+3 s is 3 s from a, the only kept event: kept.
    const t = NOW - HOUR;
    const view = (id: string, at: number, source: string) => ({ ...pageView(id, 0, 'Pricing', 'https://baton.example/pricing', source), occurredAt: at });
    const out = normalizeEngagement([view('a', t, 'src1'), view('b', t + 1500, 'src2'), view('c', t + 3000, 'src2')]);
    expect(ids(out)).toEqual(['c', 'a']);
  });

  test('the dedup window is an option', () => {
    const events = [pageView('a', HOUR, 'P', 'https://x.example/p', 's1'), pageView('b', HOUR - 5 * SECOND, 'P', 'https://x.example/p', 's2')];
    expect(normalizeEngagement(events)).toHaveLength(2);
    expect(normalizeEngagement(events, { duplicateWindowMs: 10 * SECOND })).toHaveLength(1);
  });

  test('URL comparison ignores scheme, case, fragment, trailing slash and tracking parameters, not real parameters', () => {
    expect(normalizeUrlForComparison('https://Baton.example/Pricing/?utm_source=x&plan=pro#faq')).toBe(normalizeUrlForComparison('http://baton.example/pricing?plan=pro&gclid=1'));
    expect(normalizeUrlForComparison('https://baton.example/pricing?plan=pro')).not.toBe(normalizeUrlForComparison('https://baton.example/pricing?plan=team'));
  });
});

describe('likely bots: email opened/clicked seconds after delivery', () => {
  const delivered = email('d1', 'email_delivered', NOW - HOUR);

  test('an open 3 s after delivery is flagged with the reason', () => {
    const out = normalizeEngagement([delivered, email('o1', 'email_opened', NOW - HOUR + 3 * SECOND)]);
    expect(byId(out, 'o1')).toMatchObject({ likelyBot: true, botReason: 'opened 3 s after delivery (likely a mail scanner or privacy proxy)' });
    expect(byId(out, 'd1').likelyBot).toBeUndefined();
  });

  test('a click 10 s after delivery is flagged (inclusive); 11 s is a person', () => {
    const out = normalizeEngagement([
      delivered,
      email('c1', 'email_clicked', NOW - HOUR + 10 * SECOND),
      email('c2', 'email_clicked', NOW - HOUR + 11 * SECOND),
    ]);
    expect(byId(out, 'c1').likelyBot).toBe(true);
    expect(byId(out, 'c1').botReason).toMatch(/^clicked 10 s after delivery/);
    expect(byId(out, 'c2').likelyBot).toBeUndefined();
  });

  test('matches the same email only: another campaign or subject, or an open before the delivery, is not flagged', () => {
    const out = normalizeEngagement([
      delivered,
      email('o1', 'email_opened', NOW - HOUR + 2 * SECOND, { campaign: 'Webinar invite' }),
      email('o2', 'email_opened', NOW - HOUR + 2 * SECOND, { title: 'Another subject' }),
      email('o3', 'email_opened', NOW - HOUR - 2 * SECOND),
    ]);
    expect(out.filter((e) => e.likelyBot)).toEqual([]);
  });

  test('the latest delivery counts: a re-send minutes later makes a quick open a bot again', () => {
    const out = normalizeEngagement([
      delivered,
      email('d2', 'email_delivered', NOW - HOUR + 30 * 60 * SECOND),
      email('o1', 'email_opened', NOW - HOUR + 30 * 60 * SECOND + 4 * SECOND),
      email('o2', 'email_opened', NOW - HOUR + 20 * 60 * SECOND),
    ]);
    expect(byId(out, 'o1').likelyBot).toBe(true);
    expect(byId(out, 'o2').likelyBot).toBeUndefined();
  });

  test('matching is case-insensitive and the window is an option', () => {
    const open = email('o1', 'email_opened', NOW - HOUR + 20 * SECOND, { campaign: 'NURTURE q4 ' });
    expect(byId(normalizeEngagement([delivered, open]), 'o1').likelyBot).toBeUndefined();
    expect(byId(normalizeEngagement([delivered, open], { botEmailWindowMs: 30 * SECOND }), 'o1').likelyBot).toBe(true);
  });

  test('an open of an email with neither campaign nor subject cannot be matched and is left alone', () => {
    const bare = (id: string, kind: EngagementEvent['kind'], at: number): EngagementEvent => ({ id, kind, occurredAt: at, source: 'hubspot-email' });
    const out = normalizeEngagement([bare('d', 'email_delivered', NOW - HOUR), bare('o', 'email_opened', NOW - HOUR + SECOND)]);
    expect(byId(out, 'o').likelyBot).toBeUndefined();
  });
});

describe('likely bots: click bursts', () => {
  const burst = (count: number, spacingMs: number, kind: EngagementEvent['kind'] = 'page_view') =>
    Array.from({ length: count }, (_, i): EngagementEvent => ({
      id: `b${i}`, kind, occurredAt: NOW - HOUR + i * spacingMs, source: 'hubspot-web-analytics', url: `https://baton.example/p${i}`, title: `Page ${i}`,
    }));

  test('5 page views within 2 s are all flagged', () => {
    const out = normalizeEngagement(burst(5, 500));
    expect(out.every((e) => e.likelyBot)).toBe(true);
    expect(out[0]!.botReason).toBe('part of a burst of 5+ clicks/page views within 2 s (likely automated)');
  });

  test('4 within 2 s are a fast reader, not a bot', () => {
    expect(normalizeEngagement(burst(4, 500)).some((e) => e.likelyBot)).toBe(false);
  });

  test('5 spread over 2.4 s are not a burst', () => {
    expect(normalizeEngagement(burst(5, 600)).some((e) => e.likelyBot)).toBe(false);
  });

  test('email clicks count towards a burst together with page views; a long run flags every event in it', () => {
    const events = [...burst(3, 300, 'email_clicked'), ...burst(8, 300).map((e) => ({ ...e, id: `p${e.id}`, occurredAt: e.occurredAt + 900 }))];
    const out = normalizeEngagement(events);
    expect(out.filter((e) => e.likelyBot)).toHaveLength(11);
  });

  test('other kinds (forms, downloads) never make a burst, and a quiet view next to a burst is not flagged', () => {
    const forms = burst(6, 100, 'content_download');
    const quiet = pageView('quiet', HOUR - 10 * SECOND, 'Home', 'https://baton.example/');
    const out = normalizeEngagement([...forms, quiet, ...burst(5, 100).map((e) => ({ ...e, id: `v${e.id}`, occurredAt: e.occurredAt - 30 * SECOND }))]);
    expect(out.filter((e) => e.kind === 'content_download' && e.likelyBot)).toEqual([]);
    expect(byId(out, 'quiet').likelyBot).toBeUndefined();
    expect(out.filter((e) => e.kind === 'page_view' && e.likelyBot)).toHaveLength(5);
  });

  test('burst thresholds are options', () => {
    expect(normalizeEngagement(burst(3, 500), { burstMinEvents: 3 }).every((e) => e.likelyBot)).toBe(true);
    expect(normalizeEngagement(burst(5, 600), { burstWindowMs: 3 * SECOND }).every((e) => e.likelyBot)).toBe(true);
  });

  test('an event that is both a quick click and part of a burst gives both reasons', () => {
    const delivered = email('d1', 'email_delivered', NOW - HOUR);
    const clicks = Array.from({ length: 5 }, (_, i) => email(`c${i}`, 'email_clicked', NOW - HOUR + 2 * SECOND + i * 100));
    const out = normalizeEngagement([delivered, ...clicks]);
    expect(byId(out, 'c0').botReason).toBe(
      'clicked 2 s after delivery (likely a mail scanner or privacy proxy); part of a burst of 5+ clicks/page views within 2 s (likely automated)',
    );
  });
});

describe('cross-source duplicates against the rule written out plainly', () => {
  /**
   * The rule as documented on dedupeAcrossSources, without any of its shortcuts: in time order, an
   * event is dropped when the latest kept event of another source with the same kind and page (or,
   * without URLs, title) lies within the window; the earliest such event borrows what it lacks.
   */
  function reference(events: readonly EngagementEvent[], windowMs: number): EngagementEvent[] {
    const sorted = [...events].sort((a, b) => a.occurredAt - b.occurredAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
    const keyOf = (e: EngagementEvent) =>
      e.url !== undefined && e.url.trim() !== '' ? `u ${normalizeUrlForComparison(e.url)}` : e.title !== undefined && e.title.trim() !== '' ? `t ${e.title.trim().toLowerCase()}` : null;
    const latest = new Map<string, Map<string, number>>();
    const kept: number[] = [];
    sorted.forEach((event, k) => {
      const key = keyOf(event);
      if (key === null) return void kept.push(k);
      const bySource = latest.get(`${event.kind}\u0000${key}`) ?? new Map<string, number>();
      latest.set(`${event.kind}\u0000${key}`, bySource);
      const candidates = [...bySource].filter(([source, p]) => source !== event.source && !(event.occurredAt - sorted[p]!.occurredAt > windowMs));
      if (candidates.length === 0) {
        bySource.set(event.source, k);
        kept.push(k);
        return;
      }
      const into = Math.min(...candidates.map(([, p]) => p));
      const target = { ...sorted[into]! };
      for (const field of ['campaign', 'url', 'title', 'answers'] as const) if (target[field] === undefined && event[field] !== undefined) Object.assign(target, { [field]: event[field] });
      sorted[into] = target;
    });
    return kept.map((k) => sorted[k]!).reverse();
  }

  test('random clustered timelines from several sources (bot rules switched off)', () => {
    const event = fc.record(
      {
        kind: fc.constantFrom('page_view', 'form_submission', 'email_clicked'),
        occurredAt: fc.tuple(fc.constantFrom(0, 10 * SECOND, HOUR), fc.integer({ min: 0, max: 5 * SECOND })).map(([base, jitter]) => NOW - base - jitter),
        source: fc.constantFrom('hubspot-web-analytics', 'marketo', 'hubspot-forms'),
        url: fc.constantFrom('https://baton.example/pricing', 'https://BATON.example/pricing/?utm_source=x', 'https://baton.example/demo', ' '),
        title: fc.constantFrom('Pricing', ' pricing ', 'Demo', ''),
        campaign: fc.constantFrom('Q4'),
        answers: fc.constant({ 'Budget?': '20k' }),
      },
      { requiredKeys: ['kind', 'occurredAt', 'source'] },
    );
    fc.assert(
      fc.property(fc.array(event, { maxLength: 40 }), fc.constantFrom(0, 2 * SECOND, 4 * SECOND), (partial, windowMs) => {
        const events: EngagementEvent[] = partial.map((e, i) => ({ id: `e${i}`, ...e }));
        const options = { duplicateWindowMs: windowMs, botEmailWindowMs: -1, burstMinEvents: Number.MAX_SAFE_INTEGER };
        expect(normalizeEngagement(events, options)).toEqual(reference(events, windowMs));
      }),
      { numRuns: 1_000 },
    );
  });
});
