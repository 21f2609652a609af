import type { ProviderConnectionState, ProviderContext, WriteRules } from '../../../lib/crm/crm-provider';

/** Placeholder write rules for tests that never write a disposition (the mapping and reasons are not real ones). */
export const NO_WRITE_RULES: WriteRules = { mapping: { version: 1 } as never, reasons: [] as never, timeZone: 'UTC' };

/**
 * What a CRM provider gets from the background, kept in memory: its slice of the settings and
 * its secret (both readable by the test afterwards), the admin's write rules, a fetch and a clock.
 * Defaults: a demo build, nothing stored yet, no write rules, the real fetch and clock.
 */
export function inMemoryProviderContext(
  options: { demoBuild?: boolean; state?: ProviderConnectionState; secret?: string | null; rules?: WriteRules; fetch?: typeof fetch; now?: () => number } = {},
) {
  let state: ProviderConnectionState = options.state ?? { account: null, credential: null };
  let secret: string | null = options.secret ?? null;
  const context: ProviderContext = {
    demoBuild: options.demoBuild ?? true,
    readState: async () => state,
    writeState: async (next) => void (state = next),
    readSecret: async () => secret,
    writeSecret: async (value) => void (secret = value),
    deleteSecret: async () => void (secret = null),
    readWriteRules: async () => options.rules ?? NO_WRITE_RULES,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    now: options.now ?? (() => Date.now()),
  };
  return { context, state: () => state, secret: () => secret };
}
