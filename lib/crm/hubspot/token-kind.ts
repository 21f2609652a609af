import { z } from 'zod';

/*
 * What kind of HubSpot credential an admin pasted, from its shape alone (no request), so the
 * options page can say what it is before anything is sent, and the connection check can ask the
 * right token-info endpoint. What HubSpot documents, and what it does not:
 *
 * - Private-app access tokens are `pat-<region>-<uuid>` (e.g. `pat-na1-…`, `pat-eu1-…`), sent as
 *   `Authorization: Bearer`. They report no expiry; an admin rotates them in HubSpot ("Rotate and
 *   expire this token now"). New legacy private apps cannot be created since 26 October 2026.
 *   `POST /oauth/v2/private-apps/get/access-token-info` reports their portal and scopes.
 * - Service keys (public beta, meant to replace legacy private apps) are also sent as
 *   `Authorization: Bearer` and carry scopes the same way. HubSpot's page does not show their
 *   format; a public report of a real one shows the same `pat-<region>-` prefix, so the shape cannot
 *   tell them from private-app tokens and Baton does not pretend to.
 * - OAuth access tokens are short-lived (HubSpot's token response: `expires_in`, 1800 s in its
 *   examples; up to ~300 characters) opaque base64url strings with no `pat-` prefix.
 *   `GET /oauth/v1/access-tokens/{token}` reports `expires_in`, `hub_id` and `scopes`. Refreshing
 *   one needs the app's client secret, which an extension cannot keep safely, so Baton never does.
 * - Refresh tokens (`na1-xxxx-…` in HubSpot's example; UUIDs for older ones), legacy API keys
 *   (UUIDs; switched off on 30 November 2022) and developer API keys (app settings only) cannot
 *   read CRM data.
 *
 * Anything else is `unknown` and still accepted: HubSpot changes token formats, and the
 * connection check is the real test.
 */

export const HUBSPOT_TOKEN_KINDS = ['static', 'oauth_access', 'oauth_refresh', 'legacy_key', 'unknown'] as const;
export const hubSpotTokenKindSchema = z.enum(HUBSPOT_TOKEN_KINDS);
export type HubSpotTokenKind = z.infer<typeof hubSpotTokenKindSchema>;

export interface HubSpotTokenKindInfo {
  kind: HubSpotTokenKind;
  /** What it is, for the admin. */
  label: string;
  /** What Baton will do with it, or why it will not work; null when there is nothing to add. */
  note: string | null;
  /** Whether Baton can plausibly read CRM data with it (unknown kinds: yes, until the check says otherwise). */
  usable: boolean;
}

const STATIC_TOKEN = /^pat-[a-z]{2,3}\d{0,2}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// HubSpot's example refresh token: `na1-ab12-cd34-ef56-gh78-abcdef123456`.
const REGION_REFRESH_TOKEN = /^[a-z]{2,3}\d{1,2}(?:-[0-9a-z]{4}){4}-[0-9a-z]{12}$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Opaque base64url of OAuth-access-token length (HubSpot: allow up to 300 characters).
const OAUTH_ACCESS_TOKEN = /^[A-Za-z0-9_-]{40,300}$/;

/** What to store from a pasted credential: no surrounding whitespace, no copied `Bearer ` scheme. */
export function normalizePastedToken(raw: string): string {
  return raw.trim().replace(/^Bearer\s+/i, '').trim();
}

/** Reads a pasted credential's kind from its shape. Pure; never throws. */
export function detectHubSpotTokenKind(raw: string): HubSpotTokenKindInfo {
  const token = normalizePastedToken(raw);
  if (STATIC_TOKEN.test(token)) {
    return {
      kind: 'static',
      label: 'Private-app access token or service key',
      note: 'HubSpot reports no expiry for these; rotate it in HubSpot if it leaks.',
      usable: true,
    };
  }
  if (REGION_REFRESH_TOKEN.test(token)) {
    return {
      kind: 'oauth_refresh',
      label: 'OAuth refresh token',
      note: "Baton cannot use a refresh token: exchanging it needs the app's client secret, which an extension cannot keep safely. Paste a private-app token or service key instead.",
      usable: false,
    };
  }
  if (UUID.test(token)) {
    return {
      kind: 'legacy_key',
      label: 'Legacy API key, developer API key or old refresh token',
      note: 'None of these can read CRM data (HubSpot switched API keys off on 30 November 2022). Paste a private-app token or service key instead.',
      usable: false,
    };
  }
  if (OAUTH_ACCESS_TOKEN.test(token)) {
    return {
      kind: 'oauth_access',
      label: 'OAuth access token',
      note: "OAuth access tokens expire within hours and Baton cannot refresh them (that needs the app's client secret, which an extension cannot keep safely). A service key or private-app token has no expiry.",
      usable: true,
    };
  }
  return { kind: 'unknown', label: 'Unrecognised token format', note: 'Baton will try it; the connection check says whether HubSpot accepts it.', usable: true };
}

/** Warn this long before a token's expiry (OAuth access tokens live 30 minutes, so: always). */
export const TOKEN_EXPIRY_WARNING_MS = 24 * 60 * 60 * 1000;

export type TokenExpiryState = 'none' | 'valid' | 'expiring' | 'expired';

export interface TokenExpiry {
  state: TokenExpiryState;
  /** For the admin; null when the token does not expire. */
  message: string | null;
}

/**
 * Where a token stands against its reported expiry. `expiresAt` is epoch ms (null: the token
 * reports none). The wording says what happens next: Baton parks writes as "reconnect HubSpot"
 * once HubSpot answers 401, and cannot refresh the token itself.
 */
export function describeTokenExpiry(expiresAt: number | null, now: number, options: { warnWithinMs?: number; timeZone?: string } = {}): TokenExpiry {
  if (expiresAt === null) return { state: 'none', message: null };
  const left = expiresAt - now;
  const at = new Date(expiresAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', ...(options.timeZone ? { timeZone: options.timeZone } : {}) });
  if (left <= 0) {
    return { state: 'expired', message: `This token expired (${at}). Dispositions wait as "reconnect HubSpot" until you save a new token.` };
  }
  const inWords = describeDuration(left);
  if (left <= (options.warnWithinMs ?? TOKEN_EXPIRY_WARNING_MS)) {
    return {
      state: 'expiring',
      message: `This token expires in ${inWords} (${at}). Baton cannot refresh it: that needs the app's client secret, which an extension cannot keep safely. Save a service key or private-app token (they have no expiry), or paste a new token before then; until you do, dispositions wait as "reconnect HubSpot".`,
    };
  }
  return { state: 'valid', message: `This token expires in ${inWords} (${at}).` };
}

function describeDuration(ms: number): string {
  const minutes = Math.max(1, Math.floor(ms / 60_000));
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} hour${hours === 1 ? '' : 's'}`;
  const days = Math.floor(hours / 24);
  return `${days} days`;
}
