import type { ReactNode } from 'react';

/** Full-panel states: loading, empty, error. Each says plainly what is going on. */
export function PanelLoading({ label }: { label: string }) {
  return (
    <div role="status" aria-live="polite" className="flex h-full flex-col gap-3 p-4">
      <span className="sr-only">{label}</span>
      <div className="h-5 w-2/3 animate-pulse rounded bg-slate-200" />
      <div className="h-3 w-1/2 animate-pulse rounded bg-slate-100" />
      <div className="mt-4 h-16 animate-pulse rounded bg-slate-100" />
      <div className="h-10 animate-pulse rounded bg-slate-100" />
      <div className="h-10 animate-pulse rounded bg-slate-100" />
      <p aria-hidden="true" className="text-xs text-slate-500">{label}</p>
    </div>
  );
}

export function PanelMessage({ tone = 'info', title, children, action }: { tone?: 'info' | 'error'; title: string; children?: ReactNode; action?: ReactNode }) {
  const error = tone === 'error';
  return (
    <div role={error ? 'alert' : 'status'} className="p-4">
      <div className={`rounded-md border p-3 ${error ? 'border-red-200 bg-red-50' : 'border-slate-200 bg-slate-50'}`}>
        <h2 className={`text-sm font-semibold ${error ? 'text-red-800' : 'text-slate-800'}`}>{title}</h2>
        {children ? <div className={`mt-1 text-[13px] ${error ? 'text-red-900' : 'text-slate-600'}`}>{children}</div> : null}
        {action ? <div className="mt-3">{action}</div> : null}
      </div>
    </div>
  );
}

export function Button({
  children,
  onClick,
  variant = 'secondary',
  disabled,
  unavailable,
  type = 'button',
  describedBy,
}: {
  children: ReactNode;
  onClick?: () => void;
  variant?: 'primary' | 'secondary';
  disabled?: boolean;
  /**
   * Shown as not available yet (aria-disabled: still focusable and announced, and a click still
   * reaches onClick, which says why it cannot act), e.g. Save in the moment after the panel appears.
   */
  unavailable?: boolean;
  type?: 'button' | 'submit';
  /** The id of what the button's action depends on (e.g. a warning it confirms). */
  describedBy?: string;
}) {
  const styles =
    variant === 'primary'
      ? 'bg-slate-900 text-white hover:bg-slate-700 disabled:bg-slate-400'
      : 'border border-slate-300 bg-white text-slate-800 hover:bg-slate-50 disabled:text-slate-400';
  return (
    <button
      type={type}
      onClick={onClick}
      disabled={disabled}
      aria-disabled={unavailable || undefined}
      aria-describedby={describedBy}
      className={`rounded-md px-3 py-1.5 text-[13px] font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-500 aria-disabled:cursor-wait aria-disabled:opacity-60 ${styles}`}
    >
      {children}
    </button>
  );
}
