import { create } from 'zustand';

/**
 * Which navigation of the host tab the panel is showing. Each record change bumps the sequence,
 * which is part of the lead query key: the panel shows the new lead's loading state instead of
 * the previous lead's data while it refetches.
 */
interface PanelNavigationState {
  sequence: number;
}

const usePanelNavigationStore = create<PanelNavigationState>(() => ({ sequence: 0 }));

export const usePanelNavigationSequence = () => usePanelNavigationStore((s) => s.sequence);
export const markNavigation = () => usePanelNavigationStore.setState((s) => ({ sequence: s.sequence + 1 }));
