/**
 * The fixed words an SLA policy is written in: duration units and bases, escalation actions, which
 * conversion a tier rule reads, and what starts the clock. A leaf: the zod schemas (sla-policy.ts),
 * the zod-free engine (apply-sla-policy.ts) and the panel protocol all import these lists, so none
 * of them has to import another for them.
 */

export const SLA_DURATION_UNITS = ['minutes', 'hours', 'days'] as const;

export const SLA_TIME_BASES = ['business', 'wall'] as const;

export const ESCALATION_ACTIONS = [
  'notify_owner',
  'notify_manager',
  'notify_team',
  'reassign',
  'hand_back_to_marketing',
] as const;

export const CONVERSION_FIELDS = ['recent', 'first', 'either'] as const;

export const CLOCK_STARTS = ['owner_assigned', 'handed_off'] as const;

export type EscalationAction = (typeof ESCALATION_ACTIONS)[number];
export type ClockStartKind = (typeof CLOCK_STARTS)[number];
