import { useQuery, useQueryClient } from '@tanstack/react-query';
import { browser } from 'wxt/browser';
import { formatRelativeTime } from '../../lib/format/format-time';
import type { QueueView } from '../../lib/messaging/queue-protocol';
import { PanelLoading, PanelMessage } from '../ui/panel-states';
import { useNow } from '../ui/use-now';
import { QueueCountdown } from './queue-countdown';
import { queueQueries, readCrmOnNextQueueFetch } from './queue-queries';
import { RepChooser } from './rep-chooser';

/**
 * "My queue", the toolbar button's popup: the rep's leads awaiting a first touch, soonest deadline
 * first with a live countdown, and the leads that engaged lately with no touch since. A row opens
 * the lead's record in the CRM.
 */
export function QueuePopup() {
  const queue = useQuery(queueQueries.view());
  return (
    <div className="w-[400px] min-w-[360px] max-w-[420px]">
      <header className="flex items-baseline justify-between border-b border-slate-200 px-3 py-2">
        <h1 className="text-base font-semibold text-slate-900">My queue</h1>
        {queue.data?.rep ? <span className="truncate pl-2 text-xs text-slate-600">{queue.data.rep.name ?? queue.data.rep.email}</span> : null}
      </header>
      <QueueBody queue={queue} />
    </div>
  );
}

function QueueBody({ queue }: { queue: ReturnType<typeof useQuery<QueueView>> }) {
  if (queue.isPending) return <PanelLoading label="Loading your queue…" />;
  if (queue.isError) {
    const offline = typeof navigator !== 'undefined' && !navigator.onLine;
    return (
      <PanelMessage tone="error" title={offline ? 'You are offline' : 'Baton could not load your queue'}>
        {offline ? 'Your queue shows again once you are back online.' : queue.error.message}
      </PanelMessage>
    );
  }
  const view = queue.data;
  switch (view.status) {
    case 'not-connected':
      return (
        <PanelMessage title="Connect your CRM" action={<OptionsButton label="Open Baton settings" />}>
          {view.message ?? `Baton is not connected to ${view.crmLabel}.`} Once it is, your leads waiting for a first call show here.
        </PanelMessage>
      );
    case 'unsupported':
      return <PanelMessage title="No queue for this CRM yet">{view.message}</PanelMessage>;
    case 'no-rep':
      return (
        <div role="region" aria-label="Choose who you are" className="p-3">
          <h2 className="text-sm font-semibold text-slate-900">Choose who you are</h2>
          <p className="mb-2 mt-1 text-slate-600">Baton lists the leads assigned to you in {view.crmLabel}. Pick yourself once; you can change it in Baton's settings.</p>
          <RepChooser crmLabel={view.crmLabel} current={null} />
        </div>
      );
    case 'ok':
      return <QueueLists view={view} refreshing={queue.isFetching} />;
  }
}

function QueueLists({ view, refreshing }: { view: QueueView; refreshing: boolean }) {
  const now = useNow(1000);
  const client = useQueryClient();
  return (
    <div>
      <div className="flex items-center justify-between gap-2 px-3 py-1.5 text-xs text-slate-600">
        <span data-testid="queue-read-at">{view.readAt ? `Updated ${formatRelativeTime(view.readAt, now)} from ${view.crmLabel}` : `Not read from ${view.crmLabel} yet`}</span>
        <button type="button" disabled={refreshing} onClick={() => {
            readCrmOnNextQueueFetch();
            void client.invalidateQueries({ queryKey: queueQueries.view().queryKey });
          }} className="rounded border border-slate-300 px-2 py-0.5 text-slate-800 hover:bg-slate-50 disabled:text-slate-400">
          {refreshing ? 'Refreshing…' : 'Refresh'}
        </button>
      </div>
      {view.error ? (
        <p role="alert" className="mx-3 mb-2 rounded border border-amber-200 bg-amber-50 px-2 py-1 text-xs text-amber-950">
          {view.error.offline ? 'You are offline: this is the queue as last read.' : `Could not read ${view.crmLabel} just now: ${view.error.message}`}
        </p>
      ) : null}
      <section aria-labelledby="awaiting-heading" className="border-t border-slate-200">
        <h2 id="awaiting-heading" className="px-3 pb-1 pt-2 text-xs font-semibold uppercase tracking-wide text-slate-600">
          Waiting for your first touch ({view.awaiting.length})
        </h2>
        {view.awaiting.length === 0 ? (
          <p className="px-3 pb-3 text-slate-600">No leads are waiting for you. New ones show here as they are assigned.</p>
        ) : (
          <ul aria-label="Leads waiting for your first touch" data-testid="awaiting-list">
            {view.awaiting.map((lead) => (
              <li key={lead.id} data-testid="awaiting-lead" data-lead-id={lead.id}>
                <RecordLink url={lead.recordUrl} name={lead.name}>
                  <span className="flex items-center justify-between gap-2">
                    <span className="truncate font-semibold text-slate-900">{lead.name}</span>
                    <QueueCountdown inputs={lead.sla} now={now} />
                  </span>
                  <span className="block truncate text-xs text-slate-700">{[lead.tier, lead.trigger].filter(Boolean).join(' · ')}</span>
                  <span className="block truncate text-xs text-slate-500">{lead.brief}</span>
                </RecordLink>
              </li>
            ))}
          </ul>
        )}
        {view.truncated ? <p className="px-3 pb-2 text-xs text-slate-500">More leads are assigned to you than Baton lists at once: these are the newest.</p> : null}
      </section>
      <section aria-labelledby="engaged-heading" className="border-t border-slate-200">
        <h2 id="engaged-heading" className="px-3 pb-1 pt-2 text-xs font-semibold uppercase tracking-wide text-slate-600">
          Engaged, not reached ({view.engaged.length})
        </h2>
        {view.engaged.length === 0 ? (
          <p className="px-3 pb-3 text-slate-600">None of your leads engaged in the last 7 days without a touch since.</p>
        ) : (
          <ul aria-label="Leads that engaged since your last touch" data-testid="engaged-list">
            {view.engaged.map((lead) => (
              <li key={lead.id} data-testid="engaged-lead" data-lead-id={lead.id}>
                <RecordLink url={lead.recordUrl} name={lead.name}>
                  <span className="flex items-center justify-between gap-2">
                    <span className="truncate font-semibold text-slate-900">{lead.name}</span>
                    <span className="shrink-0 text-xs text-slate-600">{formatRelativeTime(lead.engagedAt, now)}</span>
                  </span>
                  <span className="block truncate text-xs text-slate-700">{[lead.trigger, lead.tier].filter(Boolean).join(' · ')}</span>
                  <span className="block truncate text-xs text-slate-500">{lead.brief}</span>
                </RecordLink>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

/** A row that opens the record in a new tab; only http(s) links (the URL comes from the CRM connection). */
function RecordLink({ url, name, children }: { url: string; name: string; children: React.ReactNode }) {
  const safe = /^https?:\/\//i.test(url) ? url : null;
  const className = 'block border-b border-slate-100 px-3 py-1.5 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-amber-500';
  if (!safe) return <div className={className}>{children}</div>;
  return (
    <a href={safe} target="_blank" rel="noopener noreferrer" title={`Open ${name} in the CRM`} className={className}>
      {children}
    </a>
  );
}

function OptionsButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => void browser.runtime.openOptionsPage()} className="rounded bg-slate-900 px-3 py-1.5 text-[13px] font-medium text-white hover:bg-slate-700">
      {label}
    </button>
  );
}
