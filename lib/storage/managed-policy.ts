import { browser } from 'wxt/browser';
import { CRM_DESCRIPTORS } from '../crm/crm-descriptors';
import { EMPTY_MANAGED_POLICY, parseManagedPolicy, type ManagedPolicyReading, type ParseManagedPolicyOptions } from './managed-policy-parse';

/*
 * The browser side of IT's policy: `storage.managed` (read-only to Baton; Chrome fills it from
 * the operating system's policy or the Admin console, validated against managed_schema.json) and
 * its changes. A browser that has no managed storage, or a policy Baton cannot read, is "nothing
 * managed" with the problem said, never a failure.
 */

function defaultOptions(): ParseManagedPolicyOptions {
  return { demoBuild: import.meta.env.MODE === 'demo', providerKinds: CRM_DESCRIPTORS.map((d) => d.kind) };
}

export async function readManagedPolicy(options: ParseManagedPolicyOptions = defaultOptions()): Promise<ManagedPolicyReading> {
  let raw: unknown;
  try {
    raw = await browser.storage.managed.get(null);
  } catch (err) {
    // Firefox without a policy file, or a browser with no managed storage at all.
    console.warn('Baton: no managed storage to read policy from.', err);
    return { policy: EMPTY_MANAGED_POLICY, problems: [] };
  }
  const reading = parseManagedPolicy(raw, options);
  if (reading.problems.length) console.warn('Baton: policy values that cannot be used (shown in the options page):', reading.problems);
  return reading;
}

/** Calls `onChange` whenever IT's policy changes (Chrome re-reads policy while it runs). Returns the unsubscribe. */
export function watchManagedPolicy(onChange: () => void): () => void {
  const listener = (_changes: unknown, area: string) => {
    if (area === 'managed') onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/**
 * The policy, read once and kept until it changes (the background reads it on every connection
 * use). A failed read is not kept.
 */
export function createManagedPolicyCache(read: () => Promise<ManagedPolicyReading> = () => readManagedPolicy(), watch: (onChange: () => void) => void = watchManagedPolicy) {
  let current: Promise<ManagedPolicyReading> | null = null;
  watch(() => {
    current = null;
  });
  return {
    read(): Promise<ManagedPolicyReading> {
      current ??= read().catch((err: unknown) => {
        current = null;
        throw err;
      });
      return current;
    },
  };
}
