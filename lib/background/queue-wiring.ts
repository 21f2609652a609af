import type { CrmConnections } from '../crm/crm-connections';
import type { CrmProvider } from '../crm/crm-provider';
import type { LeadStatusMapping } from '../domain/disposition/lead-status-mapping';
import type { SlaPolicy } from '../domain/sla/sla-policy';
import type { QueueActions } from '../messaging/background-router';
import type { AlertSettings } from '../storage/alert-settings';
import type { ConnectionSettings } from '../storage/connection-settings';
import type { StoredRepIdentity } from '../storage/rep-identity-store';
import { createQueueRunner, type QueueNotification } from './queue-runner';
import type { EscalationStore } from './queue-escalation-store';
import { createQueueEscalations } from './queue-escalations';
import { createOpenStatuses, type OpenStatusesRecord } from './queue-open-statuses';
import type { QueueStore } from './queue-store';
import { createRepIdentityService, type RepIdentityService } from './rep-identity';

/** What the browser lends the queue: storage, notifications, the badge and the alarm. */
export interface QueuePlatform {
  store: QueueStore;
  identity: { read(): Promise<StoredRepIdentity | null>; write(identity: StoredRepIdentity): Promise<void>; clear(): Promise<void> };
  readAlertSettings(): Promise<AlertSettings>;
  readSent(): Promise<ReadonlyMap<string, number>>;
  rememberSent(keys: readonly string[], now: number): Promise<void>;
  notify(notification: QueueNotification): Promise<void>;
  setBadge(badge: { text: string; color: string | null }): Promise<void>;
  scheduleTick(at: number | null): void;
  timeZone(): string;
  /** Where planned escalations wait for the CRM (absent: escalation steps stay reminders only). */
  escalations?: EscalationStore;
  /** The admin's lead-status mapping as adopted in this browser (what "decided" and a hand-back mean). */
  readLeadStatusMapping?(): Promise<LeadStatusMapping>;
  /** Where the CRM's statuses for new leads are kept between wakes (queue-open-statuses.ts). */
  openStatuses?: { read(): Promise<OpenStatusesRecord | null>; write(record: OpenStatusesRecord): Promise<void> };
}

export interface QueueBackgroundDeps {
  platform: QueuePlatform;
  connections: Pick<CrmConnections, 'reporting'>;
  providers: readonly CrmProvider[];
  demoBuild: boolean;
  readSettings(): Promise<ConnectionSettings>;
  readPolicy(): Promise<SlaPolicy>;
  now(): number;
}

/** The queue's parts assembled: the identity service (whose currentRep() others call), the runner, the router's actions. */
export function createQueueBackground(deps: QueueBackgroundDeps): { rep: RepIdentityService; runner: ReturnType<typeof createQueueRunner>; actions: QueueActions } {
  const crmLabel = async (): Promise<string> => {
    const settings = await deps.readSettings();
    if (settings.address === 'sandbox' && deps.demoBuild) return 'the sandbox CRM';
    return deps.providers.find((p) => p.descriptor.kind === settings.provider)?.descriptor.label ?? 'your CRM';
  };
  const rep = createRepIdentityService({ openReporting: deps.connections.reporting, crmLabel, ...deps.platform.identity, now: deps.now });
  const openStatuses = deps.platform.openStatuses ? createOpenStatuses({ ...deps.platform.openStatuses, now: deps.now }) : undefined;
  const runner = createQueueRunner({
    openReporting: deps.connections.reporting,
    crmLabel,
    rep,
    readPolicy: deps.readPolicy,
    readAlertSettings: deps.platform.readAlertSettings,
    readSent: deps.platform.readSent,
    rememberSent: deps.platform.rememberSent,
    store: deps.platform.store,
    notify: deps.platform.notify,
    setBadge: deps.platform.setBadge,
    scheduleTick: deps.platform.scheduleTick,
    timeZone: deps.platform.timeZone,
    now: deps.now,
    readLeadStatusMapping: deps.platform.readLeadStatusMapping,
    openStatuses,
    escalations: deps.platform.escalations ? createQueueEscalations({ store: deps.platform.escalations, readLeadStatusMapping: deps.platform.readLeadStatusMapping, openStatuses }) : undefined,
  });
  // A new or changed identity changes whose queue is listed: the badge and reminders follow at once.
  const afterRepChange = async <T>(result: T): Promise<T> => {
    void runner.tick().catch((err: unknown) => console.warn('Baton: queue update failed', err));
    return result;
  };
  return {
    rep,
    runner,
    actions: {
      view: runner.view,
      repStatus: rep.status,
      listOwners: rep.listOwners,
      chooseRep: async (ownerId) => afterRepChange(await rep.choose(ownerId)),
      clearRep: async () => afterRepChange(await rep.clear()),
    },
  };
}
