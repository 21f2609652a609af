import type { Lead } from '../lead';
import { describeAgo, describeDuration } from './describe-time';
import type {
  BriefBuyingStage,
  BriefEvidenceLink,
  BriefFrequency,
  BriefInterest,
  BriefNextStep,
  BriefObjection,
  BriefQuote,
  BriefRecency,
  BriefStatement,
  BriefTrigger,
  EngagementBrief,
} from './engagement-brief';
import type { EngagementEvent, EngagementKind } from './engagement-event';
import { DEFAULT_HANDOFF_TRIGGERS, type HandoffTrigger } from './handoff-triggers';
import { compileKeywords, createKeywordMatcher, matchesAnyKeyword, normalizeForMatching } from './match-keywords';
import { normalizeEngagement, type NormalizeEngagementOptions } from './normalize-engagement';
import { DEFAULT_OBJECTION_RULES, type ObjectionRules } from './objection-rules';
import { toSafeHref } from './safe-href';
import { BUYING_STAGES, DEFAULT_TOPIC_MAP, type BuyingStage, type Topic, type TopicMap } from './topic-map';

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

const DAY = 86_400_000;
/** Systems stamp the same moment differently; a conversion a little after the recorded handoff still caused it. */
const HANDOFF_TOLERANCE_MS = 2 * 60_000;
/** Window for the buying-stage hint and the "last 30 days" figures. */
const STAGE_WINDOW_MS = 30 * DAY;

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

const ACTION_VERBS: Record<EngagementKind, string> = {
  page_view: 'viewed',
  form_submission: 'submitted',
  content_download: 'downloaded',
  webinar_registered: 'registered for',
  webinar_attended: 'attended',
  email_delivered: 'was sent',
  email_opened: 'opened',
  email_clicked: 'clicked a link in',
  meeting: 'booked',
  chat: 'chatted in',
};

const KIND_NOUNS: Record<EngagementKind, string> = {
  page_view: 'a page',
  form_submission: 'a form',
  content_download: 'an asset',
  webinar_registered: 'a webinar',
  webinar_attended: 'a webinar',
  email_delivered: 'an email',
  email_opened: 'an email',
  email_clicked: 'an email',
  meeting: 'a meeting',
  chat: 'a chat',
};

/**
 * Form fields that are contact details, not the prospect's words: the rep already sees them on the
 * record. Matched on the normalised question; hidden tracking fields (utm_*, hs_*) too.
 */
const CONTACT_FIELD_QUESTIONS = new Set(
  [
    'email', 'e-mail', 'email address', 'work email', 'business email', 'first name', 'firstname', 'last name',
    'lastname', 'name', 'full name', 'phone', 'phone number', 'mobile', 'mobile phone', 'company', 'company name',
    'website', 'website url', 'country', 'country/region', 'state', 'state/region', 'city', 'zip', 'postal code',
    'job title', 'jobtitle',
  ].map(normalizeForMatching),
);
const HIDDEN_FIELD_PREFIXES = [' utm ', ' hs ', ' hubspot ', ' gclid ', ' fbclid '];

/** A plain loop rather than `.some(callback)`: this runs for every answer of every form submission. */
function isHiddenField(normalizedQuestion: string): boolean {
  for (const prefix of HIDDEN_FIELD_PREFIXES) if (normalizedQuestion.startsWith(prefix)) return true;
  return false;
}

