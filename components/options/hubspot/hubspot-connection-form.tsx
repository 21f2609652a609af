import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { describeTokenExpiry, detectHubSpotTokenKind, normalizePastedToken } from '../../../lib/crm/hubspot/token-kind';
import { connectionStatusSchema } from '../../../lib/messaging/protocol';
import type { ConnectionStatus } from '../../../lib/messaging/protocol';
import { sendRequest } from '../../../lib/messaging/send-request';
import { rereadCrmPeople } from '../reread-crm-people';
import { settingsQueries } from '../../../lib/queries/settings-queries';
import { Button } from '../../ui/panel-states';
import type { ProviderConnectionFormProps, ProviderConnectionOption } from '../provider-connection-form';
import { HUBSPOT_KIND } from '../../../lib/crm/hubspot/hubspot-pages';
import { HubSpotSetupProperties } from './hubspot-setup-properties';
import { ManagedReason, SET_BY_ORGANISATION, useManagedPolicy } from '../managed-policy';

/*
 * HubSpot's part of the options page: the token an admin pastes (a service key or a private app's
 * token), what kind it looks like, what the connection check found, and the one-time property setup.
 */

type ConnectionCheck = NonNullable<ConnectionStatus['check']>;

/** What the connection check found beyond "connected": scopes that are missing (and what stops working), and rate-limit headroom. */
function HubSpotConnectionDetails({ check }: { check: ConnectionCheck }) {
  const missing = check.missingScopes ?? [];
  const headroom = check.headroom;
  const count = (n: number) => n.toLocaleString('en-US');
  const expiry = check.token ? describeTokenExpiry(check.token.expiresAt, Date.now()) : null;
  return (
    <div className="mt-2 space-y-2">
      {check.token ? (
        <p className="text-slate-700" data-testid="token-kind">Token: {check.token.label}.</p>
      ) : null}
      {expiry?.message ? (
        <p
          data-testid="token-expiry"
          role={expiry.state === 'expiring' || expiry.state === 'expired' ? 'alert' : undefined}
          className={expiry.state === 'valid' ? 'text-slate-700' : 'rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900'}
        >
          {expiry.message}
        </p>
      ) : null}
      {missing.length ? (
        <section aria-label="Missing HubSpot scopes" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">
          <p className="font-medium">This token is missing {missing.length === 1 ? 'a scope' : `${missing.length} scopes`} Baton needs. Add {missing.length === 1 ? 'it' : 'them'} to the service key or private app, then save its token again:</p>
          <ul className="mt-1 list-disc pl-5">
            {missing.map((m) => (
              <li key={m.scope}>
                <code>{m.scope}</code>
                {m.alternatives?.length ? <> (or {m.alternatives.map((a, i) => <span key={a}>{i ? ', ' : ''}<code>{a}</code></span>)})</> : null}
                : {m.features.map((f) => `without it ${f.withoutIt}`).join('; ')}.
              </li>
            ))}
          </ul>
        </section>
      ) : check.grantedScopes ? (
        <p className="text-emerald-800">The token has every scope Baton needs.</p>
      ) : null}
      {check.scopesMessage ? <p className="text-amber-900">{check.scopesMessage}</p> : null}
      {headroom && (headroom.dailyRemaining !== null || headroom.windowMax !== null) ? (
        <p className="text-slate-700" data-testid="rate-limit-headroom">
          Rate limit:
          {headroom.dailyRemaining !== null ? ` ${count(headroom.dailyRemaining)}${headroom.daily !== null ? ` of ${count(headroom.daily)}` : ''} calls left today` : ''}
          {headroom.dailyRemaining !== null && headroom.windowMax !== null ? ';' : ''}
          {headroom.windowMax !== null ? ` up to ${count(headroom.windowMax)} requests per ${headroom.windowMs !== null ? `${headroom.windowMs / 1000} seconds` : 'window'}` : ''}
          {' '}(shared with every integration in the portal).
        </p>
      ) : null}
    </div>
  );
}

/** Found by the options page (provider-connection-form.ts) by its file name and export name. */
export const connectionOption: ProviderConnectionOption = {
  kind: HUBSPOT_KIND,
  hint: "A service key (Development → Keys → Service keys) or an existing private app's access token (Development → Legacy apps) from your portal.",
  Form: HubSpotConnectionForm,
};

