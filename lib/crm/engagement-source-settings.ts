import { z } from 'zod';

/**
 * The engagement sources' public settings (REST endpoint, client id, business unit...), by source
 * kind, stored as an optional, versioned part of the connection settings. Secrets are not here:
 * the background keeps them (secret-store.ts). Each source validates its own part when it reads it,
 * so a source's malformed settings never fail another's or the CRM connection.
 */
export const engagementSourceSettingsSchema = z.object({
  version: z.literal(1),
  sources: z.record(z.string(), z.record(z.string(), z.string())),
});
export type EngagementSourceSettings = z.infer<typeof engagementSourceSettingsSchema>;

export const EMPTY_ENGAGEMENT_SOURCE_SETTINGS: EngagementSourceSettings = { version: 1, sources: {} };

/** One source's settings, or null when the admin has not set it up. */
export function sourceSettingsOf(settings: EngagementSourceSettings | undefined, kind: string): Record<string, string> | null {
  return settings?.sources[kind] ?? null;
}

/** The settings with one source's part replaced (null: removed). */
export function withSourceSettings(settings: EngagementSourceSettings | undefined, kind: string, value: Record<string, string> | null): EngagementSourceSettings {
  const sources = { ...(settings?.sources ?? {}) };
  if (value === null) delete sources[kind];
  else sources[kind] = value;
  return { version: 1, sources };
}
