/** Constants shared by the content script (which mounts the panel iframe) and the panel page. */
export const PANEL_FRAME_TITLE = 'Baton lead panel';
/** postMessage type the content script sends the panel when the page shows another record. */
export const PANEL_NAVIGATE_MESSAGE = 'baton:navigate';
export const PANEL_WIDTH_PX = 400;
