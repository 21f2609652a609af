import { browser, type Browser } from 'wxt/browser';
import { PANEL_TOGGLE_MESSAGE, SIDE_PANEL_PORT, SIDE_PANEL_WINDOW_PARAM, TOGGLE_PANEL_COMMAND } from '../messaging/panel-frame';
import { readPanelPlacement, watchPanelPlacement, type PanelPlacement } from '../storage/panel-placement';
import type { MessageSenderInfo } from '../messaging/background-router';
import { CRM_PAGE_READERS } from '../crm/page-readers';
import { browserScriptingPort } from './browser-scripting-port';
import { createContentScriptRegistration, crmScriptMatches } from './content-script-registration';

/**
 * The background's half of "where Baton shows" (lib/storage/panel-placement.ts):
 * - the browser's side panel is offered only in side-panel mode, and shows the lead panel page;
 * - the CRM content script is registered only while the panel is docked (content-script-registration.ts);
 * - the keyboard shortcut (manifest `commands`) opens or closes the side panel, or tells the tab's
 *   content script to show, focus or hide the docked panel;
 * - a side panel has no tab, so the lead its requests act on is the one in the active tab of the
 *   window it is open in, read from the browser (tabs.query) at each request.
 *
 * Which window a side panel is in: Chromium gives a side panel's messages no tab, frame or
 * document id, and runtime.getContexts reports its window as -1 (checked in Chromium 156). So the
 * panel page loads itself with its window id (windows.getCurrent()) in its URL before its first
 * request, and the browser reports that URL as the sender's. Only Baton's own extension pages have
 * Baton's origin; the docked panel and content scripts always come with a tab.
 */
export const SIDE_PANEL_PATH = 'panel.html';

export function startPanelPlacement(): { withSidePanelTab(sender: Browser.runtime.MessageSender): Promise<MessageSenderInfo> } {
  // Kept in memory: sidePanel.open() must run while the shortcut's user gesture is still current,
  // so the command handler cannot wait for storage first.
  let placement: PanelPlacement = 'page';
  const apply = (next: PanelPlacement) => {
    placement = next;
    void browser.sidePanel.setOptions({ path: SIDE_PANEL_PATH, enabled: next === 'side-panel' }).catch(() => {});
  };
  void readPanelPlacement().then(apply);

  // The content script, registered only while the panel is docked. Checked at every start of the
  // worker (browser start, wake); on install and update, and when the rep docks the panel again,
  // the CRM tabs already open get it too, so nobody has to reload them.
  const registration = createContentScriptRegistration({
    port: browserScriptingPort(),
    matches: crmScriptMatches(
      CRM_PAGE_READERS.flatMap((reader) => reader.pageMatches),
      import.meta.env.MODE === 'demo',
    ),
    readPlacement: readPanelPlacement,
    warn: (message, err) => console.warn(`Baton: ${message}`, err),
  });
  void registration.reconcile({ injectIntoOpenTabs: false });
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install' || reason === 'update') void registration.reconcile({ injectIntoOpenTabs: true });
  });
  watchPanelPlacement((next) => {
    apply(next);
    void registration.reconcile({ injectIntoOpenTabs: next === 'page' });
  });

  // Windows whose side panel is open: each open panel holds a port named after its window.
  const openPanels = new Map<number, number>();
  browser.runtime.onConnect.addListener((port) => {
    const windowId = port.name.startsWith(SIDE_PANEL_PORT) && port.sender && isOwnPanelPage(port.sender) ? Number(port.name.slice(SIDE_PANEL_PORT.length)) : NaN;
    if (!Number.isInteger(windowId)) return;
    openPanels.set(windowId, (openPanels.get(windowId) ?? 0) + 1);
    port.onDisconnect.addListener(() => {
      const left = (openPanels.get(windowId) ?? 1) - 1;
      if (left > 0) openPanels.set(windowId, left);
      else openPanels.delete(windowId);
    });
  });

  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== TOGGLE_PANEL_COMMAND || !tab) return;
    if (placement === 'side-panel') {
      if (openPanels.has(tab.windowId) && browser.sidePanel.close) void browser.sidePanel.close({ windowId: tab.windowId }).catch(() => {});
      else void browser.sidePanel.open({ windowId: tab.windowId }).catch((err: unknown) => console.warn('Baton: could not open the side panel', err));
    } else if (tab.id !== undefined) {
      // No content script on this tab (not a CRM page): nothing to show.
      void browser.tabs.sendMessage(tab.id, { type: PANEL_TOGGLE_MESSAGE }).catch(() => {});
    }
  });

  return {
    async withSidePanelTab(sender) {
      if (sender.tab || !isOwnPanelPage(sender)) return sender;
      const windowId = Number(new URL(sender.url!).searchParams.get(SIDE_PANEL_WINDOW_PARAM) ?? NaN);
      if (!Number.isInteger(windowId)) return sender;
      try {
        const [tab] = await browser.tabs.query({ active: true, windowId });
        return { id: sender.id, url: sender.url, tab: { url: tab?.url } };
      } catch {
        return sender; // the router then answers that it cannot tell which page the panel is for
      }
    },
  };
}

/** The lead panel page, not framed in a tab: our id, our origin (not the dynamic one of the docked frame), our path. */
function isOwnPanelPage(sender: Browser.runtime.MessageSender): boolean {
  if (sender.tab || sender.id !== browser.runtime.id || !sender.url) return false;
  const url = new URL(sender.url);
  return url.protocol === 'chrome-extension:' && url.host === browser.runtime.id && url.pathname === `/${SIDE_PANEL_PATH}`;
}
