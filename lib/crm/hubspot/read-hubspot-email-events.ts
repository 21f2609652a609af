import type { EngagementEvent } from '../../domain/engagement/engagement-event';
import type { HubSpotClient } from './hubspot-client';
import { fromHubSpotEmailEvent } from './hubspot-event-mappers';
import { hubSpotEmailEventsPageSchema } from './hubspot-schemas';
import type { HubSpotEmailCampaign, HubSpotEmailEvent } from './hubspot-schemas';

/** Events per page of the legacy `GET /email/public/v1/events`. */
export const EMAIL_EVENTS_PAGE_SIZE = 1000;

export interface ReadHubSpotEmailEventsOptions {
  /** Cap on pages followed (`truncated` when more were left). */
  maxPages: number;
  /** The campaign behind an event, for its name and subject (a cached lookup). */
  getEmailCampaign: (campaignId: number) => Promise<HubSpotEmailCampaign | null>;
  signal: AbortSignal | undefined;
}

export interface HubSpotEmailEventsRead {
  events: HubSpotEmailEvent[];
  truncated: boolean;
  /** The events Baton shows, named after their campaigns. */
  mapped: EngagementEvent[];
}

/** The marketing email events sent to `email`, read page by page, then mapped with their campaigns' names. */
export async function readHubSpotEmailEvents(client: HubSpotClient, email: string, options: ReadHubSpotEmailEventsOptions): Promise<HubSpotEmailEventsRead> {
  const result = await readEmailEvents(client, email, options);
  return { ...result, mapped: await mapEmailEvents(result.events, options.getEmailCampaign) };
}

async function readEmailEvents(
  client: HubSpotClient,
  email: string,
  { maxPages, signal }: ReadHubSpotEmailEventsOptions,
): Promise<{ events: HubSpotEmailEvent[]; truncated: boolean }> {
  const events: HubSpotEmailEvent[] = [];
  let offset: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const result = await client.request('GET', '/email/public/v1/events', {
      query: { recipient: email, limit: EMAIL_EVENTS_PAGE_SIZE, offset },
      schema: hubSpotEmailEventsPageSchema,
      signal,
    });
    events.push(...result.events);
    offset = result.offset;
    if (!result.hasMore || !offset || result.events.length === 0) return { events, truncated: false };
  }
  return { events, truncated: true };
}

async function mapEmailEvents(
  raw: readonly HubSpotEmailEvent[],
  getEmailCampaign: (campaignId: number) => Promise<HubSpotEmailCampaign | null>,
): Promise<EngagementEvent[]> {
  const campaignIds = [...new Set(raw.map((e) => e.emailCampaignId).filter((id): id is number => id !== undefined))];
  // A missing campaign name only costs the label: fall back to the id.
  const campaigns = new Map(await Promise.all(campaignIds.map(async (id) => [id, await getEmailCampaign(id).catch(() => null)] as const)));
  const events: EngagementEvent[] = [];
  for (const event of raw) {
    const campaign = event.emailCampaignId === undefined ? null : (campaigns.get(event.emailCampaignId) ?? null);
    const mapped = fromHubSpotEmailEvent(event, campaign?.name ?? null, campaign?.subject ?? null);
    if (mapped) events.push(mapped);
  }
  return events;
}