export function summarizeEngagement(input: SummarizeEngagementInput): EngagementBrief {
  const { lead, now } = input;
  const topicMap = input.topicMap ?? DEFAULT_TOPIC_MAP;
  const objectionRules = input.objectionRules ?? DEFAULT_OBJECTION_RULES;
  const triggers = input.handoffTriggers ?? DEFAULT_HANDOFF_TRIGGERS;
  const maxInterests = input.maxInterests ?? 5;
  const maxTheirWords = input.maxTheirWords ?? 20;

  // Bot-flagged events never drive the brief; neither do events after `now`.
  const timeline = normalizeEngagement(input.events, input.normalizeOptions);
  const considered: EngagementEvent[] = [];
  let ignoredBots = 0;
  let ignoredFuture = 0;
  for (const event of timeline) {
    if (event.likelyBot) ignoredBots++;
    else if (event.occurredAt > now) ignoredFuture++;
    else considered.push(event);
  }
  // Statements are collected as positions in `considered` (ascending = newest first) and turned
  // into ids at the end: merging position lists is a numeric sort, merging id lists would need an
  // id -> position map of the whole timeline.
  const idsAt = (positions: readonly number[]): string[] => positions.map((p) => considered[p]!.id);

  const matcher = createMatcher(topicMap, triggers);

  // One pass over the timeline collects everything the sections need.
  const topicAcc: TopicAccumulator[] = topicMap.topics.map(() => ({ positions: [], lastAt: 0, lastEvent: null, examples: [] }));
  const highIntent: HighIntent[] = [];
  const quoteCollector = new QuoteCollector();
  quoteCollector.addLeadAnswers(lead.formAnswers);
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

  const { trigger, positions: triggerPositions } = chooseTrigger(lead, now, considered, highIntent, triggers, matcher);
  const triggerRule = trigger.ruleId === null ? null : (triggers.find((r) => r.id === trigger.ruleId) ?? null);

  const allQuotes = [...quoteCollector.quotes.values()].sort(compareQuotes);
  const theirWords: BriefQuote[] = allQuotes.slice(0, maxTheirWords).map((q) => toBriefQuote(q, idsAt(q.positions)));

  const rankedTopics = topicAcc
    .map((acc, index) => ({ acc, index }))
    .filter(({ acc }) => acc.positions.length > 0)
    .sort((a, b) => b.acc.positions.length - a.acc.positions.length || b.acc.lastAt - a.acc.lastAt || a.index - b.index)
    .slice(0, maxInterests);
  const interests: BriefInterest[] = rankedTopics.map(({ acc, index }) => {
    const topic = topicMap.topics[index]!;
    const count = acc.positions.length;
    return {
      topicId: topic.id,
      label: topic.label,
      count,
      lastAt: acc.lastAt,
      stage: topic.stage,
      examples: acc.examples,
      text: `${topic.label}: ${count} ${count === 1 ? 'event' : 'events'}, most recently ${describeAction(acc.lastEvent!)} ${describeAgo(now, acc.lastAt)}.`,
      eventIds: idsAt(acc.positions),
    };
  });

  const recency: BriefRecency = lastTouch
    ? {
        lastTouchAt: lastTouch.occurredAt,
        daysSinceLastTouch: Math.floor((now - lastTouch.occurredAt) / DAY),
        text: `Last active ${describeAgo(now, lastTouch.occurredAt)}: ${describeAction(lastTouch)}.`,
        eventIds: [lastTouch.id],
      }
    : { lastTouchAt: null, daysSinceLastTouch: null, text: 'No activity recorded yet.', eventIds: [] };

  const frequency: BriefFrequency = {
    last7Days: last7,
    last30Days: last30,
    activeDays30: activeDays.size,
    total,
    text: `${countOf(last7, 'event')} in the last 7 days, ${last30} in the last 30 days, active on ${countOf(activeDays.size, 'day')} of the last 30 (${total} in all).`,
    eventIds: idsAt(recentPositions),
  };

  const buyingStage = chooseBuyingStage(now, trigger, triggerRule, highIntent, triggers, stageEvidence, stageTopics, topicMap, recentPositions, idsAt);

  const objections = findObjections(objectionRules, topicMap, topicAcc, allQuotes, now, considered, idsAt);

  let nextStep: BriefNextStep | null = null;
  if (input.nextStep && input.nextStep.label.trim() !== '') {
    const tier = input.nextStep.tier ?? null;
    nextStep = {
      label: input.nextStep.label,
      tier,
      origin: 'sla-tier',
      text: `Agreed next step${tier ? ` (${tier})` : ''}: ${input.nextStep.label}.`,
      eventIds: [],
    };
  } else if (triggerRule) {
    nextStep = {
      label: triggerRule.nextStep,
      tier: null,
      origin: 'suggested',
      text: `Suggested next step for a ${triggerRule.label.toLowerCase()}: ${triggerRule.nextStep}.`,
      eventIds: trigger.eventIds,
    };
  }

  // An interest that rests only on the trigger itself ("Request pricing" is also a pricing event)
  // would make the opener repeat itself: "asked for pricing after looking at our pricing".
  const openerTopic = rankedTopics.find(
    ({ acc }) => !(acc.positions.length === 1 && triggerPositions.length === 1 && acc.positions[0] === triggerPositions[0]),
  );
  const opener = buildOpener(
    lead.firstName,
    trigger,
    triggerRule,
    openerTopic ? topicMap.topics[openerTopic.index]! : null,
    idsAt(mergePositions([triggerPositions, openerTopic?.acc.positions ?? []])),
  );

  return {
    generatedAt: now,
    trigger,
    theirWords,
    theirWordsOmitted: allQuotes.length - theirWords.length,
    interests,
    recency,
    frequency,
    buyingStage,
    objections,
    nextStep,
    opener,
    ignored: { likelyBot: ignoredBots, afterNow: ignoredFuture },
  };
}

