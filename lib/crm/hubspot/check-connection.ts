import { z } from 'zod';
import { CrmError } from '../crm-error';
import { createHubSpotClient } from './hubspot-client';
import { findMissingHubSpotScopes } from './required-scopes';
import type { MissingHubSpotScope } from './required-scopes';
import { detectHubSpotTokenKind } from './token-kind';
import type { HubSpotTokenKind } from './token-kind';

const accountDetailsSchema = z.looseObject({
  portalId: z.union([z.number(), z.string()]).transform(String),
  timeZone: z.string().optional(),
  uiDomain: z.string().optional(),
});

/** `POST /oauth/v2/private-apps/get/access-token-info` → what the private-app token may do (only what we read). */
const accessTokenInfoSchema = z.looseObject({
  hubId: z.union([z.number(), z.string()]).transform(String).optional(),
  scopes: z.array(z.string()),
});

/**
 * `GET /oauth/v1/access-tokens/{token}` → an OAuth access token's portal, scopes and seconds left
 * (HubSpot's token-metadata reference). Only what we read.
 */
const oauthTokenInfoSchema = z.looseObject({
  hub_id: z.union([z.number(), z.string()]).transform(String).optional(),
  scopes: z.array(z.string()),
  expires_in: z.number().int().nonnegative(),
});

export interface ConnectionTokenInfo {
  kind: HubSpotTokenKind;
  label: string;
  /** When the token stops working (epoch ms), as HubSpot reported it; null when it reports none. */
  expiresAt: number | null;
}

export interface ConnectionHeadroom {
  daily: number | null;
  dailyRemaining: number | null;
  /** Requests allowed per rolling window (HubSpot's ten-secondly limit), and the window. */
  windowMax: number | null;
  windowMs: number | null;
}

export interface ConnectionCheck {
  ok: boolean;
  portalId: string | null;
  message: string;
  /** Scopes the token holds; null when HubSpot would not say (e.g. a token type the endpoint does not know). */
  grantedScopes?: string[] | null;
  /** Scopes Baton needs that the token lacks, with what stops working. Empty when all are there. */
  missingScopes?: MissingHubSpotScope[];
  /** Why the scopes could not be checked, when they could not. */
  scopesMessage?: string | null;
  headroom?: ConnectionHeadroom | null;
  /** What kind of token it is and, where HubSpot reports one, when it expires. */
  token?: ConnectionTokenInfo;
}

/**
 * Asks HubSpot which portal a token belongs to, which scopes it holds and how much of the rate
 * limit is left; the answer is phrased for the admin. The token-info call carries the token in
 * its body: that is HubSpot's documented shape, and it goes to the same host as the header does.
 */
export async function checkHubSpotConnection(token: string, options: { baseUrl?: string; fetch?: typeof fetch; now?: () => number } = {}): Promise<ConnectionCheck> {
  const client = createHubSpotClient({ baseUrl: options.baseUrl ?? 'https://api.hubapi.com', getAccessToken: async () => token, fetch: options.fetch });
  const now = options.now ?? Date.now;
  const kind = detectHubSpotTokenKind(token);
  // Each token kind has its own info endpoint; only OAuth access tokens report an expiry. Unknown
  // kinds are asked as private-app tokens, the kind Baton's setup steps create.
  const tokenInfo: Promise<{ ok: true; scopes: string[]; expiresAt: number | null } | { ok: false; error: unknown }> = (
    kind.kind === 'oauth_access'
      ? client
        .request('GET', `/oauth/v1/access-tokens/${encodeURIComponent(token)}`, { schema: oauthTokenInfoSchema })
        .then((info) => ({ ok: true as const, scopes: info.scopes, expiresAt: now() + info.expires_in * 1000 }))
      : client
        .request('POST', '/oauth/v2/private-apps/get/access-token-info', { body: { tokenKey: token }, schema: accessTokenInfoSchema })
        .then((info) => ({ ok: true as const, scopes: info.scopes, expiresAt: null }))
  ).catch((error: unknown) => ({ ok: false as const, error }));
  let details: z.infer<typeof accountDetailsSchema>;
  try {
    details = await client.request('GET', '/account-info/v3/details', { schema: accountDetailsSchema });
  } catch (err) {
    await tokenInfo;
    const message = err instanceof CrmError ? err.message : `Unexpected error: ${String(err)}`;
    return { ok: false, portalId: null, message, token: { kind: kind.kind, label: kind.label, expiresAt: null } };
  }
  const info = await tokenInfo;
  const limit = client.getRateLimit();
  const headroom: ConnectionHeadroom | null = limit
    ? { daily: limit.daily, dailyRemaining: limit.dailyRemaining, windowMax: limit.max, windowMs: limit.intervalMs }
    : null;
  const left = limit?.dailyRemaining != null ? ` ${limit.dailyRemaining.toLocaleString('en-US')} API calls left today.` : '';
  const message = `Connected to HubSpot portal ${details.portalId}${details.uiDomain ? ` (${details.uiDomain})` : ''}.${left}`;
  if (!info.ok) {
    // Not fatal: the connection works; only the scope comparison (and any expiry) is unavailable.
    const why = info.error instanceof CrmError ? info.error.message : String(info.error);
    return {
      ok: true, portalId: details.portalId, message, grantedScopes: null, missingScopes: [],
      scopesMessage: `Could not read this token's scopes (${why}); compare them with the list in Baton's README.`,
      headroom, token: { kind: kind.kind, label: kind.label, expiresAt: null },
    };
  }
  return {
    ok: true, portalId: details.portalId, message, grantedScopes: info.scopes, missingScopes: findMissingHubSpotScopes(info.scopes), scopesMessage: null,
    headroom, token: { kind: kind.kind, label: kind.label, expiresAt: info.expiresAt },
  };
}
