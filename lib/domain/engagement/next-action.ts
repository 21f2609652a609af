import type { EscalationAction } from '../sla/sla-vocabulary';

/**
 * The one next action the panel gives a rep. The header's countdown and the brief's "next step"
 * both say this, so they cannot disagree: a recorded outcome ends the lead's call to action, a
 * lead the SQL definition rules out is recorded rather than called, a breached lead gets what the
 * SLA policy's reached escalation says (call now, or hand the lead back to marketing), and
 * otherwise the tier's agreed next step stands.
 */
export type NextAction =
  | { kind: 'recorded'; outcome: string; by: string | null; at: number }
  | { kind: 'record_outcome'; because: string }
  | { kind: 'hand_back'; escalation: string }
  | { kind: 'call_now'; escalation: string | null; nextStep: string | null }
  | { kind: 'next_step'; nextStep: string | null };

export interface NextActionInput {
  /** The outcome the rep recorded for this lead (newest), or null. */
  recorded: { outcome: string; by: string | null; at: number } | null;
  /** The definition's reason when it disqualifies the lead, else null. */
  disqualifiedBecause: string | null;
  /** The SLA engine's state now, and the latest escalation step it reached. */
  sla: { state: string; escalation: { action: EscalationAction; label: string; reached: boolean } | null };
  /** The SLA tier's agreed next step ("Book the demo"), when there is one. */
  nextStep: string | null;
}

const HAND_BACK: EscalationAction = 'hand_back_to_marketing';

export function decideNextAction({ recorded, disqualifiedBecause, sla, nextStep }: NextActionInput): NextAction {
  if (recorded) return { kind: 'recorded', ...recorded };
  if (disqualifiedBecause !== null) return { kind: 'record_outcome', because: disqualifiedBecause };
  if (sla.state === 'breached') {
    const reached = sla.escalation?.reached ? sla.escalation : null;
    if (reached?.action === HAND_BACK) return { kind: 'hand_back', escalation: reached.label };
    return { kind: 'call_now', escalation: reached?.label ?? null, nextStep };
  }
  return { kind: 'next_step', nextStep };
}
