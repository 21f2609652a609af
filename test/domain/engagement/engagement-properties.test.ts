import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ENGAGEMENT_KINDS, type EngagementEvent } from '../../../lib/domain/engagement/engagement-event';
import { compareNewestFirst, normalizeEngagement } from '../../../lib/domain/engagement/normalize-engagement';
import { normalizeUrlForComparison } from '../../../lib/domain/engagement/normalize-url-for-comparison';
import { summarizeEngagement } from '../../../lib/domain/engagement/summarize-engagement';
import { DAY, HOUR, NOW, collectEventIds, collectHrefs, collectStrings, makeLead, type BriefLead } from './engagement-fixtures';

const HOSTILE_TEXT = ['<img src=x onerror=alert(1)>', '<script>alert(1)</script>', '"><svg onload=alert(1)>', "Robert'); DROP TABLE leads;--", '\u202egnp.exe'];
const HOSTILE_URLS = ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'http://baton.example/pricing', 'https://user:pass@evil.example/', '//evil.example/x', 'vbscript:msgbox(1)'];
const TITLES = ['Pricing', 'Request a demo', 'Contact sales', 'Baton vs Acme', 'API reference', 'SOC 2 report', 'Customer story: Northwind', 'Blog: handoff', 'Newsletter #4', 'Implementation guide', ...HOSTILE_TEXT];
const URLS = ['https://baton.example/pricing', 'https://baton.example/demo', 'https://baton.example/vs/acme', 'https://developers.baton.example/api', 'https://baton.example/blog/x?utm_source=a', ...HOSTILE_URLS];

/**
 * Events crowded into a few moments (so duplicates, bursts and quick opens actually happen), with a
 * small id pool (so id collisions happen), a few sources, and hostile strings mixed in.
 */
/** Mostly the few common values (so events collide), sometimes anything from the full list. */
const mostly = <T>(common: readonly T[], all: readonly T[]) =>
  fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...common) }, { weight: 1, arbitrary: fc.constantFrom(...all) });

const eventArb: fc.Arbitrary<EngagementEvent> = fc.record(
  {
    id: fc.integer({ min: 0, max: 40 }).map((n) => `e${n}`),
    kind: mostly(['page_view', 'email_delivered', 'email_opened', 'email_clicked', 'form_submission'] as const, ENGAGEMENT_KINDS),
    occurredAt: fc
      .tuple(mostly([0, DAY], [HOUR, 3 * DAY, 40 * DAY, -HOUR]), fc.integer({ min: 0, max: 4_000 }))
      .map(([base, jitter]) => NOW - base - jitter),
    source: fc.constantFrom('hubspot-web-analytics', 'hubspot-email', 'marketo'),
    campaign: mostly(['Nurture Q4'], ['Webinar invite', ...HOSTILE_TEXT]),
    url: mostly(['https://baton.example/pricing', 'https://baton.example/demo'], URLS),
    title: mostly(['Pricing', 'Request a demo'], TITLES),
    answers: fc.dictionary(
      fc.constantFrom("What's your biggest challenge?", 'Budget?', 'Email', ...HOSTILE_TEXT),
      fc.constantFrom('Too expensive', 'We use Acme', 'SOC 2 first', ...HOSTILE_TEXT, ...HOSTILE_URLS),
      { maxKeys: 3 },
    ),
    likelyBot: fc.boolean(),
    botReason: fc.constantFrom('forged by the source'),
  },
  { requiredKeys: ['id', 'kind', 'occurredAt', 'source'] },
);

const eventsArb = fc.array(eventArb, { maxLength: 60, size: 'medium' });

const leadArb: fc.Arbitrary<BriefLead> = fc.record({
  firstName: fc.option(fc.constantFrom('Dana', ...HOSTILE_TEXT), { nil: null }),
  formAnswers: fc.array(
    fc.record({
      question: fc.constantFrom('What worries you?', 'Email', 'Team size', ...HOSTILE_TEXT),
      answer: fc.constantFrom('Too expensive', 'Need SSO', '', ...HOSTILE_TEXT, ...HOSTILE_URLS),
      answeredAt: fc.integer({ min: NOW - 60 * DAY, max: NOW }),
      form: fc.option(fc.constantFrom('Demo request', ...HOSTILE_TEXT), { nil: null }),
    }),
    { maxLength: 4 },
  ),
  recentConversion: fc.option(fc.record({ name: fc.constantFrom('Request a demo', 'Ebook', ...HOSTILE_TEXT), at: fc.option(fc.integer({ min: NOW - 60 * DAY, max: NOW }), { nil: null }) }), { nil: null }),
  handedOffAt: fc.option(fc.integer({ min: NOW - 5 * DAY, max: NOW }), { nil: null }),
  ownerAssignedAt: fc.option(fc.integer({ min: NOW - 5 * DAY, max: NOW }), { nil: null }),
});

