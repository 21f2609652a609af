import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { defaultCrmDescriptor } from '../crm/crm-descriptors';
import { CRM_PROVIDERS } from '../crm/providers';
import { engagementSourceSettingsSchema } from '../crm/engagement-source-settings';
import type { CrmProvider } from '../crm/crm-provider';

/**
 * Which CRM Baton talks to, and what each provider keeps about its connection (the account its
 * credential reaches, the credential's kind and expiry), keyed by provider. Non-secret, so it
 * lives in a WXT storage item; credentials themselves are kept by the background in IndexedDB
 * (secret-store.ts), out of reach of content scripts (chrome.storage.local is readable by them).
 */
export const providerConnectionStateSchema = z.object({
  /** The account the credential reaches, once a connection check has said. */
  account: z.string().nullable(),
  /**
   * The stored credential's kind (from its shape) and expiry (epoch ms, from the last check; null
   * when the CRM reports none). Kept so the background can warn the rep before the connection
   * stops working, without asking the CRM on every lead view.
   */
  credential: z.object({ kind: z.string(), expiresAt: z.number().nullable() }).nullable(),
});

export const connectionSettingsSchema = z.object({
  /** Stored-record version: earlier releases stored one CRM's fields flat (see `readLegacyConnection`). */
  schema: z.literal(2),
  /** The provider kind Baton talks to (lib/crm/providers.ts). */
  provider: z.string().min(1),
  /** `sandbox`: the provider points at the bundled sandbox CRM (demo builds only). */
  address: z.enum(['vendor', 'sandbox']),
  /** Where the sandbox CRM runs (demo builds). */
  sandboxUrl: z.url({ protocol: /^http$/, hostname: /^(127\.0\.0\.1|localhost)$/ }),
  providers: z.record(z.string(), providerConnectionStateSchema),
  /** Marketing engagement sources' public settings (engagement-source-settings.ts): optional, versioned; a malformed part is dropped, never the connection. */
  engagementSources: engagementSourceSettingsSchema.optional().catch(undefined),
});
export type ConnectionSettings = z.infer<typeof connectionSettingsSchema>;
export type ProviderConnectionStateRecord = z.infer<typeof providerConnectionStateSchema>;

export const DEFAULT_SANDBOX_URL = 'http://127.0.0.1:4477';
export const EMPTY_PROVIDER_STATE: ProviderConnectionStateRecord = { account: null, credential: null };

export function defaultConnectionSettings(demoBuild: boolean): ConnectionSettings {
  return { schema: 2, provider: defaultCrmDescriptor().kind, address: demoBuild ? 'sandbox' : 'vendor', sandboxUrl: DEFAULT_SANDBOX_URL, providers: {} };
}

export function providerState(settings: ConnectionSettings, kind: string): ProviderConnectionStateRecord {
  return settings.providers[kind] ?? EMPTY_PROVIDER_STATE;
}

export const connectionSettingsItem = storage.defineItem<unknown>('local:connection', {
  fallback: null,
});

/**
 * Storage reads are a boundary too: the current shape, else a previous release's (each provider
 * reads its own legacy fields, so an upgrade keeps what a team had), else defaults, loudly.
 */
export async function readConnectionSettings(providers: readonly CrmProvider[] = CRM_PROVIDERS): Promise<ConnectionSettings> {
  const demoBuild = import.meta.env.MODE === 'demo';
  const raw = await connectionSettingsItem.getValue();
  if (raw === null || raw === undefined) return defaultConnectionSettings(demoBuild);
  const parsed = connectionSettingsSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  for (const provider of providers) {
    const migrated = provider.readLegacyConnection?.(raw);
    const valid = migrated ? connectionSettingsSchema.safeParse({ schema: 2, ...migrated }) : null;
    if (valid?.success) {
      await connectionSettingsItem.setValue(valid.data);
      return valid.data;
    }
  }
  console.warn('Baton: stored connection settings are invalid; using defaults.', parsed.error.issues);
  return defaultConnectionSettings(demoBuild);
}

export async function writeConnectionSettings(settings: ConnectionSettings): Promise<void> {
  await connectionSettingsItem.setValue(connectionSettingsSchema.parse(settings));
}
