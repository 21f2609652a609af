import type { RankedTopic } from './brief-interests';
import { mergePositions, type IdsAt } from './brief-positions';
import type { BriefStatement, BriefTrigger } from './engagement-brief';
import type { HandoffTrigger } from './handoff-triggers';
import type { Topic, TopicMap } from './topic-map';

/** The opener, on the trigger and the top interest that is more than the trigger event itself. */
export function writeOpener(
  firstName: string | null,
  trigger: BriefTrigger,
  triggerRule: HandoffTrigger | null,
  triggerPositions: readonly number[],
  rankedTopics: readonly RankedTopic[],
  topicMap: TopicMap,
  idsAt: IdsAt,
): BriefStatement {
  // An interest that rests only on the trigger itself ("Request pricing" is also a pricing event)
  // would make the opener repeat itself: "asked for pricing after looking at our pricing".
  const openerTopic = rankedTopics.find(
    ({ acc }) => !(acc.positions.length === 1 && triggerPositions.length === 1 && acc.positions[0] === triggerPositions[0]),
  );
  return buildOpener(
    firstName,
    trigger,
    triggerRule,
    openerTopic ? topicMap.topics[openerTopic.index]! : null,
    idsAt(mergePositions([triggerPositions, openerTopic?.acc.positions ?? []])),
  );
}

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
