import type { Touch } from '../lead';
import { addBusinessTimeNormalized, businessTimeBetweenNormalized, normalizeOutOfOffice } from './business-calendar';
import type { OutOfOfficeWindow, TimeInterval } from './business-calendar';
import { toMilliseconds, resolveClockStart, selectSlaTier } from './apply-sla-policy';
import type { ClockStartSource, SlaLead } from './apply-sla-policy';
import type { EscalationAction } from './sla-vocabulary';
// Types only: this module runs in the panel (the live countdown), which must not load zod.
import type { SlaDuration, SlaRules, SlaTier } from './sla-policy';

export const SLA_STATES = ['not_started', 'on_track', 'at_risk', 'breached', 'met', 'met_late'] as const;
export type SlaState = (typeof SLA_STATES)[number];

export type SlaNotStartedReason = 'no_owner' | 'no_clock_start' | 'clock_starts_later';

/** A span measured both ways: on the policy calendar (minus the owner's out-of-office) and in real time. */
export interface SlaSpan {
  businessMs: number;
  wallMs: number;
}

export interface SlaEscalationStatus {
  id: string;
  label: string;
  action: EscalationAction;
  dueAt: number;
  /** The step fired: its due instant passed before the clock stopped (or before now, untouched). */
  reached: boolean;
}

export interface SlaStatus {
  state: SlaState;
  notStartedReason: SlaNotStartedReason | null;
  policy: { id: string; version: string };
  tier: { id: string; label: string; nextStep: string; target: SlaDuration; targetMs: number };
  segment: string | null;
  evaluatedAt: number;
  clockStart: number | null;
  clockStartSource: ClockStartSource | null;
  /** Last instant at which a first touch still meets the SLA. */
  deadline: number | null;
  /** From this instant an untouched lead is at risk. */
  atRiskAt: number | null;
  /** When the first counting touch stopped the clock. */
  clockStoppedAt: number | null;
  /** From clock start to the stop (or now). Zero when not started. */
  elapsed: SlaSpan;
  /** From the stop (or now) to the deadline; negative when overdue / late. Null when not started. */
  remaining: SlaSpan | null;
  firstTouch: Touch | null;
  responseTime: SlaSpan | null;
  /** The latest escalation step reached, if any. */
  escalation: SlaEscalationStatus | null;
  escalations: SlaEscalationStatus[];
}

export interface ComputeSlaStatusInput {
  lead: SlaLead;
  touches: readonly Touch[];
  policy: SlaRules;
  /** Epoch ms; the engine never reads the clock itself. */
  now: number;
  /** The owner's out-of-office windows: business-time targets pause while the owner is away. */
  outOfOffice?: readonly OutOfOfficeWindow[];
}

/**
 * The first touch that stops the clock under the policy, ignoring touches after `now`.
 *
 * An inbound touch (the lead's reply or call, even when logged under the owner) never stops it,
 * whatever the policy says: the SLA measures how fast the rep reached out, and the lead writing
 * first is the opposite. An 'unknown' direction counts as before directions existed: most logged
 * calls and meetings carry none, and not counting them would turn met SLAs into breaches.
 */
export function findFirstCountingTouch(
  policy: Pick<SlaRules, 'clock'>,
  lead: Pick<SlaLead, 'owner'>,
  touches: readonly Touch[],
  clockStart: number,
  now: number,
): Touch | null {
  const kinds = policy.clock.countingTouchKinds;
  const ownerId = lead.owner?.id ?? null;
  let first: Touch | null = null;
  for (const touch of touches) {
    if (touch.automated || touch.direction === 'inbound' || !kinds.includes(touch.kind)) continue;
    if (touch.occurredAt < clockStart || touch.occurredAt > now) continue;
    if (policy.clock.ownerOnly && (ownerId === null || touch.ownerId !== ownerId)) continue;
    if (!first || touch.occurredAt < first.occurredAt) first = touch;
  }
  return first;
}

function summarizeTier(tier: SlaTier, targetMs: number): SlaStatus['tier'] {
  return { id: tier.id, label: tier.label, nextStep: tier.nextStep, target: tier.target, targetMs };
}

