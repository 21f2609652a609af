import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef } from 'react';
import type { DrillInput, DrillLead } from '../../lib/domain/insights/insight-drill';
import type { InsightFiltersInput } from '../../lib/domain/insights/insights-report';
import { insightsResultSchema } from '../../lib/messaging/insights-protocol';
import { sendRequest } from '../../lib/messaging/send-request';
import { formatCount } from './insights-format';

/*
 * The leads behind a count, in a modal dialog (the browser's own <dialog>: focus moves in, Escape
 * closes it, focus goes back to the count). Each lead links to its record in the CRM, in a new tab.
 * The list is asked of the background with the page's filters, so it is the count's own leads.
 */

const dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

export function DrillDialog({ drill, filters, averageDealValue, onClose }: { drill: DrillInput | null; filters: InsightFiltersInput; averageDealValue: number | null; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const query = useQuery({
    queryKey: ['insights-drill', filters, averageDealValue, drill] as const,
    queryFn: () => sendRequest({ type: 'insights/get', filters, averageDealValue, refresh: false, drill }, insightsResultSchema),
    enabled: drill !== null,
    staleTime: 60_000,
  });
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (drill && !dialog.open) dialog.showModal();
    if (!drill && dialog.open) dialog.close();
  }, [drill]);

  const result = query.data?.drill ?? null;
  return (
    <dialog
      ref={ref}
      aria-labelledby={headingId}
      onClose={onClose}
      data-testid="drill-dialog"
      className="m-auto max-h-[85vh] w-[min(60rem,92vw)] rounded-lg border border-slate-300 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40"
    >
      {drill && (
        <div className="flex max-h-[85vh] flex-col">
          <header className="flex items-start justify-between gap-3 border-b border-slate-200 px-4 py-3">
            <div>
              <h2 id={headingId} className="text-sm font-semibold">
                {drill.title}
              </h2>
              <p className="text-xs text-slate-600" role="status">
                {query.isPending ? 'Listing the leads…' : query.isError ? '' : result ? describeTotal(result.total, result.leads.length) : ''}
              </p>
            </div>
            <button type="button" onClick={() => ref.current?.close()} className="rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-sky-700">
              Close
            </button>
          </header>
          {query.isError && (
            <p role="alert" className="m-4 rounded border border-rose-300 bg-rose-50 px-3 py-2 text-xs text-rose-900">
              {query.error.message}
            </p>
          )}
          {result && result.leads.length > 0 && (
            <div className="overflow-auto px-4 pb-4">
              <table className="w-full border-collapse text-left text-xs" data-table="drill-leads">
                <caption className="sr-only">{drill.title}</caption>
                <thead className="sticky top-0 bg-white">
                  <tr className="border-b border-slate-300">
                    {['Lead', 'Campaign', 'Owner', 'Handed off', 'Decision'].map((h) => (
                      <th key={h} scope="col" className="px-2 py-1.5 font-semibold text-slate-700">
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {result.leads.map((lead) => (
                    <LeadRow key={lead.id} lead={lead} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      )}
    </dialog>
  );
}

function describeTotal(total: number, shown: number): string {
  if (total === 0) return 'No leads.';
  const leads = `${formatCount(total)} ${total === 1 ? 'lead' : 'leads'}`;
  return shown < total ? `${leads}; the ${formatCount(shown)} most recently handed off are listed (narrow the filters for the rest).` : `${leads}. Each opens in the CRM in a new tab.`;
}

function LeadRow({ lead }: { lead: DrillLead }) {
  return (
    <tr className="border-b border-slate-100">
      <th scope="row" className="px-2 py-1 font-normal">
        {lead.recordUrl && /^https?:\/\//.test(lead.recordUrl) ? (
          <a href={lead.recordUrl} target="_blank" rel="noopener noreferrer" className="font-medium text-sky-800 underline decoration-sky-300 underline-offset-2 hover:decoration-sky-700">
            {lead.name}
            <span className="sr-only"> (opens the record in the CRM, in a new tab)</span>
          </a>
        ) : (
          lead.name
        )}
      </th>
      <td className="px-2 py-1 text-slate-800">{lead.campaign ?? 'No campaign'}</td>
      <td className="px-2 py-1 text-slate-800">{lead.owner ?? '—'}</td>
      <td className="px-2 py-1 whitespace-nowrap text-slate-800">{lead.handedOffAt === null ? 'Not handed off' : dateFormat.format(lead.handedOffAt)}</td>
      <td className="px-2 py-1 text-slate-800">{lead.decision ?? 'No disposition'}</td>
    </tr>
  );
}
