import { createBacktestActions } from './backtest-actions';
import { createInsightsActions } from './insights-actions';
import { createLeadActions } from './lead-actions';
import { createLeadTestActions } from './lead-test-actions';
import { createOutboxRunner } from './outbox-runner';
import { createQueueBackground, type QueuePlatform } from './queue-wiring';
import type { PanelRules } from './panel-view';
import { toPanelRules } from './team-rules-actions';
import { createCrmConnections } from '../crm/crm-connections';
import type { CrmPageReader } from '../crm/crm-page-reader';
import type { CrmProvider } from '../crm/crm-provider';
import { createCrmService } from '../crm/crm-service';
import type { EngagementSource } from '../crm/engagement-source-port';
import { createEngagementReader } from '../crm/engagement-source-reader';
import { isEngagementSourceMessage } from '../crm/engagement-source-protocol';
import { createEngagementSourceRouter } from '../crm/engagement-source-router';
import { managedEngagementSource } from '../storage/managed-policy-overlay';
import { readLeadStatusValues } from '../crm/read-lead-status-values';
import { readLeadRecordChoices } from '../crm/lead-record-choices';
import { createBackgroundRouter } from '../messaging/background-router';
import type { DrainLogEvent } from '../outbox/drain-outbox';
import type { OutboxStore } from '../outbox/outbox-store';
import type { ConnectionSettings } from '../storage/connection-settings';
import type { ManagedPolicy } from '../storage/managed-policy-parse';
import type { InsightsReadStore } from '../storage/insights-read-store';
import type { LeadEvidenceStore } from '../storage/lead-evidence-store';
import type { SecretName } from '../storage/secret-store';
import type { TeamRulesCache } from '../storage/team-rules-cache';
import { createTeamRulesSync } from './team-rules-sync';
import { createTeamRulesActions } from './team-rules-actions';
import type { TeamRulesDocument } from '../team-rules/team-rules-document';

/**
 * Everything the background does, assembled from its parts with the browser's APIs passed in:
 * the CRM connections (through the provider registry), the CRM service, the outbox runner and the
 * message router. The entrypoint hands it the real storage and alarms; tests hand it fakes and
 * their own providers, and exercise the same code paths.
 */
export interface BackgroundDeps {
  extensionId: string;
  demoBuild: boolean;
  providers: readonly CrmProvider[];
  /** Marketing engagement sources (lib/crm/engagement-sources.ts; none: only the CRM is read). */
  engagementSources?: readonly EngagementSource[];
  /** The page readers the router reads tab URLs with (the registry's unless a test adds its own). */
  pageReaders?: readonly CrmPageReader[];
  readSettings(): Promise<ConnectionSettings>;
  writeSettings(settings: ConnectionSettings): Promise<void>;
  readSecret(name: SecretName): Promise<string | null>;
  /** IT's policy (storage.managed), over the stored settings and credential (kept parsed by the caller until it changes). */
  readManagedPolicy?(): Promise<ManagedPolicy>;
  writeSecret(name: SecretName, value: string): Promise<void>;
  deleteSecret(name: SecretName): Promise<void>;
  /**
   * This browser's own copy of the rules (kept parsed by the caller until they change). The panel
   * runs on the team's published revision when there is one, and on these only when there is not.
   */
  readRules(): Promise<PanelRules>;
  /** Where this browser keeps what it read of the team's published rules (absent: not shared, tests). */
  teamRulesCache?: { read(): Promise<TeamRulesCache | null>; write(cache: TeamRulesCache): Promise<void> };
  /** A newer revision was read: this browser's copies without a draft follow it. */
  adoptPublishedRules?(next: TeamRulesDocument, previous: TeamRulesDocument | null): Promise<unknown>;
  outbox(): Promise<OutboxStore>;
  evidence: LeadEvidenceStore;
  insightsStore?: InsightsReadStore;
  /** Ask the browser to wake the worker at this instant (null: no wake needed). */
  scheduleWake(at: number | null): void;
  /** The rep's queue, badge and reminders (absent: not wired, tests). */
  queue?: QueuePlatform;
  fetch?: typeof fetch;
  now(): number;
  random(): number;
  newId(): string;
  log?: (event: DrainLogEvent) => void;
}

