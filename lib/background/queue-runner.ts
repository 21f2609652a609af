import { CrmError } from '../crm/crm-error';
import type { CrmReporting } from '../crm/crm-reporting-port';
import { buildQueue, nextStateChange, summarizeAtRisk, type AwaitingEntry } from '../domain/queue/build-queue';
import { planReminders, type ReminderWindow } from '../domain/queue/next-due-point';
import type { RepIdentity } from '../domain/queue/queue-lead';
import { reminderSteps, type ReminderPoint, type ReminderPoints } from '../domain/queue/reminder-steps';
import { isWithinBusinessHours, nextOpening } from '../domain/sla/business-calendar';
import { formatDuration } from '../domain/sla/format-duration';
import type { SlaPolicy } from '../domain/sla/sla-policy';
import type { QueueView } from '../messaging/queue-protocol';
import type { AlertSettings } from '../storage/alert-settings';
import { leadStatusMappingFor } from '../crm/lead-status-mapping-for';
import type { LeadStatusMapping } from '../domain/disposition/lead-status-mapping';
import { decidedStatusesOf, type QueueEscalations } from './queue-escalations';
import type { RepIdentityService } from './rep-identity';
import type { QueueSnapshot, QueueStore, QueueWatch } from './queue-store';
import { emptyQueueView, toQueueView } from './queue-view';

/*
 * The rep's queue in the background: one listing per poll (a minute apart inside business hours,
 * none outside them), the badge (count at risk or breached, coloured by the worst), and reminders
 * at the points the rep chose, each sent once. Every wake (alarm, browser start, worker start, the
 * popup) recomputes from what is stored and sets one alarm for the next instant anything changes:
 * the next poll, the next lead turning at risk or breached, or the next reminder point.
 */

/** A listing a minute inside business hours: 60 requests per rep per hour at most (one page each). */
export const QUEUE_POLL_MS = 60_000;
/** The popup's "refresh" reads the CRM again only when the last listing is older than this. */
export const QUEUE_REFRESH_MIN_MS = 15_000;
const BACKOFF_BASE_MS = 60_000;
const BACKOFF_MAX_MS = 30 * 60_000;
const ENGAGED_WINDOW_MS = 7 * 86_400_000;
/** Individual notifications per wake; past this one more says how many others need the rep. */
const MAX_NOTIFICATIONS = 3;

export const BADGE_COLORS = { breached: '#b91c1c', at_risk: '#b45309' } as const;

export interface QueueNotification {
  id: string;
  title: string;
  message: string;
}

export interface QueueRunnerDeps {
  openReporting(): Promise<CrmReporting>;
  crmLabel(): Promise<string>;
  rep: RepIdentityService;
  readPolicy(): Promise<SlaPolicy>;
  readAlertSettings(): Promise<AlertSettings>;
  readSent(): Promise<ReadonlyMap<string, number>>;
  rememberSent(keys: readonly string[], now: number): Promise<void>;
  store: QueueStore;
  notify(notification: QueueNotification): Promise<void>;
  setBadge(badge: { text: string; color: string | null }): Promise<void>;
  /** Wake the worker at this instant (null: nothing ahead). */
  scheduleTick(at: number | null): void;
  /** The rep's time zone (quiet hours are local to it). */
  timeZone(): string;
  now(): number;
  /** Records the SLA policy's manager and hand-back steps in the CRM (absent: reminders only). */
  escalations?: QueueEscalations;
  /** The admin's lead-status mapping: a lead whose status a disposition or hand-back sets waits for no first touch. */
  readLeadStatusMapping?(): Promise<LeadStatusMapping | null>;
  /** The statuses new leads get in the CRM, which never mean "decided" (queue-open-statuses.ts). */
  openStatuses?(reporting: CrmReporting): Promise<string[] | null>;
  log?: (message: string, detail?: unknown) => void;
}

