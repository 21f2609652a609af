import { browser } from 'wxt/browser';
import { readLeadPage } from '../lib/crm/pages/read-lead-page';
import { isSameLeadPage, type LeadPage } from '../lib/crm/pages/lead-page';
import { PANEL_DOCK_KEY, PANEL_NAVIGATE_MESSAGE, PANEL_PLACEMENT_KEY, PANEL_TOGGLE_MESSAGE, PANEL_WIDTH_PX, SIDE_PANEL_PLACEMENT } from '../lib/messaging/panel-frame';
import { mountPanelShell, type DockPrefs, type PanelShell } from '../lib/panel-host/panel-shell';
import { LIVE_SCRIPT_GLOBAL } from '../lib/panel-host/live-script';

/**
 * The only code Baton runs inside the CRM page. It knows which pages are lead records and docks
 * the panel beside them — nothing else: no tokens, no lead data (those stay in the background and
 * the extension-origin iframe). Budget: <= 4 kB gzip, <= 10 ms of main-thread script (DESIGN.md).
 *
 * Registered at runtime, and only while the panel is docked (lib/background/content-script-registration.ts):
 * when the rep chooses the browser's side panel, no CRM page loads this script at all, and the
 * copies already running take their panel away and stop. Switching back, the background injects
 * a copy into the open CRM tabs. So there are no match patterns here: the background holds them.
 *
 * Stopping is Baton's own (lib/panel-host/live-script.ts), not WXT's context: a page can dispatch
 * the DOM event that invalidates a WXT context, and must not be able to take the panel away.
 */
const DEMO = import.meta.env.MODE === 'demo';
/** After mounting or navigating, the CRM may still be drawing its chrome: look again for a few ticks. */
const REFIT_TICKS = 5;

/** chrome.storage is a boundary, but zod does not fit the budget: accept only the exact shape. */
function readDockPrefs(raw: unknown): DockPrefs {
  const value = raw as Partial<DockPrefs> | null | undefined;
  return {
    collapsed: value?.collapsed === true,
    // Not a number: the default. Out of range: the panel clamps it.
    width: Number(value?.width) || PANEL_WIDTH_PX,
  };
}

export default defineContentScript({
  registration: 'runtime',
  runAt: 'document_idle',
  // WXT would otherwise window.postMessage '<extension id>:crm:wxt:content-script-started' to the
  // page on every load, announcing Baton's id to any script there (test/e2e/forged-messages.spec.ts).
  noScriptStartedPostMessage: true,
  async main() {
    // One copy per tab, the newest: the registered copy and an injected one may both start here,
    // and a copy left by an earlier install of Baton (orphaned by an update) must take its panel away.
    const scope = globalThis as unknown as Record<string, AbortController | undefined>;
    scope[LIVE_SCRIPT_GLOBAL]?.abort();
    const stopped = (scope[LIVE_SCRIPT_GLOBAL] = new AbortController());
    const stop = () => stopped.abort();
    const env = { sandbox: DEMO };
    const store = browser.storage.local;
    let current: LeadPage | null = null;
    let shell: PanelShell | null = null;
    let lastHref = '';
    let refitTicks = 0;
    // The rep switches to the browser's side panel (options page): take the panel away and stop.
    // Listening before the first read, so a switch while this page loads is not missed either.
    const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && changes[PANEL_PLACEMENT_KEY]?.newValue === SIDE_PANEL_PLACEMENT) stop();
    };
    browser.storage.onChanged.addListener(onStorage);
    const stored = await store.get([PANEL_PLACEMENT_KEY, PANEL_DOCK_KEY]);
    // The rep chose the side panel before this page loaded (and the background had not yet unregistered the script).
    if (stopped.signal.aborted || stored[PANEL_PLACEMENT_KEY] === SIDE_PANEL_PLACEMENT) return stop();
    const prefs = readDockPrefs(stored[PANEL_DOCK_KEY]);

    const check = () => {
      const href = location.href;
      if (refitTicks > 0) {
        refitTicks--;
        shell?.refit();
      }
      if (href === lastHref) return;
      lastHref = href;
      const page = readLeadPage(href, env);
      if (!page) {
        shell?.remove();
        shell = current = null;
        return;
      }
      refitTicks = REFIT_TICKS;
      if (isSameLeadPage(page, current)) return;
      current = page;
      if (!shell) shell = mountPanelShell(browser.runtime.getURL('/panel.html'), prefs, (next) => void store.set({ [PANEL_DOCK_KEY]: next }));
      // Re-target: the panel asks the background for the lead, which derives it from the tab URL.
      // This message is only a nudge to refetch and carries no data, so a page forging it can do no
      // harm, and "*" is safe: with use_dynamic_url the frame's origin is a per-session alias that
      // runtime.getURL does not report, so a specific target origin would never match.
      else shell.frame.contentWindow?.postMessage({ type: PANEL_NAVIGATE_MESSAGE }, '*');
    };

    // The keyboard shortcut (manifest `commands`) arrives from the background, never from the page.
    const onMessage = (message: unknown) => {
      if ((message as { type?: unknown } | null)?.type === PANEL_TOGGLE_MESSAGE) shell?.shortcut();
    };
    // CRMs are single-page apps. The Navigation API reports pushState/replaceState/popstate in
    // Chromium; the slow poll is a fallback for anything it misses (e.g. hash-only routers).
    const timer = setInterval(check, 1000);
    (globalThis as { navigation?: EventTarget }).navigation?.addEventListener('currententrychange', check, { signal: stopped.signal });
    browser.runtime.onMessage.addListener(onMessage);
    // Stopped by the side-panel switch or by a newer copy: the panel goes, and with no shell and no
    // timer the two extension-event listeners left have nothing to act on.
    stopped.signal.onabort = () => {
      clearInterval(timer);
      shell?.remove();
      shell = null;
    };
    check();
  },
});
