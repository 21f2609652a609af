import { createCrmConnections } from '../../lib/crm/crm-connections';
import type { CrmReporting } from '../../lib/crm/crm-reporting-port';
import { DEFAULT_LEAD_STATUS_MAPPING } from '../../lib/crm/hubspot/lead-status-mapping';
import { CRM_PROVIDERS } from '../../lib/crm/providers';
import { DEFAULT_DISPOSITION_REASONS } from '../../lib/domain/disposition/disposition-reasons';
import { defaultConnectionSettings, type ConnectionSettings } from '../../lib/storage/connection-settings';

/** Connection settings that point the default provider at a sandbox CRM. */
export function sandboxSettings(sandboxUrl: string): ConnectionSettings {
  return { ...defaultConnectionSettings(true), address: 'sandbox', sandboxUrl };
}

/** Connection settings for the vendor's own API (a production connection), optionally with a known account. */
export function vendorSettings(account: string | null = null): ConnectionSettings {
  const settings = defaultConnectionSettings(false);
  return { ...settings, providers: { [settings.provider]: { account, credential: null } } };
}

/**
 * The reporting port the background opens for Insights and the backtest: the registry's real
 * providers through the real connection routing, with settings, secrets and the network as given.
 */
export function reportingFor(options: { demoBuild: boolean; settings: ConnectionSettings; fetch?: typeof fetch; token?: string | null }): () => Promise<CrmReporting> {
  const connections = createCrmConnections({
    providers: CRM_PROVIDERS,
    demoBuild: options.demoBuild,
    readSettings: async () => options.settings,
    writeSettings: async () => {},
    readSecret: async () => options.token ?? null,
    writeSecret: async () => {},
    deleteSecret: async () => {},
    readWriteRules: async () => ({ mapping: DEFAULT_LEAD_STATUS_MAPPING, reasons: DEFAULT_DISPOSITION_REASONS, timeZone: 'UTC' }),
    fetch: options.fetch,
  });
  return connections.reporting;
}
