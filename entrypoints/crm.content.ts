import { browser } from 'wxt/browser';
import { CRM_PAGE_READERS } from '../lib/crm/page-readers';
import { readLeadPage } from '../lib/crm/pages/read-lead-page';
import { isSameLeadPage, type LeadPage } from '../lib/crm/pages/lead-page';
import { PANEL_DOCK_KEY, PANEL_NAVIGATE_MESSAGE, PANEL_PLACEMENT_KEY, PANEL_TOGGLE_MESSAGE, PANEL_WIDTH_PX, SIDE_PANEL_PLACEMENT } from '../lib/messaging/panel-frame';
import { mountPanelShell, type DockPrefs, type PanelShell } from '../lib/panel-host/panel-shell';

/**
 * The only code Baton runs inside the CRM page. It knows which pages are lead records and docks
 * the panel beside them — nothing else: no tokens, no lead data (those stay in the background and
 * the extension-origin iframe). When the rep chose the browser's side panel (options page), it
 * reads that one setting and stays idle: no element, no timer. Budget: <= 4 kB gzip, <= 10 ms of
 * main-thread script (DESIGN.md).
 */
const DEMO = import.meta.env.MODE === 'demo';
const CRM_MATCHES = CRM_PAGE_READERS.flatMap((reader) => reader.pageMatches);
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
  matches: DEMO ? [...CRM_MATCHES, 'http://127.0.0.1/*', 'http://localhost/*'] : CRM_MATCHES,
  runAt: 'document_idle',
  // WXT would otherwise window.postMessage '<extension id>:crm:wxt:content-script-started' to the
  // page on every load, announcing Baton's id to any script there (test/e2e/forged-messages.spec.ts).
  noScriptStartedPostMessage: true,
  async main() {
    const env = { sandbox: DEMO };
    const store = browser.storage.local;
    let current: LeadPage | null = null;
    let shell: PanelShell | null = null;
    let lastHref = '';
    let refitTicks = 0;
    let timer: ReturnType<typeof setInterval> | undefined;
    const stored = await store.get([PANEL_PLACEMENT_KEY, PANEL_DOCK_KEY]);
    let inPage = stored[PANEL_PLACEMENT_KEY] !== SIDE_PANEL_PLACEMENT;
    const prefs = readDockPrefs(stored[PANEL_DOCK_KEY]);

    const unmount = () => {
      shell?.remove();
      shell = current = null;
    };

    const check = () => {
      const href = location.href;
      if (refitTicks > 0) {
        refitTicks--;
        shell?.refit();
      }
      if (href === lastHref) return;
      lastHref = href;
      const page = readLeadPage(href, env);
      if (!page) return unmount();
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

    const start = () => {
      lastHref = '';
      check();
      // CRMs are single-page apps. The Navigation API reports pushState/replaceState/popstate in
      // Chromium; the slow poll is a fallback for anything it misses (e.g. hash-only routers).
      timer ??= setInterval(check, 1000);
    };
    const stop = () => {
      clearInterval(timer);
      timer = undefined;
      unmount();
    };

    const nav = (globalThis as { navigation?: EventTarget }).navigation;
    const onNavigate = () => inPage && check();
    nav?.addEventListener('currententrychange', onNavigate);
    addEventListener('popstate', onNavigate);
    // The rep switches between "beside the page" and "the browser's side panel" in the options.
    browser.storage.onChanged.addListener((changes, area) => {
      const change = changes[PANEL_PLACEMENT_KEY];
      if (area !== 'local' || !change) return;
      inPage = change.newValue !== SIDE_PANEL_PLACEMENT;
      if (inPage) start();
      else stop();
    });
    // The keyboard shortcut (manifest `commands`) arrives from the background, never from the page.
    browser.runtime.onMessage.addListener((message: unknown) => {
      if ((message as { type?: unknown } | null)?.type === PANEL_TOGGLE_MESSAGE) shell?.shortcut();
    });
    if (inPage) start();
  },
});
