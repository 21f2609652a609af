import { useMutation, useQueryClient } from '@tanstack/react-query';
import { outboxListSchema, type OutboxItem, type OutboxList } from '../../lib/messaging/panel-protocol';
import { sendRequest } from '../../lib/messaging/send-request';
import { leadStateQueries } from '../../lib/queries/lead-state-queries';
import { useVisibilityGuard } from '../ui/use-visibility-guard';

const TONE: Record<OutboxItem['tone'], string> = {
  ok: 'border-emerald-200 bg-emerald-50 text-emerald-900',
  pending: 'border-sky-200 bg-sky-50 text-sky-900',
  warning: 'border-amber-200 bg-amber-50 text-amber-950',
  error: 'border-red-200 bg-red-50 text-red-900',
};

/** What the rep recorded for this lead and where it stands: saved to the CRM, queued, or refused. */
export function OutboxStatusList({ items, unreadable, navigation }: { items: OutboxItem[]; unreadable?: OutboxList['unreadable']; navigation: number }) {
  const queryClient = useQueryClient();
  // Clickjacking: resending writes to the CRM ("Send anyway" even replaces a later decision), so it is
  // refused while the page hides or covers the panel, like Save.
  const visibility = useVisibilityGuard();
  const act = useMutation({
    mutationFn: async (request: { type: 'outbox/resend'; id: string; confirmOver?: string } | { type: 'outbox/discard'; id: string }) => {
      if (request.type === 'outbox/resend') await visibility.confirmVisible();
      return sendRequest(request, outboxListSchema);
    },
    onSuccess: (data) => queryClient.setQueryData(leadStateQueries.outbox(navigation).queryKey, data),
  });
  const unreadableHere = unreadable?.items ?? [];
  const unreadableElsewhere = (unreadable?.total ?? 0) - unreadableHere.length;
  if (items.length === 0 && unreadableHere.length === 0 && unreadableElsewhere <= 0) return null;
  return (
    <section ref={visibility.ref} aria-label="Sent to the CRM" className="space-y-1.5">
      <h2 className="text-[11px] font-semibold uppercase tracking-wide text-slate-500">Sent to the CRM</h2>
      <ul className="space-y-1.5" aria-live="polite">
        {unreadableHere.map((u, i) => (
          // Kept as stored, never sent: no Resend or Discard, only what failed.
          <li key={u.id ?? `unreadable-${i}`} className={`rounded-md border px-2 py-1.5 text-xs ${TONE.error}`} data-outbox-state="unreadable" data-outbox-id={u.id ?? undefined}>
            <p>
              <span className="font-semibold">{u.label}</span> · {u.summary}
            </p>
            <p className="mt-0.5 break-words">{u.detail}</p>
          </li>
        ))}
        {items.map((item) => (
          <li key={item.id} className={`rounded-md border px-2 py-1.5 text-xs ${TONE[item.tone]}`} data-outbox-state={item.state} data-outbox-id={item.id}>
            <p>
              <span className="font-semibold">{item.label}</span> · {item.summary}
            </p>
            {item.detail ? <p className="mt-0.5 break-words">{item.detail}</p> : null}
            {item.supersededBy ? (
              // The background decided it is superseded and refuses a plain resend: offer what it accepts.
              <div className="mt-1 flex flex-wrap gap-1.5">
                <button type="button" onClick={() => act.mutate({ type: 'outbox/discard', id: item.id })} className="rounded border border-current px-1.5 py-0.5 focus-visible:outline-2 focus-visible:outline-amber-500">
                  Discard
                </button>
                {item.supersededBy.delivered ? (
                  <button
                    type="button"
                    onClick={() => act.mutate({ type: 'outbox/resend', id: item.id, confirmOver: item.supersededBy!.id })}
                    aria-disabled={visibility.settling || undefined}
                    className="aria-disabled:cursor-wait aria-disabled:opacity-60 rounded px-1.5 py-0.5 text-left underline focus-visible:outline-2 focus-visible:outline-amber-500"
                  >
                    Send anyway — this replaces the later disposition in the CRM
                  </button>
                ) : null}
              </div>
            ) : item.state === 'failed' || item.state === 'parked' ? (
              <div className="mt-1 flex gap-1.5">
                <button type="button" onClick={() => act.mutate({ type: 'outbox/resend', id: item.id })} aria-disabled={visibility.settling || undefined} className="aria-disabled:cursor-wait aria-disabled:opacity-60 rounded border border-current px-1.5 py-0.5 focus-visible:outline-2 focus-visible:outline-amber-500">
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
      {unreadableElsewhere > 0 ? (
        <p className="text-[11px] text-red-800" data-outbox-unreadable-elsewhere={unreadableElsewhere}>
          {unreadableElsewhere === 1 ? '1 unreadable record on another lead is' : `${unreadableElsewhere} unreadable records on other leads are`} kept, not sent.
        </p>
      ) : null}
      {act.isError ? (
        <p role="alert" className="text-xs text-red-700">
          {act.error.message}
        </p>
      ) : null}
    </section>
  );
}
