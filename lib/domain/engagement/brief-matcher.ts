import type { EngagementEvent, EngagementKind } from './engagement-event';
import type { HandoffTrigger } from './handoff-triggers';
import { compileKeywords, createKeywordMatcher, normalizeForMatching } from './match-keywords';
import type { TopicMap } from './topic-map';

// Matching, cached per distinct title and URL: real timelines repeat the same pages over and over.

export interface Matcher {
  /** Indexes of the topics the event's title or URL names, ascending; shared, do not modify. */
  topicsOf(event: EngagementEvent): readonly number[];
  /** Index of the first handoff-trigger rule the event meets, in priority order, or -1. */
  triggerOf(event: EngagementEvent): number;
  /** `normalizeForMatching(text)`, memoised. */
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
export function createMatcher(topicMap: TopicMap, triggers: readonly HandoffTrigger[]): Matcher {
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
