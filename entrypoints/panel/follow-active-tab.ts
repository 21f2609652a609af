import { browser } from 'wxt/browser';
import { SIDE_PANEL_PORT, SIDE_PANEL_WINDOW_PARAM } from '../../lib/messaging/panel-frame';

/**
 * In the browser's side panel the lead panel has no tab of its own: it shows the lead of the
 * active tab in its window. Before its first request it loads itself with that window's id in its
 * URL, which the browser reports with every message it sends, so the background reads the right tab
 * (lib/background/panel-placement-host.ts). A port named after the window tells the background the
 * panel is open (for the shortcut to close it). Switching tabs, loading a page or a single-page CRM
 * changing its URL (tabs.onUpdated reports pushState for hosts Baton has permission for) tells the
 * panel to ask again.
 */
export async function followActiveTab(onChange: () => void): Promise<void> {
  const { id: windowId } = await browser.windows.getCurrent();
  const url = new URL(location.href);
  if (url.searchParams.get(SIDE_PANEL_WINDOW_PARAM) !== String(windowId)) {
    // The browser reports the URL the document was loaded with (history.replaceState does not
    // change it), so load again, once per opening of the panel, with the window in the URL.
    url.searchParams.set(SIDE_PANEL_WINDOW_PARAM, String(windowId));
    location.replace(url.href);
    return new Promise<void>(() => {});
  }
  // The background's service worker may be stopped when idle, which closes the port: connect
  // again (that starts the worker again), so it knows the panel is open.
  const connect = () => browser.runtime.connect({ name: `${SIDE_PANEL_PORT}${windowId}` }).onDisconnect.addListener(connect);
  connect();
  browser.tabs.onActivated.addListener((info) => {
    if (info.windowId === windowId) onChange();
  });
  browser.tabs.onUpdated.addListener((_tabId, change, tab) => {
    if (tab.windowId === windowId && tab.active && change.url !== undefined) onChange();
  });
}
