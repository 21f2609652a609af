import { CrmError } from './crm-error';
import type { CrmAdapter } from './crm-port';
import { unsupportedPageError } from './crm-service';
import { createHubSpotAdapter } from './hubspot/hubspot-adapter';
import { createHubSpotClient } from './hubspot/hubspot-client';
import type { LeadPage } from './pages/read-lead-page';
import type { ConnectionSettings } from '../storage/connection-settings';

export const HUBSPOT_API_BASE_URL = 'https://api.hubapi.com';
/** The sandbox accepts any bearer token; a fixed one keeps its request logs readable. */
const SANDBOX_TOKEN = 'sandbox';

export interface ResolveAdapterDeps {
  demoBuild: boolean;
  readSettings(): Promise<ConnectionSettings>;
  readHubSpotToken(): Promise<string | null>;
  fetch?: typeof fetch;
}

/**
 * Picks the adapter for a lead page. Adapters are kept per API base URL so their lookup caches
 * (owners, property definitions) survive between lead views.
 */
export function createAdapterResolver(deps: ResolveAdapterDeps): (page: LeadPage) => Promise<CrmAdapter> {
  const adapters = new Map<string, CrmAdapter>();

  const adapterFor = (key: string, make: () => CrmAdapter) => {
    let adapter = adapters.get(key);
    if (!adapter) adapters.set(key, (adapter = make()));
    return adapter;
  };

  return async (page) => {
    if (page.crm === 'sandbox') {
      // The sandbox CRM serves its API from the same origin as its pages. Only demo/test builds
      // recognise sandbox pages at all, and only they hold a localhost host permission.
      if (!deps.demoBuild) throw new CrmError('rejected', 'The sandbox CRM is only available in demo builds.');
      return adapterFor(`sandbox|${page.origin}`, () =>
        createHubSpotAdapter({ crm: 'sandbox', client: createHubSpotClient({ baseUrl: page.origin, getAccessToken: async () => SANDBOX_TOKEN, fetch: deps.fetch }) }),
      );
    }
    if (page.crm === 'hubspot' && page.objectType === 'contact') {
      const settings = await deps.readSettings();
      if (settings.hubspotPortalId && settings.hubspotPortalId !== page.account) {
        throw new CrmError('rejected', `This record is in HubSpot portal ${page.account}, but Baton is connected to portal ${settings.hubspotPortalId}. Reconnect Baton to this portal in its options.`);
      }
      return adapterFor(`hubspot|${HUBSPOT_API_BASE_URL}`, () =>
        createHubSpotAdapter({
          crm: 'hubspot',
          client: createHubSpotClient({
            baseUrl: HUBSPOT_API_BASE_URL,
            fetch: deps.fetch,
            getAccessToken: async () => {
              const token = await deps.readHubSpotToken();
              if (!token) throw new CrmError('auth', "Connect HubSpot in Baton's options to see this lead's context.");
              return token;
            },
          }),
        }),
      );
    }
    throw unsupportedPageError(page);
  };
}
