import type { IdsAt } from './brief-positions';
import type { TopicAccumulator } from './brief-timeline-scan';
import { describeAction } from './brief-wording';
import { describeAgo } from './describe-time';
import type { BriefInterest } from './engagement-brief';
import type { TopicMap } from './topic-map';

/** A topic with events, and its index in the topic map. */
export interface RankedTopic {
  acc: TopicAccumulator;
  index: number;
}

/** Topics with events, most events first, then most recent, then map order; at most `max`. */
export function rankTopics(topicAcc: readonly TopicAccumulator[], max: number): RankedTopic[] {
  return topicAcc
    .map((acc, index) => ({ acc, index }))
    .filter(({ acc }) => acc.positions.length > 0)
    .sort((a, b) => b.acc.positions.length - a.acc.positions.length || b.acc.lastAt - a.acc.lastAt || a.index - b.index)
    .slice(0, max);
}

export function describeInterests(rankedTopics: readonly RankedTopic[], topicMap: TopicMap, now: number, idsAt: IdsAt): BriefInterest[] {
  return rankedTopics.map(({ acc, index }) => {
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
}
