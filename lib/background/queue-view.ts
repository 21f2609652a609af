import { buildQueue, type RepQueue } from '../domain/queue/build-queue';
import type { RepIdentity } from '../domain/queue/queue-lead';
import type { SlaPolicy } from '../domain/sla/sla-policy';
import type { QueueView } from '../messaging/queue-protocol';
import { toSlaInputs } from './panel-view';
import type { QueueSnapshot, QueueWatch } from './queue-store';

/** The popup's lists from the last listing: the engine's inputs per awaiting lead, so its countdowns tick live. */
export function toQueueView({ snapshot, watch, policy, rep, crmLabel, now, decidedStatuses = [] }: { snapshot: QueueSnapshot | null; watch: QueueWatch | null; policy: SlaPolicy; rep: RepIdentity; crmLabel: string; now: number; decidedStatuses?: readonly string[] }): QueueView {
  const queue: RepQueue = snapshot ? buildQueue({ leads: snapshot.leads, policy, ownerId: rep.ownerId, now, decidedStatuses }) : { awaiting: [], engaged: [] };
  return {
    status: 'ok',
    message: null,
    crmLabel,
    rep,
    readAt: snapshot?.readAt ?? null,
    error: watch?.error ? { message: watch.error.message, offline: watch.error.offline } : null,
    truncated: snapshot?.truncated ?? false,
    awaiting: queue.awaiting.map((e) => ({
      id: e.item.lead.ref.id,
      name: e.name,
      recordUrl: e.item.recordUrl,
      tier: e.status.tier.label,
      trigger: e.trigger,
      brief: e.brief,
      sla: toSlaInputs(policy, { lead: e.item.lead, touches: [] }),
    })),
    engaged: queue.engaged.map((e) => ({ id: e.item.lead.ref.id, name: e.name, recordUrl: e.item.recordUrl, tier: e.tier, trigger: e.trigger, brief: e.brief, engagedAt: e.engagedAt })),
  };
}

export function emptyQueueView(status: Exclude<QueueView['status'], 'ok'>, crmLabel: string, message: string | null): QueueView {
  return { status, message, crmLabel, rep: null, readAt: null, error: null, truncated: false, awaiting: [], engaged: [] };
}
