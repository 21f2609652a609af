import { leadDisplayName, type Lead } from '../lead';
import { isWithinBusinessHours, nextOpening } from '../sla/business-calendar';
import { computeSlaStatus } from '../sla/compute-sla-status';
import type { SlaRules } from '../sla/sla-policy';
import { awaitsFirstTouch } from './build-queue';
import { escalationId, escalationStepKey } from './escalation-id';
import type { QueueLead } from './queue-lead';

/*
 * Which of the SLA policy's escalation steps must now be recorded in the CRM for the rep's own
 * leads: "tell the sales manager" (a task the manager sees in their own CRM views) and "hand the
 * lead back to marketing". Only for a lead still untouched on its current clock and not decided
 * (its lead status is not one a disposition sets); never a step that came due before Baton watched
 * this rep's queue (installing Baton must not flood a manager with old news); only inside the
 * policy's business hours. Reminding the owner is the rep's own notification, not a CRM record.
 * Pure: the caller keeps which steps it has queued and passes them back as `queued`.
 */

export const RECORDED_ESCALATION_ACTIONS = ['notify_manager', 'hand_back_to_marketing'] as const;
export type RecordedEscalationAction = (typeof RECORDED_ESCALATION_ACTIONS)[number];

export interface DueEscalation {
  /** Deterministic per lead, step, policy version and clock (escalation-id.ts). */
  id: string;
  /** Lead, step and clock without the policy version: what the caller remembers as queued. */
  stepKey: string;
  lead: Lead;
  leadName: string;
  action: RecordedEscalationAction;
  step: { id: string; label: string };
  dueAt: number;
  clockStart: number;
  /** The SLA tier's label ("Demo request"). */
  tier: string;
  policy: { id: string; version: string };
}

export interface EscalationPlan {
  /** Steps to record now, oldest first. */
  due: DueEscalation[];
  /** When the next step comes due (or business hours open for one waiting); null: none ahead. */
  nextAt: number | null;
}

export interface PlanEscalationsInput {
  leads: readonly QueueLead[];
  policy: SlaRules;
  /** The rep: only their own leads escalate from their browser. */
  ownerId: string;
  now: number;
  /** Since when Baton watches this rep's queue: steps due before are not recorded. */
  since: number;
  /** Step keys already queued or written (kept across worker and browser restarts by the caller). */
  queued: ReadonlySet<string>;
  /** Lead statuses that mean a disposition decided the lead (the admin's mapping's values). */
  decidedStatuses?: readonly string[];
}

function isRecorded(action: string): action is RecordedEscalationAction {
  return (RECORDED_ESCALATION_ACTIONS as readonly string[]).includes(action);
}

export function planEscalations({ leads, policy, ownerId, now, since, queued, decidedStatuses = [] }: PlanEscalationsInput): EscalationPlan {
  const decided = new Set(decidedStatuses.map((s) => s.trim().toLowerCase()));
  const due: DueEscalation[] = [];
  let nextAt: number | null = null;
  const later = (t: number) => {
    if (t > now && (nextAt === null || t < nextAt)) nextAt = t;
  };
  const seen = new Set<string>();
  for (const item of leads) {
    const lead = item.lead;
    if (lead.owner?.id !== ownerId || seen.has(lead.ref.id)) continue;
    seen.add(lead.ref.id);
    if (lead.leadStatus !== null && decided.has(lead.leadStatus.trim().toLowerCase())) continue;
    const status = computeSlaStatus({ lead, touches: [], policy, now });
    const clockStart = status.clockStart;
    if (status.state === 'not_started' || clockStart === null || !awaitsFirstTouch(item, clockStart)) continue;
    // Once the lead is handed back, later steps have no one left to reach.
    const steps = status.escalations.filter((s) => isRecorded(s.action)).sort((a, b) => a.dueAt - b.dueAt);
    const handBack = steps.find((s) => s.action === 'hand_back_to_marketing');
    for (const step of steps) {
      if (handBack && step.dueAt > handBack.dueAt) continue;
      const identity = { lead: lead.ref, stepId: step.id, clockStart };
      const stepKey = escalationStepKey(identity);
      if (queued.has(stepKey) || step.dueAt < since) continue;
      if (step.dueAt > now) {
        later(step.dueAt);
        continue;
      }
      due.push({
        id: escalationId({ ...identity, policy: { id: policy.id, version: policy.version } }),
        stepKey,
        lead,
        leadName: leadDisplayName(lead),
        action: step.action as RecordedEscalationAction,
        step: { id: step.id, label: step.label },
        dueAt: step.dueAt,
        clockStart,
        tier: status.tier.label,
        policy: { id: policy.id, version: policy.version },
      });
    }
  }
  due.sort((a, b) => a.dueAt - b.dueAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // Nobody reads a manager's task at 3 a.m., and a wall-clock step may fall then: it waits for the opening.
  if (due.length && !isWithinBusinessHours(policy.calendar, now)) {
    later(nextOpening(policy.calendar, now));
    return { due: [], nextAt };
  }
  return { due, nextAt };
}
