import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LeadPanel } from '../../components/panel/lead-panel';
import { PANEL_NAVIGATE_MESSAGE } from '../../lib/messaging/panel-frame';
import { markNavigation } from '../../lib/stores/panel-navigation';
import './style.css';

const queryClient = new QueryClient({
  defaultOptions: { queries: { refetchOnWindowFocus: true, staleTime: 30_000 } },
});

// The content script nudges us when the CRM shows another record. The message carries no data
// (the background derives the lead from the tab URL), so a page forging it only causes a refetch.
window.addEventListener('message', (event) => {
  if (event.source === window.parent && (event.data as { type?: unknown } | null)?.type === PANEL_NAVIGATE_MESSAGE) markNavigation();
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <LeadPanel />
    </QueryClientProvider>
  </StrictMode>,
);
