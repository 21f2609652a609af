import type { EscalationWrite } from '../../lib/crm/escalation-writer';
import { escalationId } from '../../lib/domain/queue/escalation-id';

/*
 * Test support for the escalation writers (HubSpot's and Salesforce's sandbox tests): the lead
 * a CRM-specific test seeded, waiting since it was assigned an hour ago, and the escalation write
 * the default SLA policy's steps ask for on it, with an id derived as the queue derives it.
 */

export const MINUTE = 60_000;
export const DEFAULT_POLICY = { id: 'baton-default', version: '1.0.0' } as const;

const STEPS: Record<EscalationWrite['action'], EscalationWrite['step']> = {
  notify_manager: { id: 'double-notify-manager', label: 'Twice the target: tell the sales manager' },
  hand_back_to_marketing: { id: 're-engage-by-marketing', label: 'Re-engage by marketing: hand the lead back' },
};

/** The seeded lead and who is around it: what varies between the CRMs' tests. */
export interface WaitingLead {
  lead: EscalationWrite['lead'];
  /** When the lead was assigned: the SLA clock's start. */
  assignedAt: number;
  owner: EscalationWrite['owner'];
  manager: EscalationWrite['manager'];
  /** The lead status the admin maps "handed back" to, in this CRM's values. */
  handBackStatus: string;
  timeZone: string;
}

/** An hour before `now`: a lead assigned then is 50 minutes past its first step (due 10 minutes in). */
export function assignedAnHourAgo(now: number = Date.now()): number {
  return now - 60 * MINUTE;
}

/** The escalation write for `action` on the waiting lead; `overrides` replace fields after the id is derived. */
export function escalationWriteFor(waiting: WaitingLead, action: EscalationWrite['action'], overrides: Partial<EscalationWrite> = {}): EscalationWrite {
  const step = STEPS[action];
  return {
    id: escalationId({ lead: waiting.lead, policy: DEFAULT_POLICY, stepId: step.id, clockStart: waiting.assignedAt }),
    lead: waiting.lead,
    leadName: 'Quinn Waiting',
    action,
    step,
    dueAt: waiting.assignedAt + 10 * MINUTE,
    clockStart: waiting.assignedAt,
    tier: 'Demo request',
    policy: { ...DEFAULT_POLICY },
    owner: waiting.owner,
    manager: waiting.manager,
    handBackStatus: waiting.handBackStatus,
    timeZone: waiting.timeZone,
    ...overrides,
  };
}
