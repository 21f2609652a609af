import { CrmError } from '../crm-error';

/*
 * What Salesforce's OAuth errors mean for the admin setting Baton up, in words they can act on.
 * They come as `error` / `error_description` on the redirect (authorize) or in the token
 * endpoint's JSON answer.
 */

export interface OAuthErrorContext {
  /** The org's My Domain API host. */
  host: string;
  /** The callback URL Baton sent (the one the admin must register in the app). */
  redirectUri: string;
}

export function salesforceOAuthError(error: string, description: string | null, where: OAuthErrorContext): CrmError {
  const said = `${error}${description ? `: ${description}` : ''}`;
  const text = `${error} ${description ?? ''}`.toLowerCase();
  const app = 'the External Client App (Setup → External Client App Manager)';
  if (/oauth_app_blocked/.test(text)) {
    return new CrmError('rejected', `Salesforce blocked Baton's app in ${where.host} (OAUTH_APP_BLOCKED): API Access Control is on, so only allow-listed apps may sign in. Install ${app} in the org and allow it under API Access Control, or have a Salesforce admin give your profile "Use Any API Client".`);
  }
  if (/app must be installed into org/.test(text)) {
    return new CrmError('rejected', `Salesforce refused Baton's app because it is not installed in ${where.host} ("app must be installed into org"). Install ${app} in this org, then pre-authorise the users who will use Baton through a profile or permission set, and connect again.`);
  }
  if (error === 'invalid_client_id') {
    return new CrmError('rejected', `${where.host} does not know this consumer key (${said}). Copy the Consumer Key from ${app} → your app → Settings → OAuth Settings; a new app can take up to 10 minutes to work.`);
  }
  if (error === 'invalid_client') {
    return new CrmError('rejected', `Salesforce refused Baton's app (${said}). Check that the consumer key is this org's app, and in ${app} → Policies turn off "Require secret for Web Server Flow" and "Require secret for Refresh Token Flow": Baton keeps no client secret.`);
  }
  if (error === 'redirect_uri_mismatch') {
    return new CrmError('rejected', `The app's callback URL does not match Baton's (${said}). In ${app} → OAuth Settings, set the Callback URL to ${where.redirectUri}.`);
  }
  if (error === 'invalid_scope') {
    return new CrmError('rejected', `The app does not allow the access Baton asks for (${said}). In ${app} → OAuth Settings, add the scopes "Manage user data via APIs (api)" and "Perform requests at any time (refresh_token, offline_access)".`);
  }
  if (error === 'access_denied') {
    return new CrmError('auth', `The Salesforce sign-in was refused or cancelled (${said}). Connect again and choose Allow; if Salesforce says the user is not approved, pre-authorise them in ${app} through a profile or permission set.`);
  }
  if (error === 'invalid_grant') {
    return new CrmError('auth', `Salesforce did not accept Baton's sign-in for ${where.host} (${said}). Connect Salesforce again in Baton's options.`);
  }
  return new CrmError('rejected', `Salesforce refused the sign-in to ${where.host} (${said}).`);
}

/** What `launchWebAuthFlow` throws, in words. */
export function webAuthFlowError(cause: unknown, where: OAuthErrorContext): CrmError {
  const message = cause instanceof Error ? cause.message : String(cause);
  if (/did not approve|user cancel|closed/i.test(message)) {
    return new CrmError('auth', 'The Salesforce sign-in window was closed before it finished. Click Connect again and sign in.', { cause });
  }
  if (/could not be loaded/i.test(message)) {
    return new CrmError('network', `Salesforce's sign-in page at ${where.host} could not be loaded. Check the My Domain (Setup → My Domain) and the network, then connect again.`, { cause });
  }
  return new CrmError('auth', `The Salesforce sign-in did not finish (${message}).`, { cause });
}
