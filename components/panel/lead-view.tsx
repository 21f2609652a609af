import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import type { LeadContext } from '../../lib/crm/crm-port';
import { summarizeEngagement } from '../../lib/domain/engagement/summarize-engagement';
import { snapshotChecklist } from '../../lib/domain/disposition/disposition';
import { evaluateDefinition, RepEvidenceError, type Evaluation } from '../../lib/domain/qualification/evaluate-definition';
import type { RepEvidence } from '../../lib/domain/qualification/rep-evidence';
import type { SqlDefinition } from '../../lib/domain/qualification/sql-definition';
import { computeSlaStatus } from '../../lib/domain/sla/compute-sla-status';
import { selectSlaTier } from '../../lib/domain/sla/apply-sla-policy';
import type { Lead } from '../../lib/domain/lead';
import type { EngagementEvent } from '../../lib/domain/engagement/engagement-event';
import { adminQueries } from '../../lib/queries/admin-queries';
import { leadStateQueries } from '../../lib/queries/lead-state-queries';
import { leadQueries } from '../../lib/queries/lead-queries';
import { LeadPanelStoreProvider, useTimelineFocus, useClearTimelineFocus, type PanelTab } from '../../lib/stores/lead-panel-store';
import { EngagementTimeline } from '../engagement/engagement-timeline';
import { QualificationChecklist } from '../qualification/qualification-checklist';
import { SlaCountdown } from '../sla/sla-countdown';
import { PanelLoading, PanelMessage } from '../ui/panel-states';
import { useNow } from '../ui/use-now';
import { BriefView } from './brief-view';
import { LeadHeader } from './lead-header';
import { PanelTabs } from './panel-tabs';
import { SourceNotices } from './source-notices';

import { ContactAttemptForm } from '../disposition/contact-attempt-form';
import { DispositionForm } from '../disposition/disposition-form';
import { OutboxStatusList } from '../disposition/outbox-status-list';

const SLA_LABELS: Record<string, string> = { on_track: 'On track', at_risk: 'At risk', breached: 'Breached', met: 'Met', met_late: 'Met late', not_started: 'Not started' };

/** One lead's panel: header with the SLA countdown, then Brief / Qualify / Timeline / Outcome. */
export function LeadView({ context, navigation, refreshing, onRefresh }: { context: LeadContext; navigation: number; refreshing: boolean; onRefresh: () => void }) {
  const rules = useQuery(adminQueries.panelRules());
  if (rules.isPending) return <PanelLoading label="Loading your team's rules…" />;
  if (rules.isError) return <PanelMessage tone="error" title="Baton's settings could not be read">{rules.error.message}</PanelMessage>;
  return (
    <LeadPanelStoreProvider key={`${context.lead.ref.crm}:${context.lead.ref.id}`}>
      <LeadViewBody context={context} navigation={navigation} rules={rules.data} refreshing={refreshing} onRefresh={onRefresh} />
    </LeadPanelStoreProvider>
  );
}

type Rules = Awaited<ReturnType<NonNullable<ReturnType<typeof adminQueries.panelRules>['queryFn']>>>;

