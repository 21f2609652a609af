import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { engagementSourceCheckSchema, engagementSourceStateSchema, sendEngagementSourceRequest } from '../../lib/crm/engagement-source-protocol';
import { Button } from '../ui/panel-states';
import type { EngagementSourceFormDescription } from './engagement-source-form';
import { ManagedReason, useManagedPolicy } from './managed-policy';
import { managedEngagementSource } from '../../lib/storage/managed-policy-overlay';

const found = import.meta.glob<EngagementSourceFormDescription>('./*/*-engagement-source-form.ts', { eager: true, import: 'engagementSourceForm' });
const FORMS: readonly EngagementSourceFormDescription[] = Object.values(found).sort((a, b) => (a.label < b.label ? -1 : 1));

/**
 * "Marketing engagement sources": the marketing platforms whose activity Baton merges into a
 * lead's timeline and brief, each with its settings, Save and test, and Remove. Secrets go to the
 * background and are never shown again.
 */
export function EngagementSourcesSection({ onSandbox }: { onSandbox: boolean }) {
  if (FORMS.length === 0) return null;
  return (
    <section aria-labelledby="engagement-sources-heading" className="mt-4 border-t border-slate-200 pt-4">
      <h3 id="engagement-sources-heading" className="text-sm font-semibold text-slate-900">Marketing engagement sources</h3>
      <p className="mt-1 text-slate-600">Page views, form fills, email clicks and webinars kept outside the CRM, shown in each lead's timeline and brief with the platform named.</p>
      {FORMS.map((form) => (
        <EngagementSourceCard key={form.kind} form={form} onSandbox={onSandbox} />
      ))}
    </section>
  );
}

function EngagementSourceCard({ form, onSandbox }: { form: EngagementSourceFormDescription; onSandbox: boolean }) {
  const queryClient = useQueryClient();
  const queryKey = ['settings', 'engagement-source', form.kind];
  const state = useQuery({ queryKey, queryFn: () => sendEngagementSourceRequest({ type: 'engagement-source/state', kind: form.kind }, engagementSourceStateSchema) });
  const headingId = useId();
  // IT's policy may set some of this source's fields: Baton uses those over the stored ones
  // (engagement-source-reader.ts), so the form shows them, locked, with the reason.
  const managed = managedEngagementSource(useManagedPolicy().policy, form.kind);
  return (
    <div role="group" aria-labelledby={headingId} className="mt-3 rounded border border-slate-200 p-3">
      <h4 id={headingId} className="font-medium">{form.label}</h4>
      <p className="text-slate-600">{form.hint}</p>
      {onSandbox && form.sandboxNote ? <p className="mt-1 text-slate-600">{form.sandboxNote}</p> : null}
      {state.isError ? <p role="alert" className="mt-2 text-red-700">Could not read these settings: {state.error.message}</p> : null}
      {state.data ? <SourceForm form={form} settings={state.data.settings} managed={managed} hasSecret={state.data.hasSecret} onSaved={() => queryClient.invalidateQueries({ queryKey })} /> : null}
    </div>
  );
}

function SourceForm({ form, settings, managed, hasSecret, onSaved }: { form: EngagementSourceFormDescription; settings: Record<string, string> | null; managed: Readonly<Record<string, string | undefined>> | null; hasSecret: boolean; onSaved: () => void }) {
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(form.fields.filter((f) => f.kind !== 'secret').map((f) => [f.name, settings?.[f.name] ?? f.choices?.[0]?.value ?? ''])));
  const [secret, setSecret] = useState('');
  const secretField = form.fields.find((f) => f.kind === 'secret');
  const save = useMutation({
    mutationFn: () => sendEngagementSourceRequest({ type: 'engagement-source/save', kind: form.kind, settings: withManaged(values, managed), secret: secret.trim() ? secret.trim() : null }, engagementSourceCheckSchema),
    onSuccess: () => {
      setSecret('');
      onSaved();
    },
  });
  const forget = useMutation({
    mutationFn: () => sendEngagementSourceRequest({ type: 'engagement-source/forget', kind: form.kind }, engagementSourceStateSchema),
    onSuccess: onSaved,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const statusId = useId();
  return (
    <form onSubmit={submit} className="mt-2 space-y-2" aria-describedby={statusId}>
      {form.fields.map((field) => (
        <Field key={field.name} field={field} value={field.kind === 'secret' ? secret : (managed?.[field.name] ?? values[field.name] ?? '')} locked={field.kind !== 'secret' && managed?.[field.name] !== undefined} hasSecret={hasSecret} onChange={(value) => (field.kind === 'secret' ? setSecret(value) : setValues((v) => ({ ...v, [field.name]: value })))} />
      ))}
      <div className="flex gap-2">
        <Button type="submit" variant="primary" disabled={save.isPending}>{save.isPending ? 'Testing…' : 'Save and test'}</Button>
        {settings ? <Button onClick={() => forget.mutate()} disabled={forget.isPending}>Remove</Button> : null}
      </div>
      <div id={statusId} aria-live="polite">
        {save.isError ? <p role="alert" className="text-red-700">{save.error.message}</p> : null}
        {save.data ? <p className={save.data.ok ? 'text-green-800' : 'text-red-700'} role={save.data.ok ? 'status' : 'alert'}>{save.data.message}</p> : null}
        {!save.data && !save.isError && settings ? <p className="text-slate-600">Set up{secretField ? (hasSecret ? `; the ${secretField.label.toLowerCase()} is stored` : `; no ${secretField.label.toLowerCase()} stored yet`) : ''}.</p> : null}
        {forget.isError ? <p role="alert" className="text-red-700">{forget.error.message}</p> : null}
      </div>
    </form>
  );
}

/** The values a save sends: the form's, with the policy's over them (the background applies them anyway). */
function withManaged(values: Record<string, string>, managed: Readonly<Record<string, string | undefined>> | null): Record<string, string> {
  const next = { ...values };
  for (const [name, value] of Object.entries(managed ?? {})) if (value !== undefined) next[name] = value;
  return next;
}

function Field({ field, value, locked, hasSecret, onChange }: { field: EngagementSourceFormDescription['fields'][number]; value: string; locked: boolean; hasSecret: boolean; onChange: (value: string) => void }) {
  const id = useId();
  const reason = locked ? <ManagedReason id={`${id}-managed`} /> : null;
  if (field.kind === 'choice') {
    return (
      <fieldset disabled={locked} aria-describedby={locked ? `${id}-managed` : undefined}>
        <legend className="font-medium">{field.label}{reason}</legend>
        {field.choices?.map((choice) => (
          <label key={choice.value} className="mr-4 inline-flex items-center gap-1">
            <input type="radio" name={`${id}-${field.name}`} checked={value === choice.value} onChange={() => onChange(choice.value)} />
            {choice.label}
          </label>
        ))}
        <p className="text-xs text-slate-600">{field.help}</p>
      </fieldset>
    );
  }
  return (
    <div className="flex flex-col">
      <label htmlFor={id} className="font-medium">{field.label}{reason}</label>
      <input
        id={id}
        readOnly={locked}
        type={field.kind === 'secret' ? 'password' : 'text'}
        autoComplete="off"
        value={value}
        placeholder={field.kind === 'secret' && hasSecret ? 'Stored (enter a new one to replace it)' : field.placeholder}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={locked ? `${id}-managed ${id}-help` : `${id}-help`}
        className="mt-1 w-96 max-w-full rounded border border-slate-300 px-2 py-1"
      />
      <p id={`${id}-help`} className="text-xs text-slate-600">{field.help}</p>
    </div>
  );
}
