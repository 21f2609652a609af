import type { SlaInputs } from '../../lib/messaging/panel-protocol';

/** Why an outcome deserves a second look before it is written: said in the confirm step, next to Save. */
export interface OutcomeWarning {
  id: 'accept-disqualified' | 'no-contact-attempt';
  text: string;
}

export interface OutcomeWarningInput {
  outcome: 'accepted' | 'recycled' | 'rejected';
  /** The SQL definition's reason when it disqualifies the lead, else null. */
  disqualifiedBecause: string | null;
  /** Attempts logged from Baton for this lead (the outbox). */
  attemptsMade: number;
  /** Touches the CRM holds (the SLA inputs): a call or e-mail logged there is an attempt too. */
  touches: SlaInputs['touches'];
}

/**
 * The two decisions a rep can make by mistake: accepting a lead the definition rules out, and
 * recording an outcome for a lead nobody tried to reach (a touch by a person, not a sequence, and
 * not the lead writing in). Neither is refused — the rep may know better — but each is said.
 */
export function outcomeWarnings({ outcome, disqualifiedBecause, attemptsMade, touches }: OutcomeWarningInput): OutcomeWarning[] {
  const warnings: OutcomeWarning[] = [];
  if (outcome === 'accepted' && disqualifiedBecause !== null) {
    warnings.push({ id: 'accept-disqualified', text: `The SQL definition disqualifies this lead: ${disqualifiedBecause}. Accepting it counts it as sales-qualified in marketing's reports.` });
  }
  const reachedOut = attemptsMade > 0 || touches.some((t) => !t.automated && t.direction !== 'inbound');
  if (!reachedOut) {
    warnings.push({ id: 'no-contact-attempt', text: 'No contact attempt is logged for this lead, in Baton or in the CRM. Record the outcome without one?' });
  }
  return warnings;
}
