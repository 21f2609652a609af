import type { BriefNextStep, BriefTrigger } from './engagement-brief';
import type { HandoffTrigger } from './handoff-triggers';

/** The SLA tier's agreed next step when there is one; else the one the trigger rule suggests; else none. */
export function chooseNextStep(
  agreed: { label: string; tier?: string } | undefined,
  trigger: BriefTrigger,
  triggerRule: HandoffTrigger | null,
): BriefNextStep | null {
  if (agreed && agreed.label.trim() !== '') {
    const tier = agreed.tier ?? null;
    return {
      label: agreed.label,
      tier,
      origin: 'sla-tier',
      text: `Agreed next step${tier ? ` (${tier})` : ''}: ${agreed.label}.`,
      eventIds: [],
    };
  }
  if (triggerRule) {
    return {
      label: triggerRule.nextStep,
      tier: null,
      origin: 'suggested',
      text: `Suggested next step for a ${triggerRule.label.toLowerCase()}: ${triggerRule.nextStep}.`,
      eventIds: trigger.eventIds,
    };
  }
  return null;
}
