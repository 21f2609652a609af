import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { defaultLeadReason, effectiveLeadRecordMapping } from '../../../lib/crm/hubspot/lead-record-defaults';
import { leadRecordChoicesSchema, type LeadRecordChoices } from '../../../lib/crm/lead-record-choices';
import type { DispositionReasonList } from '../../../lib/domain/disposition/disposition-reasons';
import type { LeadRecordMapping, LeadRecordOutcome } from '../../../lib/domain/disposition/lead-record-mapping';
import type { LeadStatusMapping } from '../../../lib/domain/disposition/lead-status-mapping';
import { sendRequest } from '../../../lib/messaging/send-request';
import { settingsQueries } from '../../../lib/queries/settings-queries';
import type { AdminSettingError } from '../../../lib/storage/admin-setting-errors';
import { writeLeadStatusMapping } from '../../../lib/storage/admin-settings';
import { adminSettingsQueries } from '../admin-settings-queries';
import { OptionsButton } from '../options-button';

/*
 * HubSpot's Leads object, for the admin: where a disposition moves the contact's open lead (its
 * stage, per pipeline) and which of the portal's disqualification reasons each of Baton's reasons
 * becomes, so HubSpot's own lead reports count what reps decided. Chosen from the portal's real
 * pipelines and reasons (read by the background, which holds the token); what is not chosen is
 * picked by meaning. Saved as the next version of the lead-status mapping, which the team rules
 * publish to every rep.
 */

const OUTCOMES: readonly { key: LeadRecordOutcome; label: string }[] = [
  { key: 'working', label: 'Accepted, working' },
  { key: 'opportunityCreated', label: 'Opportunity created' },
  { key: 'recycled', label: 'Recycled to nurture' },
  { key: 'rejected', label: 'Rejected' },
];

type Save = (value: LeadStatusMapping) => Promise<{ ok: true } | { ok: false; errors: AdminSettingError[] }>;

const defaultSave: Save = async (value) => {
  const written = await writeLeadStatusMapping(value);
  return written.ok ? { ok: true } : { ok: false, errors: written.errors };
};

/** Connecting, disconnecting or choosing another portal asks again. */
function useConnectionKey(): { key: string; hubspot: boolean } | null {
  const settings = useQuery(settingsQueries.connection());
  const status = useQuery(settingsQueries.connectionStatus());
  if (!settings.data || status.isPending) return null;
  const check = status.data?.check;
  return {
    key: `${settings.data.provider}|${settings.data.address}|${status.data?.hasToken ?? false}|${check?.portalId ?? ''}|${check?.ok ?? ''}`,
    hubspot: settings.data.provider === 'hubspot',
  };
}

export const leadRecordChoicesQuery = (connection: string) => ({
  queryKey: ['settings', 'lead-record-choices', connection] as const,
  queryFn: () => sendRequest({ type: 'crm/lead-record-choices' }, leadRecordChoicesSchema),
  staleTime: 5 * 60_000,
  retry: false,
});

