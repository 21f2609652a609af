/*
 * The key Insights and the backtest know a CRM connection by: persisted reads are kept under it
 * and searches are paced per key (HubSpot's search limit is per portal), so both must name a
 * connection the same way.
 */

export function sandboxConnectionKey(sandboxUrl: string): string {
  return `sandbox|${sandboxUrl}`;
}

/**
 * Until a connection test has named the portal, a fingerprint of the token keeps one portal's
 * persisted read from answering for another's (the token itself is never stored here).
 */
export async function hubSpotConnectionKey(portalId: string | null, token: string): Promise<string> {
  return `hubspot|${portalId ?? `token-${await fingerprint(token)}`}`;
}

async function fingerprint(token: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
  return [...new Uint8Array(digest).slice(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
