import { CrmError } from '../crm-error';
import type { AuthorizeStep } from './salesforce-oauth';

/*
 * The sandbox CRM (demo builds) serves `/services/oauth2/*` at its own origin and signs in with no
 * login page: its authorize endpoint redirects at once to the callback with a code. Baton reads
 * that redirect with a fetch that does not follow it. Browsers hide a manual redirect's Location
 * (an "opaqueredirect" answer), so there the same URL goes through `fallback` (a non-interactive
 * launchWebAuthFlow, which follows the redirect to the callback without a window).
 */

/** The consumer key Baton's demo builds use with the sandbox CRM. */
export const SANDBOX_CONSUMER_KEY = 'baton-sandbox-consumer-key';

export function sandboxAuthorizeStep(fetchFn: typeof fetch, fallback: AuthorizeStep | null): AuthorizeStep {
  return async (url) => {
    let response: Response;
    try {
      response = await fetchFn(url, { redirect: 'manual' });
    } catch (cause) {
      throw new CrmError('network', `Could not reach the sandbox CRM at ${new URL(url).origin}: is it running?`, { cause });
    }
    const location = response.headers.get('Location');
    if (response.status >= 300 && response.status < 400 && location) return new URL(location, url).toString();
    if (response.type === 'opaqueredirect' && fallback) return fallback(url);
    throw new CrmError('rejected', `The sandbox CRM did not sign Baton in (HTTP ${response.status}).`, { status: response.status });
  };
}
