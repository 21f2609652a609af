import { useId, type ReactNode } from 'react';
import { useNow } from '../ui/use-now';
import type { LeadPanelView } from '../../lib/messaging/panel-protocol';
import { formatAbsoluteTime, formatRelativeTime, humanizeEnum } from '../../lib/format/format-time';

/** Who this is, who owns them since when and why, where they came from, where they stand. */
type HeaderLead = LeadPanelView['lead'];

export function LeadHeader({
  lead,
  fetchedAt,
  refreshing,
  refreshError = null,
  onRefresh,
  children,
}: {
  lead: HeaderLead;
  fetchedAt: number;
  refreshing: boolean;
  /** Why the last refresh failed, or null: the header then says the lead is as of its last read. */
  refreshError?: string | null;
  onRefresh: () => void;
  children?: ReactNode;
}) {
  const firmographics = [lead.industry, lead.employees !== null ? `${lead.employees.toLocaleString('en-US')}+ employees` : null, lead.country].filter(Boolean).join(' · ');
  return (
    <header aria-label="Lead" className="border-b border-slate-200 px-4 pb-2 pt-2.5">
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          {/* Names in <bdi>: a right-to-left name keeps its own direction and cannot reorder what follows. */}
          <h1 className="truncate text-base font-semibold text-slate-900">
            <bdi>{lead.name}</bdi>
          </h1>
          {lead.jobTitle || lead.company ? (
            <p className="break-words text-slate-600">
              {lead.jobTitle ? <bdi>{lead.jobTitle}</bdi> : null}
              {lead.jobTitle && lead.company ? ' · ' : null}
              {lead.company ? <bdi>{lead.company}</bdi> : null}
            </p>
          ) : null}
          {firmographics ? <p className="break-words text-xs text-slate-500">{firmographics}</p> : null}
        </div>
        <RefreshControl fetchedAt={fetchedAt} refreshing={refreshing} refreshError={refreshError} onRefresh={onRefresh} />
      </div>
      {children}
      <div className="mt-1.5 flex flex-wrap gap-1.5" aria-label="Status">
        {/* A CRM that keeps one status for both shows it once. */}
        {lead.lifecycleStage && lead.lifecycleStage !== lead.leadStatus ? <Badge label="Lifecycle" value={humanizeEnum(lead.lifecycleStage)} /> : null}
        {lead.leadStatus ? <Badge label="Lead status" value={lead.leadStatusLabel ?? humanizeEnum(lead.leadStatus)} /> : null}
      </div>
      <dl className="mt-1.5 grid grid-cols-[3.5rem_1fr] gap-x-2 gap-y-0.5 text-xs">
        <dt className="text-slate-500">Owner</dt>
        <dd className="text-slate-800">
          <OwnerLine lead={lead} now={fetchedAt} />
        </dd>
        <dt className="text-slate-500">Source</dt>
        <dd className="text-slate-800">
          {lead.source ? humanizeEnum(lead.source) : 'Unknown'}
          {lead.campaign ? <> · <bdi>{lead.campaign}</bdi></> : lead.sourceDetail.length ? <span className="text-slate-500"> · <bdi>{lead.sourceDetail.join(' · ')}</bdi></span> : null}
        </dd>
      </dl>
    </header>
  );
}

/**
 * When the panel last read the lead from the CRM (or found it unchanged there), and a labelled way
 * to read all of it again now. The panel also checks by itself once a minute while it is shown,
 * and reads the lead again when it changed (use-live-refresh.ts).
 */
function RefreshControl({ fetchedAt, refreshing, refreshError, onRefresh }: { fetchedAt: number; refreshing: boolean; refreshError: string | null; onRefresh: () => void }) {
  // "Updated 2 min ago" moves on by itself; a 15-second tick keeps "just now" honest.
  const now = useNow(15_000);
  const id = useId();
  return (
    <div className="flex shrink-0 flex-col items-end gap-0.5 pt-0.5">
      <button
        type="button"
        // Not disabled while a read runs: a disabled button drops the keyboard focus.
        onClick={() => {
          if (!refreshing) onRefresh();
        }}
        aria-describedby={id}
        className="inline-flex items-center gap-1 rounded border border-slate-300 bg-white px-1.5 py-0.5 text-xs font-medium text-slate-700 hover:bg-slate-50 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-amber-500 "
      >
        <span aria-hidden="true" className={refreshing ? 'inline-block animate-spin' : 'inline-block'}>⟳</span>
        Refresh
      </button>
      <span id={id} className={`whitespace-nowrap text-[11px] ${refreshError && !refreshing ? 'text-amber-800' : 'text-slate-500'}`} title={refreshError ?? undefined}>
        {refreshing ? (
          'Updating…'
        ) : refreshError ? (
          <>
            Not updated · as of <time dateTime={new Date(fetchedAt).toISOString()} title={`${refreshError}. ${formatAbsoluteTime(fetchedAt)}`}>{formatRelativeTime(fetchedAt, Math.max(now, fetchedAt))}</time>
          </>
        ) : (
          <>
            Updated <time dateTime={new Date(fetchedAt).toISOString()} title={formatAbsoluteTime(fetchedAt)}>{formatRelativeTime(fetchedAt, Math.max(now, fetchedAt))}</time>
          </>
        )}
      </span>
    </div>
  );
}

function OwnerLine({ lead, now }: { lead: HeaderLead; now: number }) {
  if (!lead.owner) return <span className="text-amber-700">Unassigned</span>;
  const name = lead.owner.name ?? lead.owner.email ?? 'An owner Baton cannot name';
  const by = lead.ownerAssignedBy ? (lead.ownerAssignedBy.label ?? humanizeEnum(lead.ownerAssignedBy.type)) : null;
  return (
    <>
      <bdi>{name}</bdi>
      {lead.ownerAssignedAt ? (
        <span className="text-slate-500">
          {' '}
          · assigned <time dateTime={new Date(lead.ownerAssignedAt).toISOString()} title={formatAbsoluteTime(lead.ownerAssignedAt)}>{formatRelativeTime(lead.ownerAssignedAt, now)}</time>
          {by ? <> by <bdi>{by}</bdi></> : null}
        </span>
      ) : null}
    </>
  );
}

function Badge({ label, value }: { label: string; value: string }) {
  return (
    <span className="rounded-full border border-slate-200 bg-slate-50 px-2 py-0.5 text-[11px] text-slate-700">
      <span className="text-slate-500">{label}:</span> <span className="font-medium">{value}</span>
    </span>
  );
}
