import type { HubSpotClient } from './hubspot-client';
import { toHubSpotBatchRead } from './hubspot-requests';
import { hubSpotAssociationsV4PageSchema, hubSpotBatchReadResponseSchema } from './hubspot-schemas';

/*
 * HubSpot has no idempotency keys for creates, so every note, call, email or task Baton writes
 * carries a marker line ("Baton disposition <uuid>", "Baton escalation <uuid>"...) and a retry
 * looks for it before creating another:
 *   GET  /crm/v4/objects/contacts/{id}/associations/{type}   (+ pages of 500)
 *   POST /crm/v3/objects/{type}/batch/read  {body property}   (per 100 associated records)
 */

export type MarkedEngagementType = 'notes' | 'calls' | 'emails' | 'tasks';

const ASSOCIATIONS_PAGE_LIMIT = 500;
const BATCH_READ_LIMIT = 100;

/** Where each engagement type keeps the text the marker is written in. */
const BODY_PROPERTY: Record<MarkedEngagementType, string> = { notes: 'hs_note_body', calls: 'hs_call_body', emails: 'hs_email_text', tasks: 'hs_task_body' };

export interface FindMarkedEngagementRequest {
  contactId: string;
  type: MarkedEngagementType;
  /** The id the marker must carry (compared case-insensitively). */
  id: string;
  /** Reads the marker's id out of a body (the last one of its kind), lower-case; null when there is none. */
  readMarkerId: (body: string | null | undefined) => string | null;
  signal?: AbortSignal;
}

/** The id of the contact's associated engagement of `type` whose body carries the marker, or null. */
export async function findMarkedEngagement(client: HubSpotClient, request: FindMarkedEngagementRequest): Promise<string | null> {
  const { contactId, type, readMarkerId, signal } = request;
  const wanted = request.id.toLowerCase();
  const bodyProperty = BODY_PROPERTY[type];
  let after: string | undefined;
  do {
    const page = await client.request('GET', `/crm/v4/objects/contacts/${encodeURIComponent(contactId)}/associations/${type}`, {
      query: { limit: ASSOCIATIONS_PAGE_LIMIT, after },
      schema: hubSpotAssociationsV4PageSchema,
      signal,
    });
    const ids = [...new Set(page.results.map((r) => String(r.toObjectId)))];
    for (let i = 0; i < ids.length; i += BATCH_READ_LIMIT) {
      const batch = await client.request('POST', `/crm/v3/objects/${type}/batch/read`, {
        body: toHubSpotBatchRead(ids.slice(i, i + BATCH_READ_LIMIT), [bodyProperty]),
        schema: hubSpotBatchReadResponseSchema,
        signal,
      });
      const hit = batch.results.find((object) => readMarkerId(object.properties[bodyProperty]) === wanted);
      if (hit) return hit.id;
    }
    after = page.paging?.next?.after;
  } while (after);
  return null;
}
