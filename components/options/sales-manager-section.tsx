import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import type { SlaPolicy } from '../../lib/domain/sla/sla-policy';
import { writeAdminSetting } from '../../lib/storage/admin-settings';
import { queueQueries } from '../queue/queue-queries';
import { adminSettingsQueries } from './admin-settings-queries';
import { isRefusedConnection, RefusedConnectionNote } from './refused-connection-note';

/*
 * Options (admins): who "tell the sales manager" steps of the SLA policy reach. The choice is one
 * of the CRM's users, kept in the SLA policy (so publishing the team's rules gives it to every
 * rep's Baton) as a new version with a change-log entry. Without one, the escalation task goes to
 * the lead's owner and says no manager is chosen.
 */

/** The next patch version ("1.0.0" → "1.0.1"); a version that is not dotted numbers gets ".1". */
export function nextPatchVersion(version: string): string {
  const parts = /^(\d+(?:\.\d+)*)$/.exec(version.trim());
  if (!parts) return `${version}.1`;
  const numbers = parts[1]!.split('.').map(Number);
  while (numbers.length < 3) numbers.push(0);
  numbers[numbers.length - 1]! += 1;
  return numbers.join('.');
}

/** The policy with the manager set (or removed), as a new version saying so. */
export function withSalesManager(policy: SlaPolicy, manager: { ownerId: string; name: string | null } | null, now: number): SlaPolicy {
  const version = nextPatchVersion(policy.version);
  const at = new Date(now).toISOString();
  const summary = manager ? `Escalations to the sales manager go to ${manager.name ?? manager.ownerId}.` : "No sales manager: escalations go to the lead's owner.";
  const { salesManager: _previous, ...rest } = policy;
  return { ...rest, ...(manager ? { salesManager: manager } : {}), version, updatedAt: at, changeLog: [...policy.changeLog, { version, at, summary }] };
}

export function SalesManagerSection() {
  const client = useQueryClient();
  const selectId = useId();
  const policy = useQuery(adminSettingsQueries.setting('sla-policy'));
  const owners = useQuery(queueQueries.owners());
  const current = policy.data?.salesManager?.ownerId ?? '';
  const [choice, setChoice] = useState(current);
  useEffect(() => setChoice(current), [current]);
  const save = useMutation({
    mutationFn: async (ownerId: string) => {
      if (!policy.data) throw new Error('The SLA policy is not loaded yet.');
      const owner = owners.data?.find((o) => o.ownerId === ownerId) ?? null;
      const written = await writeAdminSetting('sla-policy', withSalesManager(policy.data, owner ? { ownerId: owner.ownerId, name: owner.name ?? owner.email } : null, Date.now()));
      if (!written.ok) throw new Error(written.errors.map((e) => e.message).join('; '));
      return owner;
    },
    onSuccess: () => client.invalidateQueries({ queryKey: adminSettingsQueries.all }),
  });

  const currentName = policy.data?.salesManager ? (policy.data.salesManager.name ?? 'a user Baton has no name for') : null;
  return (
    <section aria-labelledby="sales-manager-heading" className="mt-6 rounded-lg border border-slate-200 p-4">
      <h2 id="sales-manager-heading" className="text-base font-semibold text-slate-900">Sales manager for escalations</h2>
      <p className="mt-1 text-slate-600">
        When a lead waits too long for a first touch, the SLA policy can tell the sales manager: Baton leaves them a task on the lead in the CRM.
        {currentName ? ` Now: ${currentName}.` : " Now: nobody is chosen, so the task goes to the lead's owner."}
      </p>
      {owners.isPending ? <p role="status" className="mt-2">Reading the CRM's users…</p> : null}
      {owners.isError && isRefusedConnection(owners.error) ? <RefusedConnectionNote crmLabel={null} cannot="Baton cannot list its users" then="choose the sales manager here" testId="sales-manager-waits" /> : null}
      {owners.isError && !isRefusedConnection(owners.error) ? <p role="alert" className="mt-2 text-red-800">Could not list the CRM's users: {owners.error.message}</p> : null}
      {owners.data ? (
        <form
          className="mt-3 flex flex-wrap items-end gap-3"
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate(choice);
          }}
        >
          <div className="flex flex-col">
            <label htmlFor={selectId}>Sales manager</label>
            <select id={selectId} value={choice} onChange={(event) => setChoice(event.target.value)} className="rounded border border-slate-300 px-2 py-1">
              <option value="">Nobody (the lead's owner gets the task)</option>
              {owners.data.map((owner) => (
                <option key={owner.ownerId} value={owner.ownerId}>
                  {owner.name ?? owner.email ?? owner.ownerId}
                  {owner.name && owner.email ? ` (${owner.email})` : ''}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" disabled={save.isPending || !policy.data || choice === current} className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-50 disabled:opacity-50">
            Save
          </button>
        </form>
      ) : null}
      <div aria-live="polite">
        {save.isSuccess ? <p className="mt-2 text-green-800">Saved as a new version of the SLA policy. Publish the team's rules to give it to every rep.</p> : null}
        {save.isError ? <p role="alert" className="mt-2 text-red-800">Not saved: {save.error.message}</p> : null}
      </div>
    </section>
  );
}