function LeadViewBody({ context, navigation, rules, refreshing, onRefresh }: { context: LeadContext; navigation: number; rules: Rules; refreshing: boolean; onRefresh: () => void }) {
  const { lead, events, touches } = context;
  // Rules re-evaluate each minute; the countdown ticks every second on its own.
  const now = useNow(60_000);
  const evidence = useQuery(leadStateQueries.evidence(navigation));
  const outbox = useQuery(leadStateQueries.outbox(navigation));
  const repEvidence = (evidence.data?.evidence ?? {}) as RepEvidence;

  // When a logged attempt or a disposition reaches the CRM, read the lead again: a call logged
  // here stops the SLA clock, and the CRM's lead status changed.
  const queryClient = useQueryClient();
  const deliveredCount = outbox.data?.items.filter((i) => i.state === 'delivered').length ?? 0;
  useEffect(() => {
    if (deliveredCount > 0) void queryClient.invalidateQueries({ queryKey: leadQueries.all });
  }, [deliveredCount, queryClient]);

  const tier = useMemo(() => selectSlaTier(rules.slaPolicy, lead).tier, [rules.slaPolicy, lead]);
  const brief = useMemo(
    () => summarizeEngagement({ lead, events, now, nextStep: { label: tier.nextStep, tier: tier.label } }),
    [lead, events, now, tier],
  );
  const { evaluation, evidenceProblem } = useMemo(() => evaluateSafely(rules.definition, lead, events, repEvidence, now), [rules.definition, lead, events, repEvidence, now]);

  const attemptsMade = outbox.data?.attemptsMade ?? 0;
  const dispositionContext = useMemo(() => {
    const sla = computeSlaStatus({ lead, touches, policy: rules.slaPolicy, now });
    return {
      base: {
        // The background replaces `lead` with the record of this tab, and adds id and time.
        rep: { id: lead.owner?.id ?? 'unknown', name: lead.owner?.name ?? null },
        definitionId: evaluation.definitionId,
        definitionVersion: evaluation.definitionVersion,
        checklist: snapshotChecklist(evaluation),
        verdict: evaluation.verdict.kind,
        sla: { state: sla.state, responseTimeMs: sla.responseTime ? Math.round(sla.responseTime.businessMs) : null, tier: { id: sla.tier.id, label: sla.tier.label } },
        responseTimeMs: sla.responseTime ? Math.round(sla.responseTime.businessMs) : null,
      },
      brief: briefLines(brief),
      reasons: rules.reasons,
      mapping: rules.leadStatusMapping,
      attemptsMade,
      unreachableAfterAttempts: rules.attemptPolicy.unreachableAfterAttempts,
      slaStateLabel: SLA_LABELS[sla.state] ?? sla.state,
      definitionLabel: `${rules.definition.name} v${String(rules.definition.version)}`,
    };
  }, [lead, touches, rules, now, evaluation, brief, attemptsMade]);

  const verdictMark = evaluation.verdict.kind === 'sales_qualified' ? '✓' : evaluation.verdict.kind === 'disqualified' ? '✗' : '…';
  return (
    <div className="flex h-full flex-col" data-lead-id={lead.ref.id}>
      <LeadHeader lead={lead} fetchedAt={context.fetchedAt} refreshing={refreshing} onRefresh={onRefresh}>
        <SlaCountdown lead={lead} touches={touches} policy={rules.slaPolicy} />
      </LeadHeader>
      <main aria-label="Lead handoff" className="flex min-h-0 flex-1 flex-col">
        <SourceNotices sources={context.sources} />
        <PanelTabs
        labels={{
          brief: 'Brief',
          qualify: (
            <>
              Qualify <span aria-hidden="true" className="text-xs">{verdictMark}</span>
            </>
          ),
          timeline: `Timeline (${events.length})`,
          outcome: 'Outcome',
        }}
      >
        {renderTab}
      </PanelTabs>
      </main>
    </div>
  );

  function renderTab(tab: PanelTab) {
    switch (tab) {
      case 'brief':
        return <BriefView brief={brief} now={now} />;
      case 'qualify':
        return (
          <>
            {evidenceProblem ? <p role="alert" className="mx-4 mt-3 rounded bg-amber-50 px-2 py-1 text-xs text-amber-900">{evidenceProblem}</p> : null}
            <QualificationChecklist evaluation={evaluation} navigation={navigation} definitionName={rules.definition.name} />
          </>
        );
      case 'timeline':
        return <FocusedTimeline events={events} now={now} />;
      case 'outcome':
        return (
          <div className="space-y-3 px-4 py-3">
            <OutboxStatusList items={outbox.data?.items ?? []} navigation={navigation} />
            <DispositionForm context={dispositionContext} navigation={navigation} />
            <ContactAttemptForm navigation={navigation} attemptsMade={attemptsMade} unreachableAfterAttempts={rules.attemptPolicy.unreachableAfterAttempts} />
            <p className="text-[11px] text-slate-500">
              Marketing sees these reasons by campaign and source in{' '}
              {/* An extension page: opens in its own tab, outside the CRM. */}
              <a href="/insights.html" target="_blank" rel="noopener" className="text-sky-700 underline underline-offset-2 hover:text-sky-900">
                Baton Insights
              </a>
              .
            </p>
          </div>
        );
    }
  }
}

function FocusedTimeline({ events, now }: { events: EngagementEvent[]; now: number }) {
  const focus = useTimelineFocus();
  const clear = useClearTimelineFocus();
  const shown = useMemo(() => {
    if (!focus) return events;
    const ids = new Set(focus.eventIds);
    return events.filter((e) => ids.has(e.id));
  }, [events, focus]);
  return (
    <>
      {focus ? (
        <div className="mx-4 mt-2 flex items-center justify-between gap-2 rounded bg-sky-50 px-2 py-1 text-xs text-sky-900" role="status">
          <span className="min-w-0 truncate">
            Showing the {shown.length} events behind “{focus.label}”
          </span>
          <button type="button" onClick={clear} className="shrink-0 underline focus-visible:outline-2 focus-visible:outline-amber-500">
            Show all
          </button>
        </div>
      ) : null}
      <EngagementTimeline key={focus ? focus.label : 'all'} events={shown} now={now} />
    </>
  );
}

/** Invalid stored evidence must not blank the checklist: evaluate without it and say so. */
function evaluateSafely(definition: SqlDefinition, lead: Lead, events: EngagementEvent[], repEvidence: RepEvidence, now: number): { evaluation: Evaluation; evidenceProblem: string | null } {
  try {
    return { evaluation: evaluateDefinition(definition, { lead, events, repEvidence, now }), evidenceProblem: null };
  } catch (err) {
    if (!(err instanceof RepEvidenceError)) throw err;
    return { evaluation: evaluateDefinition(definition, { lead, events, now }), evidenceProblem: `Your recorded evidence no longer fits the definition and was set aside: ${err.message}` };
  }
}

function briefLines(brief: ReturnType<typeof summarizeEngagement>): string[] {
  return [
    brief.trigger.text,
    ...brief.theirWords.slice(0, 5).map((q) => `${q.question}: ${q.answer}`),
    ...(brief.interests.length ? [`Interests: ${brief.interests.map((i) => i.label).join(', ')}`] : []),
    ...brief.objections.map((o) => `Likely objection: ${o.label}`),
    ...(brief.nextStep ? [`Agreed next step: ${brief.nextStep.label}`] : []),
    `Opener: ${brief.opener.text}`,
  ].map((line) => line.slice(0, 2000));
}
