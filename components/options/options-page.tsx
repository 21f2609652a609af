import { useQuery } from '@tanstack/react-query';
import { settingsQueries } from '../../lib/queries/settings-queries';
import { AdminSettingsSection } from './admin-settings-section';
import { AlertSettingsSection } from './alert-settings-section';
import { ConnectionSection } from './connection-section';
import { PanelPlacementSection } from './panel-placement-section';
import { PROVIDER_ADMIN_SECTIONS } from './provider-admin-sections';
import { RepIdentitySection } from './rep-identity-section';
import { SalesManagerSection } from './sales-manager-section';
import { TeamRulesSection } from './team-rules-section';

/** Admin settings: which CRM Baton talks to, and the handoff rules shared by every rep. */
export function OptionsPage({ demoBuild }: { demoBuild: boolean }) {
  const settings = useQuery(settingsQueries.connection());
  return (
    <main className="mx-auto max-w-3xl px-6 py-8 text-sm">
      <h1 className="text-xl font-semibold text-slate-900">Baton settings</h1>
      <p className="mt-1 text-slate-600">Baton shows the marketing-to-sales handoff beside the lead record in your CRM.</p>
      <p className="mt-2"><a href="/insights.html" target="_blank" rel="noopener" className="font-medium text-sky-800 underline">Open Baton Insights</a><span className="text-slate-600"> — what sales did with marketing's leads, by campaign, source and rep.</span></p>
      {settings.isPending ? <p role="status">Loading settings…</p> : null}
      {settings.isError ? <p role="alert" className="text-red-700">Could not read settings: {settings.error.message}</p> : null}
      {settings.data ? <ConnectionSection settings={settings.data} demoBuild={demoBuild} /> : null}
      {settings.data ? <TeamRulesSection settings={settings.data} /> : null}
      {settings.data ? <RepIdentitySection /> : null}
      <AlertSettingsSection />
      <PanelPlacementSection />
      <AdminSettingsSection />
      {settings.data ? <SalesManagerSection /> : null}
      {PROVIDER_ADMIN_SECTIONS.map(({ kind, Section }) => (
        <Section key={kind} />
      ))}
    </main>
  );
}
