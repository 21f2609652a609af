import type { EngagementEvent } from '../domain/engagement/engagement-event';
import { describeRetention } from '../domain/engagement/source-retention';
import type { Lead } from '../domain/lead';
import type { ConnectionSettings } from '../storage/connection-settings';
import type { SecretName } from '../storage/secret-store';
import { credentialSecretName } from '../storage/secret-store';
import type { SourceStatus } from './crm-port';
import type { CrmTarget } from './crm-provider';
import { CrmError } from './crm-error';
import { engagementStatusId, type CrmAccessToken, type EngagementLead, type EngagementReading, type EngagementSource, type EngagementSourceCheck, type EngagementSourceConnection, type EngagementSourceSave } from './engagement-source-port';
import { sourceSettingsOf, withSourceSettings } from './engagement-source-settings';

/*
 * The background's engagement sources: every configured source is read for a lead after the CRM
 * record (sources find the person by the record's email), all in parallel; each answers with its
 * events and its status, and a failing one is only named, never blanks the others or the CRM data.
 * The CRM service caches the merged result with the rest of the lead context.
 */

export interface EngagementReaderDeps {
  sources: readonly EngagementSource[];
  demoBuild: boolean;
  readSettings(): Promise<ConnectionSettings>;
  writeSettings(settings: ConnectionSettings): Promise<void>;
  readSecret(name: SecretName): Promise<string | null>;
  writeSecret(name: SecretName, value: string): Promise<void>;
  deleteSecret(name: SecretName): Promise<void>;
  /** The lead's CRM connection's token, when that CRM lends one. */
  crmAccessToken(crm: string, target: CrmTarget): Promise<CrmAccessToken | null>;
  /** Where the CRM the settings choose is (the options page's test). */
  activeTarget(): Promise<{ crm: string; target: CrmTarget }>;
  /** IT's values for a source (enterprise policy), over the stored ones; null or absent: none. */
  readManagedSettings?(kind: string): Promise<Readonly<Record<string, string>> | null>;
  fetch?: typeof fetch;
  now(): number;
}

/** What the options page shows of one source, without its secret. */
export interface EngagementSourceState {
  kind: string;
  label: string;
  settings: Record<string, string> | null;
  hasSecret: boolean;
}

export interface EngagementMerge {
  events: EngagementEvent[];
  sources: SourceStatus[];
  /** Requests the sources sent for this lead (the budget). */
  requests: number;
}

export interface EngagementReader {
  /** Every configured source's reading for this lead, merged. */
  read(lead: Lead, target: CrmTarget): Promise<EngagementMerge>;
  state(kind: string): Promise<EngagementSourceState>;
  /** Options: store the settings (and a new secret), then test them. */
  save(kind: string, save: EngagementSourceSave): Promise<EngagementSourceCheck>;
  test(kind: string): Promise<EngagementSourceCheck>;
  forget(kind: string): Promise<void>;
}

export function createEngagementReader(deps: EngagementReaderDeps): EngagementReader {
  const connections = new Map<string, EngagementSourceConnection>();

  /** The stored settings with IT's managed values on top (never written back). */
  async function effectiveSettings(kind: string): Promise<Record<string, string> | null> {
    const stored = sourceSettingsOf((await deps.readSettings()).engagementSources, kind);
    const managed = deps.readManagedSettings ? await deps.readManagedSettings(kind) : null;
    return managed ? { ...(stored ?? {}), ...managed } : stored;
  }

  function sourceOf(kind: string): EngagementSource {
    const source = deps.sources.find((s) => s.kind === kind);
    if (!source) throw new CrmError('rejected', 'Baton does not know this marketing platform.');
    return source;
  }

  function connectionOf(source: EngagementSource): EngagementSourceConnection {
    let connection = connections.get(source.kind);
    if (!connection) {
      const secret = credentialSecretName(source.kind);
      connection = source.connect({
        demoBuild: deps.demoBuild,
        readSettings: () => effectiveSettings(source.kind),
        readSecret: () => deps.readSecret(secret),
        crmAccessToken: deps.crmAccessToken,
        fetch: deps.fetch,
        now: deps.now,
      });
      connections.set(source.kind, connection);
    }
    return connection;
  }

  async function readOne(source: EngagementSource, lead: EngagementLead, target: CrmTarget): Promise<EngagementReading | null> {
    const connection = connectionOf(source);
    if (!(await connection.configured())) return null;
    try {
      return await connection.read(lead, target);
    } catch (error) {
      // The port says sources never throw; one that does is still only named.
      return { events: [], retention: null, requests: 0, status: { source: engagementStatusId(source.kind), label: source.label, status: 'error', message: error instanceof Error ? error.message : String(error) } };
    }
  }

  return {
    async read(lead, target) {
      const person: EngagementLead = { email: lead.email, crm: lead.ref.crm, account: lead.ref.account, recordId: lead.ref.id, objectType: lead.ref.objectType };
      const readings = await Promise.all(deps.sources.map((source) => readOne(source, person, target)));
      const events: EngagementEvent[] = [];
      const sources: SourceStatus[] = [];
      let requests = 0;
      for (const reading of readings) {
        if (!reading) continue;
        events.push(...reading.events);
        requests += reading.requests;
        // Retention shown, never hidden: a read source whose window cut older history off says so.
        if (reading.retention && reading.status.status === 'ok') {
          sources.push({ ...reading.status, status: 'degraded', message: describeRetention(reading.retention, deps.now()) });
        } else sources.push(reading.status);
      }
      return { events, sources, requests };
    },
    async state(kind) {
      const source = sourceOf(kind);
      const settings = await effectiveSettings(kind);
      return { kind, label: source.label, settings, hasSecret: (await deps.readSecret(credentialSecretName(kind))) !== null };
    },
    async save(kind, save) {
      const source = sourceOf(kind);
      const hasSecret = save.secret !== null || (await deps.readSecret(credentialSecretName(kind))) !== null;
      const problems = source.checkSettings(save.settings, { hasSecret });
      const first = Object.values(problems)[0];
      if (first) throw new CrmError('rejected', first);
      const settings = await deps.readSettings();
      await deps.writeSettings({ ...settings, engagementSources: withSourceSettings(settings.engagementSources, kind, save.settings) });
      if (save.secret !== null) await deps.writeSecret(credentialSecretName(kind), save.secret);
      connectionOf(source).reset();
      return this.test(kind);
    },
    async test(kind) {
      const connection = connectionOf(sourceOf(kind));
      if (!(await connection.configured())) return { ok: false, message: 'Not set up yet.' };
      const { crm, target } = await deps.activeTarget();
      return connection.test(crm, target);
    },
    async forget(kind) {
      const source = sourceOf(kind);
      const settings = await deps.readSettings();
      await deps.writeSettings({ ...settings, engagementSources: withSourceSettings(settings.engagementSources, kind, null) });
      await deps.deleteSecret(credentialSecretName(kind));
      connectionOf(source).reset();
    },
  };
}
