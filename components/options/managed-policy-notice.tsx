import { useId } from 'react';
import { crmLabel } from '../../lib/crm/crm-descriptors';
import { isPolicySet, type ManagedPolicy } from '../../lib/storage/managed-policy-parse';
import { MANAGED_POLICY_JSON_SCHEMA } from '../../lib/storage/managed-policy-schema';
import { SET_BY_ORGANISATION, useManagedPolicy, useManagedPolicyUpdates } from './managed-policy';

/*
 * At the top of the connection section: what IT's policy sets (values, never the key itself), and
 * any policy value Baton could not use, with the policy's own name for it so IT can find it.
 */

function rows(policy: ManagedPolicy): { label: string; value: string }[] {
  const out: { label: string; value: string }[] = [];
  if (policy.provider) out.push({ label: 'CRM', value: crmLabel(policy.provider) });
  if (policy.address) out.push({ label: 'Where', value: policy.address.kind === 'vendor' ? 'The CRM itself' : `The sandbox CRM at ${policy.address.baseUrl}` });
  if (policy.account) out.push({ label: 'Account', value: policy.account });
  if (policy.loginHost) out.push({ label: 'Sign-in host', value: policy.loginHost });
  if (policy.consumerKey) out.push({ label: 'App consumer key', value: policy.consumerKey });
  if (policy.serviceKey) out.push({ label: 'Access key', value: 'Set (kept by your organisation, not stored by Baton)' });
  const sources = Object.keys(policy.engagementSources);
  if (sources.length) out.push({ label: 'Marketing activity sources', value: sources.join(', ') });
  return out;
}

/** The policy's title for a field (`engagementSources.<kind>.<key>` → that key's title). */
function fieldTitle(field: string): string {
  const [top, , key] = field.split('.');
  const properties: Record<string, { title?: string }> = MANAGED_POLICY_JSON_SCHEMA.properties;
  const sourceFields: Record<string, { title?: string }> = MANAGED_POLICY_JSON_SCHEMA.properties.engagementSources.additionalProperties.properties;
  if (top === 'engagementSources' && key) return sourceFields[key]?.title ?? field;
  return (top && properties[top]?.title) ?? 'Unknown setting';
}

export function ManagedPolicyNotice() {
  useManagedPolicyUpdates();
  const { policy, problems } = useManagedPolicy();
  const headingId = useId();
  const problemsId = useId();
  if (!isPolicySet(policy) && problems.length === 0) return null;
  return (
    <div className="mt-3 space-y-3">
      {isPolicySet(policy) ? (
        <section aria-labelledby={headingId} data-testid="managed-policy" className="rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-slate-800">
          <h3 id={headingId} className="font-medium">{SET_BY_ORGANISATION}</h3>
          <p className="text-slate-700">Your IT administrator set part of Baton's CRM connection for everyone in your organisation. Those settings are locked here.</p>
          <dl className="mt-1 grid grid-cols-[max-content_1fr] gap-x-3">
            {rows(policy).map((row) => (
              <div key={row.label} className="contents">
                <dt className="text-slate-600">{row.label}</dt>
                <dd className="break-all">{row.value}</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
      {problems.length ? (
        <section aria-labelledby={problemsId} data-testid="managed-policy-problems" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">
          <h3 id={problemsId} className="font-medium">Some of your organisation's settings for Baton cannot be used</h3>
          <p>Baton ignores them and uses the settings below instead. Tell your IT administrator:</p>
          <ul className="mt-1 list-disc pl-5">
            {problems.map((problem) => (
              <li key={`${problem.field}:${problem.message}`}>
                {fieldTitle(problem.field)} (<code>{problem.field}</code>): {problem.message}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
