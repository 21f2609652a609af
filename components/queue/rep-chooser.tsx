import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { sendRequest } from '../../lib/messaging/send-request';
import { repStatusSchema } from '../../lib/messaging/queue-protocol';
import { queueQueries } from './queue-queries';

/** "Which of these people are you?": the CRM's users, one choice, checked by the background against the CRM. */
export function RepChooser({ crmLabel, current }: { crmLabel: string; current: string | null }) {
  const id = useId();
  const client = useQueryClient();
  const owners = useQuery(queueQueries.owners());
  const [chosen, setChosen] = useState<string>(current ?? '');
  const choose = useMutation({
    mutationFn: (ownerId: string) => sendRequest({ type: 'rep/choose', ownerId }, repStatusSchema),
    onSuccess: () => client.invalidateQueries({ queryKey: queueQueries.all }),
  });

  if (owners.isPending) return <p role="status">Loading the people in {crmLabel}…</p>;
  if (owners.isError) return <p role="alert" className="text-red-800">Could not list the people in {crmLabel}: {owners.error.message}</p>;
  if (owners.data.length === 0) return <p>{crmLabel} lists nobody leads can be assigned to.</p>;
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        if (chosen) choose.mutate(chosen);
      }}
    >
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <label htmlFor={id} className="text-xs font-medium text-slate-700">
          You are
        </label>
        <select id={id} value={chosen} onChange={(event) => setChosen(event.target.value)} className="rounded border border-slate-300 bg-white px-2 py-1.5 text-[13px]">
          <option value="">Choose yourself…</option>
          {owners.data.map((owner) => (
            <option key={owner.ownerId} value={owner.ownerId}>
              {owner.name ?? owner.email ?? 'Unnamed user'}
              {owner.name && owner.email ? ` (${owner.email})` : ''}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" disabled={!chosen || choose.isPending} className="rounded bg-slate-900 px-3 py-1.5 text-[13px] font-medium text-white hover:bg-slate-700 disabled:bg-slate-400">
        {choose.isPending ? 'Checking…' : 'This is me'}
      </button>
      {choose.isError ? <p role="alert" className="w-full text-red-800">{choose.error.message}</p> : null}
    </form>
  );
}
