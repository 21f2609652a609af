import type { Lead } from '../lead';
import type { BriefEvidenceLink } from './engagement-brief';
import type { EngagementEvent, EngagementKind } from './engagement-event';
import type { Matcher } from './brief-matcher';
import { QuoteCollector } from './brief-their-words';
import { eventLabel } from './brief-wording';
import { normalizeEngagement, type NormalizeEngagementOptions } from './normalize-engagement';
import { toSafeHref } from './safe-href';
import { BUYING_STAGES, type BuyingStage, type TopicMap } from './topic-map';

export const DAY = 86_400_000;
/** Window for the buying-stage hint and the "last 30 days" figures. */
export const STAGE_WINDOW_MS = 30 * DAY;

/** A delivery is something we did, not something they did: it is never a touch, interest or trigger. */
const PROSPECT_KINDS: ReadonlySet<EngagementKind> = new Set([
  'page_view',
  'form_submission',
  'content_download',
  'webinar_registered',
  'webinar_attended',
  'email_opened',
  'email_clicked',
  'meeting',
  'chat',
]);

/**
 * Kinds whose title says what the prospect chose to look at. Opens are left out: the subject is
 * what *we* chose to send, and many opens are privacy-proxy prefetches that the timing rule cannot
 * catch; a click is a choice.
 */
const INTEREST_KINDS: ReadonlySet<EngagementKind> = new Set([
  'page_view',
  'form_submission',
  'content_download',
  'webinar_registered',
  'webinar_attended',
  'email_clicked',
  'meeting',
  'chat',
]);

/** Everything the brief learns about one topic (one per topic of the map, in map order). */
export interface TopicAccumulator {
  positions: number[];
  lastAt: number;
  lastEvent: EngagementEvent | null;
  examples: BriefEvidenceLink[];
}

/** An event that meets a handoff-trigger rule. */
export interface HighIntent {
  event: EngagementEvent;
  position: number;
  ruleIndex: number;
}

export interface ScanTimelineInput {
  events: readonly EngagementEvent[];
  normalizeOptions: NormalizeEngagementOptions | undefined;
  now: number;
  formAnswers: Lead['formAnswers'];
  topicMap: TopicMap;
  matcher: Matcher;
}

/** What the one pass over the timeline collects; every section of the brief is derived from it. */
export interface TimelineScan {
  /** The events that count, newest first; every "position" is an index into this list. */
  considered: EngagementEvent[];
  ignoredBots: number;
  ignoredFuture: number;
  /** One per topic of the map, in map order. */
  topicAcc: TopicAccumulator[];
  /** Newest first. */
  highIntent: HighIntent[];
  quotes: QuoteCollector;
  /** The newest prospect event (deliveries are ours, not theirs). */
  lastTouch: EngagementEvent | null;
  last7: number;
  last30: number;
  total: number;
  /** Distinct days with a prospect event in the last 30 days. */
  activeDays30: number;
  /** Prospect events in the last 30 days. */
  recentPositions: number[];
  /** Per stage, the interest events of the last 30 days whose highest topic stage it is. */
  stageEvidence: Record<BuyingStage, number[]>;
  /** Per stage, the topics of that stage behind its evidence. */
  stageTopics: Record<BuyingStage, Set<number>>;
}

export function scanTimeline({ events, normalizeOptions, now, formAnswers, topicMap, matcher }: ScanTimelineInput): TimelineScan {
  // Bot-flagged events never drive the brief; neither do events after `now`.
  const timeline = normalizeEngagement(events, normalizeOptions);
  const considered: EngagementEvent[] = [];
  let ignoredBots = 0;
  let ignoredFuture = 0;
  for (const event of timeline) {
    if (event.likelyBot) ignoredBots++;
    else if (event.occurredAt > now) ignoredFuture++;
    else considered.push(event);
  }

  // One pass over the timeline collects everything the sections need.
  const topicAcc: TopicAccumulator[] = topicMap.topics.map(() => ({ positions: [], lastAt: 0, lastEvent: null, examples: [] }));
  const highIntent: HighIntent[] = [];
  const quoteCollector = new QuoteCollector();
  quoteCollector.addLeadAnswers(formAnswers);
  let lastTouch: EngagementEvent | null = null;
  let last7 = 0;
  let last30 = 0;
  let total = 0;
  const activeDays = new Set<number>();
  const recentPositions: number[] = [];
  const stageEvidence: Record<BuyingStage, number[]> = { awareness: [], consideration: [], decision: [] };
  const stageTopics: Record<BuyingStage, Set<number>> = { awareness: new Set(), consideration: new Set(), decision: new Set() };

  for (let position = 0; position < considered.length; position++) {
    const event = considered[position]!;
    const age = now - event.occurredAt;
    if (PROSPECT_KINDS.has(event.kind)) {
      total++;
      lastTouch ??= event;
      if (age < 7 * DAY) last7++;
      if (age < STAGE_WINDOW_MS) {
        last30++;
        activeDays.add(Math.floor(age / DAY));
        recentPositions.push(position);
      }
    }
    const ruleIndex = matcher.triggerOf(event);
    if (ruleIndex !== -1) highIntent.push({ event, position, ruleIndex });
    if (INTEREST_KINDS.has(event.kind)) {
      const topics = matcher.topicsOf(event);
      let stage = -1;
      for (const t of topics) {
        const acc = topicAcc[t]!;
        if (acc.lastEvent === null) {
          acc.lastEvent = event;
          acc.lastAt = event.occurredAt;
        }
        acc.positions.push(position);
        if (acc.examples.length < 3) {
          const label = eventLabel(event);
          if (!acc.examples.some((x) => x.label === label)) acc.examples.push({ eventId: event.id, label, href: toSafeHref(event.url) });
        }
        stage = Math.max(stage, BUYING_STAGES.indexOf(topicMap.topics[t]!.stage));
      }
      if (stage !== -1 && age < STAGE_WINDOW_MS) {
        const s = BUYING_STAGES[stage]!;
        stageEvidence[s].push(position);
        for (const t of topics) if (topicMap.topics[t]!.stage === s) stageTopics[s].add(t);
      }
    }
    if (event.answers) quoteCollector.addEventAnswers(event, position);
  }

  return {
    considered,
    ignoredBots,
    ignoredFuture,
    topicAcc,
    highIntent,
    quotes: quoteCollector,
    lastTouch,
    last7,
    last30,
    total,
    activeDays30: activeDays.size,
    recentPositions,
    stageEvidence,
    stageTopics,
  };
}
