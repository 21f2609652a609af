import type { HubSpotClient } from './hubspot-client';
import { hubSpotWebEventsPageSchema } from './hubspot-schemas';
import type { HubSpotWebEvent } from './hubspot-schemas';

/** Events per page of `GET /events/v3/events`. */
export const WEB_EVENTS_PAGE_SIZE = 100;

/**
 * The contact's web-analytics events, newest first: `GET /events/v3/events`, following the
 * cursor for up to `maxPages` pages (`truncated` when more were left).
 */
export async function readHubSpotWebEvents(
  client: HubSpotClient,
  contactId: string,
  { maxPages, signal }: { maxPages: number; signal: AbortSignal | undefined },
): Promise<{ events: HubSpotWebEvent[]; truncated: boolean }> {
  const events: HubSpotWebEvent[] = [];
  let after: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const result = await client.request('GET', '/events/v3/events', {
      query: { objectType: 'contact', objectId: contactId, limit: WEB_EVENTS_PAGE_SIZE, sort: '-occurredAt', after },
      schema: hubSpotWebEventsPageSchema,
      signal,
    });
    events.push(...result.results);
    after = result.paging?.next?.after;
    // An empty page with a cursor would loop for nothing: stop.
    if (!after || result.results.length === 0) return { events, truncated: false };
  }
  return { events, truncated: true };
}
