import { EMPTY_PROVIDER_STATE, type ConnectionSettings } from './connection-settings';
import type { ManagedEngagementSource, ManagedPolicy } from './managed-policy-parse';

/*
 * Managed values over local ones. Pure, and generic over the settings' shape: only the fields a
 * policy names are replaced, everything else (other providers' state, settings other parts of
 * Baton keep in the same record) passes through untouched. Never written back: the local record
 * keeps what the admin chose, so removing the policy brings it back.
 */

/** The connection settings Baton uses: the stored ones with the policy's values on top. */
export function applyManagedConnection<S extends ConnectionSettings>(settings: S, policy: ManagedPolicy): S {
  const provider = policy.provider ?? settings.provider;
  let next: S = { ...settings, provider };
  if (policy.address?.kind === 'vendor') next = { ...next, address: 'vendor' };
  else if (policy.address?.kind === 'sandbox') next = { ...next, address: 'sandbox', sandboxUrl: policy.address.baseUrl };
  if (policy.account !== null && policy.provider !== null) {
    const state = settings.providers[policy.provider] ?? EMPTY_PROVIDER_STATE;
    next = { ...next, providers: { ...settings.providers, [policy.provider]: { ...state, account: policy.account } } };
  }
  return next;
}

/** The credential the policy gives this provider (its service key), used instead of a stored one. */
export function managedCredential(policy: ManagedPolicy, providerKind: string): string | null {
  return policy.provider === providerKind ? policy.serviceKey : null;
}

/**
 * An engagement source's settings from the policy (null: the policy sets none for this source),
 * by the names the source stores them under, so they go over the stored ones as they are:
 * `{ ...stored, ...managedEngagementSource(policy, kind) }`. Only the values set are present.
 */
export function managedEngagementSource(policy: ManagedPolicy, sourceKind: string): ManagedEngagementSource | null {
  const source = policy.engagementSources[sourceKind];
  return source && Object.keys(source).length ? source : null;
}

/** What the options page locks: the parts of the connection the policy sets. */
export interface ManagedConnectionFields {
  provider: boolean;
  address: boolean;
  account: boolean;
  consumerKey: boolean;
  loginHost: boolean;
  credential: boolean;
}

export function managedConnectionFields(policy: ManagedPolicy): ManagedConnectionFields {
  return {
    provider: policy.provider !== null,
    address: policy.address !== null,
    account: policy.account !== null,
    consumerKey: policy.consumerKey !== null,
    loginHost: policy.loginHost !== null,
    credential: policy.serviceKey !== null,
  };
}