/** Instant at which `ms` has elapsed from `start` in the given basis. */
function advance(policy: SlaRules, basis: SlaDuration['basis'], start: number, ms: number, ooo: readonly TimeInterval[]): number {
  return basis === 'wall' ? start + ms : addBusinessTimeNormalized(policy.calendar, start, ms, ooo);
}

/**
 * SLA status of one lead at `now`: which tier applies, when the clock started, the deadline,
 * elapsed/remaining time in business and wall terms, the state, escalations and the response time.
 * Deterministic and pure.
 */
export function computeSlaStatus({ lead, touches, policy, now, outOfOffice }: ComputeSlaStatusInput): SlaStatus {
  const { tier, segment } = selectSlaTier(policy, lead);
  const calendar = policy.calendar;
  const targetMs = toMilliseconds(tier.target, calendar);
  const clock = resolveClockStart(policy, lead);
  const notStartedReason: SlaNotStartedReason | null = !lead.owner
    ? 'no_owner'
    : !clock
      ? 'no_clock_start'
      : clock.at > now
        ? 'clock_starts_later'
        : null;
  if (notStartedReason !== null || !clock) {
    // Literal objects with one fixed key order (no spread): object spread was the hot spot of the
    // 10,000-lead benchmark.
    return {
      state: 'not_started',
      notStartedReason: notStartedReason ?? 'no_clock_start',
      policy: { id: policy.id, version: policy.version },
      tier: summarizeTier(tier, targetMs),
      segment: segment?.id ?? null,
      evaluatedAt: now,
      clockStart: clock?.at ?? null,
      clockStartSource: clock?.source ?? null,
      deadline: null,
      atRiskAt: null,
      clockStoppedAt: null,
      elapsed: { businessMs: 0, wallMs: 0 },
      remaining: null,
      firstTouch: null,
      responseTime: null,
      escalation: null,
      escalations: [],
    };
  }

  const ooo = normalizeOutOfOffice(outOfOffice);
  const start = clock.at;
  const basis = tier.target.basis;
  const deadline = advance(policy, basis, start, targetMs, ooo);
  const atRiskAt = advance(policy, basis, start, Math.round(targetMs * tier.atRiskShare), ooo);
  const firstTouch = findFirstCountingTouch(policy, lead, touches, start, now);
  const end = firstTouch ? firstTouch.occurredAt : now;

  const elapsed: SlaSpan = { businessMs: businessTimeBetweenNormalized(calendar, start, end, ooo), wallMs: end - start };
  // Business time is additive, so for business targets the remainder is the target minus elapsed.
  const remaining: SlaSpan = {
    businessMs: basis === 'business' ? targetMs - elapsed.businessMs : businessTimeBetweenNormalized(calendar, end, deadline, ooo),
    wallMs: deadline - end,
  };

  const escalations: SlaEscalationStatus[] = tier.escalations.map((step) => {
    const dueAt =
      'share' in step.after
        ? advance(policy, basis, start, Math.round(targetMs * step.after.share), ooo)
        : advance(policy, step.after.basis, start, toMilliseconds(step.after, calendar), ooo);
    return { id: step.id, label: step.label, action: step.action, dueAt, reached: dueAt < end };
  });
  let escalation: SlaEscalationStatus | null = null;
  for (const step of escalations) if (step.reached && (!escalation || step.dueAt >= escalation.dueAt)) escalation = step;

  const state: SlaState = firstTouch
    ? firstTouch.occurredAt <= deadline
      ? 'met'
      : 'met_late'
    : now > deadline
      ? 'breached'
      : now >= atRiskAt
        ? 'at_risk'
        : 'on_track';

  return {
    state,
    notStartedReason: null,
    policy: { id: policy.id, version: policy.version },
    tier: summarizeTier(tier, targetMs),
    segment: segment?.id ?? null,
    evaluatedAt: now,
    clockStart: start,
    clockStartSource: clock.source,
    deadline,
    atRiskAt,
    clockStoppedAt: firstTouch?.occurredAt ?? null,
    elapsed,
    remaining,
    firstTouch,
    responseTime: firstTouch ? elapsed : null,
    escalation,
    escalations,
  };
}
