import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { checkCredentialInput, encodeCredentialInput, type CredentialFieldErrors } from '../../../lib/crm/salesforce/salesforce-credential-input';
import { managedGenericLoginPage, managedMyDomain } from '../../../lib/crm/salesforce/salesforce-managed-sign-in';
import { SALESFORCE_KIND } from '../../../lib/crm/salesforce/salesforce-pages';
import { browserWebAuthFlow } from '../../../lib/crm/salesforce/salesforce-web-auth-flow';
import { connectionStatusSchema, propertySetupResultSchema, type ConnectionStatus } from '../../../lib/messaging/protocol';
import { sendRequest } from '../../../lib/messaging/send-request';
import { rereadCrmPeople } from '../reread-crm-people';
import { settingsQueries } from '../../../lib/queries/settings-queries';
import { Button } from '../../ui/panel-states';
import type { ProviderConnectionFormProps, ProviderConnectionOption } from '../provider-connection-form';
import { ManagedReason, useManagedPolicy } from '../managed-policy';

/*
 * Salesforce's part of the options page: the callback URL the admin pastes into the org's External
 * Client App, the org's My Domain and the app's consumer key (no secret), Connect (the background
 * opens Salesforce's sign-in and keeps the refresh token), what the check found, Disconnect.
 */

/** Found by the options page (provider-connection-form.ts) by its file name and export name. */
export const connectionOption: ProviderConnectionOption = {
  kind: SALESFORCE_KIND,
  hint: "Your org's My Domain and an External Client App's consumer key (OAuth with PKCE, no client secret).",
  Form: SalesforceConnectionForm,
};

function SalesforceConnectionForm({ address }: ProviderConnectionFormProps) {
  if (address === 'sandbox') {
    return (
      <div>
        <p className="mt-3 text-slate-700">The sandbox CRM stands in for a Salesforce org: Baton signs in to it by itself, with no consumer key.</p>
        <SalesforceSetupFields orgLabel="the sandbox org" />
      </div>
    );
  }
  return (
    <div className="mt-3 space-y-4">
      <CallbackUrl />
      <ConnectOrg />
    </div>
  );
}

/** What `identity.getRedirectURL` says, or null where the browser has no identity API (the admin is told). */
function readCallbackUrl(): string | null {
  try {
    return browserWebAuthFlow.redirectUrl();
  } catch {
    return null;
  }
}

function CallbackUrl() {
  const id = useId();
  const [url] = useState(readCallbackUrl);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  if (!url) return <p role="alert" className="text-red-700">This browser does not offer Baton a sign-in window (the identity API), so Baton cannot connect to Salesforce here.</p>;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <div>
      <label htmlFor={id} className="font-medium">Callback URL</label>
      <p id={`${id}-help`} className="text-slate-600">
        Paste it into your External Client App (Setup → External Client App Manager → the app → OAuth Settings → Callback URL), with the scopes "Manage user data via APIs (api)" and "Perform requests at any time (refresh_token, offline_access)", "Require PKCE" on and "Require secret for Web Server Flow" off.
      </p>
      <div className="mt-1 flex flex-wrap items-center gap-2">
        <input id={id} readOnly value={url} aria-describedby={`${id}-help`} onFocus={(e) => e.currentTarget.select()} className="w-[34rem] max-w-full rounded border border-slate-300 bg-slate-50 px-2 py-1 font-mono text-xs" />
        <Button onClick={() => void copy()}>Copy</Button>
        <span aria-live="polite" className="text-slate-600">{copied === 'yes' ? 'Copied.' : copied === 'failed' ? 'Could not copy: select the address and copy it.' : ''}</span>
      </div>
    </div>
  );
}

