/**
 * The running copy of the content script keeps its stop switch (an AbortController) under this
 * global in Baton's isolated world of the CRM page: the page's own scripts can neither see nor
 * forge it (unlike WXT's "content script started" DOM event, which a page can dispatch:
 * test/e2e/forged-messages.spec.ts). A copy that starts stops the one before it, so a tab never
 * runs two: the background injects the script into the open CRM tabs when the rep docks the panel
 * again or Baton is installed or updated, where a registered copy may also run, or an orphaned
 * one from before an update (lib/background/content-script-registration.ts).
 */
export const LIVE_SCRIPT_GLOBAL = 'batonCrmScript';
