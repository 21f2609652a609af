import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { formatAbsoluteTime, formatRelativeTime } from '../../lib/format/format-time';
import { sendRequest } from '../../lib/messaging/send-request';
import { teamRulesStatusSchema, type TeamRulesStatus } from '../../lib/messaging/team-rules-protocol';
import { stableJson } from '../../lib/storage/admin-setting-publishing';
import { ADMIN_SETTING_KINDS, defaultAdminSetting, type AdminSettingKind } from '../../lib/storage/admin-settings';
import type { ConnectionSettings } from '../../lib/storage/connection-settings';
import { SETTING_NAMES } from '../../lib/team-rules/team-rules-document';
import { Button } from '../ui/panel-states';
import { adminSettingsQueries } from './admin-settings-queries';
import { teamRulesQueries } from './team-rules-queries';

const PUBLISHER_KEY = 'baton.publisherName';

/**
 * One set of rules for the whole team: which revision every rep's Baton runs on, which of this
 * browser's settings are unpublished drafts (only their author sees them), and publishing them.
 */
export function TeamRulesSection({ settings }: { settings: ConnectionSettings }) {
  const connection = `${settings.provider}|${settings.address}|${settings.address === 'sandbox' ? settings.sandboxUrl : ''}`;
  const status = useQuery(teamRulesQueries.status(connection));
  const locals = useQueries({ queries: ADMIN_SETTING_KINDS.map((kind) => adminSettingsQueries.setting(kind)) });
  const localValues = Object.fromEntries(ADMIN_SETTING_KINDS.map((kind, i) => [kind, locals[i]?.data])) as Record<AdminSettingKind, unknown>;
  const localsReady = locals.every((q) => q.data !== undefined);

  return (
    <section aria-labelledby="team-rules-heading" className="mt-6 rounded-lg border border-slate-200 p-4">
      <h2 id="team-rules-heading" className="text-base font-semibold text-slate-900">Shared with your team</h2>
      {status.isPending ? <p role="status" className="mt-2 text-slate-600">Checking the team's published rules…</p> : null}
      {status.isError ? <p role="alert" className="mt-2 text-red-700">Could not check the team's rules: {status.error.message}</p> : null}
      {status.data && localsReady ? <TeamRulesBody status={status.data} localValues={localValues} connection={connection} /> : null}
    </section>
  );
}

function draftsOf(status: TeamRulesStatus, localValues: Record<AdminSettingKind, unknown>): AdminSettingKind[] {
  return ADMIN_SETTING_KINDS.filter((kind) => {
    const published = status.current ? status.current.settings[kind] : defaultAdminSetting(kind);
    return stableJson(localValues[kind]) !== stableJson(published);
  });
}

function versionOf(value: unknown): string | null {
  return value && typeof value === 'object' && 'version' in value ? String((value as { version: unknown }).version) : null;
}

function TeamRulesBody({ status, localValues, connection }: { status: TeamRulesStatus; localValues: Record<AdminSettingKind, unknown>; connection: string }) {
  const now = Date.now();
  const drafts = draftsOf(status, localValues);
  const current = status.current;
  const crm = status.crmLabel ?? 'the CRM';

  if (status.available === false) {
    return (
      <p className="mt-2 text-slate-700">
        Baton cannot keep shared rules in {crm} yet, so each browser uses its own settings below. Export them as files and import them in each rep's browser.
      </p>
    );
  }
  return (
    <div className="mt-2 space-y-3">
      {current ? (
        <p className="text-slate-800">
          Every rep's Baton runs on <strong>revision {current.revision}</strong>, published {formatAbsoluteTime(current.publishedAt)} by {current.publishedBy.name}
          {current.summary ? <>: “{current.summary}”</> : null}. SQL definition version {current.definitionVersion}.
        </p>
      ) : (
        <p className="text-slate-800">No rules are published to {crm} yet: every browser runs on its own settings until an admin publishes them.</p>
      )}
      <CheckLine status={status} now={now} crm={crm} />
      {status.newestUnreadable ? (
        <p role="alert" className="text-amber-800">
          Revision {status.newestUnreadable.revision} in {crm} could not be read ({status.newestUnreadable.problem}); Baton keeps running on {current ? `revision ${current.revision}` : 'this browser’s settings'}. Publish again to replace it.
        </p>
      ) : null}
      {drafts.length > 0 ? (
        <div className="rounded-md border border-amber-300 bg-amber-50 p-3">
          <p className="font-medium text-amber-900">{current ? 'Unpublished changes in this browser (only you see them; reps still run on the published revision):' : 'Settings only in this browser:'}</p>
          <ul className="mt-1 list-disc pl-5 text-amber-900">
            {drafts.map((kind) => {
              const mine = versionOf(localValues[kind]);
              const theirs = current ? versionOf(current.settings[kind]) : null;
              return (
                <li key={kind}>
                  {capitalise(SETTING_NAMES[kind])}
                  {mine ? ` — version ${mine}` : ''}
                  {theirs && theirs !== mine ? ` (published: version ${theirs})` : ''}
                </li>
              );
            })}
          </ul>
          <PublishForm localValues={localValues} crm={crm} connection={connection} first={!current} />
        </div>
      ) : current ? (
        <p className="text-slate-600">This browser's settings are the published ones. Edit a setting below to start a draft.</p>
      ) : (
        <p className="text-slate-600">This browser runs on Baton's shipped defaults. Edit a setting below, then publish it for the team.</p>
      )}
      {status.revisions.length > 0 ? <RevisionList status={status} /> : null}
    </div>
  );
}

function CheckLine({ status, now, crm }: { status: TeamRulesStatus; now: number; crm: string }) {
  if (status.error) {
    return (
      <p role="status" className="text-amber-800">
        Could not reach {crm}{status.errorAt ? ` ${formatRelativeTime(status.errorAt, now)}` : ''}: {status.error}
        {status.current ? ` Baton keeps using revision ${status.current.revision}, last confirmed ${status.checkedAt ? formatRelativeTime(status.checkedAt, now) : 'earlier'}.` : ''}
      </p>
    );
  }
  return status.checkedAt ? <p className="text-slate-600">Checked with {crm} {formatRelativeTime(status.checkedAt, now)}; reps' browsers check at least hourly.</p> : null;
}

function PublishForm({ localValues, crm, connection, first }: { localValues: Record<AdminSettingKind, unknown>; crm: string; connection: string; first: boolean }) {
  const queryClient = useQueryClient();
  const nameId = useId();
  const summaryId = useId();
  const [name, setName] = useState(() => localStorage.getItem(PUBLISHER_KEY) ?? '');
  const [summary, setSummary] = useState('');
  const publish = useMutation({
    mutationFn: () =>
      sendRequest({ type: 'team-rules/publish', settings: localValues, publishedBy: { name: name.trim(), email: null }, summary: summary.trim() }, teamRulesStatusSchema),
    onSuccess: async (next) => {
      localStorage.setItem(PUBLISHER_KEY, name.trim());
      setSummary('');
      queryClient.setQueryData(teamRulesQueries.status(connection).queryKey, next);
      await queryClient.invalidateQueries({ queryKey: adminSettingsQueries.all });
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() && summary.trim()) publish.mutate();
  };
  return (
    <form onSubmit={onSubmit} className="mt-3 grid gap-2" aria-label="Publish to every rep">
      <p className="text-slate-700">
        {first ? `Publish them to ${crm} so every rep's Baton uses the same rules.` : `Publish them to ${crm} as the next revision; every rep's Baton picks it up within the hour (at once when they open Baton's settings).`}
      </p>
      <div className="grid grid-cols-[auto_1fr] items-center gap-x-3 gap-y-2">
        <label htmlFor={nameId} className="font-medium text-slate-800">Your name</label>
        <input id={nameId} value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} autoComplete="name" className="rounded-md border border-slate-300 px-2 py-1" />
        <label htmlFor={summaryId} className="font-medium text-slate-800">What changed</label>
        <input id={summaryId} value={summary} onChange={(e) => setSummary(e.target.value)} required maxLength={2000} placeholder="e.g. CFOs count as decision makers" className="rounded-md border border-slate-300 px-2 py-1" />
      </div>
      <div>
        <Button type="submit" variant="primary" disabled={publish.isPending || !name.trim() || !summary.trim()}>
          {publish.isPending ? 'Publishing…' : 'Publish to every rep'}
        </Button>
      </div>
      {publish.isError ? <p role="alert" className="text-red-700">Not published: {publish.error.message}</p> : null}
      {publish.isSuccess ? <p role="status" className="text-emerald-800">Published.</p> : null}
    </form>
  );
}

function RevisionList({ status }: { status: TeamRulesStatus }) {
  return (
    <details>
      <summary className="cursor-pointer text-slate-700">Published revisions ({status.revisions.length})</summary>
      <table className="mt-2 w-full text-left text-[13px]">
        <thead>
          <tr className="text-slate-600">
            <th scope="col" className="py-1 pr-3 font-medium">Revision</th>
            <th scope="col" className="py-1 pr-3 font-medium">Published</th>
            <th scope="col" className="py-1 pr-3 font-medium">By</th>
            <th scope="col" className="py-1 pr-3 font-medium whitespace-nowrap">Definition</th>
            <th scope="col" className="py-1 font-medium">What changed</th>
          </tr>
        </thead>
        <tbody>
          {status.revisions.map((r) => (
            <tr key={r.revision} className="border-t border-slate-200 align-top">
              <td className="py-1 pr-3">{r.revision}</td>
              <td className="py-1 pr-3 whitespace-nowrap">{formatAbsoluteTime(r.publishedAt)}</td>
              <td className="py-1 pr-3 whitespace-nowrap">{r.publishedBy.name}</td>
              <td className="py-1 pr-3 whitespace-nowrap">version {r.definitionVersion}</td>
              <td className="py-1">{r.summary}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