// ---------------------------------------------------------------------------------------------
// Working state

interface TopicAccumulator {
  positions: number[];
  lastAt: number;
  lastEvent: EngagementEvent | null;
  examples: BriefEvidenceLink[];
}

interface HighIntent {
  event: EngagementEvent;
  position: number;
  ruleIndex: number;
}

// ---------------------------------------------------------------------------------------------
// Matching, cached per distinct title and URL: real timelines repeat the same pages over and over.

interface Matcher {
  topicsOf(event: EngagementEvent): readonly number[];
  triggerOf(event: EngagementEvent): number;
  haystackOf(text: string): string;
}

const NO_TOPICS: readonly number[] = [];

/**
 * Title and URL are matched separately (a keyword never spans the two), and results are memoised
 * per distinct title and URL string (see TextMemo), keyed by strings the events already hold: a
 * freshly concatenated key would be re-hashed on every lookup. Topics are matched for every
 * interest event; trigger rules only for the few kinds they name; the normalised text only when
 * the CRM's conversion needs backing.
 */
function createMatcher(topicMap: TopicMap, triggers: readonly HandoffTrigger[]): Matcher {
  const topicMatcher = createKeywordMatcher(topicMap.topics.map((t) => t.keywords));
  const triggerMatcher = createKeywordMatcher(triggers.map((t) => t.keywords));
  // A rule whose keywords are all punctuation compiles to nothing and, like an empty list, matches every event of its kinds.
  const matchesAnything = triggers.map((t) => compileKeywords(t.keywords).length === 0);
  // Kind -> the rules naming it, in priority order: most events (page views, opens) are of no rule's kind.
  const rulesByKind = new Map<EngagementKind, number[]>();
  triggers.forEach((rule, i) => {
    for (const kind of new Set(rule.kinds)) rulesByKind.set(kind, [...(rulesByKind.get(kind) ?? []), i]);
  });
  const titleTopics = new TextMemo((title) => topicMatcher.groupsIn(title));
  const urlTopics = new TextMemo((url) => topicMatcher.groupsIn(urlForMatching(url)));
  const titleTriggers = new TextMemo((title) => triggerMatcher.groupsIn(title));
  const urlTriggers = new TextMemo((url) => triggerMatcher.groupsIn(urlForMatching(url)));
  const haystacks = new TextMemo(normalizeForMatching);
  return {
    haystackOf: (text) => haystacks.get(text),
    topicsOf(event) {
      const fromTitle = event.title === undefined ? NO_TOPICS : titleTopics.get(event.title);
      const fromUrl = event.url === undefined ? NO_TOPICS : urlTopics.get(event.url);
      return unionSorted(fromTitle, fromUrl);
    },
    triggerOf(event) {
      const candidates = rulesByKind.get(event.kind);
      if (candidates === undefined) return -1;
      for (const i of candidates) {
        if (matchesAnything[i]) return i;
        if (event.title !== undefined && titleTriggers.get(event.title).includes(i)) return i;
        if (event.url !== undefined && urlTriggers.get(event.url).includes(i)) return i;
      }
      return -1;
    },
  };
}

/**
 * `compute(text)` memoised per distinct string, for as long as that pays. Real timelines repeat a
 * few pages thousands of times, and a hit costs far less than matching; on a timeline where every
 * page is different nothing is ever hit, and hashing and storing 20,000 texts never seen again was
 * a quarter of the brief's time. So after a sample of lookups with few hits it stops memoising.
 * `compute` is pure, so this changes timings only, never results.
 */
class TextMemo<T> {
  private static readonly SAMPLE = 512;
  private static readonly MIN_HITS = TextMemo.SAMPLE / 4;
  private entries: Map<string, T> | null = new Map();
  private lookups = 0;
  private hits = 0;

  constructor(private readonly compute: (text: string) => T) {}

