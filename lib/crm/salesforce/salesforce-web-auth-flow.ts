import { browser } from 'wxt/browser';
import type { AuthorizeStep } from './salesforce-oauth';
import { webAuthFlowError, type OAuthErrorContext } from './salesforce-oauth-errors';

/*
 * The browser's part of the sign-in: `identity.launchWebAuthFlow` shows Salesforce's login page and
 * resolves with the callback URL (`https://<extension-id>.chromiumapp.org/salesforce?code=…`).
 * Behind an interface so that the flow's logic runs in unit tests without a browser.
 */

export interface WebAuthFlow {
  /** The callback URL the admin registers in the app (stable: the manifest pins the extension id). */
  redirectUrl(): string;
  /** Resolves with the URL the flow ended on; `interactive: false` fails instead of showing a window. */
  launch(url: string, interactive: boolean): Promise<string | undefined>;
}

export const SALESFORCE_CALLBACK_PATH = 'salesforce';

export const browserWebAuthFlow: WebAuthFlow = {
  redirectUrl: () => browser.identity.getRedirectURL(SALESFORCE_CALLBACK_PATH),
  launch: (url, interactive) => browser.identity.launchWebAuthFlow({ url, interactive }),
};

export function webAuthFlowStep(flow: WebAuthFlow, where: OAuthErrorContext, interactive = true): AuthorizeStep {
  return async (url) => {
    let redirect: string | undefined;
    try {
      redirect = await flow.launch(url, interactive);
    } catch (cause) {
      throw webAuthFlowError(cause, where);
    }
    if (!redirect) throw webAuthFlowError(new Error('The user did not approve access.'), where);
    return redirect;
  };
}
