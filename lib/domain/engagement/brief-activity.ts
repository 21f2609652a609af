import type { IdsAt } from './brief-positions';
import { DAY, type TimelineScan } from './brief-timeline-scan';
import { countOf, describeAction } from './brief-wording';
import { describeAgo } from './describe-time';
import type { BriefFrequency, BriefRecency } from './engagement-brief';

/** How warm the lead is: when they were last active (recency) and how often lately (frequency). */

export function describeRecency(lastTouch: TimelineScan['lastTouch'], now: number): BriefRecency {
  return lastTouch
    ? {
        lastTouchAt: lastTouch.occurredAt,
        daysSinceLastTouch: Math.floor((now - lastTouch.occurredAt) / DAY),
        text: `Last active ${describeAgo(now, lastTouch.occurredAt)}: ${describeAction(lastTouch)}.`,
        eventIds: [lastTouch.id],
      }
    : { lastTouchAt: null, daysSinceLastTouch: null, text: 'No activity recorded yet.', eventIds: [] };
}

export function describeFrequency(
  { last7, last30, activeDays30, total, recentPositions }: Pick<TimelineScan, 'last7' | 'last30' | 'activeDays30' | 'total' | 'recentPositions'>,
  idsAt: IdsAt,
): BriefFrequency {
  return {
    last7Days: last7,
    last30Days: last30,
    activeDays30,
    total,
    text: `${countOf(last7, 'event')} in the last 7 days, ${last30} in the last 30 days, active on ${countOf(activeDays30, 'day')} of the last 30 (${total} in all).`,
    eventIds: idsAt(recentPositions),
  };
}