/** The same events in another order. */
const eventsAndShuffleArb = eventsArb.chain((events) =>
  fc.tuple(fc.constant(events), fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length })),
);

describe('normalizeEngagement properties', () => {
  test('is idempotent', () => {
    fc.assert(
      fc.property(eventsArb, (events) => {
        const once = normalizeEngagement(events);
        expect(normalizeEngagement(once)).toStrictEqual(once);
      }),
    );
  });

  test('output is sorted newest first (ties by id), with unique ids', () => {
    fc.assert(
      fc.property(eventsArb, (events) => {
        const out = normalizeEngagement(events);
        for (let i = 1; i < out.length; i++) expect(compareNewestFirst(out[i - 1]!, out[i]!)).toBeLessThan(0);
        expect(new Set(out.map((e) => e.id)).size).toBe(out.length);
      }),
    );
  });

  test('dedup never increases the count and never invents an event', () => {
    fc.assert(
      fc.property(eventsArb, (events) => {
        const out = normalizeEngagement(events);
        expect(out.length).toBeLessThanOrEqual(events.length);
        const inputIds = new Set(events.map((e) => e.id));
        for (const e of out) expect(inputIds.has(e.id)).toBe(true);
      }),
    );
  });

  test('does not depend on input order', () => {
    fc.assert(
      fc.property(eventsAndShuffleArb, ([events, shuffled]) => {
        expect(normalizeEngagement(shuffled)).toStrictEqual(normalizeEngagement(events));
      }),
    );
  });

  test('a bot flag always comes with its reason, and is never taken from the source', () => {
    fc.assert(
      fc.property(eventsArb, (events) => {
        for (const e of normalizeEngagement(events)) {
          expect(e.likelyBot === true).toBe(e.botReason !== undefined);
          expect(e.botReason).not.toBe('forged by the source');
          if (e.likelyBot) expect(['page_view', 'email_clicked', 'email_opened']).toContain(e.kind);
        }
      }),
    );
  });
});

