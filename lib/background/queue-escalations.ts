import { CrmError } from '../crm/crm-error';
import type { CrmReporting } from '../crm/crm-reporting-port';
import type { EscalationWrite } from '../crm/escalation-writer';
import { leadStatusMappingFor } from '../crm/lead-status-mapping-for';
import type { LeadStatusMapping } from '../domain/disposition/lead-status-mapping';
import { planEscalations, type DueEscalation } from '../domain/queue/due-escalations';
import type { QueueLead, RepIdentity } from '../domain/queue/queue-lead';
import { isWithinBusinessHours, nextOpening } from '../domain/sla/business-calendar';
import type { SlaPolicy } from '../domain/sla/sla-policy';
import { decideAfterFailure, describeFailure, DELIVERY_TIMEOUT_MS } from '../outbox/delivery-policy';
import { pruneEscalations, type EscalationRecord, type EscalationStore } from './queue-escalation-store';

/*
 * The queue's escalations in the background: on every wake, the steps of the rep's own leads that
 * came due (lib/domain/queue/due-escalations.ts) are stored first, then sent to the CRM through the
 * reporting port's escalation writer, oldest first. A step is planned once (its key stays in the
 * store) and written once: the writer is idempotent on the escalation id, so a delivery cut short
 * by a stopped worker or a lost answer is simply sent again. Limits and outages back off as the
 * outbox's do (delivery-policy.ts); a refusal (a missing Baton field, a status the CRM lacks) is
 * kept as failed, with its reason, and not retried by itself. Only inside business hours.
 */

/** Deliveries per wake: a wake that finds a backlog (after a weekend) spreads it over the next ones. */
export const MAX_ESCALATIONS_PER_WAKE = 10;
/** A parked delivery (reconnect needed) is looked at again after this. */
const PARKED_RETRY_MS = 30 * 60_000;

export interface EscalationRunInput {
  reporting: CrmReporting;
  rep: RepIdentity;
  policy: SlaPolicy;
  leads: readonly QueueLead[];
  /** Since when Baton watches this rep's queue (steps due before are not news). */
  since: number;
  now: number;
}

export interface QueueEscalationDeps {
  store: EscalationStore;
  /** The admin's lead-status mapping: its values mean "decided", its "recycled" value is what a hand-back sets. */
  readLeadStatusMapping?(): Promise<LeadStatusMapping | null>;
  /** The statuses new leads get in the CRM (queue-open-statuses.ts); absent: none. */
  openStatuses?(reporting: CrmReporting): Promise<string[] | null>;
  random?: () => number;
  log?: (message: string, detail?: unknown) => void;
}

export interface QueueEscalations {
  /** Plans and delivers what is due; returns when to look again (null: nothing ahead). */
  run(input: EscalationRunInput): Promise<number | null>;
}

/**
 * The lead statuses a disposition or a hand-back sets under the mapping (for this CRM): the lead is
 * decided. Never one a new lead gets (`openStatuses`): a mapping may recycle leads to the CRM's
 * default status. When those are not known (null), "recycled" is left out, the one a mapping
 * plausibly sends back to the start.
 */
export function decidedStatusesOf(mapping: LeadStatusMapping | null, openStatuses: readonly string[] | null): string[] {
  if (!mapping) return [];
  const open = new Set((openStatuses ?? []).map((s) => s.trim().toLowerCase()));
  const candidates = [mapping.rejected, mapping.working, mapping.opportunityCreated, mapping.unreachable, ...(openStatuses === null ? [] : [mapping.recycled])];
  return [...new Set(candidates)].filter((s) => !open.has(s.trim().toLowerCase()));
}

export function toEscalationWrite(due: DueEscalation, context: { policy: SlaPolicy; handBackStatus: string | null }): EscalationWrite {
  const owner = due.lead.owner;
  return {
    id: due.id,
    lead: due.lead.ref,
    leadName: due.leadName,
    action: due.action,
    step: due.step,
    dueAt: due.dueAt,
    clockStart: due.clockStart,
    tier: due.tier,
    policy: due.policy,
    owner: { id: owner?.id ?? '', name: owner?.name ?? null },
    manager: context.policy.salesManager ? { ownerId: context.policy.salesManager.ownerId, name: context.policy.salesManager.name } : null,
    handBackStatus: context.handBackStatus,
    timeZone: context.policy.calendar.timeZone,
  };
}