  get(text: string): T {
    const entries = this.entries;
    if (entries === null) return this.compute(text);
    let value = entries.get(text);
    if (value === undefined) {
      value = this.compute(text);
      entries.set(text, value);
    } else {
      this.hits++;
    }
    if (++this.lookups === TextMemo.SAMPLE && this.hits < TextMemo.MIN_HITS) this.entries = null;
    return value;
  }
}

/** Union of two small ascending lists; allocates only when both are non-empty and differ (the matcher shares equal single-topic lists). */
function unionSorted(a: readonly number[], b: readonly number[]): readonly number[] {
  if (b.length === 0 || a === b) return a;
  if (a.length === 0) return b;
  const merged: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = i < a.length ? a[i]! : Infinity;
    const y = j < b.length ? b[j]! : Infinity;
    const next = Math.min(x, y);
    merged.push(next);
    if (x === next) i++;
    if (y === next) j++;
  }
  return merged;
}

/** Host and path only: query strings carry campaign tags ("utm_campaign=pricing-q4") that say nothing about the page. */
function urlForMatching(url: string): string {
  const scheme = url.indexOf('://');
  const start = scheme !== -1 && scheme < 10 ? scheme + 3 : 0;
  // The first '?' or '#' after the scheme (two native scans; a regex search per URL cost more).
  let end = url.length;
  const query = url.indexOf('?', start);
  if (query !== -1) end = query;
  const fragment = url.indexOf('#', start);
  if (fragment !== -1 && fragment < end) end = fragment;
  return start === 0 && end === url.length ? url : url.slice(start, end);
}

// ---------------------------------------------------------------------------------------------
// Trigger

function chooseTrigger(
  lead: SummarizeEngagementInput['lead'],
  now: number,
  considered: readonly EngagementEvent[],
  highIntent: readonly HighIntent[],
  triggers: readonly HandoffTrigger[],
  matcher: Matcher,
): { trigger: BriefTrigger; positions: number[] } {
  const handoffAt = lead.handedOffAt ?? lead.ownerAssignedAt ?? null;
  if (handoffAt !== null) {
    // `highIntent` is newest first: the first one at or before the handoff is the closest before it.
    const at = highIntent.findIndex((h) => h.event.occurredAt <= handoffAt + HANDOFF_TOLERANCE_MS);
    if (at !== -1) {
      const { event, position, ruleIndex } = pickSameMoment(highIntent, at);
      const rule = triggers[ruleIndex]!;
      const gap = handoffAt - event.occurredAt;
      const relation = gap <= 0 ? 'at the handoff' : `${describeDuration(gap)} before the handoff`;
      return {
        trigger: eventTrigger('before-handoff', rule, event, `${rule.label}: ${describeAction(event)} ${describeAgo(now, event.occurredAt)}, ${relation}.`),
        positions: [position],
      };
    }
  }
  if (highIntent.length > 0) {
    const { event, position, ruleIndex } = pickSameMoment(highIntent, 0);
    const rule = triggers[ruleIndex]!;
    const why = handoffAt === null ? 'no handoff time recorded' : 'none before the recorded handoff';
    return {
      trigger: eventTrigger(
        'latest-high-intent',
        rule,
        event,
        `${rule.label}: ${describeAction(event)} ${describeAgo(now, event.occurredAt)} (most recent high-intent conversion; ${why}).`,
      ),
      positions: [position],
    };
  }
  const conversion = lead.recentConversion;
  if (conversion && conversion.name.trim() !== '') {
    // Back the CRM's "recent conversion" with the form submission of the same name, when we have it.
    const wanted = matcher.haystackOf(conversion.name);
    let match: EngagementEvent | null = null;
    let matchPosition = -1;
    for (let position = 0; position < considered.length; position++) {
      const event = considered[position]!;
      if (event.kind !== 'form_submission' || event.title === undefined || matcher.haystackOf(event.title) !== wanted) continue;
      if (match === null || (conversion.at !== null && Math.abs(event.occurredAt - conversion.at) < Math.abs(match.occurredAt - conversion.at))) {
        match = event;
        matchPosition = position;
      }
    }
    const ruleIndex = triggers.findIndex(
      (r) => r.kinds.includes('form_submission') && r.keywords.length > 0 && matchesAnyKeyword(wanted, compileKeywords(r.keywords)),
    );
    const rule = ruleIndex === -1 ? null : triggers[ruleIndex]!;
    const at = conversion.at ?? match?.occurredAt ?? null;
    return {
      trigger: {
        basis: 'crm-conversion',
        ruleId: rule?.id ?? null,
        label: rule?.label ?? null,
        title: conversion.name,
        occurredAt: at,
        href: toSafeHref(match?.url),
        text: `Most recent conversion recorded in the CRM: "${conversion.name}"${at === null ? '' : ` ${describeAgo(now, at)}`}.`,
        eventIds: match ? [match.id] : [],
      },
      positions: match ? [matchPosition] : [],
    };
  }
  return {
    trigger: {
      basis: 'none',
      ruleId: null,
      label: null,
      title: null,
      occurredAt: null,
      href: null,
      text: 'No handoff trigger found: no demo request, contact-sales form, pricing request, trial or meeting, and no conversion recorded in the CRM.',
      eventIds: [],
    },
    positions: [],
  };
}