export function createQueueRunner(deps: QueueRunnerDeps) {
  const log = deps.log ?? ((message: string, detail?: unknown) => console.warn(message, detail ?? ''));
  let running: Promise<void> | null = null;
  let again = false;

  type Context = { reporting: CrmReporting; rep: RepIdentity; policy: SlaPolicy; decidedStatuses: string[] };

  /** The connection, rep and policy, or why there is no queue to show. */
  async function context(): Promise<Context | { view: QueueView }> {
    const crmLabel = await deps.crmLabel();
    let reporting: CrmReporting;
    try {
      reporting = await deps.openReporting();
    } catch (err) {
      if (err instanceof CrmError && (err.kind === 'auth' || err.kind === 'rejected')) return { view: emptyQueueView('not-connected', crmLabel, err.message) };
      throw err;
    }
    if (!reporting.readQueue) return { view: emptyQueueView('unsupported', crmLabel, `Baton cannot list your queue from ${crmLabel} yet.`) };
    const rep = await deps.rep.currentRep();
    if (!rep) return { view: emptyQueueView('no-rep', crmLabel, null) };
    return { reporting, rep, policy: await deps.readPolicy(), decidedStatuses: await decidedStatusesFor(reporting) };
  }

  async function decidedStatusesFor(reporting: CrmReporting): Promise<string[]> {
    const mapping = deps.readLeadStatusMapping ? await deps.readLeadStatusMapping() : null;
    if (!mapping) return [];
    return decidedStatusesOf(leadStatusMappingFor(reporting.crm, mapping), deps.openStatuses ? await deps.openStatuses(reporting) : []);
  }

  function watchFor(watch: QueueWatch | null, ctx: Context, now: number): QueueWatch {
    if (watch && watch.connection === ctx.reporting.key && watch.ownerId === ctx.rep.ownerId) return watch;
    return { version: 1, connection: ctx.reporting.key, ownerId: ctx.rep.ownerId, since: now, backoffUntil: null, failures: 0, error: null, nextTickAt: null };
  }

  function snapshotFits(snapshot: QueueSnapshot | null, ctx: Context): snapshot is QueueSnapshot {
    return !!snapshot && snapshot.connection === ctx.reporting.key && snapshot.ownerId === ctx.rep.ownerId;
  }

  /** One listing, unless the CRM asked Baton to wait. Updates the snapshot and the watch. */
  async function poll(ctx: Context, watch: QueueWatch, now: number): Promise<{ snapshot: QueueSnapshot | null; watch: QueueWatch }> {
    if (watch.backoffUntil !== null && now < watch.backoffUntil) return { snapshot: null, watch };
    try {
      const result = await ctx.reporting.readQueue!({ ownerId: ctx.rep.ownerId, now, engagedSince: now - ENGAGED_WINDOW_MS });
      const snapshot: QueueSnapshot = { version: 1, connection: ctx.reporting.key, ownerId: ctx.rep.ownerId, readAt: now, leads: result.leads, truncated: result.truncated };
      await deps.store.writeSnapshot(snapshot);
      return { snapshot, watch: { ...watch, backoffUntil: null, failures: 0, error: null } };
    } catch (err) {
      if (!(err instanceof CrmError)) throw err;
      const failures = watch.failures + 1;
      let backoffUntil: number | null = null;
      if (err.kind === 'rate_limited') {
        backoffUntil = err.limit === 'daily' ? (err.resetAt ?? now + 3_600_000) : now + Math.max(err.retryAfterMs ?? 0, Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** (failures - 1)));
      } else if (err.kind === 'server') {
        backoffUntil = now + Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** (failures - 1));
      }
      log('Baton: the queue listing failed.', err);
      return { snapshot: null, watch: { ...watch, failures, backoffUntil, error: { message: err.message, offline: err.kind === 'network', at: now } } };
    }
  }

  function pollDueAt(ctx: Context, snapshot: QueueSnapshot | null, watch: QueueWatch, now: number): number {
    const calendar = ctx.policy.calendar;
    let due = snapshot ? snapshot.readAt + QUEUE_POLL_MS : now;
    if (watch.backoffUntil !== null) due = Math.max(due, watch.backoffUntil);
    // Nothing outside business hours: the next listing waits for the opening.
    return isWithinBusinessHours(calendar, due) ? due : nextOpening(calendar, due);
  }

  async function wake(options: { forcePoll: boolean }): Promise<QueueView> {
    const now = deps.now();
    const ctx = await context();
    if ('view' in ctx) {
      await deps.setBadge({ text: '', color: null });
      deps.scheduleTick(null);
      return ctx.view;
    }
    let watch = watchFor(await deps.store.readWatch(), ctx, now);
    const stored = await deps.store.readSnapshot();
    let snapshot = snapshotFits(stored, ctx) ? stored : null;
    const due = pollDueAt(ctx, snapshot, watch, now);
    const stale = !snapshot || now - snapshot.readAt >= QUEUE_REFRESH_MIN_MS;
    if (due <= now || (options.forcePoll && stale)) {
      const polled = await poll(ctx, watch, now);
      watch = polled.watch;
      snapshot = polled.snapshot ?? snapshot;
    }
    const settings = await deps.readAlertSettings();
    const queue = snapshot ? buildQueue({ leads: snapshot.leads, policy: ctx.policy, ownerId: ctx.rep.ownerId, now, decidedStatuses: ctx.decidedStatuses }) : { awaiting: [], engaged: [] };

    const summary = summarizeAtRisk(queue.awaiting.map((e) => e.status.state));
    await deps.setBadge(settings.badge && summary.count > 0 ? { text: String(summary.count), color: BADGE_COLORS[summary.worst!] } : { text: '', color: null });

    const reminderNext = await remind(queue.awaiting, ctx.policy, settings, watch, now);
    // Without a listing yet (a new browser session), pending escalations are still delivered.
    const escalationNext = await escalate(ctx, snapshot?.leads ?? [], watch, now);
    const candidates = [pollDueAt(ctx, snapshot, watch, now), nextStateChange(queue.awaiting.map((e) => e.status), now), reminderNext, escalationNext];
    const next = candidates.reduce<number | null>((min, t) => (t === null ? min : min === null || t < min ? t : min), null);
    watch = { ...watch, nextTickAt: next };
    await deps.store.writeWatch(watch);
    deps.scheduleTick(next);
    return toQueueView({ snapshot, watch, policy: ctx.policy, rep: ctx.rep, crmLabel: await deps.crmLabel(), now, decidedStatuses: ctx.decidedStatuses });
  }

  /** Sends what is due now; returns when the next reminder point is. */
  async function remind(awaiting: readonly AwaitingEntry[], policy: SlaPolicy, settings: AlertSettings, watch: QueueWatch, now: number): Promise<number | null> {
    const wanted = reminderPointsOf(settings);
    const byLead = new Map(awaiting.map((e) => [e.item.lead.ref.id, e]));
    const points: ReminderPoint[] = awaiting.flatMap((e) => reminderSteps(e.item.lead.ref.id, e.status, policy, wanted));
    const sent = new Set((await deps.readSent()).keys());
    // Points due before Baton watched this rep's queue are not news: remembered, not shown.
    const before = points.filter((p) => p.dueAt < watch.since && !sent.has(p.key)).map((p) => p.key);
    for (const key of before) sent.add(key);
    const window: ReminderWindow = { calendar: settings.businessHoursOnly ? policy.calendar : null, quietHours: settings.quietHours, timeZone: deps.timeZone() };
    const plan = planReminders({ points, sent, now, window });
    if (before.length || plan.consumed.length) await deps.rememberSent([...before, ...plan.consumed], now);
    const shown = plan.send.slice(0, MAX_NOTIFICATIONS);
    for (const point of shown) await deps.notify(describeReminder(point, byLead.get(point.leadId)!, now));
    const rest = plan.send.length - shown.length;
    if (rest > 0) await deps.notify({ id: `baton-queue|more|${now}`, title: `${rest} more leads need you`, message: 'Open My queue from the Baton button.' });
    return plan.nextAt;
  }

  /** The escalation steps due on the rep's leads, recorded in the CRM; a failure here never stops the queue. */
  async function escalate(ctx: Context, leads: QueueSnapshot['leads'], watch: QueueWatch, now: number): Promise<number | null> {
    if (!deps.escalations) return null;
    try {
      return await deps.escalations.run({ reporting: ctx.reporting, rep: ctx.rep, policy: ctx.policy, leads, since: watch.since, now });
    } catch (err) {
      log('Baton: the escalations could not be planned or sent.', err);
      return null;
    }
  }

  /** One wake at a time; a wake asked for meanwhile runs once after it. */
  function tick(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await wake({ forcePoll: false });
        } while (again);
      } finally {
        running = null;
      }
    })();
    return running;
  }

  return {
    tick,
    /** The popup's lists: the stored listing, or a new one when asked and the last is not fresh. */
    async view(refresh: boolean): Promise<QueueView> {
      await running;
      return wake({ forcePoll: refresh });
    },
    /** Where a notification's lead opens (from the stored listing); null: not one of ours. */
    async recordUrlFor(notificationId: string): Promise<string | null> {
      const [prefix, leadId] = notificationId.split('|');
      if (prefix !== 'baton-queue' || !leadId) return null;
      const snapshot = await deps.store.readSnapshot();
      return snapshot?.leads.find((l) => l.lead.ref.id === leadId)?.recordUrl ?? null;
    },
  };
}

