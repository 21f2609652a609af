import type { ReactNode } from 'react';
import type { LeadPanelView } from '../../lib/messaging/panel-protocol';
import { formatAbsoluteTime, formatRelativeTime, humanizeEnum } from '../../lib/format/format-time';

/** Who this is, who owns them since when and why, where they came from, where they stand. */
type HeaderLead = LeadPanelView['lead'];

export function LeadHeader({ lead, fetchedAt, refreshing, onRefresh, children }: { lead: HeaderLead; fetchedAt: number; refreshing: boolean; onRefresh: () => void; children?: ReactNode }) {
  const role = [lead.jobTitle, lead.company].filter(Boolean).join(' · ');
  const firmographics = [lead.industry, lead.employees !== null ? `${lead.employees.toLocaleString('en-US')}+ employees` : null, lead.country].filter(Boolean).join(' · ');
  return (
    <header className="border-b border-slate-200 px-4 pb-2 pt-2.5">
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <h1 className="truncate text-base font-semibold text-slate-900">{lead.name}</h1>
          {role ? <p className="truncate text-slate-600">{role}</p> : null}
          {firmographics ? <p className="truncate text-xs text-slate-500">{firmographics}</p> : null}
        </div>
        <button
          type="button"
          onClick={onRefresh}
          aria-label="Refresh from the CRM"
          title={`Read from the CRM ${formatRelativeTime(fetchedAt, Date.now())}. Refresh.`}
          className="shrink-0 rounded p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-800 focus-visible:outline-2 focus-visible:outline-amber-500"
        >
          <span aria-hidden="true" className={refreshing ? 'inline-block animate-spin' : 'inline-block'}>⟳</span>
        </button>
      </div>
      {children}
      <div className="mt-1.5 flex flex-wrap gap-1.5" aria-label="Status">
        {/* A CRM that keeps one status for both shows it once. */}
        {lead.lifecycleStage && lead.lifecycleStage !== lead.leadStatus ? <Badge label="Lifecycle" value={humanizeEnum(lead.lifecycleStage)} /> : null}
        {lead.leadStatus ? <Badge label="Lead status" value={humanizeEnum(lead.leadStatus)} /> : null}
      </div>
      <dl className="mt-1.5 grid grid-cols-[3.5rem_1fr] gap-x-2 gap-y-0.5 text-xs">
        <dt className="text-slate-500">Owner</dt>
        <dd className="text-slate-800">
          <OwnerLine lead={lead} now={fetchedAt} />
        </dd>
        <dt className="text-slate-500">Source</dt>
        <dd className="text-slate-800">
          {lead.source ? humanizeEnum(lead.source) : 'Unknown'}
          {lead.campaign ? <> · {lead.campaign}</> : lead.sourceDetail.length ? <span className="text-slate-500"> · {lead.sourceDetail.join(' · ')}</span> : null}
        </dd>
      </dl>
    </header>
  );
}

function OwnerLine({ lead, now }: { lead: HeaderLead; now: number }) {
  if (!lead.owner) return <span className="text-amber-700">Unassigned</span>;
  const name = lead.owner.name ?? lead.owner.email ?? `Owner ${lead.owner.id}`;
  const by = lead.ownerAssignedBy ? (lead.ownerAssignedBy.label ?? humanizeEnum(lead.ownerAssignedBy.type)) : null;
  return (
    <>
      {name}
      {lead.ownerAssignedAt ? (
        <span className="text-slate-500">
          {' '}
          · assigned <time dateTime={new Date(lead.ownerAssignedAt).toISOString()} title={formatAbsoluteTime(lead.ownerAssignedAt)}>{formatRelativeTime(lead.ownerAssignedAt, now)}</time>
          {by ? <> by {by}</> : null}
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
