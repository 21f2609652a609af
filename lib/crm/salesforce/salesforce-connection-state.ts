import { z } from 'zod';

/*
 * What Baton keeps in the background's secret store for Salesforce: per org (keyed by org id, from
 * the identity URL), the refresh token, the last access token and where the org's API is, plus
 * which org the admin connected last (the one Insights and the connection check use). The consumer
 * key stays with its org's tokens: the refresh grant needs it (and no secret).
 */

const orgTokensSchema = z.object({
  /** The org's API host, e.g. `acme.my.salesforce.com`: records on its pages name it as their account. */
  apiHost: z.string(),
  consumerKey: z.string(),
  userId: z.string(),
  refreshToken: z.string(),
  accessToken: z.string(),
  instanceUrl: z.string(),
  issuedAt: z.number(),
});
export type OrgTokens = z.infer<typeof orgTokensSchema>;

const storedTokensSchema = z.object({ version: z.literal(1), active: z.string(), orgs: z.record(z.string(), orgTokensSchema) });
export type StoredTokens = z.infer<typeof storedTokensSchema>;

/** null: nothing stored, or something Baton cannot use (the admin connects again). */
export function readStoredTokens(secret: string | null): StoredTokens | null {
  if (!secret) return null;
  try {
    const parsed = storedTokensSchema.safeParse(JSON.parse(secret));
    return parsed.success && parsed.data.orgs[parsed.data.active] ? parsed.data : null;
  } catch {
    return null;
  }
}

export function writeStoredTokens(stored: StoredTokens): string {
  return JSON.stringify(stored);
}

/** Adds or replaces one org's tokens and makes it the active org. */
export function withOrg(stored: StoredTokens | null, orgId: string, tokens: OrgTokens): StoredTokens {
  // One org per API host: a sandbox refreshed from production gets a new org id on the same host.
  const others = Object.entries(stored?.orgs ?? {}).filter(([id, org]) => id !== orgId && org.apiHost !== tokens.apiHost);
  return { version: 1, active: orgId, orgs: { ...Object.fromEntries(others), [orgId]: tokens } };
}

export function orgForHost(stored: StoredTokens | null, apiHost: string): { orgId: string; tokens: OrgTokens } | null {
  for (const [orgId, tokens] of Object.entries(stored?.orgs ?? {})) if (tokens.apiHost === apiHost) return { orgId, tokens };
  return null;
}

export function activeOrg(stored: StoredTokens): { orgId: string; tokens: OrgTokens } {
  return { orgId: stored.active, tokens: stored.orgs[stored.active]! };
}
