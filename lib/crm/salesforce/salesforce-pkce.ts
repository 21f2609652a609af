/*
 * PKCE (RFC 7636) for the OAuth web-server flow, S256 only: an extension cannot keep a client
 * secret, so the code verifier proves that whoever redeems the code is who asked for it.
 */

export interface Pkce {
  verifier: string;
  challenge: string;
}

/** 32 random bytes as base64url (43 characters, within RFC 7636's 43–128). */
export function randomUrlSafe(bytes = 32): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

export async function createPkce(verifier = randomUrlSafe()): Promise<Pkce> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return { verifier, challenge: base64Url(new Uint8Array(digest)) };
}

function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
