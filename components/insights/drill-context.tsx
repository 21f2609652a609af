import { createContext, useContext } from 'react';
import type { DrillInput } from '../../lib/domain/insights/insight-drill';

/*
 * Every count on the Insights page opens the leads behind it. A count names what it counts (a
 * DrillInput: the group, the subset, the words for the list's heading); the page owns the one
 * list dialog (drill-dialog.tsx) and hands its opener down through this context.
 */

export type OpenDrill = (drill: DrillInput, opener: HTMLElement | null) => void;

const DrillOpener = createContext<OpenDrill | null>(null);

export const DrillProvider = DrillOpener.Provider;

/** A count as a button: "52" that opens "52 leads have no disposition after 7 days". */
export function DrillButton({ drill, children, className }: { drill: DrillInput; children: React.ReactNode; className?: string }) {
  const open = useContext(DrillOpener);
  if (!open) return <>{children}</>;
  return (
    <button
      type="button"
      onClick={(event) => open(drill, event.currentTarget)}
      title={`List them: ${drill.title}`}
      aria-label={`${typeof children === 'string' ? `${children}: ` : ''}list the leads (${drill.title})`}
      className={className ?? 'rounded px-0.5 font-medium text-sky-800 underline decoration-sky-300 underline-offset-2 hover:bg-sky-50 hover:decoration-sky-700 focus-visible:outline-2 focus-visible:outline-sky-700'}
    >
      {children}
    </button>
  );
}
