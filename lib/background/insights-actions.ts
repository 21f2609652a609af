import { CrmError } from '../crm/crm-error';
import { HUBSPOT_API_BASE_URL } from '../crm/crm-connections';
import { createHubSpotClient } from '../crm/hubspot/hubspot-client';
import type { HubSpotClient } from '../crm/hubspot/hubspot-client';
import { readHubSpotInsights } from '../crm/hubspot/hubspot-insights-reader';
import { aggregateInsights } from '../domain/insights/aggregate-insights';
import type { InsightRecord } from '../domain/insights/insight-record';
import type { InsightsRequest, InsightsResult } from '../messaging/insights-protocol';
import type { ConnectionSettings } from '../storage/connection-settings';

/*
 * What the background does for the Insights page: read the dispositions from the connected CRM
 * (the sandbox in demo builds when it is the chosen connection, HubSpot with the stored token
 * otherwise) and aggregate them. The read is kept for a short while, so changing a filter other
 * than the dates re-aggregates without another round of search requests.
 */

const DAY = 86_400_000;
/** With no start date, Insights reads the last six months (what marketers compare against). */
const DEFAULT_WINDOW_MS = 182 * DAY;
const READ_CACHE_MS = 2 * 60_000;

export interface InsightsActionsDeps {
  demoBuild: boolean;
  readSettings(): Promise<ConnectionSettings>;
  readHubSpotToken(): Promise<string | null>;
  now(): number;
  fetch?: typeof fetch;
}

export function createInsightsActions(deps: InsightsActionsDeps) {
  let cached: { key: string; at: number; records: InsightRecord[]; meta: Omit<InsightsResult['read'], 'readAt'> } | null = null;

  async function clientFor(settings: ConnectionSettings): Promise<{ client: HubSpotClient; crm: 'hubspot' | 'sandbox' }> {
    if (settings.kind === 'sandbox' && deps.demoBuild) {
      return { client: createHubSpotClient({ baseUrl: settings.sandboxUrl, getAccessToken: async () => 'sandbox', fetch: deps.fetch }), crm: 'sandbox' };
    }
    const token = await deps.readHubSpotToken();
    if (!token) throw new CrmError('auth', "Connect HubSpot in Baton's options to see Insights.");
    return { client: createHubSpotClient({ baseUrl: HUBSPOT_API_BASE_URL, getAccessToken: async () => token, fetch: deps.fetch, timeoutMs: 30_000 }), crm: 'hubspot' };
  }

  return {
    async getInsights(request: Omit<InsightsRequest, 'type'>): Promise<InsightsResult> {
      const now = deps.now();
      const from = request.filters.from ?? now - DEFAULT_WINDOW_MS;
      const to = request.filters.to ?? now + 60_000;
      const settings = await deps.readSettings();
      // Without dates the window slides with the clock: a recent read of the same connection still answers.
      const window = request.filters.from === null && request.filters.to === null ? 'auto' : `${from}-${to}`;
      const key = `${settings.kind}|${settings.sandboxUrl}|${window}`;
      if (request.refresh || !cached || cached.key !== key || now - cached.at > READ_CACHE_MS) {
        const { client, crm } = await clientFor(settings);
        const read = await readHubSpotInsights(client, { from, to });
        cached = { key, at: now, records: read.records, meta: { crm, from, to, records: read.records.length, windows: read.windows, requests: read.requests, warnings: read.warnings } };
      }
      const report = aggregateInsights(cached.records, request.filters, { now, averageDealValue: request.averageDealValue });
      return { report, read: { ...cached.meta, readAt: cached.at } };
    },
  };
}
