import type { ManagedSignIn } from '../crm-provider';
import { salesforceApiHost } from './salesforce-api-host';
import { checkedOrFirstError, isConsumerKey, normalizeMyDomain, readCredentialRequest } from './salesforce-credential-input';

/*
 * What Baton signs in with when the admin connects an org, under IT's policy (storage.managed):
 * the org (its My Domain), the External Client App (its consumer key) and the sign-in page IT set
 * are used whatever the options page sent. A request that names another is refused before any
 * sign-in window opens, and a sign-in that ends in another org (Salesforce's generic login page
 * lets the user sign in to any org) is refused before anything is stored. With nothing set by
 * policy, the request is used as sent: the sign-in runs on the My Domain the admin entered.
 */

/** Salesforce's own login pages (production, sandboxes); an org's My Domain is a login page too. */
const GENERIC_LOGIN_HOSTS: readonly string[] = ['login.salesforce.com', 'test.salesforce.com'];

const ONLY_IT = 'Only your IT administrator can change it.';
const ASK_IT = 'Ask your IT administrator to correct it.';

export interface SalesforceSignInPlan {
  /** Where the authorize page and the token endpoint are: the org's My Domain, or the login page IT set. */
  signInHost: string;
  consumerKey: string;
  /** The org's My Domain (its API host) Baton connects to. */
  myDomain: string;
  /** The org the signed-in user must be in; null: signing in on the org's own My Domain decides it. */
  requiredOrg: { host: string; setByPolicy: boolean } | null;
}

/** A login page IT may set: Salesforce's own, or an org's My Domain (as its API host); null: neither. */
function loginPageHost(host: string): string | null {
  const lower = host.trim().toLowerCase();
  return GENERIC_LOGIN_HOSTS.includes(lower) ? lower : salesforceApiHost(lower);
}

/**
 * The My Domain the options page shows locked and sends: the sign-in page IT set when it is an
 * org's My Domain, else the org IT set; null when the policy sets neither (the admin types it).
 */
export function managedMyDomain(managed: ManagedSignIn): string | null {
  if (managed.loginHost !== null && salesforceApiHost(managed.loginHost.trim()) !== null) return managed.loginHost;
  return managed.account;
}

/** Salesforce's own login page when IT set one (the options page says so); null: none, or the org's My Domain. */
export function managedGenericLoginPage(managed: ManagedSignIn): string | null {
  const host = managed.loginHost?.trim().toLowerCase() ?? null;
  return host !== null && GENERIC_LOGIN_HOSTS.includes(host) ? host : null;
}

/** Shortened for a message: enough to tell two keys apart, not the whole (public) key. */
const keyHint = (key: string) => `${key.slice(0, 8)}…${key.slice(-4)}`;

/**
 * What the sign-in uses for the request the options page sent (JSON, salesforce-credential-input.ts)
 * under what the policy fixes; the refusal's words when the request names another org, app or
 * sign-in page than IT set, or when IT's value is not one Baton can use.
 */
export function planSalesforceSignIn(secret: string, managed: ManagedSignIn): SalesforceSignInPlan | { error: string } {
  const request = readCredentialRequest(secret);
  if ('error' in request) return request;

  // IT's values first: one Baton cannot use is IT's to correct, whatever the page sent.
  const policyOrg = managed.account === null ? null : normalizeMyDomain(managed.account);
  if (managed.account !== null && policyOrg === null) {
    return { error: `Your organisation's policy names the Salesforce org "${managed.account}", which is not a My Domain such as acme.my.salesforce.com. ${ASK_IT}` };
  }
  const policyLogin = managed.loginHost === null ? null : loginPageHost(managed.loginHost);
  if (managed.loginHost !== null && policyLogin === null) {
    return { error: `Your organisation's policy names "${managed.loginHost}" as the Salesforce sign-in page, which is not one: it is login.salesforce.com, test.salesforce.com or the org's My Domain. ${ASK_IT}` };
  }
  const policyKey = managed.consumerKey?.trim() ?? null;
  if (policyKey !== null && !isConsumerKey(policyKey)) {
    return { error: `Your organisation's policy sets a consumer key that is not one: it is one word of at least 20 letters and digits, often starting with 3MVG. ${ASK_IT}` };
  }

  // What the page sent, held against what IT set: left blank, IT's value is used; another is refused.
  // The page sends the sign-in page when it is a My Domain (that is the one it shows), else the org.
  const fixedDomains = [policyOrg, policyLogin !== null && !GENERIC_LOGIN_HOSTS.includes(policyLogin) ? policyLogin : null].filter((host): host is string => host !== null);
  const sentDomain = request.myDomain.trim();
  if (sentDomain && fixedDomains.length && !fixedDomains.includes(normalizeMyDomain(sentDomain) ?? '')) {
    return { error: policyOrg ? `Your organisation set the Salesforce org Baton connects to: ${policyOrg}. ${ONLY_IT}` : `Your organisation set the Salesforce sign-in page Baton uses: ${policyLogin}. ${ONLY_IT}` };
  }
  const sentKey = request.consumerKey.trim();
  if (policyKey !== null && sentKey && sentKey !== policyKey) {
    return { error: `Your organisation set the External Client App Baton signs in with (consumer key ${keyHint(policyKey)}). ${ONLY_IT}` };
  }

  const checked = checkedOrFirstError({ myDomain: sentDomain || (fixedDomains[0] ?? ''), consumerKey: policyKey ?? sentKey });
  if ('error' in checked) return checked;
  const myDomain = policyOrg ?? checked.myDomain;
  const signInHost = policyLogin ?? myDomain;
  const requiredOrg = policyOrg ? { host: policyOrg, setByPolicy: true } : signInHost !== myDomain ? { host: myDomain, setByPolicy: false } : null;
  return { signInHost, consumerKey: checked.consumerKey, myDomain, requiredOrg };
}

/**
 * The refusal's words when the sign-in ended in another org than the plan requires (the token
 * answer's `instance_url` names the org's My Domain); null: the right org.
 */
export function otherOrgRefusal(plan: SalesforceSignInPlan, instanceUrl: string): string | null {
  const required = plan.requiredOrg;
  if (!required) return null;
  let answered: string | null = null;
  try {
    answered = salesforceApiHost(new URL(instanceUrl).hostname);
  } catch {
    answered = null;
  }
  if (answered === required.host) return null;
  // Signed in on the org's own My Domain: that is the org, even when the answer names no My Domain.
  if (answered === null && plan.signInHost === required.host) return null;
  const where = answered ? `the Salesforce org ${answered}` : 'a Salesforce org Baton cannot name';
  return required.setByPolicy
    ? `You signed in to ${where}, but your organisation set the Salesforce org Baton connects to: ${required.host}. Sign in as a user of ${required.host}; only your IT administrator can change the org.`
    : `You signed in to ${where}, not to ${required.host}. Sign in as a user of ${required.host}${answered ? `, or enter ${answered} as the My Domain` : ''}.`;
}
