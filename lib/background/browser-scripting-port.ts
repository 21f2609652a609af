import { browser } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import type { ScriptingPort } from './content-script-registration';

/**
 * chrome.scripting and chrome.tabs for lib/background/content-script-registration.ts (manifest
 * permission `scripting`; the CRM pages are host permissions, which both injecting into a tab and
 * reading its address need).
 */
export function browserScriptingPort(): ScriptingPort {
  return {
    async registered(id) {
      const [script] = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
      return script ?? null;
    },
    async register(script) {
      await browser.scripting.registerContentScripts([script]);
    },
    async unregister(id) {
      await browser.scripting.unregisterContentScripts({ ids: [id] });
    },
    async openTabs(matches) {
      const tabs = await browser.tabs.query({ url: [...matches] });
      return tabs.flatMap((tab) => (tab.id === undefined ? [] : [tab.id]));
    },
    async inject(tabId, file) {
      await browser.scripting.executeScript({ target: { tabId }, files: [file as ScriptPublicPath] });
    },
  };
}
