import type { SourceStatus } from '../crm-port';
import { CrmError } from '../crm-error';
import type { Touch } from '../../domain/lead';
import type { HubSpotClient } from './hubspot-client';
import { fromHubSpotEngagement, fromHubSpotEngagementV1, isKnownHubSpotV1EngagementType, isRedactedHubSpotV1Email } from './hubspot-touch-mappers';
import type { HubSpotEngagementKind } from './hubspot-touch-mappers';
import { toHubSpotBatchRead } from './hubspot-requests';
import { CALL_PROPERTIES, EMAIL_PROPERTIES, hubSpotBatchReadResponseSchema, hubSpotV1EngagementsPageSchema, MEETING_PROPERTIES } from './hubspot-schemas';
import type { HubSpotContact, HubSpotObject, HubSpotV1Engagement } from './hubspot-schemas';
import { toSourceStatus, withMessage } from './hubspot-source-status';
import { settle } from './settle';
import type { Settled } from './settle';

/**
 * The contact's touches (calls, emails, meetings, Baton's social attempts logged as notes):
 * `GET /engagements/v1/engagements/associated/CONTACT/{id}/paged`, every engagement type in one
 * paged read that needs only the contact id; or, once HubSpot has retired that endpoint (404/410,
 * remembered for an hour), `POST /crm/v3/objects/{calls|emails|meetings}/batch/read` with the ids
 * from the contact's associations, one request per kind of touch (no social attempts there).
 */

/** The kinds of touch the fallback reads; the contact read asks for their associations. */
export const HUBSPOT_ENGAGEMENT_KINDS: readonly HubSpotEngagementKind[] = ['calls', 'emails', 'meetings'];

export interface HubSpotV1EngagementsRead {
  engagements: HubSpotV1Engagement[];
  truncated: boolean;
}

export interface HubSpotEngagementsReader {
  /** Starts the v1 read (needs only the contact id); null while v1 is known to be retired. */
  startV1(contactId: string, signal: AbortSignal | undefined): Promise<Settled<HubSpotV1EngagementsRead>> | null;
  /**
   * The view's touches: from the v1 read started at t0, or, when HubSpot has retired that
   * endpoint, from the per-kind v3 batch reads of the contact's associated ids.
   */
  resolveTouches(
    contact: HubSpotContact,
    v1: Promise<Settled<HubSpotV1EngagementsRead>> | null,
    signal: AbortSignal | undefined,
  ): Promise<{ touches: Touch[]; status: SourceStatus }>;
}

export interface CreateHubSpotEngagementsReaderOptions {
  client: HubSpotClient;
  now: () => number;
  /** Cap on v1 pages followed per view. */
  maxPages: number;
  /** Where engagement types Baton does not know are reported. */
  log: (message: string, detail?: unknown) => void;
}

/** Engagements per page of the v1 read. */
const ENGAGEMENTS_PAGE_SIZE = 100;
/** A retired endpoint stays retired: after a 404/410, go straight to the fallback for this long. */
const ENGAGEMENTS_V1_RETIRED_TTL_MS = 60 * 60 * 1000;
const TOUCHES_SOURCE = 'crm-activities';
const TOUCHES_LABEL = 'Calls, emails and meetings';
/** Without it HubSpot redacts email engagements (subject, body) instead of refusing them. */
const SALES_EMAIL_READ_SCOPE = 'sales-email-read';
const ENGAGEMENT_PROPERTIES: Record<HubSpotEngagementKind, readonly string[]> = {
  calls: CALL_PROPERTIES,
  emails: EMAIL_PROPERTIES,
  meetings: MEETING_PROPERTIES,
};
/** Batch read accepts up to 100 ids. */
const BATCH_READ_LIMIT = 100;

