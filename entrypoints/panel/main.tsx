import { QueryClient, QueryClientProvider, focusManager } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LeadPanel } from '../../components/panel/lead-panel';
import { startWatchingPanelVisibility } from '../../components/ui/use-visibility-guard';
import { PANEL_NAVIGATE_MESSAGE } from '../../lib/messaging/panel-frame';
import { markNavigation } from '../../lib/stores/panel-navigation';
import { followActiveTab } from './follow-active-tab';
import './style.css';

// The panel is an iframe: it never becomes "hidden" when the rep works in the CRM page, which is
// all react-query watches by default. Focus leaving for the host page and coming back is the
// signal that the CRM may have changed (a call logged there), so use window focus/blur.
focusManager.setEventListener((setFocused) => {
  const onFocus = () => setFocused(true);
  const onBlur = () => setFocused(false);
  window.addEventListener('focus', onFocus);
  window.addEventListener('blur', onBlur);
  return () => {
    window.removeEventListener('focus', onFocus);
    window.removeEventListener('blur', onBlur);
  };
});

// Clickjacking guard: a CRM write counts only once the panel has been in view a while, counted from load.
startWatchingPanelVisibility();

const queryClient = new QueryClient({
  defaultOptions: { queries: { refetchOnWindowFocus: true, staleTime: 30_000 } },
});

// Docked beside the CRM page, the panel is a frame, and the content script nudges it when the CRM
// shows another record. The message carries no data (the background derives the lead from the tab
// URL), so a page forging it only causes a refetch. Not framed, it is in the browser's side panel,
// and follows the active tab of its window; it names that window in its URL before its first
// request (follow-active-tab.ts), so it renders after that.
async function attachToHost(): Promise<void> {
  if (window.parent === window) return followActiveTab(markNavigation);
  window.addEventListener('message', (event) => {
    if (event.source === window.parent && (event.data as { type?: unknown } | null)?.type === PANEL_NAVIGATE_MESSAGE) markNavigation();
  });
}

void attachToHost()
  .catch((err: unknown) => console.warn('Baton: could not follow the active tab', err))
  .finally(() =>
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <QueryClientProvider client={queryClient}>
          <LeadPanel />
        </QueryClientProvider>
      </StrictMode>,
    ),
  );
