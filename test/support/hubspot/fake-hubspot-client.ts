import { createHubSpotClient, type HubSpotClient } from '../../../lib/crm/hubspot/hubspot-client';
import { createFakeFetch, type FakeRoute } from './fake-hubspot-fetch';

/**
 * A HubSpot client whose requests go to a fake fetch instead of the network: the client the
 * reader and writer tests drive, and the fake that shows what it sent.
 */
export function fakeHubSpotClient(routes: Record<string, FakeRoute>, options: { delayMs?: number; token?: string } = {}) {
  const fake = createFakeFetch(routes, options.delayMs === undefined ? {} : { delayMs: options.delayMs });
  const token = options.token ?? 'token';
  const client: HubSpotClient = createHubSpotClient({ baseUrl: 'https://api.hubapi.com', getAccessToken: async () => token, fetch: fake.fetch });
  return { fake, client };
}
