import { useMutation, useQueryClient } from '@tanstack/react-query';
import { outboxListSchema, type OutboxItem } from '../../lib/messaging/panel-protocol';
import { sendRequest } from '../../lib/messaging/send-request';
import { leadStateQueries } from '../../lib/queries/lead-state-queries';

const TONE: Record<OutboxItem['tone'], string> = {
  ok: 'border-emerald-200 bg-emerald-50 text-emerald-900',
  pending: 'border-sky-200 bg-sky-50 text-sky-900',
  warning: 'border-amber-200 bg-amber-50 text-amber-950',
  error: 'border-red-200 bg-red-50 text-red-900',
};

/** What the rep recorded for this lead and where it stands: saved to the CRM, queued, or refused. */
export function OutboxStatusList({ items, navigation }: { items: OutboxItem[]; navigation: number }) {
  const queryClient = useQueryClient();
  const act = useMutation({
    mutationFn: ({ type, id }: { type: 'outbox/resend' | 'outbox/discard'; id: string }) => sendRequest({ type, id }, outboxListSchema),
    onSuccess: (data) => queryClient.setQueryData(leadStateQueries.outbox(navigation).queryKey, data),
  });
  if (items.length === 0) return null;
  // A failed disposition older than one already delivered would overwrite the newer one if resent.
  const newestDelivered = Math.max(-Infinity, ...items.filter((i) => i.kind === 'disposition' && i.state === 'delivered').map((i) => i.createdAt));
  const supersededIds = new Set(items.filter((i) => i.kind === 'disposition' && i.state !== 'delivered' && i.createdAt < newestDelivered).map((i) => i.id));
  return (
    <section aria-label="Sent to the CRM" className="space-y-1.5">
      <h2 className="text-[11px] font-semibold uppercase tracking-wide text-slate-500">Sent to the CRM</h2>
      <ul className="space-y-1.5" aria-live="polite">
        {items.map((item) => (
          <li key={item.id} className={`rounded-md border px-2 py-1.5 text-xs ${TONE[item.tone]}`} data-outbox-state={item.state}>
            <p>
              <span className="font-semibold">{item.label}</span> · {item.summary}
            </p>
            {item.detail ? <p className="mt-0.5 break-words">{item.detail}</p> : null}
            {supersededIds.has(item.id) ? <p className="mt-0.5 font-medium">A newer disposition was saved since: resending this one would replace it in the CRM.</p> : null}
            {item.state === 'failed' || item.state === 'parked' ? (
              <div className="mt-1 flex gap-1.5">
                <button type="button" onClick={() => act.mutate({ type: 'outbox/resend', id: item.id })} className="rounded border border-current px-1.5 py-0.5 focus-visible:outline-2 focus-visible:outline-amber-500">
                  Resend
                </button>
                {item.state === 'failed' ? (
                  <button type="button" onClick={() => act.mutate({ type: 'outbox/discard', id: item.id })} className="rounded px-1.5 py-0.5 underline focus-visible:outline-2 focus-visible:outline-amber-500">
                    Discard
                  </button>
                ) : null}
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      {act.isError ? (
        <p role="alert" className="text-xs text-red-700">
          {act.error.message}
        </p>
      ) : null}
    </section>
  );
}
