import { z } from 'zod';
import type { HubSpotClient } from './hubspot-client';

/*
 * What Insights reads of a contact beyond Baton's properties: the times speed to lead is split by
 * (the engagement before the assignment, the owner's first touch after it) and where the record
 * opens, for the lists of leads behind a count. Pure except readRecordBase (one request).
 */

const accountDetailsSchema = z.looseObject({
  portalId: z.union([z.number(), z.string()]).transform(String),
  uiDomain: z.string().optional(),
});

/** HubSpot's own API host: any other base URL is the sandbox CRM, whose record pages it serves itself. */
const HUBSPOT_API_ORIGIN = 'https://api.hubapi.com';

/**
 * Where a contact's record opens: the portal's UI host (`uiDomain`: app.hubspot.com, app-eu1...)
 * or the sandbox's own pages. One request, outside the search limit; null when it fails (the
 * lists then show the leads without links).
 */
export async function readRecordBase(client: HubSpotClient, signal: AbortSignal | undefined): Promise<string | null> {
  const details = await client.request('GET', '/account-info/v3/details', { schema: accountDetailsSchema, signal });
  const sandbox = client.baseUrl.replace(/\/+$/, '') !== HUBSPOT_API_ORIGIN;
  const host = details.uiDomain && /^[a-z0-9.-]+\.hubspot\.com$/i.test(details.uiDomain) ? details.uiDomain : 'app.hubspot.com';
  return `${sandbox ? client.baseUrl.replace(/\/+$/, '') : `https://${host}`}/contacts/${encodeURIComponent(details.portalId)}/record/0-1/`;
}

/**
 * The engagement that got the lead handed over: the latest conversion at or before the assignment
 * (the recent one, else the first; a form filled after the assignment did not cause it). Without
 * an assignment, the latest conversion.
 */
export function engagementBefore(assignedAt: number | null, conversions: readonly (number | null)[]): number | null {
  let best: number | null = null;
  for (const at of conversions) {
    if (at === null || (assignedAt !== null && at > assignedAt)) continue;
    if (best === null || at > best) best = at;
  }
  return best;
}

/** The owner's first touch, when it came at or after the assignment (HubSpot keeps it per owner). */
export function firstTouchAfter(assignedAt: number | null, touchedAt: number | null): number | null {
  return touchedAt !== null && (assignedAt === null || touchedAt >= assignedAt) ? touchedAt : null;
}

