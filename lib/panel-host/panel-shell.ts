import { PANEL_FRAME_TITLE, PANEL_MAX_WIDTH_PX, PANEL_MIN_WIDTH_PX, PANEL_RAIL_PX } from '../messaging/panel-frame';
import { createDockLayout } from './dock-layout';

/** The docked panel's state a rep keeps between pages and sessions (chrome.storage.local). */
export interface DockPrefs {
  collapsed: boolean;
  /** Width of the open panel, rail included, in CSS pixels. */
  width: number;
}

export interface PanelShell {
  frame: HTMLIFrameElement;
  /** The keyboard shortcut: open and focus the panel; if focus is already in it, collapse it and give focus back. */
  shortcut(): void;
  /** Look again for CRM chrome under the panel (after the CRM renders or navigates). */
  refit(): void;
  remove(): void;
}

const STEP_PX = 32;

/**
 * The docked panel: a rail (collapse toggle, resize handle) and the extension-origin iframe, in a
 * shadow root, and a dock layout that moves the CRM's content out from under it.
 */
export function mountPanelShell(panelUrl: string, prefs: DockPrefs, savePrefs: (prefs: DockPrefs) => void): PanelShell {
  const host = document.createElement('baton-panel');
  // The shadow root keeps the CRM's CSS off our elements. It is open on purpose: it is not a
  // security boundary (the extension-origin iframe is), and an open root lets assistive tech and
  // test tooling reach the panel like any other part of the page.
  const root = host.attachShadow({ mode: 'open' });
  root.innerHTML =
    `<style>:host{all:initial;position:fixed;top:0;right:0;bottom:0;z-index:2147483646;display:flex;background:#fff;box-shadow:0 0 8px #0003}` +
    `nav{flex:none;width:${PANEL_RAIL_PX}px;display:flex;flex-direction:column;background:#1e293b}` +
    `button{all:unset;cursor:pointer;padding:10px 0;color:#fff;font:600 12px sans-serif;writing-mode:vertical-rl}` +
    `div{flex:1;cursor:col-resize;outline-offset:-3px}:focus-visible{outline:3px solid #f59e0b}iframe{flex:1;border:0;min-width:0}` +
    `:host(.c) iframe,:host(.c) div{display:none}</style>` +
    `<nav aria-label="Baton"><button>Baton</button><div role="separator" aria-orientation="vertical" tabindex="0" aria-label="Baton panel width" aria-valuemin="${PANEL_MIN_WIDTH_PX}"></div></nav>`;
  const toggle = root.querySelector('button')!;
  const handle = root.querySelector('div')!;
  const frame = document.createElement('iframe');
  frame.title = PANEL_FRAME_TITLE;
  frame.src = panelUrl;
  root.append(frame);
  const layout = createDockLayout(host);
  let returnFocus: Element | null = null;

  const maxWidth = () => Math.max(PANEL_MIN_WIDTH_PX, Math.min(PANEL_MAX_WIDTH_PX, Math.round(innerWidth * 0.6)));
  const render = () => {
    prefs.width = Math.min(maxWidth(), Math.max(PANEL_MIN_WIDTH_PX, Math.round(prefs.width)));
    const width = prefs.collapsed ? PANEL_RAIL_PX : prefs.width;
    host.classList.toggle('c', prefs.collapsed);
    host.style.width = `${width}px`;
    toggle.setAttribute('aria-expanded', String(!prefs.collapsed));
    toggle.setAttribute('aria-label', `${prefs.collapsed ? 'Expand' : 'Collapse'} Baton panel`);
    handle.setAttribute('aria-valuemax', String(maxWidth()));
    handle.setAttribute('aria-valuenow', String(prefs.width));
    layout.reserve(width);
  };
  const update = (patch: Partial<DockPrefs>) => {
    Object.assign(prefs, patch);
    render();
    savePrefs({ ...prefs });
  };

  toggle.onclick = () => update({ collapsed: !prefs.collapsed });
  // Wider to the left, narrower to the right: the handle sits on the panel's left edge.
  handle.onkeydown = (event) => {
    const delta = event.key === 'ArrowLeft' ? STEP_PX : event.key === 'ArrowRight' ? -STEP_PX : 0;
    if (!delta) return;
    event.preventDefault();
    update({ width: prefs.width + delta });
  };
  handle.onpointerdown = (event) => {
    handle.setPointerCapture(event.pointerId);
    // The iframe would swallow pointer events while the pointer crosses it.
    frame.style.pointerEvents = 'none';
  };
  handle.onpointermove = (event) => {
    if (!handle.hasPointerCapture(event.pointerId)) return;
    prefs.width = innerWidth - event.clientX;
    render();
  };
  handle.onlostpointercapture = () => {
    frame.style.pointerEvents = '';
    update({});
  };
  addEventListener('resize', render);

  // First in the document, so it comes first in the page's tab order (the keyboard shortcut also
  // reaches it from anywhere). The panel's header is named ("Lead"), so axe does not take it for
  // a second unnamed banner beside the CRM's.
  document.documentElement.prepend(host);
  render();

  return {
    frame,
    shortcut() {
      if (!prefs.collapsed && document.activeElement === host) {
        update({ collapsed: true });
        (returnFocus instanceof HTMLElement ? returnFocus : toggle).focus();
        return;
      }
      returnFocus = document.activeElement;
      if (prefs.collapsed) update({ collapsed: false });
      frame.focus();
    },
    refit: layout.refit,
    remove() {
      removeEventListener('resize', render);
      layout.release();
      host.remove();
    },
  };
}
