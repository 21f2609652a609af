import { z } from 'zod';
import { salesforceApiHost } from './salesforce-api-host';

/*
 * What the admin enters to connect an org: its My Domain and the External Client App's consumer
 * key (no secret). The options page sends it to the background as one JSON string
 * `{"myDomain":"acme.my.salesforce.com","consumerKey":"3MVG…"}`; both sides read it here, so the
 * form's field errors are the background's.
 */

export interface SalesforceCredentialInput {
  /** The org's API host, e.g. `acme.my.salesforce.com`. */
  myDomain: string;
  consumerKey: string;
}

export type CredentialFieldErrors = Partial<Record<keyof SalesforceCredentialInput, string>>;

const CONSUMER_KEY = /^[A-Za-z0-9._~-]{20,256}$/;

/**
 * `acme`, `acme.my.salesforce.com`, `https://acme.lightning.force.com/lightning/page/home` or a
 * sandbox's or partitioned org's host → the API host; null when it is not an org's My Domain.
 */
export function normalizeMyDomain(input: string): string | null {
  let host = input.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/[/?#].*$/, '');
  if (/^[a-z0-9][a-z0-9-]*$/.test(host)) host = `${host}.my.salesforce.com`;
  return salesforceApiHost(host);
}

export function checkCredentialInput(raw: { myDomain: string; consumerKey: string }): { value: SalesforceCredentialInput | null; errors: CredentialFieldErrors } {
  const errors: CredentialFieldErrors = {};
  const myDomain = normalizeMyDomain(raw.myDomain);
  if (!raw.myDomain.trim()) errors.myDomain = "Enter the org's My Domain (Setup → My Domain), e.g. acme.my.salesforce.com.";
  else if (!myDomain) errors.myDomain = 'This is not a My Domain: it looks like acme.my.salesforce.com, acme--uat.sandbox.my.salesforce.com or acme.lightning.force.com.';
  const consumerKey = raw.consumerKey.trim();
  if (!consumerKey) errors.consumerKey = "Paste the External Client App's Consumer Key (OAuth Settings).";
  else if (!CONSUMER_KEY.test(consumerKey)) errors.consumerKey = 'A consumer key is one word of at least 20 letters, digits, dots and underscores (it often starts with 3MVG), with no spaces.';
  return { value: myDomain && !errors.consumerKey ? { myDomain, consumerKey } : null, errors };
}

export function encodeCredentialInput(input: SalesforceCredentialInput): string {
  return JSON.stringify({ myDomain: input.myDomain, consumerKey: input.consumerKey });
}

const wireSchema = z.object({ myDomain: z.string(), consumerKey: z.string() });

const NOT_A_REQUEST = "Baton expected the org's My Domain and the app's consumer key.";

/** What the options page sent, as typed (unchecked); an error's words when it is not that shape. */
export function readCredentialRequest(secret: string): { myDomain: string; consumerKey: string } | { error: string } {
  let json: unknown;
  try {
    json = JSON.parse(secret);
  } catch {
    return { error: NOT_A_REQUEST };
  }
  const wire = wireSchema.safeParse(json);
  return wire.success ? wire.data : { error: NOT_A_REQUEST };
}

/** The fields' check, as one result: the input, or the first error's words. */
export function checkedOrFirstError(raw: { myDomain: string; consumerKey: string }): SalesforceCredentialInput | { error: string } {
  const { value, errors } = checkCredentialInput(raw);
  return value ?? { error: errors.myDomain ?? errors.consumerKey ?? 'The connection details are not usable.' };
}

/** The background's reading of what the options page sent; the first error's words when it is not usable. */
export function decodeCredentialInput(secret: string): SalesforceCredentialInput | { error: string } {
  const raw = readCredentialRequest(secret);
  return 'error' in raw ? raw : checkedOrFirstError(raw);
}

/** Whether a value has a consumer key's shape (one word, 20–256 characters). */
export function isConsumerKey(value: string): boolean {
  return CONSUMER_KEY.test(value.trim());
}
