import { CrmError } from './crm-error';
import type { CrmAdapter, CrmWriter } from './crm-port';
import { unsupportedPageError } from './crm-service';
import { ensureBatonProperties, type EnsureBatonPropertiesResult } from './hubspot/baton-properties';
import { createHubSpotAdapter } from './hubspot/hubspot-adapter';
import { createHubSpotClient, type HubSpotClient } from './hubspot/hubspot-client';
import { createHubSpotWriter } from './hubspot/hubspot-writer';
import { resolveHubSpotLeadContact } from './hubspot/resolve-lead-contact';
import type { LeadStatusMapping } from './hubspot/lead-status-mapping';
import type { LeadPage } from './pages/read-lead-page';
import type { DispositionReasonList } from '../domain/disposition/disposition-reasons';
import type { ConnectionSettings } from '../storage/connection-settings';

export const HUBSPOT_API_BASE_URL = 'https://api.hubapi.com';
/** The sandbox accepts any bearer token; a fixed one keeps its request logs readable. */
const SANDBOX_TOKEN = 'sandbox';

/** Where a write goes: enough of a lead page to pick the CRM connection (stored with outbox entries). */
export interface CrmRoute {
  crm: string;
  account: string;
  origin: string;
}

export interface CrmConnectionsDeps {
  demoBuild: boolean;
  readSettings(): Promise<ConnectionSettings>;
  readHubSpotToken(): Promise<string | null>;
  /** The admin's current outcome → lead status mapping and reason labels, read at write time. */
  readWriteRules(): Promise<{ mapping: LeadStatusMapping; reasons: DispositionReasonList; timeZone: string }>;
  fetch?: typeof fetch;
}

export interface CrmConnections {
  adapterFor(page: LeadPage): Promise<CrmAdapter>;
  writerFor(route: CrmRoute): Promise<CrmWriter>;
  /** The contact a HubSpot Leads record (0-136) belongs to, or null when it has none. */
  contactOfLead(page: LeadPage): Promise<string | null>;
  /** Admin setup: the "Baton" property group and properties in the connected HubSpot (or the sandbox in demo builds). */
  setupProperties(): Promise<EnsureBatonPropertiesResult>;
}

/**
 * Builds and keeps the CRM clients for reading and writing. One HubSpot client per API base URL
 * is shared by the adapter (with its owner/property caches) and the writer.
 */
export function createCrmConnections(deps: CrmConnectionsDeps): CrmConnections {
  const clients = new Map<string, HubSpotClient>();
  const adapters = new Map<string, CrmAdapter>();

  const hubspotClient = (): HubSpotClient => clientFor(HUBSPOT_API_BASE_URL, async () => {
    const token = await deps.readHubSpotToken();
    if (!token) throw new CrmError('auth', "Connect HubSpot in Baton's options to see this lead's context.");
    return token;
  });
  const sandboxClient = (origin: string): HubSpotClient => {
    // Only demo/test builds recognise sandbox pages, and only they hold a localhost permission.
    if (!deps.demoBuild) throw new CrmError('rejected', 'The sandbox CRM is only available in demo builds.');
    return clientFor(origin, async () => SANDBOX_TOKEN);
  };
  function clientFor(baseUrl: string, getAccessToken: () => Promise<string>): HubSpotClient {
    let client = clients.get(baseUrl);
    if (!client) clients.set(baseUrl, (client = createHubSpotClient({ baseUrl, getAccessToken, fetch: deps.fetch })));
    return client;
  }

  async function clientForRoute(route: CrmRoute): Promise<{ client: HubSpotClient; crm: 'hubspot' | 'sandbox' }> {
    if (route.crm === 'sandbox') return { client: sandboxClient(route.origin), crm: 'sandbox' };
    if (route.crm === 'hubspot') {
      const settings = await deps.readSettings();
      if (settings.hubspotPortalId && settings.hubspotPortalId !== route.account) {
        throw new CrmError('rejected', `This record is in HubSpot portal ${route.account}, but Baton is connected to portal ${settings.hubspotPortalId}. Reconnect Baton to this portal in its options.`);
      }
      return { client: hubspotClient(), crm: 'hubspot' };
    }
    throw new CrmError('rejected', `Baton cannot write to ${route.crm} yet.`);
  }

  return {
    async adapterFor(page) {
      if (page.crm === 'salesforce' || page.objectType !== 'contact') throw unsupportedPageError(page);
      const { client, crm } = await clientForRoute(page);
      let adapter = adapters.get(client.baseUrl);
      if (!adapter) adapters.set(client.baseUrl, (adapter = createHubSpotAdapter({ client, crm })));
      return adapter;
    },
    async contactOfLead(page) {
      if (page.crm !== 'hubspot' && page.crm !== 'sandbox') throw unsupportedPageError(page);
      const { client } = await clientForRoute(page);
      return resolveHubSpotLeadContact(client, page.id);
    },
    async writerFor(route) {
      const { client } = await clientForRoute(route);
      const rules = await deps.readWriteRules();
      return createHubSpotWriter({ client, mapping: rules.mapping, reasons: rules.reasons, timeZone: rules.timeZone });
    },
    async setupProperties() {
      const settings = await deps.readSettings();
      if (settings.kind === 'sandbox' && deps.demoBuild) return ensureBatonProperties(sandboxClient(settings.sandboxUrl));
      return ensureBatonProperties(hubspotClient());
    },
  };
}
