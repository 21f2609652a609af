import type { Lead } from '../lead';
import { describeFrequency, describeRecency } from './brief-activity';
import { chooseBuyingStage } from './brief-buying-stage';
import { describeInterests, rankTopics } from './brief-interests';
import { createMatcher } from './brief-matcher';
import { chooseNextStep } from './brief-next-step';
import { findObjections } from './brief-objections';
import { writeOpener } from './brief-opener';
import type { IdsAt } from './brief-positions';
import { chooseTheirWords } from './brief-their-words';
import { scanTimeline } from './brief-timeline-scan';
import { chooseTrigger } from './brief-trigger';
import type { EngagementBrief } from './engagement-brief';
import type { EngagementEvent } from './engagement-event';
import { DEFAULT_HANDOFF_TRIGGERS, type HandoffTrigger } from './handoff-triggers';
import type { NormalizeEngagementOptions } from './normalize-engagement';
import { DEFAULT_OBJECTION_RULES, type ObjectionRules } from './objection-rules';
import { DEFAULT_TOPIC_MAP, type TopicMap } from './topic-map';

/**
 * The "before you call" brief: why this lead is here (trigger), what they told us (their words),
 * what they care about (interests), how warm they are (recency, frequency, buying stage), what
 * they will push back on (objections), what to do (next step) and how to open (opener).
 *
 * Deterministic and explainable: the same lead, events (in any order) and `now` give the same
 * brief; every sentence comes from a written rule (topic map, objection rules, handoff triggers —
 * all admin-editable) and carries the ids of the events behind it. Bot-flagged events never
 * count. Strings from events are copied verbatim into plain-text fields; the only link fields are
 * `href`, and they are https: or null.
 */
export interface SummarizeEngagementInput {
  lead: Pick<Lead, 'firstName' | 'formAnswers' | 'recentConversion' | 'handedOffAt' | 'ownerAssignedAt'>;
  /** Raw or normalised: they are normalised here (idempotent), so source bot flags are never trusted. */
  events: readonly EngagementEvent[];
  /** Epoch ms. Events after `now` are ignored, so a past lead can be replayed as of its handoff. */
  now: number;
  topicMap?: TopicMap;
  objectionRules?: ObjectionRules;
  handoffTriggers?: readonly HandoffTrigger[];
  /** The agreed next step of the lead's SLA tier, e.g. { label: 'Book the demo', tier: 'inbound-demo' }. */
  nextStep?: { label: string; tier?: string };
  normalizeOptions?: NormalizeEngagementOptions;
  /** Default 5. */
  maxInterests?: number;
  /** Default 20. */
  maxTheirWords?: number;
}

/**
 * One scan of the timeline (brief-timeline-scan.ts) collects what every section needs; each section
 * is then derived from that scan in its own brief-*.ts file.
 */
export function summarizeEngagement(input: SummarizeEngagementInput): EngagementBrief {
  const { lead, now } = input;
  const topicMap = input.topicMap ?? DEFAULT_TOPIC_MAP;
  const objectionRules = input.objectionRules ?? DEFAULT_OBJECTION_RULES;
  const triggers = input.handoffTriggers ?? DEFAULT_HANDOFF_TRIGGERS;
  const maxInterests = input.maxInterests ?? 5;
  const maxTheirWords = input.maxTheirWords ?? 20;

  const matcher = createMatcher(topicMap, triggers);
  const scan = scanTimeline({ events: input.events, normalizeOptions: input.normalizeOptions, now, formAnswers: lead.formAnswers, topicMap, matcher });
  const { considered } = scan;
  // Sections hold positions in `considered` until the end (see brief-positions.ts).
  const idsAt: IdsAt = (positions) => positions.map((p) => considered[p]!.id);

  const { trigger, positions: triggerPositions } = chooseTrigger(lead, now, considered, scan.highIntent, triggers, matcher);
  const triggerRule = trigger.ruleId === null ? null : (triggers.find((r) => r.id === trigger.ruleId) ?? null);

  const { all: allQuotes, shown: theirWords } = chooseTheirWords(scan.quotes, maxTheirWords, idsAt);

  const rankedTopics = rankTopics(scan.topicAcc, maxInterests);

  return {
    generatedAt: now,
    trigger,
    theirWords,
    theirWordsOmitted: allQuotes.length - theirWords.length,
    interests: describeInterests(rankedTopics, topicMap, now, idsAt),
    recency: describeRecency(scan.lastTouch, now),
    frequency: describeFrequency(scan, idsAt),
    buyingStage: chooseBuyingStage(
      now, trigger, triggerRule, scan.highIntent, triggers, scan.stageEvidence, scan.stageTopics, topicMap, scan.recentPositions, idsAt,
    ),
    objections: findObjections(objectionRules, topicMap, scan.topicAcc, allQuotes, now, considered, idsAt),
    nextStep: chooseNextStep(input.nextStep, trigger, triggerRule),
    opener: writeOpener(lead.firstName, trigger, triggerRule, triggerPositions, rankedTopics, topicMap, idsAt, allQuotes),
    ignored: { likelyBot: scan.ignoredBots, afterNow: scan.ignoredFuture },
  };
}