export function createBackground(deps: BackgroundDeps) {
  // Set below, once the connections exist; read lazily by readRules.
  let teamRules: ReturnType<typeof createTeamRulesSync> | null = null;
  const readRules = async (): Promise<PanelRules> => {
    const published = teamRules ? await teamRules.current() : null;
    return published ? toPanelRules(published) : deps.readRules();
  };

  const connections = createCrmConnections({
    providers: deps.providers,
    demoBuild: deps.demoBuild,
    readSettings: deps.readSettings,
    writeSettings: deps.writeSettings,
    readSecret: deps.readSecret,
    writeSecret: deps.writeSecret,
    deleteSecret: deps.deleteSecret,
    readWriteRules: async () => {
      const rules = await readRules();
      return { mapping: rules.leadStatusMapping, reasons: rules.reasons, timeZone: rules.slaPolicy.calendar.timeZone };
    },
    readManagedPolicy: deps.readManagedPolicy,
    // The engagement sources set up that sign in with this CRM's sign-in, and what they need of it.
    extraSignInScopes: async (crm) => {
      const configured = (await deps.readSettings()).engagementSources?.sources ?? {};
      return (deps.engagementSources ?? []).flatMap((source) => (source.crmSignInScopes?.crm === crm && configured[source.kind] ? [...source.crmSignInScopes.scopes] : []));
    },
    fetch: deps.fetch,
    now: deps.now,
  });
  const engagement = createEngagementReader({
    ...deps,
    sources: deps.engagementSources ?? [],
    crmAccessToken: connections.lendAccessToken,
    activeTarget: connections.activeTarget,
    readManagedSettings: async (kind) => (deps.readManagedPolicy ? managedEngagementSource(await deps.readManagedPolicy(), kind) : null),
  });
  const teamRulesCache = deps.teamRulesCache;
  teamRules = teamRulesCache
    ? createTeamRulesSync({
        locate: connections.teamRules,
        readCache: teamRulesCache.read,
        writeCache: teamRulesCache.write,
        onNewRevision: async (next, previous) => {
          await deps.adoptPublishedRules?.(next, previous);
        },
        now: deps.now,
      })
    : null;
  const crmService = createCrmService({
    now: deps.now,
    resolveAdapter: connections.adapterFor,
    resolveRecord: connections.resolveRecord,
    readEngagement: (page, context) => engagement.read(context.lead, connections.targetFor(page)),
  });
  const sourcesRouter = createEngagementSourceRouter({ extensionId: deps.extensionId, reader: engagement, onChange: () => crmService.invalidate() });

  const runner = createOutboxRunner({
    store: deps.outbox,
    connections,
    now: deps.now,
    random: deps.random,
    scheduleWake: deps.scheduleWake,
    onDeliveredOrFailed: () => crmService.invalidate(),
    log: deps.log,
  });
  const drain = () => runner.drain().catch((err: unknown) => console.error('Baton: outbox drain failed', err));
  const kick = () => void drain();

  const queue = deps.queue
    ? createQueueBackground({ platform: deps.queue, connections, providers: deps.providers, demoBuild: deps.demoBuild, readSettings: deps.readSettings, readPolicy: async () => (await readRules()).slaPolicy, now: deps.now })
    : null;

  const crmRouter = createBackgroundRouter({
    extensionId: deps.extensionId,
    demoBuild: deps.demoBuild,
    pageReaders: deps.pageReaders,
    crmService,
    leadActions: createLeadActions({
      evidence: deps.evidence,
      outbox: deps.outbox,
      crmService,
      readRules,
      kick,
      readConnection: connections.activeConnectionFacts,
      currentRep: queue ? () => queue.rep.currentRep() : undefined,
      // The header and the save step name the lead status by the CRM's own label.
      readLeadStatusValues: () => readLeadStatusValues(connections.reporting),
      now: deps.now,
      newId: deps.newId,
    }),
    setupCrmProperties: connections.setupFields,
    leadStatusValues: () => readLeadStatusValues(connections.reporting),
    leadRecordChoices: () => readLeadRecordChoices(connections.reporting),
    runBacktest: createBacktestActions({ openReporting: connections.reporting, readCurrentDefinition: async () => (await readRules()).definition, now: deps.now }).runBacktest,
    testLead: createLeadTestActions({ demoBuild: deps.demoBuild, pageReaders: deps.pageReaders, crmService, evidence: deps.evidence, openReporting: connections.reporting, now: deps.now }).readLeadInputs,
    getInsights: createInsightsActions({
      openReporting: connections.reporting,
      now: deps.now,
      store: deps.insightsStore,
      // The calendar of the rules in force (published ones over local), as the panel's countdowns use.
      readSlaCalendar: async () => (await readRules()).slaPolicy.calendar,
    }).getInsights,
    saveToken: async (secret) => {
      await connections.saveCredential(secret);
      // Writes parked for "reconnect" can go once a new credential is stored.
      await (await deps.outbox()).resumeParked(deps.now(), 'auth');
      kick();
    },
    forgetToken: connections.forgetCredential,
    connectionStatus: connections.checkConnection,
    queue: queue?.actions,
    teamRules: teamRules ? createTeamRulesActions(teamRules) : undefined,
  });

  const router: typeof crmRouter = (message, sender) => (isEngagementSourceMessage(message) ? sourcesRouter(message, sender) : crmRouter(message, sender));
  return { router, drain, kick, connections, crmService, teamRules, queue };
}