export function createHubSpotEngagementsReader({ client, now, maxPages, log }: CreateHubSpotEngagementsReaderOptions): HubSpotEngagementsReader {
  /** Until when the v1 engagements endpoint is known to be gone (0: not known). */
  let engagementsV1RetiredUntil = 0;

  function startV1(contactId: string, signal: AbortSignal | undefined): Promise<Settled<HubSpotV1EngagementsRead>> | null {
    return engagementsV1RetiredUntil > now() ? null : settle(readEngagementsV1(contactId, signal));
  }

  async function readEngagementsV1(contactId: string, signal: AbortSignal | undefined): Promise<HubSpotV1EngagementsRead> {
    const byId = new Map<string, HubSpotV1Engagement>();
    let offset: number | string | undefined;
    for (let page = 0; page < maxPages; page++) {
      const result = await client.request('GET', `/engagements/v1/engagements/associated/CONTACT/${encodeURIComponent(contactId)}/paged`, {
        query: { limit: ENGAGEMENTS_PAGE_SIZE, offset },
        schema: hubSpotV1EngagementsPageSchema,
        signal,
      });
      // Keyed by id: an engagement logged while paging can shift one onto the next page twice.
      for (const item of result.results) byId.set(item.engagement.id, item);
      offset = result.offset;
      if (!result.hasMore || offset === undefined || result.results.length === 0) return { engagements: [...byId.values()], truncated: false };
    }
    return { engagements: [...byId.values()], truncated: true };
  }

  /** v1 engagements → touches and the source status the panel shows for them. */
  function mapEngagementsV1(read: HubSpotV1EngagementsRead): { touches: Touch[]; status: SourceStatus } {
    const touches: Touch[] = [];
    const unknownTypes = new Set<string>();
    let redacted = 0;
    for (const item of read.engagements) {
      if (!isKnownHubSpotV1EngagementType(item.engagement.type)) {
        unknownTypes.add(item.engagement.type);
        continue;
      }
      if (isRedactedHubSpotV1Email(item)) redacted++;
      const touch = fromHubSpotEngagementV1(item);
      if (touch) touches.push(touch);
    }
    // HubSpot adds engagement types over time: a new one is not an error, only not shown.
    if (unknownTypes.size > 0) log('HubSpot engagement types Baton does not read were skipped', [...unknownTypes]);
    const notes = [read.truncated ? `only the latest ${maxPages * ENGAGEMENTS_PAGE_SIZE} engagements were read` : null].filter((s): s is string => s !== null);
    const base: SourceStatus = { source: TOUCHES_SOURCE, label: TOUCHES_LABEL, status: 'ok' };
    const status: SourceStatus =
      redacted > 0
        ? {
            ...base,
            status: 'degraded',
            message: [`Email subjects are hidden (${redacted} email${redacted === 1 ? '' : 's'}): the connection is missing the scope ${SALES_EMAIL_READ_SCOPE}`, ...notes].join('; '),
          }
        : withMessage(base, notes);
    return { touches: touches.sort(byNewest), status };
  }

  async function resolveTouches(
    contact: HubSpotContact,
    v1: Promise<Settled<HubSpotV1EngagementsRead>> | null,
    signal: AbortSignal | undefined,
  ): Promise<{ touches: Touch[]; status: SourceStatus }> {
    if (v1 !== null) {
      const result = await v1;
      if (result.ok) return mapEngagementsV1(result.value);
      if (!isRetired(result.error)) {
        return { touches: [], status: toSourceStatus(result.error, TOUCHES_SOURCE, TOUCHES_LABEL, 'Calls, emails and meetings are not readable with this connection') };
      }
      engagementsV1RetiredUntil = now() + ENGAGEMENTS_V1_RETIRED_TTL_MS;
    }
    const fallback = await settle(readTouches(contact, signal));
    if (!fallback.ok) {
      return { touches: [], status: toSourceStatus(fallback.error, TOUCHES_SOURCE, TOUCHES_LABEL, 'Calls, emails and meetings are not readable with this connection') };
    }
    return {
      touches: fallback.value,
      status: {
        source: TOUCHES_SOURCE,
        label: TOUCHES_LABEL,
        status: 'degraded',
        message: "Read the slower way (HubSpot's engagements endpoint is not available): one request per kind of touch, and social attempts are not shown",
      },
    };
  }

  async function readTouches(contact: HubSpotContact, signal: AbortSignal | undefined): Promise<Touch[]> {
    const reads = HUBSPOT_ENGAGEMENT_KINDS.flatMap((kind) => {
      const ids = [...new Set((contact.associations?.[kind]?.results ?? []).map((a) => a.id))];
      // Only when there are any: a fresh lead costs no request here.
      return chunk(ids, BATCH_READ_LIMIT).map(async (batch) => {
        const response = await client.request('POST', `/crm/v3/objects/${kind}/batch/read`, {
          body: toHubSpotBatchRead(batch, ENGAGEMENT_PROPERTIES[kind]),
          schema: hubSpotBatchReadResponseSchema,
          signal,
        });
        return response.results.map((object: HubSpotObject) => fromHubSpotEngagement(kind, object));
      });
    });
    const touches = (await Promise.all(reads)).flat();
    return touches.sort(byNewest);
  }

  return { startV1, resolveTouches };
}

/** HubSpot answers 404 or 410 for an endpoint it has retired (the contact itself was just read). */
function isRetired(error: unknown): boolean {
  return error instanceof CrmError && (error.status === 404 || error.status === 410);
}

function byNewest(a: Touch, b: Touch): number {
  return b.occurredAt - a.occurredAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
