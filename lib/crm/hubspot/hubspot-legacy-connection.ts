import { z } from 'zod';
import type { LegacyConnection } from '../crm-provider';
import { HUBSPOT_KIND } from './hubspot-pages';

/**
 * Connection settings as releases before the provider registry stored them: HubSpot's fields
 * flat, and `kind: "sandbox"` for the sandbox CRM (which speaks HubSpot). Read once on upgrade so a
 * team keeps its portal and token facts (the token itself stays where it was, in the secret store
 * under the same name).
 */
const legacySchema = z.object({
  kind: z.enum(['sandbox', 'hubspot']),
  sandboxUrl: z.string(),
  hubspotPortalId: z.string().nullable(),
  hubspotToken: z.object({ kind: z.string(), expiresAt: z.number().nullable() }).nullable().default(null),
});

export function readLegacyHubSpotConnection(raw: unknown): LegacyConnection | null {
  const parsed = legacySchema.safeParse(raw);
  if (!parsed.success) return null;
  const legacy = parsed.data;
  return {
    provider: HUBSPOT_KIND,
    address: legacy.kind === 'sandbox' ? 'sandbox' : 'vendor',
    sandboxUrl: legacy.sandboxUrl,
    providers: { [HUBSPOT_KIND]: { account: legacy.hubspotPortalId, credential: legacy.hubspotToken } },
  };
}
