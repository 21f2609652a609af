import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { CRM_DESCRIPTORS } from '../../lib/crm/crm-descriptors';
import { settingsQueries } from '../../lib/queries/settings-queries';
import { connectionSettingsSchema, writeConnectionSettings, type ConnectionSettings } from '../../lib/storage/connection-settings';
import { applyManagedConnection } from '../../lib/storage/managed-policy-overlay';
import { ManagedReason, useManagedPolicy } from './managed-policy';
import { ManagedPolicyNotice } from './managed-policy-notice';
import { Button } from '../ui/panel-states';
import { rereadCrmPeople } from './reread-crm-people';
import { connectionFormFor } from './provider-connection-form';
import { EngagementSourcesSection } from './engagement-sources-section';

/**
 * Which CRM Baton talks to: every provider with a connection form, plus (demo builds) the bundled
 * sandbox CRM, which speaks the default provider's dialect. The chosen provider's own form follows.
 */
export function ConnectionSection({ settings, demoBuild }: { settings: ConnectionSettings; demoBuild: boolean }) {
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (next: ConnectionSettings) => writeConnectionSettings(next),
    onSuccess: async () => {
      await Promise.all([queryClient.invalidateQueries({ queryKey: settingsQueries.all }), rereadCrmPeople(queryClient)]);
    },
  });
  const choices = CRM_DESCRIPTORS.flatMap((descriptor) => {
    const option = connectionFormFor(descriptor.kind);
    return option ? [{ descriptor, option }] : [];
  });
  // The sandbox speaks the dialect of the first provider that reads sandbox pages.
  const sandboxDialect = choices.find((c) => c.descriptor.readSandboxPage);
  // Shown: IT's policy over the stored settings. Saved: the stored settings with the admin's change only.
  const managed = useManagedPolicy();
  const shown = applyManagedConnection(settings, managed.policy);
  const choiceLocked = managed.locked.provider || managed.locked.address;
  const lockedReasonId = useId();
  const onSandbox = demoBuild && shown.address === 'sandbox';
  const chosen = choices.find((c) => c.descriptor.kind === shown.provider);
  const ChosenForm = chosen?.option.Form;

  return (
    <section aria-labelledby="connection-heading" className="mt-6 rounded-lg border border-slate-200 p-4">
      <h2 id="connection-heading" className="text-base font-semibold text-slate-900">CRM connection</h2>
      <ManagedPolicyNotice />
      <fieldset className="mt-3" disabled={choiceLocked}>
        <legend className={choiceLocked ? 'font-medium' : 'sr-only'}>Connection{choiceLocked ? <ManagedReason id={lockedReasonId} /> : null}</legend>
        {demoBuild && sandboxDialect ? (
          <label className="flex items-start gap-2 py-1">
            <input type="radio" name="connection" checked={onSandbox} onChange={() => save.mutate({ ...settings, provider: sandboxDialect.descriptor.kind, address: 'sandbox' })} className="mt-0.5" />
            <span>
              <span className="font-medium">Sandbox CRM</span>
              <span className="block text-slate-600">The bundled demo CRM with seeded leads (demo builds only). Its record pages use their own API.</span>
            </span>
          </label>
        ) : null}
        {choices.map(({ descriptor, option }) => (
          <label key={descriptor.kind} className="flex items-start gap-2 py-1">
            <input type="radio" name="connection" checked={!onSandbox && shown.provider === descriptor.kind} onChange={() => save.mutate({ ...settings, provider: descriptor.kind, address: 'vendor' })} className="mt-0.5" />
            <span>
              <span className="font-medium">{descriptor.label}</span>
              <span className="block text-slate-600">{option.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {onSandbox ? <SandboxUrlField settings={settings} managedUrl={managed.locked.address ? shown.sandboxUrl : null} onSave={(next) => save.mutate(next)} /> : null}
      {ChosenForm ? <ChosenForm address={onSandbox ? 'sandbox' : 'vendor'} /> : null}
      <EngagementSourcesSection onSandbox={onSandbox} />
      {save.isError ? <p role="alert" className="mt-2 text-red-700">Could not save: {save.error.message}</p> : null}
    </section>
  );
}

function SandboxUrlField({ settings, managedUrl, onSave }: { settings: ConnectionSettings; managedUrl: string | null; onSave: (next: ConnectionSettings) => void }) {
  const id = useId();
  if (managedUrl !== null) {
    return (
      <div className="mt-3 flex flex-col">
        <label htmlFor={id} className="font-medium">Sandbox address<ManagedReason id={`${id}-managed`} /></label>
        <input id={id} value={managedUrl} disabled aria-describedby={`${id}-managed`} className="mt-1 w-72 rounded border border-slate-300 bg-slate-50 px-2 py-1 text-slate-700" />
      </div>
    );
  }
  return <SandboxUrlForm id={id} settings={settings} onSave={onSave} />;
}

function SandboxUrlForm({ id, settings, onSave }: { id: string; settings: ConnectionSettings; onSave: (next: ConnectionSettings) => void }) {
  const [value, setValue] = useState(settings.sandboxUrl);
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = connectionSettingsSchema.shape.sandboxUrl.safeParse(value.trim());
    if (!parsed.success) return setError('Enter an http://127.0.0.1:PORT or http://localhost:PORT address.');
    setError(null);
    onSave({ ...settings, sandboxUrl: parsed.data });
  };
  return (
    <form onSubmit={submit} className="mt-3 flex flex-wrap items-end gap-2">
      <div className="flex flex-col">
        <label htmlFor={id} className="font-medium">Sandbox address</label>
        <input id={id} value={value} onChange={(e) => setValue(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} className="mt-1 w-72 rounded border border-slate-300 px-2 py-1" />
      </div>
      <Button type="submit">Save</Button>
      {error ? <p id={`${id}-error`} role="alert" className="w-full text-red-700">{error}</p> : null}
    </form>
  );
}
