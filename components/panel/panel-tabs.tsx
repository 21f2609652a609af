import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { PANEL_TABS, usePanelTab, useSetPanelTab, type PanelTab } from '../../lib/stores/lead-panel-store';

/** WAI-ARIA tabs: arrow keys move between tabs, Tab moves into the panel. */
export function PanelTabs({ labels, children }: { labels: Record<PanelTab, ReactNode>; children: (tab: PanelTab) => ReactNode }) {
  const tab = usePanelTab();
  const setTab = useSetPanelTab();
  const refs = useRef<Partial<Record<PanelTab, HTMLButtonElement | null>>>({});

  const onKeyDown = (e: KeyboardEvent) => {
    const index = PANEL_TABS.indexOf(tab);
    const next =
      e.key === 'ArrowRight' ? PANEL_TABS[(index + 1) % PANEL_TABS.length] : e.key === 'ArrowLeft' ? PANEL_TABS[(index - 1 + PANEL_TABS.length) % PANEL_TABS.length] : e.key === 'Home' ? PANEL_TABS[0] : e.key === 'End' ? PANEL_TABS[PANEL_TABS.length - 1] : null;
    if (!next) return;
    e.preventDefault();
    setTab(next);
    refs.current[next]?.focus();
  };

  return (
    <>
      <div role="tablist" aria-label="Lead panel sections" onKeyDown={onKeyDown} className="flex border-b border-slate-200 px-2">
        {PANEL_TABS.map((t) => (
          <button
            key={t}
            ref={(el) => {
              refs.current[t] = el;
            }}
            role="tab"
            type="button"
            id={`tab-${t}`}
            aria-selected={tab === t}
            aria-controls={`tabpanel-${t}`}
            tabIndex={tab === t ? 0 : -1}
            onClick={() => setTab(t)}
            className={`-mb-px border-b-2 px-2.5 py-2 text-[13px] focus-visible:outline-2 focus-visible:outline-amber-500 ${tab === t ? 'border-slate-900 font-semibold text-slate-900' : 'border-transparent text-slate-600 hover:text-slate-900'}`}
          >
            {labels[t]}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`tabpanel-${tab}`} aria-labelledby={`tab-${tab}`} className="flex min-h-0 flex-1 flex-col overflow-y-auto">
        {children(tab)}
      </div>
    </>
  );
}
