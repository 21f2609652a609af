import type { WebAuthFlow } from '../../../lib/crm/salesforce/salesforce-web-auth-flow';

/** The extension's callback address for the Salesforce sign-in in tests (a chromiumapp.org address, as the browser gives). */
export const SIGN_IN_REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/salesforce';

/**
 * The sign-in window as launchWebAuthFlow behaves when the org approves at once: it ends on the
 * callback the authorize step redirects to. `fetchFn` reaches the org (the sandbox by default
 * through the real fetch, or one that records or rewrites).
 */
export function approvingSignInWindow(fetchFn: typeof fetch = (input, init) => globalThis.fetch(input, init)): WebAuthFlow {
  return {
    redirectUrl: () => SIGN_IN_REDIRECT,
    launch: async (url) => (await fetchFn(url, { redirect: 'manual' })).headers.get('Location') ?? undefined,
  };
}
