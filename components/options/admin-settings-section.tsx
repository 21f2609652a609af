import { useQuery } from '@tanstack/react-query';
import type { SqlDefinition } from '../../lib/domain/qualification/sql-definition';
import { AdminSettingCard } from './admin-setting-card';
import {
  AttemptPolicySummary,
  DispositionReasonsSummary,
  LeadStatusMappingSummary,
  SlaPolicySummary,
  SqlDefinitionSummary,
} from './admin-setting-summaries';
import { adminSettingsQueries } from './admin-settings-queries';

/**
 * The settings RevOps shares with every rep and marketer, one card each. They are versioned so a
 * disposition can say which definition and policy it was made under.
 */
export function AdminSettingsSection() {
  const history = useQuery(adminSettingsQueries.sqlDefinitionHistory());
  const earlier: readonly SqlDefinition[] = history.data ?? [];
  return (
    <section aria-labelledby="admin-settings-heading" className="mt-8">
      <h2 id="admin-settings-heading" className="text-base font-semibold text-slate-900">Shared handoff settings</h2>
      <p className="mt-1 text-slate-600">
        One written version of each rule for marketing and sales. Edit as JSON, or export a file, change it and import it.
        Every change is validated and needs a new version with a change-log entry.
      </p>
      <div className="mt-3 grid gap-4">
        <AdminSettingCard
          kind="sql-definition"
          title="SQL definition"
          description="When a lead counts as sales-qualified: BANT evidence, fit, buying signals and disqualifiers."
          summary={(value) => <SqlDefinitionSummary value={value} history={earlier} />}
        />
        <AdminSettingCard
          kind="sla-policy"
          title="SLA policy"
          description="How fast each kind of lead must be answered, in business hours, and what happens when it is not."
          summary={(value) => <SlaPolicySummary value={value} />}
        />
        <AdminSettingCard
          kind="disposition-reasons"
          title="Disposition reasons"
          description="The reasons reps choose when they recycle or reject a lead, and the objection tags they can add."
          summary={(value) => <DispositionReasonsSummary value={value} />}
        />
        <AdminSettingCard
          kind="lead-status-mapping"
          title="Lead status mapping"
          description="Which of the CRM's lead status values each disposition writes to the record."
          summary={(value) => <LeadStatusMappingSummary value={value} />}
        />
        <AdminSettingCard
          kind="attempt-policy"
          title="Attempt policy"
          description="How many contact attempts a rep logs before a lead may be called unreachable."
          summary={(value) => <AttemptPolicySummary value={value} />}
        />
      </div>
    </section>
  );
}
