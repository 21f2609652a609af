import type { BusinessCalendar } from './business-calendar';
import type { Lead } from '../lead';
import type { Segment, SlaDuration, SlaPolicy, SlaRules, SlaTier, TierRule } from './sla-policy';

/**
 * Applying an SLA policy to a lead: which tier and segment, when the clock starts, how long a
 * target is. Kept apart from the zod schemas in sla-policy.ts so the panel's live countdown runs
 * this without loading zod.
 */

/** The lead facts the SLA engine reads: tier rules, segment, clock start and the owner. */
export type SlaLead = Pick<Lead, 'recentConversion' | 'firstConversion' | 'source' | 'lifecycleStage' | 'employees' | 'ownerAssignedAt' | 'handedOffAt' | 'createdAt'> & {
  owner: { id: string } | null;
};

/** Milliseconds of a duration; business days use the calendar's hours per business day. */
export function toMilliseconds(duration: SlaDuration, calendar: Pick<BusinessCalendar, 'hoursPerBusinessDay'>): number {
  switch (duration.unit) {
    case 'minutes':
      return Math.round(duration.amount * 60_000);
    case 'hours':
      return Math.round(duration.amount * 3_600_000);
    case 'days':
      return Math.round(duration.amount * (duration.basis === 'business' ? calendar.hoursPerBusinessDay : 24) * 3_600_000);
  }
}

export function resolveSegment(policy: Pick<SlaPolicy, 'segments'>, lead: Pick<Lead, 'employees'>): Segment | null {
  if (lead.employees === null) return null;
  const n = lead.employees;
  return (
    policy.segments.find(
      (s) => (s.minEmployees === undefined || n >= s.minEmployees) && (s.maxEmployees === undefined || n <= s.maxEmployees),
    ) ?? null
  );
}

function conversionNames(lead: Pick<Lead, 'recentConversion' | 'firstConversion'>, field: TierRule['conversion']): string[] {
  const recent = lead.recentConversion?.name;
  const first = lead.firstConversion?.name;
  switch (field) {
    case 'recent':
      return [recent ?? first].filter((n): n is string => !!n);
    case 'first':
      return [first].filter((n): n is string => !!n);
    case 'either':
      return [recent, first].filter((n): n is string => !!n);
  }
}

const MESSY_SPACE = /\s{2,}|[^\S ]|^\s|\s$/;
/** Case- and whitespace-insensitive form; the regex replace only runs on strings that need it (hot path). */
function fold(s: string): string {
  const lower = s.toLowerCase();
  return MESSY_SPACE.test(lower) ? lower.trim().replace(/\s+/g, ' ') : lower;
}

export function matchesTierRule(
  rule: TierRule,
  lead: Pick<Lead, 'recentConversion' | 'firstConversion' | 'source' | 'lifecycleStage' | 'employees'>,
  segment: Segment | null,
): boolean {
  if (rule.triggers) {
    const names = conversionNames(lead, rule.conversion).map(fold);
    if (!rule.triggers.some((p) => names.some((n) => n.includes(fold(p))))) return false;
  }
  if (rule.sources && !(lead.source && rule.sources.some((s) => fold(s) === fold(lead.source!)))) return false;
  if (rule.segments && !(segment && rule.segments.includes(segment.id))) return false;
  if (rule.lifecycleStages && !(lead.lifecycleStage && rule.lifecycleStages.some((s) => fold(s) === fold(lead.lifecycleStage!)))) {
    return false;
  }
  return true;
}

/** First tier whose rule matches, else the default tier. */
export function selectSlaTier(policy: Pick<SlaRules, 'segments' | 'tiers' | 'defaultTierId'>, lead: SlaLead): { tier: SlaTier; segment: Segment | null; matchedRule: boolean } {
  const segment = resolveSegment(policy, lead);
  for (const tier of policy.tiers) {
    if (!tier.when || matchesTierRule(tier.when, lead, segment)) return { tier, segment, matchedRule: !!tier.when };
  }
  const fallback = policy.tiers.find((t) => t.id === policy.defaultTierId) ?? policy.tiers[policy.tiers.length - 1]!;
  return { tier: fallback, segment, matchedRule: false };
}

export type ClockStartSource = 'owner_assigned' | 'handed_off' | 'created';

/** The clock start instant per policy, with its fallbacks; null when the lead carries none. */
export function resolveClockStart(
  policy: Pick<SlaPolicy, 'clock'>,
  lead: Pick<Lead, 'ownerAssignedAt' | 'handedOffAt' | 'createdAt'>,
): { at: number; source: ClockStartSource } | null {
  const order: [number | null, ClockStartSource][] =
    policy.clock.start === 'owner_assigned'
      ? [
          [lead.ownerAssignedAt, 'owner_assigned'],
          [lead.handedOffAt, 'handed_off'],
        ]
      : [
          [lead.handedOffAt, 'handed_off'],
          [lead.ownerAssignedAt, 'owner_assigned'],
        ];
  order.push([lead.createdAt, 'created']);
  for (const [at, source] of order) if (at !== null) return { at, source };
  return null;
}
