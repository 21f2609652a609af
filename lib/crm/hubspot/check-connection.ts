import { z } from 'zod';
import { CrmError } from '../crm-error';
import { createHubSpotClient } from './hubspot-client';

const accountDetailsSchema = z.looseObject({
  portalId: z.union([z.number(), z.string()]).transform(String),
  timeZone: z.string().optional(),
  uiDomain: z.string().optional(),
});

export interface ConnectionCheck {
  ok: boolean;
  portalId: string | null;
  message: string;
}

/** Asks HubSpot which portal a token belongs to; the answer is phrased for the admin. */
export async function checkHubSpotConnection(token: string, options: { baseUrl?: string; fetch?: typeof fetch } = {}): Promise<ConnectionCheck> {
  const client = createHubSpotClient({ baseUrl: options.baseUrl ?? 'https://api.hubapi.com', getAccessToken: async () => token, fetch: options.fetch });
  try {
    const details = await client.request('GET', '/account-info/v3/details', { schema: accountDetailsSchema });
    const limit = client.getRateLimit();
    const headroom = limit?.dailyRemaining != null ? ` ${limit.dailyRemaining.toLocaleString('en-US')} API calls left today.` : '';
    return { ok: true, portalId: details.portalId, message: `Connected to HubSpot portal ${details.portalId}${details.uiDomain ? ` (${details.uiDomain})` : ''}.${headroom}` };
  } catch (err) {
    const message = err instanceof CrmError ? err.message : `Unexpected error: ${String(err)}`;
    return { ok: false, portalId: null, message };
  }
}