function ConnectOrg() {
  const id = useId();
  const queryClient = useQueryClient();
  const status = useQuery(settingsQueries.connectionStatus());
  const [typedDomain, setMyDomain] = useState('');
  const [typedKey, setConsumerKey] = useState('');
  // What IT set by policy is used as it is (the admin still signs in); the rest is typed.
  const { policy } = useManagedPolicy();
  const ours = policy.provider === SALESFORCE_KIND;
  // The same values the background signs in with (salesforce-managed-sign-in.ts), which refuses others.
  const managedDomain = ours ? managedMyDomain(policy) : null;
  const managedKey = ours ? policy.consumerKey : null;
  // Salesforce's own login page set by IT: the org is still typed (or set), the sign-in goes there.
  const managedLoginPage = ours ? managedGenericLoginPage(policy) : null;
  const myDomain = managedDomain ?? typedDomain;
  const consumerKey = managedKey ?? typedKey;
  const [errors, setErrors] = useState<CredentialFieldErrors>({});
  const connect = useMutation({
    mutationFn: (value: string) => sendRequest({ type: 'connection/save-token', token: value }, connectionStatusSchema),
    onSuccess: (data) => {
      setConsumerKey('');
      queryClient.setQueryData(settingsQueries.connectionStatus().queryKey, data);
      void queryClient.invalidateQueries({ queryKey: settingsQueries.connection().queryKey });
      void rereadCrmPeople(queryClient);
    },
  });
  const disconnect = useMutation({
    mutationFn: () => sendRequest({ type: 'connection/forget-token' }, connectionStatusSchema),
    onSuccess: (data) => {
      queryClient.setQueryData(settingsQueries.connectionStatus().queryKey, data);
      void queryClient.invalidateQueries({ queryKey: settingsQueries.connection().queryKey });
      void rereadCrmPeople(queryClient);
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const checked = checkCredentialInput({ myDomain, consumerKey });
    setErrors(checked.errors);
    if (checked.value) {
      setMyDomain(checked.value.myDomain);
      connect.mutate(encodeCredentialInput(checked.value));
    }
  };

  return (
    <div>
      <form onSubmit={submit} noValidate className="flex flex-wrap items-start gap-3">
        <Field id={`${id}-domain`} label="My Domain" value={myDomain} onChange={setMyDomain} placeholder="acme.my.salesforce.com" error={errors.myDomain} managed={managedDomain !== null} />
        <Field id={`${id}-key`} label="Consumer key" value={consumerKey} onChange={setConsumerKey} placeholder="3MVG9…" error={errors.consumerKey} managed={managedKey !== null} />
        <div className="pt-6">
          <Button type="submit" variant="primary" disabled={connect.isPending}>
            {connect.isPending ? 'Waiting for the Salesforce sign-in…' : 'Connect'}
          </Button>
        </div>
      </form>
      {managedLoginPage ? <p className="mt-1 text-slate-700">Baton opens Salesforce's sign-in on {managedLoginPage}, as your organisation set.</p> : null}
      <p className="mt-1 text-xs text-slate-500">Baton's background service keeps the refresh token; web pages and content scripts never see it. Connecting another org keeps this one's tokens for its records.</p>
      <div className="mt-3" aria-live="polite">
        {connect.isError ? <p role="alert" className="text-red-700">{connect.error.message}</p> : null}
        {status.isPending ? <p>Checking connection…</p> : null}
        {status.isError ? <p role="alert" className="text-red-700">{status.error.message}</p> : null}
        {status.data && !status.data.hasToken ? <p className="text-slate-700">No Salesforce org connected yet.</p> : null}
        {status.data?.check ? <ConnectionCheck check={status.data.check} /> : null}
        {status.data?.hasToken ? (
          <div className="mt-2">
            <Button onClick={() => disconnect.mutate()} disabled={disconnect.isPending}>Disconnect</Button>
          </div>
        ) : null}
        {disconnect.isError ? <p role="alert" className="text-red-700">{disconnect.error.message}</p> : null}
      </div>
      {/* Outside the status region above: its own live region says what the setup did. */}
      {status.data?.check?.ok ? <SalesforceSetupFields /> : null}
    </div>
  );
}

function Field(props: { id: string; label: string; value: string; onChange: (value: string) => void; placeholder: string; error: string | undefined; managed?: boolean }) {
  const errorId = `${props.id}-error`;
  const managedId = `${props.id}-managed`;
  const describedBy = [props.managed ? managedId : null, props.error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="flex w-80 flex-col">
      <label htmlFor={props.id} className="font-medium">{props.label}{props.managed ? <ManagedReason id={managedId} /> : null}</label>
      <input
        id={props.id}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        placeholder={props.placeholder}
        autoComplete="off"
        spellCheck={false}
        disabled={props.managed}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy}
        className="mt-1 rounded border border-slate-300 px-2 py-1 disabled:bg-slate-50"
      />
      {props.error ? <p id={errorId} className="mt-1 text-red-700">{props.error}</p> : null}
    </div>
  );
}

function ConnectionCheck({ check }: { check: NonNullable<ConnectionStatus['check']> }) {
  const count = (n: number) => n.toLocaleString('en-US');
  const headroom = check.headroom;
  return (
    <div className="space-y-1">
      <p className={check.ok ? 'text-emerald-800' : 'text-red-700'} role={check.ok ? undefined : 'alert'}>{check.message}</p>
      {headroom?.dailyRemaining != null ? (
        <p className="text-slate-700" data-testid="rate-limit-headroom">
          API usage: {count(headroom.dailyRemaining)}{headroom.daily != null ? ` of ${count(headroom.daily)}` : ''} requests left in the org's 24-hour allowance (shared with every integration in the org).
        </p>
      ) : null}
    </div>
  );
}

/**
 * Creates Baton's custom fields (Lead, Contact, Task) in the connected org and grants access to
 * them through the "Baton" permission set. The background holds the token and does the work; it
 * is idempotent, so running it again only reports what is already there.
 */
export function SalesforceSetupFields({ orgLabel = 'Salesforce' }: { orgLabel?: string }) {
  const setup = useMutation({
    mutationFn: () => sendRequest({ type: 'crm/setup-properties' }, propertySetupResultSchema),
  });
  const fields = (n: number) => `${n} ${n === 1 ? 'field' : 'fields'}`;
  return (
    <div className="mt-3 rounded-md border border-slate-200 bg-slate-50 px-3 py-2">
      <div className="flex flex-wrap items-center gap-2">
        <Button onClick={() => setup.mutate()} disabled={setup.isPending}>
          {setup.isPending ? 'Setting up…' : `Set up Baton fields in ${orgLabel}`}
        </Button>
        <span className="text-xs text-slate-600">
          Adds the Baton fields dispositions are written to (Lead, Contact, Task) and a “Baton” permission set that can read and edit them: assign it to Baton’s users. Safe to run again.
        </span>
      </div>
      <div aria-live="polite">
        {setup.isSuccess ? (
          <p className="mt-2 text-emerald-800">
            {setup.data.created.length ? `Created ${fields(setup.data.created.length)}: ${setup.data.created.join(', ')}.` : 'Nothing to create.'}
            {setup.data.existing.length ? ` Already there: ${fields(setup.data.existing.length)}.` : ''}
          </p>
        ) : null}
      </div>
      {setup.isError ? (
        <p role="alert" className="mt-2 text-red-700">
          Could not set up the fields: {setup.error.message}
        </p>
      ) : null}
    </div>
  );
}