/** Two conversions in the same millisecond: the higher-priority rule wins (rule order), then the id order. */
function pickSameMoment(highIntent: readonly HighIntent[], from: number): HighIntent {
  let best = highIntent[from]!;
  for (let i = from + 1; i < highIntent.length && highIntent[i]!.event.occurredAt === best.event.occurredAt; i++) {
    if (highIntent[i]!.ruleIndex < best.ruleIndex) best = highIntent[i]!;
  }
  return best;
}

function eventTrigger(basis: 'before-handoff' | 'latest-high-intent', rule: HandoffTrigger, event: EngagementEvent, text: string): BriefTrigger {
  return {
    basis,
    ruleId: rule.id,
    label: rule.label,
    title: event.title ?? null,
    occurredAt: event.occurredAt,
    href: toSafeHref(event.url),
    text,
    eventIds: [event.id],
  };
}

// ---------------------------------------------------------------------------------------------
// Their words

interface QuoteAccumulator {
  question: string;
  answer: string;
  answeredAt: number | null;
  form: string | null;
  /** Positions in the considered timeline, newest first. */
  positions: number[];
}

/**
 * Collects the prospect's answers. The same answer reaches us twice — as a CRM property and inside
 * the form-submission event — and is kept once (same question, ignoring case and punctuation, and
 * the same answer), with the event behind it.
 */
class QuoteCollector {
  readonly quotes = new Map<string, QuoteAccumulator>();
  // Questions repeat on every submission of a form: normalise each distinct one once.
  private readonly questionKeys = new Map<string, string>();

  private normalizeQuestion(question: string): string {
    let key = this.questionKeys.get(question);
    if (key === undefined) {
      key = normalizeForMatching(question);
      this.questionKeys.set(question, key);
    }
    return key;
  }

  /** The key, or null when this is not something the prospect said (blank, a contact field, a hidden field). */
  private keyOf(question: string, answer: string): string | null {
    if (answer.trim() === '') return null;
    const q = this.normalizeQuestion(question);
    if (CONTACT_FIELD_QUESTIONS.has(q) || isHiddenField(q)) return null;
    return `${q}\u0000${answer.trim()}`;
  }

  addLeadAnswers(answers: SummarizeEngagementInput['lead']['formAnswers']): void {
    for (const a of answers) {
      const key = this.keyOf(a.question, a.answer);
      if (key === null) continue;
      const existing = this.quotes.get(key);
      if (existing) {
        if (existing.answeredAt === null || a.answeredAt > existing.answeredAt) {
          existing.answeredAt = a.answeredAt;
          existing.form = a.form;
        }
      } else {
        this.quotes.set(key, { question: a.question, answer: a.answer, answeredAt: a.answeredAt, form: a.form, positions: [] });
      }
    }
  }

  addEventAnswers(event: EngagementEvent, position: number): void {
    for (const [question, answer] of Object.entries(event.answers ?? {})) {
      const key = this.keyOf(question, answer);
      if (key === null) continue;
      const existing = this.quotes.get(key);
      if (existing) {
        existing.positions.push(position);
        if (existing.answeredAt === null) existing.answeredAt = event.occurredAt;
      } else {
        this.quotes.set(key, { question, answer, answeredAt: event.occurredAt, form: event.title ?? null, positions: [position] });
      }
    }
  }
}

