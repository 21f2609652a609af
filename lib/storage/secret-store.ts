import { createKeyValueStore } from './idb-key-value';

/**
 * Secrets (each CRM provider's credential) live in the extension origin's IndexedDB. Content
 * scripts run in the CRM page's origin, so unlike chrome.storage.local they cannot read it; and it
 * survives browser restarts, unlike chrome.storage.session.
 */
export type SecretName = `${string}-token`;

/** Where a provider's credential is kept (the name earlier releases used for HubSpot's token too). */
export function credentialSecretName(providerKind: string): SecretName {
  return `${providerKind}-token`;
}

const secrets = createKeyValueStore({ dbName: 'baton-secrets', storeName: 'secrets' });

export async function readSecret(name: SecretName): Promise<string | null> {
  const value = await secrets.get(name);
  return typeof value === 'string' && value.length > 0 ? value : null;
}

export const writeSecret = (name: SecretName, value: string): Promise<void> => secrets.put(name, value);
export const deleteSecret = (name: SecretName): Promise<void> => secrets.delete(name);
