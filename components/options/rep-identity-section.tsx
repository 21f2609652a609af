import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { sendRequest } from '../../lib/messaging/send-request';
import { repStatusSchema } from '../../lib/messaging/queue-protocol';
import { queueQueries } from '../queue/queue-queries';
import { RepChooser } from '../queue/rep-chooser';
import { isRefusedConnection, RefusedConnectionNote } from './refused-connection-note';

/** Options: "Who you are" — the CRM user whose leads My queue lists and reminds about. */
export function RepIdentitySection() {
  const client = useQueryClient();
  const rep = useQuery(queueQueries.rep());
  const [changing, setChanging] = useState(false);
  const clear = useMutation({
    mutationFn: () => sendRequest({ type: 'rep/clear' }, repStatusSchema),
    onSuccess: () => client.invalidateQueries({ queryKey: queueQueries.all }),
  });
  return (
    <section aria-labelledby="rep-identity-heading" className="mt-6 rounded-lg border border-slate-200 p-4">
      <h2 id="rep-identity-heading" className="text-base font-semibold text-slate-900">Who you are</h2>
      <p className="mt-1 text-slate-600">My queue (the Baton button in the toolbar) lists the leads assigned to you, and reminds you before they go stale.</p>
      <div className="mt-3">
        {rep.isPending ? <p role="status">Checking who you are…</p> : null}
        {rep.isError ? (
          isRefusedConnection(rep.error) ? (
            <WaitsForReconnect crmLabel={null} />
          ) : (
            <p role="alert" className="text-red-800">Could not check who you are: {rep.error.message}</p>
          )
        ) : null}
        {rep.data && !rep.data.connected ? <p>Connect {rep.data.crmLabel} above first; then choose who you are here.</p> : null}
        {rep.data && rep.data.connected ? (
          rep.data.rep && !changing ? (
            <div className="flex flex-wrap items-center gap-3">
              <p data-testid="rep-identity">
                You are <strong>{rep.data.rep.name ?? rep.data.rep.email ?? 'a user without a name'}</strong>
                {rep.data.rep.name && rep.data.rep.email ? ` (${rep.data.rep.email})` : ''} in {rep.data.crmLabel}
                {rep.data.source === 'crm' ? ', as you signed in.' : '.'}
              </p>
              {rep.data.source === 'chosen' && rep.data.canChoose ? (
                <>
                  <button type="button" onClick={() => setChanging(true)} className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-50">
                    Change
                  </button>
                  <button type="button" disabled={clear.isPending} onClick={() => clear.mutate()} className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-50">
                    Forget
                  </button>
                </>
              ) : null}
            </div>
          ) : rep.data.canChoose ? (
            <RepChooserThenClose crmLabel={rep.data.crmLabel} current={rep.data.rep?.ownerId ?? null} onChosen={() => setChanging(false)} />
          ) : (
            <p>{rep.data.crmLabel} does not say who you are, and Baton cannot list its users.</p>
          )
        ) : null}
      </div>
    </section>
  );
}

/** Quiet: the connection section above already alerts that the CRM refused Baton's connection. */
function WaitsForReconnect({ crmLabel }: { crmLabel: string | null }) {
  return <RefusedConnectionNote crmLabel={crmLabel} cannot="Baton cannot tell who you are" then="choose yourself here" testId="rep-identity-waits" />;
}

function RepChooserThenClose({ crmLabel, current, onChosen }: { crmLabel: string; current: string | null; onChosen: () => void }) {
  const rep = useQuery(queueQueries.rep());
  // The same query as the chooser's (one request): a refused connection is said quietly, not as a second alert.
  const owners = useQuery(queueQueries.owners());
  // The chooser invalidates the rep query; once it names someone else, the summary shows again.
  const chosen = rep.data?.rep?.ownerId ?? null;
  useEffect(() => {
    if (chosen !== null && chosen !== current) onChosen();
  }, [chosen, current, onChosen]);
  if (owners.isError && isRefusedConnection(owners.error)) return <WaitsForReconnect crmLabel={crmLabel} />;
  return <RepChooser crmLabel={crmLabel} current={current} />;
}
