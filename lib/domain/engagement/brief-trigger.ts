import type { Lead } from '../lead';
import type { Matcher } from './brief-matcher';
import type { HighIntent } from './brief-timeline-scan';
import { describeAction } from './brief-wording';
import { describeAgo, describeDuration } from './describe-time';
import type { BriefTrigger } from './engagement-brief';
import type { EngagementEvent } from './engagement-event';
import type { HandoffTrigger } from './handoff-triggers';
import { compileKeywords, matchesAnyKeyword } from './match-keywords';
import { toSafeHref } from './safe-href';

/** Systems stamp the same moment differently; a conversion a little after the recorded handoff still caused it. */
const HANDOFF_TOLERANCE_MS = 2 * 60_000;

/**
 * Why this lead is here, in order: the high-intent conversion closest before the handoff; else the
 * most recent one; else the CRM's recorded "recent conversion", backed by its form submission when
 * we have it; else none. `positions` are the events behind it.
 */
export function chooseTrigger(
  lead: Pick<Lead, 'recentConversion' | 'handedOffAt' | 'ownerAssignedAt'>,
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