/** Mounted on the options page; shows itself only while Baton talks to HubSpot (or the sandbox, which speaks it). */
export function HubSpotLeadRecordsSection() {
  const connection = useConnectionKey();
  const mapping = useQuery(adminSettingsQueries.setting('lead-status-mapping'));
  const reasons = useQuery(adminSettingsQueries.setting('disposition-reasons'));
  const choices = useQuery({ ...leadRecordChoicesQuery(connection?.key ?? ''), enabled: connection?.hubspot === true });
  if (!connection?.hubspot) return null;
  return (
    <section aria-labelledby="hubspot-lead-records-heading" className="mt-8">
      <h2 id="hubspot-lead-records-heading" className="text-base font-semibold text-slate-900">HubSpot leads: stage and disqualification reason</h2>
      <p className="mt-1 text-slate-600">
        When a rep decides, Baton also moves the contact's open lead in HubSpot and sets its disqualification reason, so HubSpot's lead reports show the
        reasons reps recorded. Leads already qualified or disqualified are left as they are.
      </p>
      {choices.isPending || mapping.isPending || reasons.isPending ? <p role="status" className="mt-2 text-slate-600">Reading HubSpot's lead pipelines…</p> : null}
      {choices.isError ? <p className="mt-2 text-slate-600">Could not read HubSpot's lead pipelines: {choices.error.message}</p> : null}
      {mapping.isError || reasons.isError ? <p role="alert" className="mt-2 text-red-800">Could not read the saved settings.</p> : null}
      {choices.data && mapping.data && reasons.data ? (
        <LeadRecordChoicesForm choices={choices.data} value={mapping.data} reasonList={reasons.data} />
      ) : null}
    </section>
  );
}

export interface LeadRecordChoicesFormProps {
  choices: LeadRecordChoices;
  /** The lead-status mapping in force (the lead-record mapping travels inside it). */
  value: LeadStatusMapping;
  /** Baton's reasons (the active ones are offered). */
  reasonList: DispositionReasonList;
  save?: Save;
}

export function LeadRecordChoicesForm({ choices, value, reasonList, save = defaultSave }: LeadRecordChoicesFormProps) {
  const reasons = useMemo(() => reasonList.reasons.filter((r) => r.active), [reasonList]);
  const id = useId();
  const queryClient = useQueryClient();
  const effective = () => effectiveLeadRecordMapping(value.leadRecord, choices.pipelines, choices.reasons, reasons);
  const [draft, setDraft] = useState<LeadRecordMapping>(effective);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const busy = useRef(false);

  // A new stored mapping (saved here, in the JSON editor or another tab) resets the choices.
  useEffect(() => setDraft(effective()), [value, choices, reasons]);

  const reasonValues = new Set(choices.reasons.map((r) => r.value));
  const stageIds = (pipelineId: string) => new Set(choices.pipelines.find((p) => p.id === pipelineId)?.stages.map((s) => s.id) ?? []);
  const saved = effective();
  const changed = JSON.stringify(draft) !== JSON.stringify(saved) || value.leadRecord === undefined;

  const setStage = (pipelineId: string, outcome: LeadRecordOutcome, stage: string) => {
    const current = draft.stages[pipelineId] ?? { working: null, opportunityCreated: null, recycled: null, rejected: null };
    setDraft({ ...draft, stages: { ...draft.stages, [pipelineId]: { ...current, [outcome]: stage || null } } });
    setMessage(null);
  };
  const setReason = (reasonId: string, option: string) => {
    setDraft({ ...draft, reasons: { ...draft.reasons, [reasonId]: option } });
    setMessage(null);
  };

  const onSave = async () => {
    if (busy.current) return;
    busy.current = true;
    try {
      const next: LeadStatusMapping = { ...value, crm: value.crm ?? choices.crm, leadRecord: draft, version: value.version + 1 };
      const result = await save(next);
      if (result.ok) {
        await queryClient.invalidateQueries({ queryKey: adminSettingsQueries.all });
        setMessage({ text: `Saved. Version ${next.version} of the mapping is in force; publish the team rules to give it to every rep.`, error: false });
      } else {
        setMessage({ text: result.errors.map((e) => e.message).join(' '), error: true });
      }
    } catch (err) {
      setMessage({ text: `Could not save: ${(err as Error).message}`, error: true });
    } finally {
      busy.current = false;
    }
  };

  const selectClass = 'rounded border border-slate-300 bg-white px-2 py-1 text-slate-900 focus-visible:outline-2 focus-visible:outline-amber-500';

  // The lead-record choices travel inside the lead-status mapping, which names the CRM it is for:
  // saved into another CRM's mapping they would never reach HubSpot's writer.
  if (value.crm !== undefined && value.crm !== choices.crm) {
    return <p className="mt-2 text-slate-600">The lead status mapping in force is for another CRM. Save HubSpot's lead statuses in the mapping above first, then choose here.</p>;
  }

  return (
    <div className="mt-3 grid gap-3">
      <label className="flex items-center gap-2 text-slate-800">
        <input
          type="checkbox"
          checked={draft.enabled}
          onChange={(e) => {
            setDraft({ ...draft, enabled: e.target.checked });
            setMessage(null);
          }}
          className="focus-visible:outline-2 focus-visible:outline-amber-500"
        />
        Update HubSpot's leads when a rep decides
      </label>
      {choices.pipelines.map((pipeline) => (
        <fieldset key={pipeline.id} disabled={!draft.enabled} className="rounded border border-slate-200 px-3 py-2">
          <legend className="px-1 text-sm font-medium text-slate-900">Lead stage in “{pipeline.label}”</legend>
          <div className="grid gap-1.5 sm:grid-cols-2">
            {OUTCOMES.map(({ key, label }) => {
              const selectId = `${id}-${pipeline.id}-${key}`;
              const chosen = draft.stages[pipeline.id]?.[key] ?? null;
              const missing = chosen !== null && !stageIds(pipeline.id).has(chosen);
              return (
                <div key={key} className="grid gap-0.5">
                  <label htmlFor={selectId} className="text-slate-700">{label}</label>
                  <select id={selectId} value={chosen ?? ''} aria-invalid={missing || undefined} onChange={(e) => setStage(pipeline.id, key, e.target.value)} className={selectClass}>
                    <option value="">Leave the stage as it is</option>
                    {missing ? <option value={chosen}>A stage this pipeline no longer has</option> : null}
                    {pipeline.stages.map((stage) => (
                      <option key={stage.id} value={stage.id}>{stage.label}</option>
                    ))}
                  </select>
                </div>
              );
            })}
          </div>
        </fieldset>
      ))}
      {choices.pipelines.length === 0 ? <p className="text-slate-600">HubSpot lists no lead pipelines for this portal.</p> : null}
      <fieldset disabled={!draft.enabled} className="rounded border border-slate-200 px-3 py-2">
        <legend className="px-1 text-sm font-medium text-slate-900">Disqualification reason in HubSpot, for each of Baton's reasons</legend>
        {choices.reasons.length === 0 ? <p className="text-slate-600">HubSpot lists no disqualification reasons: leads are moved without one.</p> : null}
        <div className="grid gap-1.5 sm:grid-cols-2">
          {choices.reasons.length > 0
            ? reasons.map((reason) => {
                const selectId = `${id}-reason-${reason.id}`;
                const chosen = draft.reasons[reason.id] ?? defaultLeadReason(reason, choices.reasons);
                const missing = chosen !== '' && !reasonValues.has(chosen);
                return (
                  <div key={reason.id} className="grid gap-0.5">
                    <label htmlFor={selectId} className="text-slate-700">{reason.label}</label>
                    <select
                      id={selectId}
                      value={chosen}
                      aria-invalid={missing || undefined}
                      aria-describedby={missing ? `${selectId}-missing` : undefined}
                      onChange={(e) => setReason(reason.id, e.target.value)}
                      className={selectClass}
                    >
                      <option value="">No reason</option>
                      {missing ? <option value={chosen}>A reason HubSpot no longer lists</option> : null}
                      {choices.reasons.map((option) => (
                        <option key={option.value} value={option.value}>{option.label}</option>
                      ))}
                    </select>
                    {missing ? <span id={`${selectId}-missing`} className="text-xs text-red-800">HubSpot no longer lists this reason: it is not sent. Choose another.</span> : null}
                  </div>
                );
              })
            : null}
        </div>
      </fieldset>
      <div className="flex flex-wrap items-center gap-2">
        <OptionsButton variant="primary" onClick={() => void onSave()}>
          Save<span className="sr-only"> HubSpot lead stages and disqualification reasons</span>
        </OptionsButton>
        {changed ? <span className="text-xs text-amber-800">{value.leadRecord === undefined ? 'Chosen by meaning; not saved yet' : 'Not saved yet'}</span> : null}
      </div>
      <p role={message?.error ? 'alert' : 'status'} aria-live="polite" className={message ? (message.error ? 'text-red-800' : 'text-emerald-800') : 'sr-only'}>
        {message?.text ?? ''}
      </p>
    </div>
  );
}
