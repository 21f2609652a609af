import type { RankedTopic } from './brief-interests';
import { mergePositions, type IdsAt } from './brief-positions';
import { openerQuote } from './brief-opener-quote';
import type { QuoteAccumulator } from './brief-their-words';
import type { BriefStatement, BriefTrigger } from './engagement-brief';
import type { HandoffTrigger } from './handoff-triggers';
import type { Topic, TopicMap } from './topic-map';

/**
 * The opener, on the trigger, what the prospect wrote (their own words, when they answered a
 * question about their need) and the top interest that is more than the trigger event itself.
 */
export function writeOpener(
  firstName: string | null,
  trigger: BriefTrigger,
  triggerRule: HandoffTrigger | null,
  triggerPositions: readonly number[],
  rankedTopics: readonly RankedTopic[],
  topicMap: TopicMap,
  idsAt: IdsAt,
  theirWords: readonly QuoteAccumulator[] = [],
): BriefStatement {
  // An interest that rests only on the trigger itself ("Request pricing" is also a pricing event)
  // would make the opener repeat itself: "asked for pricing after looking at our pricing".
  const openerTopic = rankedTopics.find(
    ({ acc }) => !(acc.positions.length === 1 && triggerPositions.length === 1 && acc.positions[0] === triggerPositions[0]),
  );
  const quote = openerQuote(theirWords);
  const eventIds = idsAt(mergePositions([triggerPositions, openerTopic?.acc.positions ?? [], quote?.quote.positions ?? []]));
  return buildOpener(firstName, trigger, triggerRule, openerTopic ? topicMap.topics[openerTopic.index]! : null, quote?.text ?? null, eventIds);
}

/**
 * "Hi Dana — saw you asked for a demo and wrote 'our reps lose leads between tools'; happy to walk
 * through which plan fits your team." Built from the trigger rule's and the top topic's
 * admin-written phrases, the lead's first name and the prospect's own words, so it reads the same
 * every time for the same facts. Never a raw form or asset title ("Q4-LP-Demo-v2"): a rep would
 * not say that to a prospect.
 */
function buildOpener(
  firstName: string | null,
  trigger: BriefTrigger,
  rule: HandoffTrigger | null,
  topic: Topic | null,
  quote: string | null,
  eventIds: string[],
): BriefStatement {
  const name = firstName?.trim();
  const greeting = name ? `Hi ${name}` : 'Hi there';
  const wrote = quote ? `wrote "${quote}"` : null;
  let body: string;
  if (rule) body = `saw you ${rule.phrase}${wrote ? ` and ${wrote}` : topic ? ` after ${topic.phrase}` : ''}`;
  else if (wrote) body = `you ${wrote}`;
  else if (trigger.basis === 'crm-conversion') body = `thanks for getting in touch${topic ? ` after ${topic.phrase}` : ''}`;
  else if (topic) body = `saw you've been ${topic.phrase}`;
  else body = 'thanks for your interest in us';
  const offer = topic?.offer ?? rule?.offer ?? 'what would be most useful to you';
  return { text: `${greeting} — ${body}; happy to walk through ${offer}.`, eventIds };
}
