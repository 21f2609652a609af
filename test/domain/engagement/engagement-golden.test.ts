import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import type { EngagementEvent } from '../../../lib/domain/engagement/engagement-event';
import type { EngagementBrief } from '../../../lib/domain/engagement/engagement-brief';
import { normalizeEngagement } from '../../../lib/domain/engagement/normalize-engagement';
import { summarizeEngagement, type SummarizeEngagementInput } from '../../../lib/domain/engagement/summarize-engagement';
import { topicMapSchema } from '../../../lib/domain/engagement/topic-map';
import { createSeededRandom } from '../../../lib/sandbox/seeded-random';
import { BENCH_LEAD, NOW, generateCrawl, generateDistinctEvents, generateEvents } from '../../bench/engagement.bench';
import { DAY, makeLead } from './engagement-fixtures';

/**
 * Golden output: the brief and the normalised timeline for the timelines the engagement bench
 * measures (typical, every page distinct, one-page crawl) and for several seeded histories, recorded
 * from the implementation before the performance work. Optimisations must leave every byte as it was:
 * each case stores a SHA-256 of the JSON (the full output is megabytes of event ids) plus the brief's
 * sentences, so a failure still shows in words what changed.
 *
 * Deterministic by construction: the bench's generators use the sandbox's seeded PRNG, and `now` is
 * fixed. If a generator, a default rule set or the wording changes on purpose, regenerate with
 * `npx vitest run --config test/vitest.config.ts test/domain/engagement/engagement-golden -u`
 * and say why in the commit.
 */

/** Unicode, punctuation and regex syntax in titles and URLs: exercises the slow paths of matching. */
const HOSTILE_SUFFIXES = [' — PRÉPARATION', ' İstanbul', ' (a+)+$ [x]', ' 𝐀𝐏𝐈 docs', ' ﬁnance', ' ÉTUDE de cas', ' \u0000\ud800 lone', ' Straße', ' 価格 プラン', ' x'.repeat(200)];

function withHostileText(events: readonly EngagementEvent[], seed: number): EngagementEvent[] {
  const random = createSeededRandom(seed);
  return events.map((event) => {
    if (!random.chance(0.3)) return event;
    const suffix = random.pick(HOSTILE_SUFFIXES);
    return {
      ...event,
      ...(event.title === undefined ? {} : { title: event.title + suffix }),
      ...(event.url === undefined ? {} : { url: `${event.url}/${suffix.trim().slice(0, 40)}` }),
      ...(event.answers === undefined ? {} : { answers: Object.fromEntries(Object.entries(event.answers).map(([q, a]) => [q, a + suffix])) }),
    };
  });
}

/** Multi-word and prefix keywords, unicode keywords, keywords shared between topics. */
const HOSTILE_TOPIC_MAP = topicMapSchema.parse({
  topics: [
    { id: 'fr', label: 'French', keywords: ['préparation', 'étude de*', 'cas'], phrase: 'p', offer: 'o' },
    { id: 'api', label: 'API', keywords: ['𝐀𝐏𝐈', 'api*', 'docs'], stage: 'decision', phrase: 'p', offer: 'o' },
    { id: 'pricing', label: 'Pricing', keywords: ['pric*', 'compare plans', '価格'], stage: 'decision', phrase: 'p', offer: 'o' },
    { id: 'overlap', label: 'Overlap', keywords: ['plans', 'compare*', 'x x x'], stage: 'awareness', phrase: 'p', offer: 'o' },
    { id: 'german', label: 'German', keywords: ['straße', 'strasse', 'finance'], phrase: 'p', offer: 'o' },
    { id: 'turkish', label: 'Turkish', keywords: ['i̇stanbul', 'istanbul'], phrase: 'p', offer: 'o' },
  ],
});

interface GoldenCase {
  name: string;
  input: SummarizeEngagementInput;
}

function cases(): GoldenCase[] {
  const noHandoff = makeLead({ recentConversion: { name: 'Request a demo', at: NOW - 3 * DAY } });
  const list: GoldenCase[] = [
    { name: 'bench: typical 10,000 events (seed 42)', input: { lead: BENCH_LEAD, events: generateEvents(10_000, 42), now: NOW } },
    { name: 'bench: worst case, 10,000 distinct pages', input: { lead: BENCH_LEAD, events: generateDistinctEvents(10_000), now: NOW } },
    { name: 'bench: one-page crawl x 10,000', input: { lead: BENCH_LEAD, events: generateCrawl(10_000), now: NOW } },
    { name: 'distinct pages, no handoff recorded', input: { lead: noHandoff, events: generateDistinctEvents(3_000), now: NOW } },
  ];
  for (const seed of [1, 2, 3, 7, 1234]) {
    const events = generateEvents(2_000 + seed, seed);
    list.push({ name: `seeded history ${seed}`, input: { lead: BENCH_LEAD, events, now: NOW - (seed % 3) * 20 * DAY } });
    list.push({ name: `seeded history ${seed}, no handoff`, input: { lead: noHandoff, events, now: NOW } });
  }
  for (const seed of [5, 6]) {
    const events = withHostileText(generateEvents(1_500, seed), seed);
    list.push({ name: `hostile text ${seed}, default rules`, input: { lead: BENCH_LEAD, events, now: NOW } });
    list.push({ name: `hostile text ${seed}, hostile topic map`, input: { lead: noHandoff, events, now: NOW, topicMap: HOSTILE_TOPIC_MAP } });
  }
  list.push({
    name: 'hostile text, distinct pages, hostile topic map',
    input: { lead: noHandoff, events: withHostileText(generateDistinctEvents(2_000), 9), now: NOW, topicMap: HOSTILE_TOPIC_MAP },
  });
  return list;
}

const sha256 = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/** The brief's sentences, in reading order. */
function sentences(brief: EngagementBrief): string[] {
  return [
    brief.trigger.text,
    ...brief.theirWords.slice(0, 5).map((q) => q.text),
    ...brief.interests.map((i) => i.text),
    brief.recency.text,
    brief.frequency.text,
    brief.buyingStage.text,
    ...brief.objections.map((o) => o.text),
    ...(brief.nextStep ? [brief.nextStep.text] : []),
    brief.opener.text,
  ];
}

describe('engagement golden output (byte-identical across optimisations)', () => {
  test('briefs and normalised timelines match the recorded output', async () => {
    const golden = cases().map(({ name, input }) => {
      const timeline = normalizeEngagement(input.events, input.normalizeOptions);
      const brief = summarizeEngagement(input);
      return {
        name,
        events: input.events.length,
        normalized: timeline.length,
        likelyBots: timeline.filter((e) => e.likelyBot).length,
        timelineSha256: sha256(timeline),
        briefSha256: sha256(brief),
        sentences: sentences(brief),
      };
    });
    await expect(`${JSON.stringify(golden, null, 2)}\n`).toMatchFileSnapshot('./__golden__/engagement-golden.json');
  });
});
