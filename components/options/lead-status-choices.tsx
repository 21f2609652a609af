import { queryOptions, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { CRM_DESCRIPTORS } from '../../lib/crm/crm-descriptors';
import { leadStatusMappingFor } from '../../lib/crm/lead-status-mapping-for';
import type { LeadStatusMapping } from '../../lib/domain/disposition/lead-status-mapping';
import { leadStatusValuesSchema, type LeadStatusValues } from '../../lib/messaging/protocol';
import { sendRequest } from '../../lib/messaging/send-request';
import { settingsQueries } from '../../lib/queries/settings-queries';
import { writeLeadStatusMapping } from '../../lib/storage/admin-settings';
import type { AdminSettingError } from '../../lib/storage/admin-setting-errors';
import { OptionsButton } from './options-button';

type Outcome = Exclude<keyof LeadStatusMapping, 'version' | 'crm' | 'leadRecord'>;

const OUTCOMES: readonly { key: Outcome; label: string }[] = [
  { key: 'working', label: 'Accepted, working' },
  { key: 'opportunityCreated', label: 'Opportunity created' },
  { key: 'recycled', label: 'Recycled to nurture' },
  { key: 'rejected', label: 'Rejected' },
  { key: 'unreachable', label: 'Unreachable' },
];

/**
 * The connected CRM's own lead statuses, asked of the background (which holds the credential). Keyed
 * by the connection it was asked of: connecting, disconnecting or choosing another CRM asks again.
 */
export const leadStatusValuesQuery = (connection: string) =>
  queryOptions({
    queryKey: ['settings', 'lead-status-values', connection] as const,
    queryFn: () => sendRequest({ type: 'crm/lead-status-values' }, leadStatusValuesSchema),
    staleTime: 5 * 60_000,
  });

/** Which connection the options page shows (the CRM chosen, where, and whether the CRM accepts it). */
function useConnectionKey(): string | null {
  const settings = useQuery(settingsQueries.connection());
  const status = useQuery(settingsQueries.connectionStatus());
  if (!settings.data || status.isPending) return null;
  const check = status.data?.check;
  return `${settings.data.provider}|${settings.data.address}|${status.data?.hasToken ?? false}|${check?.portalId ?? ''}|${check?.ok ?? ''}`;
}

type Save = (value: LeadStatusMapping) => Promise<{ ok: true } | { ok: false; errors: AdminSettingError[] }>;

export interface LeadStatusChoicesProps {
  /** The mapping in force. */
  value: LeadStatusMapping;
  /** Publishes the chosen mapping (replaced in tests). */
  save?: Save;
}

const defaultSave: Save = async (value) => {
  const written = await writeLeadStatusMapping(value);
  return written.ok ? { ok: true } : { ok: false, errors: written.errors };
};

/** What each outcome sets on this CRM's records today (another CRM's mapping does not apply to it). */
function choicesFor(values: LeadStatusValues, mapping: LeadStatusMapping): Record<Outcome, string> {
  const effective = leadStatusMappingFor(values.crm, mapping);
  return Object.fromEntries(OUTCOMES.map(({ key }) => [key, effective[key]])) as Record<Outcome, string>;
}

/**
 * The admin maps Baton's outcomes to the CRM's own lead statuses, chosen from the values the CRM
 * lists (never typed from memory). Saving publishes the next version of the mapping, for this CRM.
 */
export function LeadStatusChoices({ value, save = defaultSave }: LeadStatusChoicesProps) {
  const id = useId();
  const connection = useConnectionKey();
  const query = useQuery({ ...leadStatusValuesQuery(connection ?? ''), enabled: connection !== null });
  const [choices, setChoices] = useState<Record<Outcome, string> | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const busy = useRef(false);

  // A new stored mapping (saved here, in the JSON editor or another tab) resets the choices.
  useEffect(() => {
    if (query.data) setChoices(choicesFor(query.data, value));
  }, [query.data, value]);

  if (query.isPending) return <p role="status" className="mt-2 text-slate-600">Reading your CRM's lead statuses…</p>;
  if (query.isError) {
    return (
      <p className="mt-2 text-slate-600">
        Could not list your CRM's lead statuses ({query.error.message}). Connect the CRM above to choose from them, or edit the JSON.
      </p>
    );
  }
  const statuses = query.data;
  const crmLabel = CRM_DESCRIPTORS.find((d) => d.kind === statuses.crm)?.label ?? 'your CRM';
  if (!choices) return null;
  if (statuses.values.length === 0) return <p className="mt-2 text-slate-600">{crmLabel} lists no lead statuses Baton can set.</p>;

  const known = new Set(statuses.values.map((v) => v.value));
  const current = choicesFor(statuses, value);
  const unknown = OUTCOMES.filter(({ key }) => !known.has(choices[key]));
  const changed = OUTCOMES.some(({ key }) => choices[key] !== current[key]) || (value.crm ?? null) !== statuses.crm;

  const onSave = async () => {
    if (busy.current) return;
    if (unknown.length) return setMessage({ text: `Choose one of ${crmLabel}'s lead statuses for ${unknown.map((o) => o.label.toLowerCase()).join(', ')}.`, error: true });
    busy.current = true;
    try {
      const next: LeadStatusMapping = { ...value, ...choices, crm: statuses.crm, version: value.version + 1 };
      const result = await save(next);
      setMessage(result.ok ? { text: `Saved. Version ${next.version} of the mapping is in force for ${crmLabel} records.`, error: false } : { text: result.errors.map((e) => e.message).join(' '), error: true });
    } catch (err) {
      setMessage({ text: `Could not save the mapping: ${(err as Error).message}`, error: true });
    } finally {
      busy.current = false;
    }
  };

  return (
    <fieldset className="mt-3 rounded border border-slate-200 px-3 py-2">
      <legend className="px-1 text-sm font-medium text-slate-900">Choose from {crmLabel}'s lead statuses</legend>
      <div className="grid gap-1.5 sm:grid-cols-2">
        {OUTCOMES.map(({ key, label }) => {
          const selectId = `${id}-${key}`;
          const missing = !known.has(choices[key]);
          return (
            <div key={key} className="grid gap-0.5">
              <label htmlFor={selectId} className="text-slate-700">{label}</label>
              <select
                id={selectId}
                value={choices[key]}
                aria-invalid={missing || undefined}
                aria-describedby={missing ? `${selectId}-missing` : undefined}
                onChange={(e) => {
                  setChoices({ ...choices, [key]: e.target.value });
                  setMessage(null);
                }}
                className={`rounded border bg-white px-2 py-1 text-slate-900 focus-visible:outline-2 focus-visible:outline-amber-500 ${missing ? 'border-red-400' : 'border-slate-300'}`}
              >
                {missing ? <option value={choices[key]}>{choices[key]} (not a status in {crmLabel})</option> : null}
                {statuses.values.map((status) => (
                  <option key={status.value} value={status.value}>
                    {status.label}
                    {status.isDefault ? ' (default for new leads)' : ''}
                  </option>
                ))}
              </select>
              {missing ? <span id={`${selectId}-missing`} className="text-xs text-red-800">{crmLabel} has no such status: choose one.</span> : null}
            </div>
          );
        })}
      </div>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <OptionsButton variant="primary" onClick={() => void onSave()}>
          Save mapping<span className="sr-only"> of outcomes to {crmLabel} lead statuses</span>
        </OptionsButton>
        {changed ? <span className="text-xs text-amber-800">Not saved yet</span> : null}
      </div>
      <p role={message?.error ? 'alert' : 'status'} aria-live="polite" className={message ? `mt-1.5 ${message.error ? 'text-red-800' : 'text-emerald-800'}` : 'sr-only'}>
        {message?.text ?? ''}
      </p>
    </fieldset>
  );
}
