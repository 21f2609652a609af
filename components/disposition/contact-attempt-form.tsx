import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { outboxListSchema } from '../../lib/messaging/panel-protocol';
import { sendRequest } from '../../lib/messaging/send-request';
import { leadStateQueries } from '../../lib/queries/lead-state-queries';
import { leadQueries } from '../../lib/queries/lead-queries';
import { useVisibilityGuard } from '../ui/use-visibility-guard';

/** Logs a call, email or social touch as an engagement on the lead; attempts back "unreachable". */
export function ContactAttemptForm({ navigation, attemptsMade, unreachableAfterAttempts }: { navigation: number; attemptsMade: number; unreachableAfterAttempts: number }) {
  const id = useId();
  const queryClient = useQueryClient();
  const [channel, setChannel] = useState<'call' | 'email' | 'social'>('call');
  const [connected, setConnected] = useState(false);
  const [note, setNote] = useState('');
  // Clickjacking: a touch written to the CRM stops the SLA clock, so it is refused while the page hides or covers the panel.
  const visibility = useVisibilityGuard();
  const log = useMutation({
    mutationFn: async () => {
      await visibility.confirmVisible();
      return sendRequest({ type: 'attempt/log', channel, connected, note: note.trim() || null }, outboxListSchema);
    },
    onSuccess: (data) => {
      setNote('');
      setConnected(false);
      queryClient.setQueryData(leadStateQueries.outbox(navigation).queryKey, data);
      // A logged touch stops the SLA clock: read the lead again once the CRM has it.
      void queryClient.invalidateQueries({ queryKey: leadQueries.all });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    log.mutate();
  };
  return (
    <form ref={visibility.ref} onSubmit={submit} className="space-y-1.5 rounded-md border border-slate-200 p-2" aria-labelledby={`${id}-title`}>
      <div className="flex items-baseline justify-between">
        <h2 id={`${id}-title`} className="text-[11px] font-semibold uppercase tracking-wide text-slate-500">Log a contact attempt</h2>
        <span className="text-[11px] text-slate-500">
          {attemptsMade} of {unreachableAfterAttempts} before "unreachable"
        </span>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={`${id}-channel`} className="sr-only">Channel</label>
        <select id={`${id}-channel`} value={channel} onChange={(e) => setChannel(e.target.value as typeof channel)} className="rounded border border-slate-300 bg-white px-1.5 py-1 text-xs">
          <option value="call">Call</option>
          <option value="email">Email</option>
          <option value="social">Social (LinkedIn)</option>
        </select>
        <label className="flex items-center gap-1 text-xs text-slate-700">
          <input type="checkbox" checked={connected} onChange={(e) => setConnected(e.target.checked)} />
          Connected
        </label>
      </div>
      <div className="flex items-center gap-2">
        <label htmlFor={`${id}-note`} className="sr-only">Attempt note</label>
        <input id={`${id}-note`} value={note} onChange={(e) => setNote(e.target.value)} placeholder="Note (optional)" className="min-w-0 flex-1 rounded border border-slate-300 px-1.5 py-1 text-xs" />
        <button type="submit" disabled={log.isPending} aria-disabled={visibility.settling || undefined} className="rounded bg-slate-800 aria-disabled:cursor-wait aria-disabled:opacity-60 px-2 py-1 text-xs font-medium text-white hover:bg-slate-700 focus-visible:outline-2 focus-visible:outline-amber-500">
          {log.isPending ? 'Logging…' : 'Log attempt'}
        </button>
      </div>
      {log.isError ? (
        <p role="alert" className="text-xs text-red-700">
          {log.error.message}
        </p>
      ) : null}
    </form>
  );
}
