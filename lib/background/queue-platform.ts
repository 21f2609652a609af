import { browser } from 'wxt/browser';
import { readLeadStatusMapping, readSlaPolicy, watchAdminSetting } from '../storage/admin-settings';
import { createKeyValueStore } from '../storage/idb-key-value';
import { connectionSettingsItem } from '../storage/connection-settings';
import { readAlertSettings, readSentReminders, rememberSentReminders, watchAlertSettings } from '../storage/alert-settings';
import { clearRepIdentity, readRepIdentity, watchRepIdentity, writeRepIdentity } from '../storage/rep-identity-store';
import { storage } from 'wxt/utils/storage';
import { createIdbEscalationStore } from './queue-escalation-store';
import { openStatusesRecordSchema } from './queue-open-statuses';
import { queueSnapshotSchema, queueWatchSchema, type QueueStore } from './queue-store';
import type { QueuePlatform } from './queue-wiring';

/*
 * The queue's browser side: the toolbar badge, system notifications (a click opens the lead's
 * record), one alarm for the next instant anything changes, and the wakes that recompute it all
 * (worker start, browser start, the alarm, a changed setting, identity, connection or SLA policy).
 */

export const QUEUE_ALARM = 'baton-queue-tick';

/** A 32-px Baton mark for notifications (the manifest ships no icon files). */
const NOTIFICATION_ICON =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAIAAAD8GO2jAAAAqklEQVR42rXWSwqAMAxF0Tt34NA9uGh36VxBKKXWmiYvULGfwEHUJJzHUsa67fJBDWQYLSA3OoDW4L5SDZ5bnkGZJRnUiwyDZi03eG9pDbq7QoOvA5XB4ExiMD6OG/xGBA0sQREDY5zbwP6wPoOpN+YwmP3sZg0c/86UgS8B2A3cWcxoEEnFFoNgPfk1iBfFsYGksg8MVO3Jl4Gwx+oaaBvFdOBtkNGy18AFJcJUt+LeP3EAAAAASUVORK5CYII=';

/** Chrome fires alarms no sooner than this after they are set (30 s in packed builds; tests run unpacked). */
const MIN_ALARM_DELAY_MS = 1000;

export function createBrowserQueuePlatform(): QueuePlatform {
  return {
    store: createBrowserQueueStore(),
    identity: { read: readRepIdentity, write: writeRepIdentity, clear: clearRepIdentity },
    readAlertSettings,
    readSent: readSentReminders,
    rememberSent: rememberSentReminders,
    async notify(notification) {
      await browser.notifications.create(notification.id, { type: 'basic', iconUrl: NOTIFICATION_ICON, title: notification.title, message: notification.message, priority: 2 });
    },
    async setBadge({ text, color }) {
      await browser.action.setBadgeText({ text });
      if (color) await browser.action.setBadgeBackgroundColor({ color });
      if (color) await browser.action.setBadgeTextColor?.({ color: '#ffffff' });
    },
    scheduleTick(at) {
      if (at === null) void browser.alarms.clear(QUEUE_ALARM);
      else void browser.alarms.create(QUEUE_ALARM, { when: Math.max(at, Date.now() + MIN_ALARM_DELAY_MS) });
    },
    timeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    escalations: createIdbEscalationStore(createKeyValueStore({ dbName: 'baton-escalations', storeName: 'escalations' })),
    readLeadStatusMapping,
    openStatuses: {
      async read() {
        const parsed = openStatusesRecordSchema.safeParse(await openStatusesItem.getValue());
        return parsed.success ? parsed.data : null;
      },
      write: (record) => openStatusesItem.setValue(openStatusesRecordSchema.parse(record)),
    },
  };
}

type QueueRunner = { tick(): Promise<void>; recordUrlFor(notificationId: string): Promise<string | null> };

/** Registers the queue's listeners (synchronously, as MV3 wakes need) and runs the first wake. */
export function startQueueInBrowser(queue: { runner: QueueRunner } | null): void {
  if (!queue) return;
  const tick = () => void queue.runner.tick().catch((err: unknown) => console.warn('Baton: the queue update failed', err));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === QUEUE_ALARM) tick();
  });
  browser.runtime.onStartup.addListener(tick);
  browser.notifications.onClicked.addListener((id) => {
    void queue.runner.recordUrlFor(id).then(async (url) => {
      if (!url) return;
      await browser.tabs.create({ url });
      await browser.notifications.clear(id);
    });
  });
  watchAlertSettings(tick);
  watchRepIdentity(tick);
  watchAdminSetting('sla-policy', tick);
  // A new connection (or a new portal or org) changes whose queue there is to list.
  connectionSettingsItem.watch(tick);
  tick();
}


/** The queue's storage: the listing in session storage (lead data, kept from content scripts), the watch in local storage. */
const snapshotItem = storage.defineItem<unknown>('session:queue.snapshot', { fallback: null });
const watchItem = storage.defineItem<unknown>('local:queue.watch', { fallback: null });
/** The CRM's statuses for new leads (no lead data), read once a day. */
const openStatusesItem = storage.defineItem<unknown>('local:queue.openStatuses', { fallback: null });

function createBrowserQueueStore(): QueueStore {
  return {
    async readSnapshot() {
      const parsed = queueSnapshotSchema.safeParse(await snapshotItem.getValue());
      return parsed.success ? parsed.data : null;
    },
    writeSnapshot: (snapshot) => snapshotItem.setValue(snapshot),
    async readWatch() {
      const parsed = queueWatchSchema.safeParse(await watchItem.getValue());
      return parsed.success ? parsed.data : null;
    },
    writeWatch: (watch) => watchItem.setValue(queueWatchSchema.parse(watch)),
  };
}

