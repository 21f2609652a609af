import { z } from 'zod';

/*
 * Who a token belongs to. The token answer's `id` is the identity URL, ending `/id/{orgId}/{userId}`;
 * GET on it (with the token) gives the user's name. Baton keys its tokens by org id.
 */

const IDENTITY_PATH = /\/id\/(00D[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?)\/(005[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?)\/?$/;

export interface SalesforceIdentityIds {
  orgId: string;
  userId: string;
}

export function parseIdentityUrl(url: string): SalesforceIdentityIds | null {
  const m = IDENTITY_PATH.exec(url);
  return m ? { orgId: m[1]!, userId: m[2]! } : null;
}

/** The identity path on the org's own API host (the host in `id` may be login.salesforce.com, which Baton has no permission for). */
export function identityPath(ids: SalesforceIdentityIds): string {
  return `/id/${ids.orgId}/${ids.userId}`;
}

export const identitySchema = z.looseObject({
  username: z.string(),
  display_name: z.string().optional(),
  organization_id: z.string().optional(),
});
