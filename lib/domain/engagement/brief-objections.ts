import { mergePositions, type IdsAt } from './brief-positions';
import type { QuoteAccumulator } from './brief-their-words';
import type { TopicAccumulator } from './brief-timeline-scan';
import { countOf, describeAction, joinWords } from './brief-wording';
import { describeAgo } from './describe-time';
import type { BriefObjection } from './engagement-brief';
import type { EngagementEvent } from './engagement-event';
import { createKeywordMatcher } from './match-keywords';
import type { ObjectionRules } from './objection-rules';
import type { TopicMap } from './topic-map';

/**
 * What they will push back on: each objection rule fires on enough events on its topics or on an
 * answer of theirs that names its keywords. Strongest first, then rule order.
 */
export function findObjections(
  rules: ObjectionRules,
  topicMap: TopicMap,
  topicAcc: readonly TopicAccumulator[],
  quotes: readonly QuoteAccumulator[],
  now: number,
  considered: readonly EngagementEvent[],
  idsAt: IdsAt,
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
