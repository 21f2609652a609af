import { z } from 'zod';
import { sleep } from '../../async/sleep';
import { CrmError } from '../crm-error';
import type { HubSpotClient } from './hubspot-client';
import type { HubSpotSearchFilter } from './hubspot-requests';
import { hubSpotObjectSchema, hubSpotPagingSchema } from './hubspot-schemas';
import type { SearchPacer } from '../search-pacer';

/*
 * One contacts search request as Insights' read and the backtest's read both make it: paced by the
 * connection's search pacer (search has its own per-portal limit, about 5 a second, shared), a 429
 * on that limit waited out as told (Retry-After) and retried, the DAILY limit and anything else
 * thrown. A 400 naming a Baton property means the properties were never set up: said so.
 */

/** HubSpot search answers at most 10,000 results per query (paging past it is refused). */
export const SEARCH_RESULT_CAP = 10_000;
const MAX_RATE_LIMIT_RETRIES = 6;

export const contactSearchPageSchema = z.looseObject({
  total: z.number().int().nonnegative(),
  results: z.array(hubSpotObjectSchema),
  paging: hubSpotPagingSchema.optional(),
});
export type ContactSearchPage = z.infer<typeof contactSearchPageSchema>;

export interface ContactSearchBody {
  filterGroups: { filters: HubSpotSearchFilter[] }[];
  sorts: { propertyName: string; direction: 'ASCENDING' | 'DESCENDING' }[];
  properties: string[];
  limit: number;
  after?: string;
}

export interface ContactSearchOptions {
  pace?: SearchPacer;
  /** Waits between rate-limited retries (tests pass a fake clock). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  signal?: AbortSignal;
  /** Called before every request sent, retries included (callers count their requests). */
  onRequest?: () => void;
  /** What a missing Baton property means to this caller's user. */
  missingPropertiesMessage: string;
}

export async function searchContacts(client: HubSpotClient, body: ContactSearchBody, options: ContactSearchOptions): Promise<ContactSearchPage> {
  const wait = options.sleep ?? sleep;
  for (let attempt = 1; ; attempt++) {
    await options.pace?.(options.signal);
    options.onRequest?.();
    try {
      return await client.request('POST', '/crm/v3/objects/contacts/search', { body, schema: contactSearchPageSchema, signal: options.signal });
    } catch (err) {
      if (err instanceof CrmError && err.kind === 'rate_limited' && err.limit !== 'daily' && attempt < MAX_RATE_LIMIT_RETRIES) {
        await wait(err.retryAfterMs ?? 1000 * attempt, options.signal);
        continue;
      }
      // HubSpot answers 400 PROPERTY_DOESNT_EXIST when the Baton properties were never created.
      if (err instanceof CrmError && err.kind === 'rejected' && /baton_/i.test(err.message)) {
        throw new CrmError('rejected', options.missingPropertiesMessage, { cause: err });
      }
      throw err;
    }
  }
}

/** A contact property's text, or null when it is absent or blank. */
export function contactText(contact: { properties: Record<string, string | null | undefined> }, name: string): string | null {
  const value = contact.properties[name];
  return value === undefined || value === null || value.trim() === '' ? null : value;
}