function compareQuotes(a: QuoteAccumulator, b: QuoteAccumulator): number {
  const at = (b.answeredAt ?? -Infinity) - (a.answeredAt ?? -Infinity);
  if (at !== 0 && !Number.isNaN(at)) return at;
  if (a.question !== b.question) return a.question < b.question ? -1 : 1;
  return a.answer < b.answer ? -1 : a.answer > b.answer ? 1 : 0;
}

function toBriefQuote(q: QuoteAccumulator, eventIds: string[]): BriefQuote {
  return { question: q.question, answer: q.answer, answeredAt: q.answeredAt, form: q.form, text: `${q.question}: ${q.answer}`, eventIds };
}

// ---------------------------------------------------------------------------------------------
// Buying stage

/**
 * The hint, in order (last 30 days only; older activity says little about today):
 *  - decision: a high-intent conversion (demo, contact sales, pricing request, trial, meeting), or
 *    at least two events on decision-stage topics (pricing, security, implementation);
 *  - consideration: any event on a consideration- or decision-stage topic;
 *  - awareness: anything else, including no activity.
 */
function chooseBuyingStage(
  now: number,
  trigger: BriefTrigger,
  triggerRule: HandoffTrigger | null,
  highIntent: readonly HighIntent[],
  triggers: readonly HandoffTrigger[],
  evidence: Record<BuyingStage, number[]>,
  stageTopics: Record<BuyingStage, Set<number>>,
  topicMap: TopicMap,
  recentPositions: readonly number[],
  idsAt: (positions: readonly number[]) => string[],
): BriefBuyingStage {
  const recentHighIntent = highIntent.find((h) => now - h.event.occurredAt < STAGE_WINDOW_MS);
  if (recentHighIntent) {
    const rule = triggers[recentHighIntent.ruleIndex]!;
    return {
      stage: 'decision',
      text: `Decision: ${rule.label.toLowerCase()} ${describeAgo(now, recentHighIntent.event.occurredAt)} (${describeAction(recentHighIntent.event)}).`,
      eventIds: [recentHighIntent.event.id],
    };
  }
  if (trigger.basis === 'crm-conversion' && triggerRule && trigger.occurredAt !== null && now - trigger.occurredAt < STAGE_WINDOW_MS) {
    return {
      stage: 'decision',
      text: `Decision: the CRM records a ${triggerRule.label.toLowerCase()} ("${trigger.title}") ${describeAgo(now, trigger.occurredAt)}.`,
      eventIds: trigger.eventIds,
    };
  }
  const labels = (stage: BuyingStage) =>
    [...stageTopics[stage]].sort((a, b) => a - b).map((t) => topicMap.topics[t]!.label.toLowerCase());
  if (evidence.decision.length >= 2) {
    return {
      stage: 'decision',
      text: `Decision: ${evidence.decision.length} events on ${joinWords(labels('decision'))} in the last 30 days.`,
      eventIds: idsAt(evidence.decision),
    };
  }
  const considering = mergePositions([evidence.decision, evidence.consideration]);
  if (considering.length > 0) {
    const ids = idsAt(considering);
    const topics = [...new Set([...labels('decision'), ...labels('consideration')])];
    return {
      stage: 'consideration',
      text: `Consideration: looked at ${joinWords(topics)} in the last 30 days (${countOf(ids.length, 'event')}).`,
      eventIds: ids,
    };
  }
  if (recentPositions.length > 0) {
    return {
      stage: 'awareness',
      text: `Awareness: ${countOf(recentPositions.length, 'event')} in the last 30 days, none on pricing, product fit or a conversion.`,
      eventIds: idsAt(recentPositions),
    };
  }
  return { stage: 'awareness', text: 'Awareness: no activity in the last 30 days.', eventIds: [] };
}

// ---------------------------------------------------------------------------------------------
// Objections