export function describeReminder(point: ReminderPoint, entry: AwaitingEntry, now: number): QueueNotification {
  const { status } = entry;
  const left = status.remaining ? status.remaining.businessMs - (now - status.evaluatedAt) : null;
  const about = [status.tier.label, entry.trigger, entry.brief].filter(Boolean).join(' · ');
  const id = `baton-queue|${point.leadId}|${point.step}`;
  switch (point.step) {
    case 'assigned':
      return { id, title: `New lead: ${entry.name}`, message: `${about}. Respond within ${formatDuration(status.tier.targetMs)}.` };
    case 'share':
    case 'before_breach':
      return { id, title: `${entry.name}: ${left !== null && left > 0 ? `${formatDuration(left)} left to respond` : 'respond now'}`, message: about };
    case 'breach':
      return { id, title: `${entry.name}: response time missed`, message: `${about}. Call now.` };
  }
}

/** The reminder points the settings ask for (none when notifications are off). */
export function reminderPointsOf(settings: AlertSettings): ReminderPoints {
  if (!settings.notifications) return { assigned: false, share: null, minutesBeforeBreach: null, breach: false };
  return {
    assigned: settings.assigned,
    share: settings.sharePercent === null ? null : settings.sharePercent / 100,
    minutesBeforeBreach: settings.minutesBeforeBreach,
    breach: settings.breach,
  };
}
