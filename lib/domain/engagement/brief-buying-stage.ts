import { mergePositions, type IdsAt } from './brief-positions';
import { STAGE_WINDOW_MS, type HighIntent } from './brief-timeline-scan';
import { countOf, describeAction, joinWords } from './brief-wording';
import { describeAgo } from './describe-time';
import type { BriefBuyingStage, BriefTrigger } from './engagement-brief';
import type { HandoffTrigger } from './handoff-triggers';
import type { BuyingStage, TopicMap } from './topic-map';

/**
 * The hint, in order (last 30 days only; older activity says little about today):
 *  - decision: a high-intent conversion (demo, contact sales, pricing request, trial, meeting), or
 *    at least two events on decision-stage topics (pricing, security, implementation);
 *  - consideration: any event on a consideration- or decision-stage topic;
 *  - awareness: anything else, including no activity.
 */
export function chooseBuyingStage(
  now: number,
  trigger: BriefTrigger,
  triggerRule: HandoffTrigger | null,
  highIntent: readonly HighIntent[],
  triggers: readonly HandoffTrigger[],
  evidence: Record<BuyingStage, number[]>,
  stageTopics: Record<BuyingStage, Set<number>>,
  topicMap: TopicMap,
  recentPositions: readonly number[],
  idsAt: IdsAt,
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