describe('normalizeEngagement against brute-force oracles', () => {
  /** Dense timelines: 0-30 events within 12 s, so bursts, quick opens and duplicates are common. */
  const denseArb = fc.array(
    fc.record({
      id: fc.integer({ min: 0, max: 1_000 }).map((n) => `d${n}`),
      kind: fc.constantFrom('page_view', 'email_clicked', 'email_opened', 'email_delivered', 'content_download'),
      occurredAt: fc.integer({ min: NOW, max: NOW + 12_000 }),
      source: fc.constantFrom('a', 'b'),
      campaign: fc.constantFrom('Nurture', 'Invite'),
      url: fc.constantFrom('https://x.example/p', 'https://x.example/q'),
      title: fc.constantFrom('Pricing', 'Blog'),
    }),
    { maxLength: 30 },
  ) as fc.Arbitrary<EngagementEvent[]>;

  const isBurstKind = (e: EngagementEvent) => e.kind === 'page_view' || e.kind === 'email_clicked';

  test('burst flag <=> at least 5 clicks/page views within some 2 s span that includes the event', () => {
    fc.assert(
      fc.property(denseArb, (events) => {
        const out = normalizeEngagement(events);
        const burstTimes = out.filter(isBurstKind).map((e) => e.occurredAt);
        for (const e of out) {
          const expected =
            isBurstKind(e) &&
            burstTimes.some((start) => start <= e.occurredAt && e.occurredAt <= start + 2_000 && burstTimes.filter((t) => t >= start && t <= start + 2_000).length >= 5);
          expect(e.botReason?.includes('burst') ?? false).toBe(expected);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('quick-open flag <=> a delivery of the same email 0-10 s before', () => {
    fc.assert(
      fc.property(denseArb, (events) => {
        const out = normalizeEngagement(events);
        const deliveries = out.filter((e) => e.kind === 'email_delivered');
        for (const e of out) {
          const expected =
            (e.kind === 'email_opened' || e.kind === 'email_clicked') &&
            deliveries.some((d) => d.campaign === e.campaign && d.title === e.title && e.occurredAt - d.occurredAt >= 0 && e.occurredAt - d.occurredAt <= 10_000);
          expect(e.botReason?.includes('after delivery') ?? false).toBe(expected);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('no two events left that the cross-source rule would merge', () => {
    fc.assert(
      fc.property(denseArb, (events) => {
        const out = normalizeEngagement(events);
        for (const a of out) {
          for (const b of out) {
            const same = a.kind === b.kind && normalizeUrlForComparison(a.url!) === normalizeUrlForComparison(b.url!);
            if (a !== b && same && a.source !== b.source) expect(Math.abs(a.occurredAt - b.occurredAt)).toBeGreaterThan(2_000);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('summarizeEngagement properties', () => {
  test('shuffling the input gives the same brief', () => {
    fc.assert(
      fc.property(eventsAndShuffleArb, leadArb, ([events, shuffled], lead) => {
        expect(summarizeEngagement({ lead, events: shuffled, now: NOW })).toStrictEqual(summarizeEngagement({ lead, events, now: NOW }));
      }),
    );
  });

  test('bot-flagged and future events never appear among the eventIds of any statement', () => {
    fc.assert(
      fc.property(eventsArb, leadArb, (events, lead) => {
        const allowed = new Set(normalizeEngagement(events).filter((e) => !e.likelyBot && e.occurredAt <= NOW).map((e) => e.id));
        const brief = summarizeEngagement({ lead, events, now: NOW });
        for (const id of collectEventIds(brief)) expect(allowed.has(id)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  test('every eventIds list is newest first without repeats', () => {
    fc.assert(
      fc.property(eventsArb, leadArb, (events, lead) => {
        const order = new Map(normalizeEngagement(events).map((e, i) => [e.id, i]));
        const brief = summarizeEngagement({ lead, events, now: NOW });
        const lists: string[][] = [];
        const walk = (v: unknown): void => {
          if (Array.isArray(v)) v.forEach(walk);
          else if (v !== null && typeof v === 'object') for (const [k, c] of Object.entries(v)) (k === 'eventIds' ? lists.push(c as string[]) : walk(c));
        };
        walk(brief);
        for (const list of lists) {
          expect(new Set(list).size).toBe(list.length);
          for (let i = 1; i < list.length; i++) expect(order.get(list[i - 1]!)!).toBeLessThan(order.get(list[i]!)!);
        }
      }),
    );
  });

  test('hostile strings come out verbatim as text, and only https: URLs ever become links', () => {
    fc.assert(
      fc.property(eventsArb, leadArb, (events, lead) => {
        const brief = summarizeEngagement({ lead, events, now: NOW });
        for (const href of collectHrefs(brief)) {
          if (href !== null) {
            expect(new URL(href).protocol).toBe('https:');
            expect(href).not.toMatch(/javascript:|data:|vbscript:|@/i);
          }
        }
        // Answers are quoted exactly as typed: no escaping, no trimming, no stripping of tags.
        const typed = new Set([
          ...lead.formAnswers.map((a) => a.answer),
          ...events.flatMap((e) => Object.values(e.answers ?? {})),
        ]);
        for (const quote of brief.theirWords) expect(typed.has(quote.answer)).toBe(true);
        // No string in the brief was HTML-escaped along the way.
        for (const s of collectStrings(brief)) expect(s).not.toMatch(/&lt;|&gt;|&quot;|&#/);
      }),
    );
  });

  test('is a pure function of its input', () => {
    fc.assert(
      fc.property(eventsArb, leadArb, (events, lead) => {
        // JSON, not structuredClone: fast-check builds null-prototype records, which a clone would not keep.
        const snapshot = JSON.stringify(events);
        const a = summarizeEngagement({ lead, events, now: NOW });
        expect(JSON.stringify(events)).toBe(snapshot);
        expect(summarizeEngagement({ lead, events, now: NOW })).toStrictEqual(a);
      }),
    );
  });
});
