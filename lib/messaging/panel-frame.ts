/**
 * Constants shared by the content script (which docks the panel iframe beside the CRM page), the
 * panel page, the side-panel wiring in the background and the options page. Plain values only:
 * the content script imports this file (4 kB gzip budget).
 */
export const PANEL_FRAME_TITLE = 'Baton lead panel';
/** postMessage type the content script sends the panel when the page shows another record. */
export const PANEL_NAVIGATE_MESSAGE = 'baton:navigate';
/** runtime message the background sends the content script when the rep presses the shortcut. */
export const PANEL_TOGGLE_MESSAGE = 'baton:toggle-panel';
/** runtime.connect name prefix of the lead panel in the browser's side panel; the suffix is its window id. */
export const SIDE_PANEL_PORT = 'baton:side-panel:';
/** Query parameter of the side panel's own URL that names its window (lib/background/panel-placement-host.ts). */
export const SIDE_PANEL_WINDOW_PARAM = 'window';
/** The manifest `commands` name of the shortcut that shows, focuses or hides the panel. */
export const TOGGLE_PANEL_COMMAND = 'toggle-panel';

/**
 * chrome.storage.local keys (per browser profile, so per rep). `panel.placement`: where Baton
 * shows, `page` (docked beside the CRM page, the default) or `side-panel` (the browser's side
 * panel; nothing on the CRM page). `panel.dock`: the docked panel's `{ collapsed, width }`.
 */
export const PANEL_PLACEMENT_KEY = 'panel.placement';
export const PANEL_DOCK_KEY = 'panel.dock';
export const SIDE_PANEL_PLACEMENT = 'side-panel';

/** The docked panel's width, including its rail, in CSS pixels: default, and the range a rep can drag it to. */
export const PANEL_WIDTH_PX = 384;
export const PANEL_MIN_WIDTH_PX = 320;
export const PANEL_MAX_WIDTH_PX = 640;
/** The rail that stays when the panel is collapsed (the toggle and the resize handle live on it). */
export const PANEL_RAIL_PX = 24;
