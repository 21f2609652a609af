import { browser } from 'wxt/browser';
import { CRM_PAGE_READERS } from '../lib/crm/page-readers';
import { readLeadPage } from '../lib/crm/pages/read-lead-page';
import { isSameLeadPage, type LeadPage } from '../lib/crm/pages/lead-page';
import { PANEL_FRAME_TITLE, PANEL_NAVIGATE_MESSAGE, PANEL_WIDTH_PX } from '../lib/messaging/panel-frame';

/**
 * The only code Baton runs inside the CRM page. It knows which pages are lead records and where
 * the panel goes — nothing else: no tokens, no lead data (those stay in the background and the
 * extension-origin iframe). Budget: <= 4 kB gzip, <= 10 ms of main-thread script (DESIGN.md).
 */
const DEMO = import.meta.env.MODE === 'demo';
const CRM_MATCHES = CRM_PAGE_READERS.flatMap((reader) => reader.pageMatches);

export default defineContentScript({
  matches: DEMO ? [...CRM_MATCHES, 'http://127.0.0.1/*', 'http://localhost/*'] : CRM_MATCHES,
  runAt: 'document_idle',
  main() {
    const env = { sandbox: DEMO };
    const panelUrl = browser.runtime.getURL('/panel.html');
    let current: LeadPage | null = null;
    let host: HTMLElement | null = null;
    let frame: HTMLIFrameElement | null = null;
    let lastHref = '';

    const mount = () => {
      host = document.createElement('baton-panel');
      // The shadow root keeps the CRM's CSS off our two elements. It is open on purpose: it is not
      // a security boundary (the extension-origin iframe is), and an open root lets assistive tech
      // and test tooling reach the panel like any other part of the page.
      const root = host.attachShadow({ mode: 'open' });
      root.innerHTML =
        `<style>:host{all:initial;position:fixed;top:0;right:0;height:100vh;z-index:2147483646;display:flex;align-items:flex-start}` +
        `button{all:unset;cursor:pointer;margin-top:72px;padding:10px 6px;background:#1e293b;color:#fff;font:600 12px system-ui,sans-serif;` +
        `border-radius:6px 0 0 6px;writing-mode:vertical-rl}button:focus-visible{outline:3px solid #f59e0b}` +
        `iframe{border:0;border-left:1px solid #cbd5e1;width:${PANEL_WIDTH_PX}px;height:100vh;background:#fff;box-shadow:-4px 0 16px rgb(15 23 42/.12)}` +
        `:host(.c) iframe{display:none}</style><button type="button" aria-expanded="true" aria-label="Collapse Baton panel">Baton</button>`;
      const toggle = root.querySelector('button')!;
      frame = document.createElement('iframe');
      frame.title = PANEL_FRAME_TITLE;
      frame.src = panelUrl;
      root.append(frame);
      toggle.addEventListener('click', () => {
        const collapsed = root.host.classList.toggle('c');
        toggle.setAttribute('aria-expanded', String(!collapsed));
        toggle.setAttribute('aria-label', `${collapsed ? 'Expand' : 'Collapse'} Baton panel`);
      });
      document.documentElement.append(host);
    };

    const check = () => {
      const href = location.href;
      if (href === lastHref) return;
      lastHref = href;
      const page = readLeadPage(href, env);
      if (!page) {
        host?.remove();
        host = frame = current = null;
        return;
      }
      if (isSameLeadPage(page, current)) return;
      current = page;
      if (!host) mount();
      // Re-target: the panel asks the background for the lead, which derives it from the tab URL.
      // This message is only a nudge to refetch and carries no data, so a page forging it can do no
      // harm, and "*" is safe: with use_dynamic_url the frame's origin is a per-session alias that
      // runtime.getURL does not report, so a specific target origin would never match.
      else frame?.contentWindow?.postMessage({ type: PANEL_NAVIGATE_MESSAGE }, '*');
    };

    check();
    // CRMs are single-page apps. The Navigation API reports pushState/replaceState/popstate in
    // Chromium; the slow poll is a fallback for anything it misses (e.g. hash-only routers).
    const nav = (globalThis as { navigation?: EventTarget }).navigation;
    nav?.addEventListener('currententrychange', check);
    addEventListener('popstate', check);
    setInterval(check, 1000);
  },
});
