import { browser } from 'wxt/browser';
import { createBackground } from '../lib/background/create-background';
import { cacheUntilRejected } from '../lib/background/outbox-runner';
import { requestPersistentStorage } from '../lib/background/persistent-storage';
import { startPanelPlacement } from '../lib/background/panel-placement-host';
import type { PanelRules } from '../lib/background/panel-view';
import { createBrowserQueuePlatform, startQueueInBrowser } from '../lib/background/queue-platform';
import { CRM_PROVIDERS } from '../lib/crm/providers';
import { ENGAGEMENT_SOURCES } from '../lib/crm/engagement-sources';
import { openOutboxStore, type OutboxStore } from '../lib/outbox/outbox-store';
import { ADMIN_SETTING_KINDS, readAttemptPolicy, readDispositionReasons, readLeadStatusMapping, readSlaPolicy, readSqlDefinition, watchAdminSetting } from '../lib/storage/admin-settings';
import { readConnectionSettings, writeConnectionSettings } from '../lib/storage/connection-settings';
import { createInsightsReadStore } from '../lib/storage/insights-read-store';
import { createLeadEvidenceStore } from '../lib/storage/lead-evidence-store';
import { createManagedPolicyCache, watchManagedPolicy } from '../lib/storage/managed-policy';
import { deleteSecret, readSecret, writeSecret } from '../lib/storage/secret-store';
import { adoptPublishedRules } from '../lib/storage/adopt-published-rules';
import { readTeamRulesCache, writeTeamRulesCache } from '../lib/storage/team-rules-cache';
import { TEAM_RULES_REFRESH_MS } from '../lib/background/team-rules-sync';

const OUTBOX_ALARM = 'baton-outbox-drain';
const TEAM_RULES_ALARM = 'baton-team-rules-refresh';

/** Thin wiring: the browser's storage, alarms and messages into lib/background/create-background.ts. */
export default defineBackground(() => {
  // Opened once per worker; a failed open is forgotten, so the retry wake opens it again.
  const outbox: () => Promise<OutboxStore> = cacheUntilRejected(() => openOutboxStore({ onCorrupt: (report) => console.error('Baton: skipped a corrupt outbox record', report) }));

  // Every panel view needs the team's rules, and they change only when an admin saves one: keep
  // them parsed until storage reports a change (from any extension page) instead of reading and
  // validating five settings on every lead the rep opens.
  let rules: Promise<PanelRules> | null = null;
  const readRules = () =>
    (rules ??= Promise.all([readSqlDefinition(), readSlaPolicy(), readDispositionReasons(), readLeadStatusMapping(), readAttemptPolicy()]).then(
      ([definition, slaPolicy, reasons, leadStatusMapping, attemptPolicy]) => ({ definition, slaPolicy, reasons, leadStatusMapping, attemptPolicy }),
      (err: unknown) => {
        rules = null;
        throw err;
      },
    ));
  for (const kind of ADMIN_SETTING_KINDS) watchAdminSetting(kind, () => (rules = null));

  // IT's policy: read once, re-read when Chrome reports a change (no restart needed).
  const managedPolicy = createManagedPolicyCache();
  // Not read ahead at worker start: tried, and on a fresh profile a read started that early kept
  // the options page's first answers waiting well over 10 s (the HubSpot connection-notice e2e
  // failed every time); read at first use it takes about 3 s.

  const background = createBackground({
    extensionId: browser.runtime.id,
    demoBuild: import.meta.env.MODE === 'demo',
    providers: CRM_PROVIDERS,
    engagementSources: ENGAGEMENT_SOURCES,
    readSettings: () => readConnectionSettings(CRM_PROVIDERS),
    writeSettings: writeConnectionSettings,
    readSecret,
    readManagedPolicy: async () => (await managedPolicy.read()).policy,
    writeSecret,
    deleteSecret,
    readRules,
    teamRulesCache: { read: readTeamRulesCache, write: writeTeamRulesCache },
    adoptPublishedRules,
    outbox,
    evidence: createLeadEvidenceStore(),
    insightsStore: createInsightsReadStore(),
    queue: createBrowserQueuePlatform(),
    // MV3 service workers die when idle: an alarm brings one back for the next retry.
    scheduleWake: (at) => {
      if (at === null) void browser.alarms.clear(OUTBOX_ALARM);
      else void browser.alarms.create(OUTBOX_ALARM, { when: Math.max(at, Date.now() + 1000) });
    },
    now: Date.now,
    random: Math.random,
    newId: () => crypto.randomUUID(),
    log: (event) => {
      if (event.type === 'failed' || event.type === 'record_failed') console.warn('Baton outbox:', event);
    },
  });

  // A policy change can change the CRM account or its key: lead views read under the old ones go.
  watchManagedPolicy(() => background.crmService.invalidate());

  // The rep's queue: badge, reminders and the alarm for the next change (lib/background/queue-platform.ts).
  startQueueInBrowser(background.queue);
  // Where the panel shows (docked or the browser's side panel) and its keyboard shortcut.
  const placement = startPanelPlacement();
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    void placement.withSidePanelTab(sender).then((info) => background.router(message, info)).then(sendResponse);
    return true; // answer asynchronously
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === OUTBOX_ALARM) background.kick();
    if (alarm.name === TEAM_RULES_ALARM) void background.teamRules?.refresh();
  });
  // Browser start: drain what waited while it was closed (the top-level kick below also runs then;
  // the runner coalesces overlapping requests into one drain and one follow-up).
  browser.runtime.onStartup.addListener(() => background.kick());
  browser.runtime.onStartup.addListener(() => void background.teamRules?.refresh());
  // Every start of the worker (browser start, wake after termination) drains what is due.
  background.kick();
  // The team's published rules: checked at every start when the last check is an hour old, and
  // hourly while the browser is open (an alarm survives the worker's and the browser's restarts).
  void background.teamRules?.refreshIfDue().catch((err: unknown) => console.warn('Baton: could not check the team rules', err));
  void browser.alarms.get(TEAM_RULES_ALARM).then((alarm) => {
    if (!alarm) void browser.alarms.create(TEAM_RULES_ALARM, { periodInMinutes: TEAM_RULES_REFRESH_MS / 60_000 });
  });
  // The outbox must not be evicted under storage pressure (with `unlimitedStorage` in the manifest).
  void requestPersistentStorage().then((result) => {
    if (result === 'denied' || result === 'error') console.warn(`Baton: persistent storage not granted (${result}); the outbox relies on unlimitedStorage`);
  });
});
