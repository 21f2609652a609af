import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import type { LeadPanelView, TimelineEvent } from '../../lib/messaging/panel-protocol';
import { leadStateQueries } from '../../lib/queries/lead-state-queries';
import { leadQueries } from '../../lib/queries/lead-queries';
import { LeadPanelStoreProvider, useTimelineFocus, useClearTimelineFocus, type PanelTab } from '../../lib/stores/lead-panel-store';
import { EngagementTimeline } from '../engagement/engagement-timeline';
import { QualificationChecklist } from '../qualification/qualification-checklist';
import { SlaCountdown } from '../sla/sla-countdown';
import { useNow } from '../ui/use-now';
import { SectionErrorBoundary } from '../ui/section-error-boundary';
import { BriefView } from './brief-view';
import { LeadHeader } from './lead-header';
import { PanelTabs } from './panel-tabs';
import { SourceNotices } from './source-notices';
import { ConnectionNoticeBanner } from './connection-notice';

import { useLiveRefresh } from './use-live-refresh';
import { preferRecordedOutcome } from './recorded-outcome';
import { neutralizeBidiDeep } from '../../lib/format/neutralize-bidi';

import { ContactAttemptForm } from '../disposition/contact-attempt-form';
import { DispositionForm } from '../disposition/disposition-form';
import { OutboxStatusList } from '../disposition/outbox-status-list';

/**
 * One lead's panel: header with the SLA countdown, then Brief / Qualify / Timeline / Outcome.
 * It renders the background's view model (brief, checklist, outcome choices are computed there);
 * only the countdown computes here, every second, from the SLA inputs in the view.
 */
interface LeadViewProps {
  view: LeadPanelView;
  navigation: number;
  /** When the panel received this view (epoch ms): the live refresh counts from it. Default: the view's CRM read time. */
  updatedAt?: number;
  refreshing: boolean;
  /** Why the last refresh failed (the view shown is the one before it), or null. */
  refreshError?: string | null;
  onRefresh: () => void;
  /** The live refresh's read (a freshness check first); default: onRefresh. */
  onLiveRefresh?: () => void;
}

export function LeadView(props: LeadViewProps) {
  return (
    <LeadPanelStoreProvider key={`${props.view.lead.ref.crm}:${props.view.lead.ref.id}`}>
      <LeadViewBody {...props} />
    </LeadPanelStoreProvider>
  );
}

function LeadViewBody({ view, navigation, updatedAt, refreshing, refreshError = null, onRefresh, onLiveRefresh = onRefresh }: LeadViewProps) {
  const { lead, events, qualification } = view;
  // Live, not stale: a visible, open panel checks the lead once a minute (use-live-refresh.ts).
  useLiveRefresh({ updatedAt: updatedAt ?? view.fetchedAt, refreshing, refresh: onLiveRefresh });
  // Relative times ("3 hours ago") move on each minute; the countdown ticks every second on its own.
  const now = useNow(60_000);
  const outbox = useQuery(leadStateQueries.outbox(navigation));

  // When a logged attempt or a disposition reaches the CRM, read the lead again: a call logged
  // here stops the SLA clock, and the CRM's lead status changed.
  const queryClient = useQueryClient();
  const deliveredCount = outbox.data?.items.filter((i) => i.state === 'delivered').length ?? 0;
  useEffect(() => {
    if (deliveredCount > 0) void queryClient.invalidateQueries({ queryKey: leadQueries.all });
  }, [deliveredCount, queryClient]);

  const attemptsMade = outbox.data?.attemptsMade ?? 0;
  const unreachableAfterAttempts = view.outcome.unreachableAfterAttempts;

  const disqualifiedBecause = qualification.verdict.kind === 'disqualified' ? qualification.verdict.reason : null;
  // Who recorded it is a CRM user's name: drawn without bidi controls, like the rest of the view.
  // This browser's newer entry, else what the CRM holds (another rep's outcome; recorded-outcome.ts).
  const recorded = useMemo(() => neutralizeBidiDeep(preferRecordedOutcome(outbox.data?.recorded, view.recorded)), [outbox.data?.recorded, view.recorded]);
  const verdictMark = qualification.verdict.kind === 'sales_qualified' ? '✓' : qualification.verdict.kind === 'disqualified' ? '✗' : '…';
  return (
    <div className="flex h-full flex-col" data-lead-id={lead.ref.id}>
      <SectionErrorBoundary section="the lead's header" resetKey={view.fetchedAt}>
      <LeadHeader lead={lead} fetchedAt={view.fetchedAt} refreshing={refreshing} refreshError={refreshError} onRefresh={onRefresh}>
        <SlaCountdown inputs={view.sla} disqualifiedBecause={disqualifiedBecause} recorded={recorded} />
      </LeadHeader>
      </SectionErrorBoundary>
      <main aria-label="Lead handoff" className="flex min-h-0 flex-1 flex-col">
        <SectionErrorBoundary section="the notices" resetKey={view.fetchedAt}>
        <ConnectionNoticeBanner notice={outbox.data?.connection ?? null} />
        <SourceNotices sources={view.sources} />
        </SectionErrorBoundary>
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
        {(tab) => <SectionErrorBoundary key={tab} section={`the ${tab.charAt(0).toUpperCase()}${tab.slice(1)} tab`} resetKey={view.fetchedAt}>{renderTab(tab)}</SectionErrorBoundary>}
      </PanelTabs>
      </main>
    </div>
  );

  function renderTab(tab: PanelTab) {
    switch (tab) {
      case 'brief':
        return <BriefView brief={view.brief} now={now} disqualifiedBecause={disqualifiedBecause} sla={view.sla} recorded={recorded} />;
      case 'qualify':
        return (
          <>
            {qualification.evidenceProblem ? <p role="alert" className="mx-4 mt-3 rounded bg-amber-50 px-2 py-1 text-xs text-amber-900">{qualification.evidenceProblem}</p> : null}
            <QualificationChecklist qualification={qualification} navigation={navigation} />
          </>
        );
      case 'timeline':
        return <FocusedTimeline events={events} now={now} />;
      case 'outcome':
        return (
          <div className="space-y-3 px-4 py-3">
            <OutboxStatusList items={outbox.data?.items ?? []} unreadable={outbox.data?.unreadable} navigation={navigation} />
            <DispositionForm outcome={view.outcome} sla={view.sla} attemptsMade={attemptsMade} navigation={navigation} draftKey={`${lead.ref.crm}:${lead.ref.id}`} disqualifiedBecause={disqualifiedBecause} />
            <ContactAttemptForm navigation={navigation} attemptsMade={attemptsMade} unreachableAfterAttempts={unreachableAfterAttempts} />
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

function FocusedTimeline({ events, now }: { events: TimelineEvent[]; now: number }) {
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