function findObjections(
  rules: ObjectionRules,
  topicMap: TopicMap,
  topicAcc: readonly TopicAccumulator[],
  quotes: readonly QuoteAccumulator[],
  now: number,
  considered: readonly EngagementEvent[],
  idsAt: (positions: readonly number[]) => string[],
): BriefObjection[] {
  const found: { objection: BriefObjection; score: number; order: number }[] = [];
  // Every answer read once against all rules' keywords (a timeline can hold thousands of distinct answers).
  const answerMatcher = createKeywordMatcher(rules.rules.map((rule) => rule.answerKeywords));
  const rulesByQuote = quotes.map((q) => answerMatcher.groupsIn(q.answer));
  rules.rules.forEach((rule, order) => {
    const topicIndexes = rule.topics.map((id) => topicMap.topics.findIndex((t) => t.id === id)).filter((i) => i !== -1);
    const topicPositions = mergePositions(topicIndexes.map((i) => topicAcc[i]!.positions));
    const matchedQuotes = quotes.filter((_, i) => rulesByQuote[i]!.includes(order));
    const eventsFire = topicPositions.length >= rule.minEvents;
    if (!eventsFire && matchedQuotes.length === 0) return;

    const parts: string[] = [];
    if (eventsFire) {
      const latest = considered[topicPositions[0]!]!;
      const topicLabels = joinWords(topicIndexes.filter((i) => topicAcc[i]!.positions.length > 0).map((i) => topicMap.topics[i]!.label));
      parts.push(`${countOf(topicPositions.length, 'event')} on ${topicLabels}, most recently ${describeAction(latest)} ${describeAgo(now, latest.occurredAt)}`);
    }
    if (matchedQuotes.length > 0) parts.push(`they wrote "${matchedQuotes[0]!.answer}"`);
    const eventIds = idsAt(mergePositions([eventsFire ? topicPositions : [], ...matchedQuotes.map((q) => q.positions)]));
    found.push({
      objection: {
        ruleId: rule.id,
        label: rule.label,
        responseAngle: rule.responseAngle,
        quotes: matchedQuotes.map((q) => q.answer),
        text: `${rule.label}: ${parts.join('; ')}.`,
        eventIds,
      },
      // Their own words weigh more than page views: a written concern is nearly certain to come up.
      score: (eventsFire ? topicPositions.length : 0) + 3 * matchedQuotes.length,
      order,
    });
  });
  return found.sort((a, b) => b.score - a.score || a.order - b.order).map((f) => f.objection);
}

// ---------------------------------------------------------------------------------------------
// Opener

/**
 * "Hi Dana — saw you asked for a demo after looking at our pricing; happy to walk through which
 * plan fits your team." Built only from the trigger rule's and the top topic's admin-written
 * phrases plus the lead's first name, so it reads the same every time for the same facts.
 */
function buildOpener(
  firstName: string | null,
  trigger: BriefTrigger,
  rule: HandoffTrigger | null,
  topic: Topic | null,
  eventIds: string[],
): BriefStatement {
  const name = firstName?.trim();
  const greeting = name ? `Hi ${name}` : 'Hi there';
  let body: string;
  if (rule) body = `saw you ${rule.phrase}${topic ? ` after ${topic.phrase}` : ''}`;
  else if (trigger.basis === 'crm-conversion') body = `thanks for filling in "${trigger.title}"${topic ? ` and ${topic.phrase}` : ''}`;
  else if (topic) body = `saw you've been ${topic.phrase}`;
  else body = 'thanks for your interest in us';
  const offer = topic?.offer ?? rule?.offer ?? 'what would be most useful to you';
  return { text: `${greeting} — ${body}; happy to walk through ${offer}.`, eventIds };
}

// ---------------------------------------------------------------------------------------------
// Wording helpers

function eventLabel(event: EngagementEvent): string {
  if (event.title !== undefined && event.title.trim() !== '') return event.title;
  if (event.url !== undefined && event.url.trim() !== '') return event.url;
  return KIND_NOUNS[event.kind];
}

/** `viewed "Pricing"` — the title verbatim inside quotes, as text. */
function describeAction(event: EngagementEvent): string {
  const hasLabel = (event.title !== undefined && event.title.trim() !== '') || (event.url !== undefined && event.url.trim() !== '');
  return hasLabel ? `${ACTION_VERBS[event.kind]} "${eventLabel(event)}"` : `${ACTION_VERBS[event.kind]} ${KIND_NOUNS[event.kind]}`;
}

function countOf(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** Union of position lists, ascending (= newest first), without repeats. */
function mergePositions(lists: readonly (readonly number[])[]): number[] {
  const nonEmpty = lists.filter((l) => l.length > 0);
  if (nonEmpty.length === 0) return [];
  if (nonEmpty.length === 1) return [...nonEmpty[0]!];
  let total = 0;
  for (const list of nonEmpty) total += list.length;
  const all = new Float64Array(total);
  let at = 0;
  for (const list of nonEmpty) for (const p of list) all[at++] = p;
  all.sort();
  const merged: number[] = [];
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) merged.push(all[i]!);
  return merged;
}
