import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { alertSettingsSchema, readAlertSettings, writeAlertSettings, type AlertSettings } from '../../lib/storage/alert-settings';

const ALERTS_KEY = ['alert-settings'] as const;

/** Options: the rep's own alerts — the toolbar count, which reminders, when, and quiet hours. */
export function AlertSettingsSection() {
  const client = useQueryClient();
  const stored = useQuery({ queryKey: ALERTS_KEY, queryFn: readAlertSettings });
  const [draft, setDraft] = useState<AlertSettings | null>(null);
  useEffect(() => {
    if (stored.data && !draft) setDraft(stored.data);
  }, [stored.data, draft]);
  const save = useMutation({
    mutationFn: writeAlertSettings,
    onSuccess: () => client.invalidateQueries({ queryKey: ALERTS_KEY }),
  });
  const ids = { share: useId(), before: useId(), quietStart: useId(), quietEnd: useId() };
  const checked = draft ? alertSettingsSchema.safeParse(draft) : null;
  const set = (patch: Partial<AlertSettings>) => setDraft((d) => (d ? { ...d, ...patch } : d));

  return (
    <section aria-labelledby="alerts-heading" className="mt-6 rounded-lg border border-slate-200 p-4">
      <h2 id="alerts-heading" className="text-base font-semibold text-slate-900">Alerts</h2>
      <p className="mt-1 text-slate-600">Reminders about your leads waiting for a first touch. Each one comes once per lead.</p>
      {stored.isPending || !draft ? <p role="status">Loading your alert settings…</p> : null}
      {draft ? (
        <form
          className="mt-3 flex flex-col gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            if (checked?.success) save.mutate(checked.data);
          }}
        >
          <Check label="Show how many leads are at risk or overdue on the Baton button" checked={draft.badge} onChange={(badge) => set({ badge })} />
          <Check label="Send me reminders (system notifications)" checked={draft.notifications} onChange={(notifications) => set({ notifications })} />
          <fieldset disabled={!draft.notifications} className="ml-5 flex flex-col gap-2 disabled:opacity-60">
            <legend className="sr-only">When to remind me</legend>
            <Check label="When a new lead is assigned to me" checked={draft.assigned} onChange={(assigned) => set({ assigned })} />
            <div className="flex items-center gap-2">
              <Check label="When this share of the response time is used:" checked={draft.sharePercent !== null} onChange={(on) => set({ sharePercent: on ? 80 : null })} />
              <label htmlFor={ids.share} className="sr-only">Share of the response time, percent</label>
              <input id={ids.share} type="number" min={50} max={95} step={5} disabled={draft.sharePercent === null} value={draft.sharePercent ?? 80} onChange={(e) => set({ sharePercent: Number(e.target.value) })} className="w-16 rounded border border-slate-300 px-1 py-0.5" />
              <span aria-hidden="true">%</span>
            </div>
            <div className="flex items-center gap-2">
              <Check label="This many minutes before the deadline:" checked={draft.minutesBeforeBreach !== null} onChange={(on) => set({ minutesBeforeBreach: on ? 5 : null })} />
              <label htmlFor={ids.before} className="sr-only">Minutes before the deadline</label>
              <input id={ids.before} type="number" min={1} max={240} disabled={draft.minutesBeforeBreach === null} value={draft.minutesBeforeBreach ?? 5} onChange={(e) => set({ minutesBeforeBreach: Number(e.target.value) })} className="w-16 rounded border border-slate-300 px-1 py-0.5" />
            </div>
            <Check label="When the deadline passes" checked={draft.breach} onChange={(breach) => set({ breach })} />
            <Check label="Only during the team's business hours" checked={draft.businessHoursOnly} onChange={(businessHoursOnly) => set({ businessHoursOnly })} />
            <div className="flex flex-wrap items-center gap-2">
              <Check label="Quiet hours, no reminders from" checked={draft.quietHours !== null} onChange={(on) => set({ quietHours: on ? { start: '12:00', end: '13:00' } : null })} />
              <label htmlFor={ids.quietStart} className="sr-only">Quiet hours start</label>
              <input id={ids.quietStart} type="time" disabled={!draft.quietHours} value={draft.quietHours?.start ?? '12:00'} onChange={(e) => set({ quietHours: { start: e.target.value, end: draft.quietHours?.end ?? '13:00' } })} className="rounded border border-slate-300 px-1 py-0.5" />
              <span>to</span>
              <label htmlFor={ids.quietEnd} className="sr-only">Quiet hours end</label>
              <input id={ids.quietEnd} type="time" disabled={!draft.quietHours} value={draft.quietHours?.end ?? '13:00'} onChange={(e) => set({ quietHours: { start: draft.quietHours?.start ?? '12:00', end: e.target.value } })} className="rounded border border-slate-300 px-1 py-0.5" />
            </div>
          </fieldset>
          {checked && !checked.success ? <p role="alert" className="text-red-800">{checked.error.issues[0]?.message ?? 'Check the values.'}</p> : null}
          <div className="flex items-center gap-3">
            <button type="submit" disabled={!checked?.success || save.isPending} className="rounded bg-slate-900 px-3 py-1.5 font-medium text-white hover:bg-slate-700 disabled:bg-slate-400">
              Save alerts
            </button>
            {save.isSuccess ? <span role="status">Saved.</span> : null}
            {save.isError ? <span role="alert" className="text-red-800">Not saved: {save.error.message}</span> : null}
          </div>
        </form>
      ) : null}
    </section>
  );
}

function Check({ label, checked, onChange }: { label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label className="flex items-center gap-2">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span>{label}</span>
    </label>
  );
}