function HubSpotConnectionForm({ address }: ProviderConnectionFormProps) {
  if (address === 'sandbox') {
    // The sandbox speaks HubSpot's API, so the same admin setup applies; it needs no token.
    return <HubSpotSetupProperties crmLabel="the sandbox CRM" />;
  }
  return <HubSpotTokenField />;
}

function HubSpotTokenField() {
  const id = useId();
  const queryClient = useQueryClient();
  const status = useQuery(settingsQueries.connectionStatus());
  const [token, setToken] = useState('');
  // A key IT set by policy is used as it is: nothing to paste or forget here.
  const managed = useManagedPolicy();
  const keyLocked = managed.locked.credential && managed.policy.provider === HUBSPOT_KIND;
  // Said while the admin pastes, before anything is sent: which kind of credential this is.
  const pasted = token.trim() ? detectHubSpotTokenKind(token) : null;
  const saveToken = useMutation({
    mutationFn: (value: string) => sendRequest({ type: 'connection/save-token', token: value }, connectionStatusSchema),
    onSuccess: (data) => {
      setToken('');
      queryClient.setQueryData(settingsQueries.connectionStatus().queryKey, data);
      void queryClient.invalidateQueries({ queryKey: settingsQueries.connection().queryKey });
      // A key for another portal: its people, not the old portal's.
      void rereadCrmPeople(queryClient);
    },
  });
  const forget = useMutation({
    mutationFn: () => sendRequest({ type: 'connection/forget-token' }, connectionStatusSchema),
    onSuccess: (data) => {
      queryClient.setQueryData(settingsQueries.connectionStatus().queryKey, data);
      void rereadCrmPeople(queryClient);
    },
  });

  return (
    <div className="mt-3">
      <form
        aria-label="HubSpot access token"
        onSubmit={(e) => {
          e.preventDefault();
          // A token copied with its header scheme ("Bearer pat-…") is saved without it.
          if (normalizePastedToken(token)) saveToken.mutate(normalizePastedToken(token));
        }}
        className="flex flex-wrap items-end gap-2"
      >
        <div className="flex flex-col">
          <label htmlFor={id} className="font-medium">Access token{keyLocked ? <ManagedReason id={`${id}-managed`} /> : null}</label>
          <input id={id} type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} disabled={keyLocked} placeholder={keyLocked ? SET_BY_ORGANISATION : 'pat-na1-…'} aria-describedby={keyLocked ? `${id}-managed` : `${id}-kind`} className="mt-1 w-80 rounded border border-slate-300 px-2 py-1 disabled:bg-slate-50" />
        </div>
        <Button type="submit" variant="primary" disabled={keyLocked || !token.trim() || saveToken.isPending}>
          {saveToken.isPending ? 'Saving…' : 'Save and test'}
        </Button>
      </form>
      <p id={`${id}-kind`} aria-live="polite" data-testid="pasted-token-kind" className={pasted && !pasted.usable ? 'mt-1 text-amber-900' : 'mt-1 text-slate-700'}>
        {pasted ? `Looks like: ${pasted.label}.${pasted.note ? ` ${pasted.note}` : ''}` : null}
      </p>
      <p className="mt-1 text-xs text-slate-500">The token is kept by Baton's background service only; web pages and content scripts never see it. Baton never refreshes OAuth tokens: that needs a client secret, which an extension cannot keep safely.</p>
      <div className="mt-3" aria-live="polite">
        {status.isPending ? <p>Checking connection…</p> : null}
        {status.isError ? <p role="alert" className="text-red-700">{status.error.message}</p> : null}
        {status.data && !status.data.hasToken ? <p className="text-slate-700">No token saved yet.</p> : null}
        {status.data?.check ? (
          <p className={status.data.check.ok ? 'text-emerald-800' : 'text-red-700'} role={status.data.check.ok ? undefined : 'alert'}>
            {status.data.check.message}
          </p>
        ) : null}
        {status.data?.check?.ok ? <HubSpotConnectionDetails check={status.data.check} /> : null}
        {saveToken.isError ? <p role="alert" className="text-red-700">{saveToken.error.message}</p> : null}
        {status.data?.check?.ok ? <HubSpotSetupProperties /> : null}
        {status.data?.hasToken && !keyLocked ? (
          <div className="mt-2">
            <Button onClick={() => forget.mutate()}>Forget token</Button>
          </div>
        ) : null}
      </div>
    </div>
  );
}
