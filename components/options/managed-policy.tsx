import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { settingsQueries } from '../../lib/queries/settings-queries';
import { readManagedPolicy, watchManagedPolicy } from '../../lib/storage/managed-policy';
import { managedConnectionFields, type ManagedConnectionFields } from '../../lib/storage/managed-policy-overlay';
import { EMPTY_MANAGED_POLICY, type ManagedPolicy, type ManagedPolicyProblem } from '../../lib/storage/managed-policy-parse';

/*
 * The options page's view of IT's policy: what it sets (shown as "Set by your organisation" and
 * locked) and what Baton could not use. Re-read when Chrome reports a policy change.
 */

export const managedPolicyQuery = () =>
  queryOptions({ queryKey: [...settingsQueries.all, 'managed-policy'] as const, queryFn: () => readManagedPolicy() });

export interface ManagedPolicyView {
  policy: ManagedPolicy;
  problems: ManagedPolicyProblem[];
  locked: ManagedConnectionFields;
}

const NOTHING_MANAGED: ManagedPolicyView = { policy: EMPTY_MANAGED_POLICY, problems: [], locked: managedConnectionFields(EMPTY_MANAGED_POLICY) };

/** The policy as the options page shows it (nothing managed until it is read). */
export function useManagedPolicy(): ManagedPolicyView {
  const reading = useQuery(managedPolicyQuery());
  if (!reading.data) return NOTHING_MANAGED;
  return { policy: reading.data.policy, problems: reading.data.problems, locked: managedConnectionFields(reading.data.policy) };
}

/** Mount once: a policy change re-reads the policy and the settings it overrides. */
export function useManagedPolicyUpdates(): void {
  const queryClient = useQueryClient();
  useEffect(() => watchManagedPolicy(() => void queryClient.invalidateQueries({ queryKey: settingsQueries.all })), [queryClient]);
}

export const SET_BY_ORGANISATION = 'Set by your organisation';

/**
 * The visible and spoken reason a field is locked: give it an id and point the locked input's
 * `aria-describedby` at it.
 */
export function ManagedReason({ id }: { id: string }) {
  return (
    <span id={id} className="ml-2 inline-flex items-center rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-700">
      {SET_BY_ORGANISATION}
      <span className="sr-only">: your IT administrator set this for everyone, so it cannot be changed here.</span>
    </span>
  );
}