export function createQueueEscalations(deps: QueueEscalationDeps): QueueEscalations {
  const log = deps.log ?? ((message: string, detail?: unknown) => console.warn(message, detail ?? ''));
  const random = deps.random ?? Math.random;
  // One run at a time: two wakes (an alarm and the popup) must not send the same record together.
  let chain: Promise<unknown> = Promise.resolve();

  async function runOnce(input: EscalationRunInput): Promise<number | null> {
    const { reporting, policy, now } = input;
    const record = reporting.recordEscalation;
    if (!record) return null;
    let records = pruneEscalations(await deps.store.read(), now);

    const stored = deps.readLeadStatusMapping ? await deps.readLeadStatusMapping() : null;
    const mapping = stored ? leadStatusMappingFor(reporting.crm, stored) : null;
    const decidedStatuses = decidedStatusesOf(mapping, deps.openStatuses ? await deps.openStatuses(reporting) : []);
    const plan = planEscalations({ leads: input.leads, policy, ownerId: input.rep.ownerId, now, since: input.since, queued: new Set(records.map((r) => r.stepKey)), decidedStatuses });
    if (plan.due.length) {
      const handBackStatus = mapping?.recycled ?? null;
      records = [
        ...records,
        ...plan.due.map((due): EscalationRecord => ({
          version: 1,
          stepKey: due.stepKey,
          connection: reporting.key,
          write: toEscalationWrite(due, { policy, handBackStatus }),
          state: 'pending',
          attempts: 0,
          nextAttemptAt: now,
          createdAt: now,
          deliveredAt: null,
          receipt: null,
          lastError: null,
        })),
      ];
      // Stored before anything is sent: a worker stopped mid-delivery finds them on its next wake.
      await deps.store.write(records);
    }

    let next = plan.nextAt;
    const later = (t: number | null) => {
      if (t !== null && t > now && (next === null || t < next)) next = t;
    };
    const mine = (r: EscalationRecord) => r.state === 'pending' && r.connection === reporting.key;
    if (!isWithinBusinessHours(policy.calendar, now)) {
      if (records.some(mine)) later(nextOpening(policy.calendar, now));
      return next;
    }

    let sent = 0;
    let heldUntil = now + 1;
    for (let i = 0; i < records.length && sent < MAX_ESCALATIONS_PER_WAKE; i++) {
      const current = records[i]!;
      if (!mine(current) || current.nextAttemptAt > now) continue;
      sent++;
      const attempts = current.attempts + 1;
      // Counted before sending: a delivery the worker never finishes still counts toward the backoff.
      records[i] = { ...current, attempts };
      await deps.store.write(records);
      try {
        const receipt = await record(current.write, { signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS) });
        records[i] = { ...records[i]!, state: 'delivered', deliveredAt: now, receipt, lastError: null };
      } catch (error) {
        const decision = decideAfterFailure(error, { attempts, now, random });
        const failure = describeFailure(error);
        log('Baton: an escalation could not be recorded in the CRM.', failure);
        records[i] = {
          ...records[i]!,
          state: decision.state === 'failed' ? 'failed' : 'pending',
          nextAttemptAt: decision.nextAttemptAt ?? now + PARKED_RETRY_MS,
          lastError: { kind: failure.kind, message: failure.message },
        };
        await deps.store.write(records);
        // A limit or an outage holds the rest of this connection's escalations back too.
        if (error instanceof CrmError && (error.kind === 'rate_limited' || error.kind === 'auth' || error.kind === 'network')) {
          heldUntil = Math.max(heldUntil, records[i]!.nextAttemptAt);
          break;
        }
        continue;
      }
      await deps.store.write(records);
    }
    if (heldUntil > now + 1) {
      // Kept in the store, so the hold outlives this worker.
      records = records.map((r) => (mine(r) && r.nextAttemptAt < heldUntil ? { ...r, nextAttemptAt: heldUntil } : r));
      await deps.store.write(records);
    }
    for (const r of records) if (mine(r)) later(Math.max(r.nextAttemptAt, now + 1));
    return next;
  }

  return {
    run(input) {
      const result = chain.then(() => runOnce(input));
      chain = result.catch(() => undefined);
      return result;
    },
  };
}
