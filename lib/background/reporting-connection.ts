import { CrmError } from '../crm/crm-error';
import { HUBSPOT_API_BASE_URL } from '../crm/crm-connections';
import { createHubSpotClient } from '../crm/hubspot/hubspot-client';
import type { HubSpotClient } from '../crm/hubspot/hubspot-client';
import type { ConnectionSettings } from '../storage/connection-settings';

/*
 * The key Insights and the backtest know a CRM connection by: persisted reads are kept under it
 * and searches are paced per key (HubSpot's search limit is per portal), so both must name a
 * connection the same way.
 */

export function sandboxConnectionKey(sandboxUrl: string): string {
  return `sandbox|${sandboxUrl}`;
}

/**
 * Until a connection test has named the portal, a fingerprint of the token keeps one portal's
 * persisted read from answering for another's (the token itself is never stored here).
 */
export async function hubSpotConnectionKey(portalId: string | null, token: string): Promise<string> {
  return `hubspot|${portalId ?? `token-${await fingerprint(token)}`}`;
}

async function fingerprint(token: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
  return [...new Uint8Array(digest).slice(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export interface ReportingConnection {
  client: HubSpotClient;
  crm: 'hubspot' | 'sandbox';
  /** The account lead keys name (the HubSpot portal, or "sandbox"). */
  account: string;
  key: string;
}

/**
 * The connection Insights and the backtest read: the sandbox only in demo builds and only when it
 * is the chosen connection, HubSpot with the stored token otherwise (reports read many pages, so
 * a longer timeout than a lead view's).
 */
export async function openReportingConnection(
  settings: ConnectionSettings,
  deps: { demoBuild: boolean; readHubSpotToken(): Promise<string | null>; fetch?: typeof fetch },
  missingTokenMessage: string,
): Promise<ReportingConnection> {
  if (settings.kind === 'sandbox' && deps.demoBuild) {
    return { client: createHubSpotClient({ baseUrl: settings.sandboxUrl, getAccessToken: async () => 'sandbox', fetch: deps.fetch }), crm: 'sandbox', account: 'sandbox', key: sandboxConnectionKey(settings.sandboxUrl) };
  }
  const token = await deps.readHubSpotToken();
  if (!token) throw new CrmError('auth', missingTokenMessage);
  return {
    client: createHubSpotClient({ baseUrl: HUBSPOT_API_BASE_URL, getAccessToken: async () => token, fetch: deps.fetch, timeoutMs: 30_000 }),
    crm: 'hubspot',
    account: settings.hubspotPortalId ?? 'hubspot',
    key: await hubSpotConnectionKey(settings.hubspotPortalId, token),
  };
}
