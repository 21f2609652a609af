import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { hubSpotTokenKindSchema } from '../crm/hubspot/token-kind';

/**
 * Which CRM Baton talks to. Non-secret, so it lives in a versioned WXT storage item; the HubSpot
 * token itself is kept by the background in IndexedDB (secret-store.ts), out of reach of content
 * scripts (chrome.storage.local is readable by them).
 */
export const connectionSettingsSchema = z.object({
  kind: z.enum(['sandbox', 'hubspot']),
  /** Where the sandbox CRM runs (demo builds). */
  sandboxUrl: z.url({ protocol: /^http$/, hostname: /^(127\.0\.0\.1|localhost)$/ }),
  /** HubSpot portal the token belongs to, once a connection test has told us. */
  hubspotPortalId: z.string().nullable(),
  /**
   * The stored HubSpot token's kind (from its shape, when saved) and expiry (epoch ms, from the
   * last connection check; null when HubSpot reports none or nobody checked yet). Kept so the
   * background can warn the rep in the panel before the connection stops working, without asking
   * HubSpot on every lead view. Not secret: the token itself stays in secret-store.ts. Defaults
   * to null so settings stored before Baton kept it still parse.
   */
  hubspotToken: z.object({ kind: hubSpotTokenKindSchema, expiresAt: z.number().nullable() }).nullable().default(null),
});
export type ConnectionSettings = z.infer<typeof connectionSettingsSchema>;

export const DEFAULT_SANDBOX_URL = 'http://127.0.0.1:4477';

export function defaultConnectionSettings(demoBuild: boolean): ConnectionSettings {
  return { kind: demoBuild ? 'sandbox' : 'hubspot', sandboxUrl: DEFAULT_SANDBOX_URL, hubspotPortalId: null, hubspotToken: null };
}

export const connectionSettingsItem = storage.defineItem<ConnectionSettings>('local:connection', {
  version: 1,
  fallback: defaultConnectionSettings(import.meta.env.MODE === 'demo'),
});

/** Storage reads are a boundary too: anything malformed falls back to defaults, loudly. */
export async function readConnectionSettings(): Promise<ConnectionSettings> {
  const raw = await connectionSettingsItem.getValue();
  const parsed = connectionSettingsSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  console.warn('Baton: stored connection settings are invalid; using defaults.', parsed.error.issues);
  return defaultConnectionSettings(import.meta.env.MODE === 'demo');
}

export async function writeConnectionSettings(settings: ConnectionSettings): Promise<void> {
  await connectionSettingsItem.setValue(connectionSettingsSchema.parse(settings));
}
