/**
 * The global under which a running copy of the content script keeps its WXT context, in Baton's
 * isolated world of the CRM page (the page's own scripts cannot see it). The background probes it
 * (scripting.executeScript runs in the same world) before injecting the script into an open tab,
 * so a tab never runs two copies: lib/background/content-script-registration.ts.
 */
export const LIVE_SCRIPT_GLOBAL = 'batonCrmScript';

/** Runs in the CRM page's isolated world (serialised by executeScript: it must use nothing from outside). */
export function isScriptLiveHere(key: string): boolean {
  const script = (globalThis as unknown as Record<string, { isValid?: boolean } | undefined>)[key];
  return script?.isValid === true;
}
