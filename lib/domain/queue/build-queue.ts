import { leadDisplayName, type Lead } from '../lead';
import { computeSlaStatus, type SlaState, type SlaStatus } from '../sla/compute-sla-status';
import type { SlaRules } from '../sla/sla-policy';
import type { QueueLead } from './queue-lead';

/*
 * The rep's queue from the leads one listing returned: the leads awaiting a first touch, soonest
 * deadline first, and the owned leads that engaged lately with no touch since ("engaged, not
 * reached"), latest engagement first. Pure: the same leads, policy and instant give the same queue.
 */

export const ENGAGED_WINDOW_MS = 7 * 24 * 3_600_000;

export interface AwaitingEntry {
  kind: 'awaiting';
  item: QueueLead;
  name: string;
  status: SlaStatus;
  trigger: string | null;
  brief: string;
}

export interface EngagedEntry {
  kind: 'engaged';
  item: QueueLead;
  name: string;
  engagedAt: number;
  /** The SLA tier the lead falls in. */
  tier: string;
  trigger: string | null;
  brief: string;
}

export interface RepQueue {
  awaiting: AwaitingEntry[];
  engaged: EngagedEntry[];
}

export interface BuildQueueInput {
  leads: readonly QueueLead[];
  policy: SlaRules;
  /** The rep's owner id: only their leads are in their queue. */
  ownerId: string;
  now: number;
  engagedWindowMs?: number;
  /**
   * Lead statuses that mean the lead was decided (a disposition set it, or it was handed back to
   * marketing): such a lead no longer waits for the rep's first touch, though it may still show as
   * engaged, not reached when it engages again.
   */
  decidedStatuses?: readonly string[];
}

/** Whether the lead still waits for its first human touch since its clock started (or it was assigned). */
export function awaitsFirstTouch(item: QueueLead, clockStart: number | null): boolean {
  if (item.lastTouchedAt === null) return true;
  return clockStart !== null && item.lastTouchedAt < clockStart;
}

export function buildQueue({ leads, policy, ownerId, now, engagedWindowMs = ENGAGED_WINDOW_MS, decidedStatuses = [] }: BuildQueueInput): RepQueue {
  const decided = new Set(decidedStatuses.map((s) => s.trim().toLowerCase()));
  const awaiting: AwaitingEntry[] = [];
  const engaged: EngagedEntry[] = [];
  const seen = new Set<string>();
  for (const item of leads) {
    const lead = item.lead;
    if (lead.owner?.id !== ownerId || seen.has(lead.ref.id)) continue;
    seen.add(lead.ref.id);
    const status = computeSlaStatus({ lead, touches: [], policy, now });
    const trigger = triggerOf(lead);
    const brief = briefLine(lead);
    const isDecided = lead.leadStatus !== null && decided.has(lead.leadStatus.trim().toLowerCase());
    if (status.state !== 'not_started' && !isDecided && awaitsFirstTouch(item, status.clockStart)) {
      awaiting.push({ kind: 'awaiting', item, name: leadDisplayName(lead), status, trigger, brief });
      continue;
    }
    const engagedAt = item.lastEngagedAt;
    if (engagedAt === null || engagedAt > now || engagedAt < now - engagedWindowMs) continue;
    if (item.lastTouchedAt !== null && item.lastTouchedAt >= engagedAt) continue;
    engaged.push({ kind: 'engaged', item, name: leadDisplayName(lead), engagedAt, tier: status.tier.label, trigger: item.lastEngagement ?? trigger, brief });
  }
  awaiting.sort(compareAwaiting);
  engaged.sort((a, b) => b.engagedAt - a.engagedAt || compareIds(a.item.lead.ref.id, b.item.lead.ref.id));
  return { awaiting, engaged };
}

/** Soonest deadline first (a deadline passed longest ago leads); ties by id so the order is stable. */
export function compareAwaiting(a: AwaitingEntry, b: AwaitingEntry): number {
  const da = a.status.deadline ?? Number.POSITIVE_INFINITY;
  const db = b.status.deadline ?? Number.POSITIVE_INFINITY;
  if (da !== db) return da < db ? -1 : 1;
  return compareIds(a.item.lead.ref.id, b.item.lead.ref.id);
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What brought the lead to sales: the conversion that triggered the handoff. */
export function triggerOf(lead: Pick<Lead, 'recentConversion' | 'firstConversion'>): string | null {
  return lead.recentConversion?.name ?? lead.firstConversion?.name ?? null;
}

/** One line a rep reads before calling: who they are, where, how big. */
export function briefLine(lead: Pick<Lead, 'jobTitle' | 'company' | 'employees' | 'country'>): string {
  const who = lead.jobTitle && lead.company ? `${lead.jobTitle} at ${lead.company}` : (lead.jobTitle ?? lead.company ?? null);
  const parts = [who, lead.employees !== null ? `${lead.employees.toLocaleString('en-US')}+ employees` : null, lead.country].filter((p): p is string => !!p);
  return parts.length ? parts.join(' · ') : 'No company details in the CRM yet';
}

/** How many of the awaiting leads are at risk or breached, and the worst state among them. */
export interface QueueAlarmSummary {
  count: number;
  worst: Extract<SlaState, 'at_risk' | 'breached'> | null;
}

export function summarizeAtRisk(states: readonly SlaState[]): QueueAlarmSummary {
  let count = 0;
  let worst: QueueAlarmSummary['worst'] = null;
  for (const state of states) {
    if (state === 'breached') {
      count++;
      worst = 'breached';
    } else if (state === 'at_risk') {
      count++;
      worst ??= 'at_risk';
    }
  }
  return { count, worst };
}

/** The next instant at which some awaiting lead changes state (at risk, breached); null: none ahead. */
export function nextStateChange(statuses: readonly SlaStatus[], now: number): number | null {
  let next: number | null = null;
  for (const s of statuses) {
    for (const t of [s.atRiskAt, s.deadline === null ? null : s.deadline + 1]) {
      if (t !== null && t > now && (next === null || t < next)) next = t;
    }
  }
  return next;
}
