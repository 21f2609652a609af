import { createContext, useContext, useState, type ReactNode } from 'react';
import { createStore, useStore, type StoreApi } from 'zustand';

/**
 * UI state of the panel for one lead: which tab is open and which events a brief statement points
 * at. One store per lead via context (a new lead gets a fresh store), hooks exported, not the store.
 */
export const PANEL_TABS = ['brief', 'qualify', 'timeline', 'outcome'] as const;
export type PanelTab = (typeof PANEL_TABS)[number];

interface LeadPanelState {
  tab: PanelTab;
  /** Events a brief statement refers to: the timeline shows only these until cleared. */
  focus: { label: string; eventIds: string[] } | null;
  setTab(tab: PanelTab): void;
  showEvents(label: string, eventIds: string[]): void;
  clearFocus(): void;
}

const LeadPanelStoreContext = createContext<StoreApi<LeadPanelState> | null>(null);

export function LeadPanelStoreProvider({ children }: { children: ReactNode }) {
  const [store] = useState(() =>
    createStore<LeadPanelState>((set) => ({
      tab: 'brief',
      focus: null,
      setTab: (tab) => set({ tab }),
      showEvents: (label, eventIds) => set({ tab: 'timeline', focus: { label, eventIds } }),
      clearFocus: () => set({ focus: null }),
    })),
  );
  return <LeadPanelStoreContext.Provider value={store}>{children}</LeadPanelStoreContext.Provider>;
}

function useLeadPanelStore<T>(select: (state: LeadPanelState) => T): T {
  const store = useContext(LeadPanelStoreContext);
  if (!store) throw new Error('useLeadPanel* hooks need a LeadPanelStoreProvider');
  return useStore(store, select);
}

export const usePanelTab = () => useLeadPanelStore((s) => s.tab);
export const useSetPanelTab = () => useLeadPanelStore((s) => s.setTab);
export const useTimelineFocus = () => useLeadPanelStore((s) => s.focus);
export const useShowEvents = () => useLeadPanelStore((s) => s.showEvents);
export const useClearTimelineFocus = () => useLeadPanelStore((s) => s.clearFocus);
