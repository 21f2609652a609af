import type { SalesforceSession } from './salesforce-client';

/*
 * An access token shared by every request to one org: read (or signed in for) once, renewed once
 * however many requests found it expired at the same time.
 */

export interface TokenSource {
  /** The token to start with (stored, or a fresh sign-in for the sandbox CRM). */
  initial(): Promise<string>;
  /** A new token (the refresh grant). */
  renew(): Promise<string>;
}

export function createTokenSession(source: TokenSource): SalesforceSession {
  let current: string | null = null;
  let pending: Promise<string> | null = null;
  const run = (step: () => Promise<string>): Promise<string> =>
    (pending ??= step()
      .then((token) => (current = token))
      .finally(() => {
        pending = null;
      }));
  return {
    accessToken: () => (current !== null ? Promise.resolve(current) : run(() => source.initial())),
    // A request that failed with a token another request already replaced retries with the new one.
    refresh: (rejected) => (current !== null && current !== rejected ? Promise.resolve(current) : run(() => source.renew())),
  };
}
