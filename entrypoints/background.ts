import { browser } from 'wxt/browser';
import { createBacktestActions } from '../lib/background/backtest-actions';
import { createInsightsActions } from '../lib/background/insights-actions';
import { createLeadActions } from '../lib/background/lead-actions';
import { createOutboxRunner } from '../lib/background/outbox-runner';
import { createCrmConnections } from '../lib/crm/crm-connections';
import { createCrmService } from '../lib/crm/crm-service';
import { CRM_PROVIDERS } from '../lib/crm/providers';
import { createBackgroundRouter } from '../lib/messaging/background-router';
import { openOutboxStore, type OutboxStore } from '../lib/outbox/outbox-store';
import type { PanelRules } from '../lib/background/panel-view';
import { ADMIN_SETTING_KINDS, readAttemptPolicy, readDispositionReasons, readLeadStatusMapping, readSlaPolicy, readSqlDefinition, watchAdminSetting } from '../lib/storage/admin-settings';
import { readConnectionSettings, writeConnectionSettings } from '../lib/storage/connection-settings';
import { createInsightsReadStore } from '../lib/storage/insights-read-store';
import { createLeadEvidenceStore } from '../lib/storage/lead-evidence-store';
import { deleteSecret, readSecret, writeSecret } from '../lib/storage/secret-store';

const OUTBOX_ALARM = 'baton-outbox-drain';

/** Thin wiring: CRM connections, the CRM service, the outbox and the message router. Logic lives in lib/. */
export default defineBackground(() => {
  const demoBuild = import.meta.env.MODE === 'demo';

  const connections = createCrmConnections({
    providers: CRM_PROVIDERS,
    demoBuild,
    readSettings: () => readConnectionSettings(CRM_PROVIDERS),
    writeSettings: writeConnectionSettings,
    readSecret,
    writeSecret,
    deleteSecret,
    readWriteRules: async () => {
      const [mapping, reasons, policy] = await Promise.all([readLeadStatusMapping(), readDispositionReasons(), readSlaPolicy()]);
      return { mapping, reasons, timeZone: policy.calendar.timeZone };
    },
  });
  const crmService = createCrmService({ now: Date.now, resolveAdapter: connections.adapterFor, resolveRecord: connections.resolveRecord });

  let outboxStore: Promise<OutboxStore> | null = null;
  const outbox = () => (outboxStore ??= openOutboxStore({ onCorrupt: (report) => console.error('Baton: skipped a corrupt outbox record', report) }));

  const runner = createOutboxRunner({
    store: outbox,
    connections,
    now: Date.now,
    random: Math.random,
    // MV3 service workers die when idle: an alarm brings one back for the next retry.
    scheduleWake: (at) => {
      if (at === null) void browser.alarms.clear(OUTBOX_ALARM);
      else void browser.alarms.create(OUTBOX_ALARM, { when: Math.max(at, Date.now() + 1000) });
    },
    onDelivered: () => crmService.invalidate(),
    log: (event) => {
      if (event.type === 'failed' || event.type === 'record_failed') console.warn('Baton outbox:', event);
    },
  });
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

  const kick = () => void runner.drain().catch((err: unknown) => console.error('Baton: outbox drain failed', err));

  const router = createBackgroundRouter({
    extensionId: browser.runtime.id,
    demoBuild,
    crmService,
    leadActions: createLeadActions({
      evidence: createLeadEvidenceStore(),
      outbox,
      crmService,
      readRules,
      kick,
      readConnection: connections.activeConnectionFacts,
      now: Date.now,
      newId: () => crypto.randomUUID(),
    }),
    setupCrmProperties: connections.setupFields,
    runBacktest: createBacktestActions({ openReporting: connections.reporting, readCurrentDefinition: readSqlDefinition, now: Date.now }).runBacktest,
    getInsights: createInsightsActions({ openReporting: connections.reporting, now: Date.now, store: createInsightsReadStore() }).getInsights,
    saveToken: async (secret) => {
      await connections.saveCredential(secret);
      // Writes parked for "reconnect" can go once a new credential is stored.
      await (await outbox()).resumeParked(Date.now(), 'auth');
      kick();
    },
    forgetToken: connections.forgetCredential,
    connectionStatus: connections.checkConnection,
  });

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    void router(message, sender).then(sendResponse);
    return true; // answer asynchronously
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === OUTBOX_ALARM) kick();
  });
  // Every start of the worker (browser start, wake after termination) drains what is due.
  kick();
});
