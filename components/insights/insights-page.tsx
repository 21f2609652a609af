import { crmLabel } from '../../lib/crm/crm-descriptors';
import { keepPreviousData, queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useId, useRef, useState } from 'react';
import type { DrillInput } from '../../lib/domain/insights/insight-drill';
import { DrillProvider } from './drill-context';
import { DrillDialog } from './drill-dialog';
import { SpeedToLeadSection } from './speed-to-lead-section';
import { NO_PAGE_FILTERS, parseDay, parseDealValue } from '../../lib/domain/insights/insight-url-filters';
import type { PageFilters } from '../../lib/domain/insights/insight-url-filters';
import type { InsightFiltersInput, InsightsReport } from '../../lib/domain/insights/insights-report';
import { insightsResultSchema } from '../../lib/messaging/insights-protocol';
import type { InsightsResult } from '../../lib/messaging/insights-protocol';
import { sendRequest } from '../../lib/messaging/send-request';
import { BacktestSection, shouldAutoRunBacktest } from './backtest-section';
import { DefinitionVersionsSection } from './definition-versions-section';
import { DispositionsByWeekSection } from './dispositions-by-week-section';
import { FollowUpCoverageSection } from './follow-up-coverage-section';
import { HandoffFunnelSection } from './handoff-funnel-section';
import { describeSource, describeVersion, formatCount, plainLabel } from './insights-format';
import { KeyFiguresSection } from './key-figures-section';
import { ObjectionsSection } from './objections-section';
import { OutcomesByCampaignSection } from './outcomes-by-campaign-section';
import { OutcomesByChannelSection } from './outcomes-by-channel-section';
import { OutcomesBySourceSection } from './outcomes-by-source-section';
import { ReasonsByCampaignSection } from './reasons-by-campaign-section';
import { ResponseSlaSection } from './response-sla-section';
import { useUrlFilters } from './use-url-filters';

const DAY = 86_400_000;

/** While the background is reading, the page asks again this often for the figures so far. */
const POLL_MS = 700;

/** One factory for the Insights resource: the key is everything that changes the answer. */
export const insightsQueries = {
  report: (filters: PageFilters, consumeRefresh: () => boolean) =>
    queryOptions({
      queryKey: ['insights', filters] as const,
      queryFn: (): Promise<InsightsResult> => sendRequest({ type: 'insights/get', filters: toRequestFilters(filters), averageDealValue: toDealValue(filters.dealValue), refresh: consumeRefresh() }, insightsResultSchema),
      staleTime: 60_000,
      placeholderData: keepPreviousData,
      // A read underway (first read, changes, or a re-read): poll until the answer says it is done.
      refetchInterval: (query) => (query.state.status !== 'error' && query.state.data && query.state.data.read.sync.state !== 'idle' ? POLL_MS : false),
    }),
};

function toRequestFilters(f: PageFilters): InsightFiltersInput {
  const day = (value: string): number | null => (value ? parseDay(value) : null);
  const to = day(f.to);
  return {
    from: day(f.from),
    // The end date is inclusive for people: up to the end of that day (UTC).
    to: to === null ? null : to + DAY,
    sources: f.source ? [f.source] : [],
    campaigns: f.campaign ? [f.campaign] : [],
    reps: f.rep ? [f.rep] : [],
    definitionVersions: f.version ? [f.version] : [],
  };
}

function toDealValue(value: string): number | null {
  return value.trim() === '' ? null : parseDealValue(value);
}

export function InsightsPage() {
  const { filters, ignored, setFilters } = useUrlFilters();
  const refreshNext = useRef(false);
  const queryClient = useQueryClient();
  const query = useQuery(
    insightsQueries.report(filters, () => {
      const refresh = refreshNext.current;
      refreshNext.current = false;
      return refresh;
    }),
  );
  const refresh = () => {
    refreshNext.current = true;
    void queryClient.invalidateQueries({ queryKey: ['insights'] });
    void queryClient.invalidateQueries({ queryKey: ['insights-drill'] });
  };
  // The one list of leads behind a count (every count on the page opens it).
  const [drill, setDrill] = useState<DrillInput | null>(null);
  const openDrill = useCallback((next: DrillInput) => setDrill(next), []);

  return (
    <main className="mx-auto max-w-6xl space-y-4 bg-slate-50 p-6">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-lg font-semibold text-slate-900">Baton Insights</h1>
          <p className="text-xs text-slate-600">What sales did with the leads marketing handed over: read from the dispositions in the CRM.</p>
        </div>
        <button type="button" onClick={refresh} className="rounded bg-sky-700 px-3 py-1.5 text-xs font-medium text-white hover:bg-sky-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700">
          {query.isFetching ? 'Reading…' : 'Refresh from CRM'}
        </button>
      </header>
      <Filters filters={filters} onChange={setFilters} options={query.data?.report.filterOptions ?? null} />
      {ignored.length > 0 && (
        <div role="note" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-xs text-amber-900">
          <p>Some filters in this link were ignored:</p>
          <ul className="list-disc pl-4">
            {ignored.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      <div role="status" aria-live="polite" data-testid="read-status" className="text-xs text-slate-700">
        {query.isPending ? 'Reading dispositions from the CRM…' : query.data ? describeRead(query.data) : ''}
      </div>
      {query.data?.read.sync.error && (
        <p role="note" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-xs text-amber-900">
          Could not check the CRM for changes ({query.data.read.sync.error}); these figures are from the read before.
        </p>
      )}
      {query.isError && (
        <p role="alert" className="rounded border border-rose-300 bg-rose-50 px-3 py-2 text-sm text-rose-900">
          {query.error.message}
        </p>
      )}
      <DrillProvider value={openDrill}>{query.data && <Report result={query.data} />}</DrillProvider>
      <DrillDialog drill={drill} filters={toRequestFilters(filters)} averageDealValue={toDealValue(filters.dealValue)} onClose={() => setDrill(null)} />
      <BacktestSection autoRun={shouldAutoRunBacktest(query.data?.read ?? null)} />
    </main>
  );
}

function describeRead(result: InsightsResult): string {
  const { read } = result;
  const crm = read.sandbox ? 'the sandbox CRM' : crmLabel(read.crm);
  const { sync } = read;
  const ofTotal = sync.total === null ? '' : ` of ${formatCount(Math.max(sync.total, sync.read))}`;
  if (sync.state === 'reading') return `Read ${formatCount(sync.read)}${ofTotal} dispositions from ${crm}…`;
  const at = new Date(read.readAt).toLocaleTimeString();
  if (sync.state === 'updating') {
    const underway = sync.mode === null ? 'updating…' : sync.mode === 'incremental' ? 'checking the CRM for changes…' : `re-reading: ${formatCount(sync.read)}${ofTotal} so far…`;
    return `Read ${formatCount(read.records)} leads from ${crm} at ${at}; ${underway}`;
  }
  return `Read ${formatCount(read.records)} leads from ${crm} at ${new Date(read.readAt).toLocaleTimeString()} (${read.windows} date window${read.windows === 1 ? '' : 's'}, ${read.requests} requests).`;
}

function Filters({ filters, onChange, options }: { filters: PageFilters; onChange: (f: PageFilters, how?: { replace?: boolean }) => void; options: InsightsReport['filterOptions'] | null }) {
  const id = useId();
  // Typing a deal value replaces the URL's history entry; every other choice adds one (Back undoes it).
  const set = (key: keyof PageFilters) => (event: { target: { value: string } }) => onChange({ ...filters, [key]: event.target.value }, { replace: key === 'dealValue' });
  // A value from a shared link that this read has no leads for still shows as chosen.
  const withCurrent = (key: 'source' | 'campaign' | 'rep' | 'version', list: { value: string; label: string }[] | undefined) =>
    filters[key] && !(list ?? []).some((o) => o.value === filters[key]) ? [...(list ?? []), { value: filters[key], label: `${filters[key]} (no leads)` }] : list;
  const select = (key: 'source' | 'campaign' | 'rep' | 'version', label: string, list: { value: string; label: string }[] | undefined, describe: (v: string, l: string) => string = (_v, l) => plainLabel(l)) => (
    <div className="flex flex-col gap-0.5 text-xs text-slate-700">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <select id={`${id}-${key}`} value={filters[key]} onChange={set(key)} className="rounded border border-slate-300 bg-white px-2 py-1 text-xs text-slate-900">
        <option value="">All</option>
        {(withCurrent(key, list) ?? []).map((o) => (
          <option key={o.value} value={o.value}>
            {describe(o.value, o.label)}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
      <div className="flex flex-col gap-0.5 text-xs text-slate-700">
        <label htmlFor={`${id}-from`}>Handed off from</label>
        <input id={`${id}-from`} type="date" value={filters.from} onChange={set('from')} className="rounded border border-slate-300 px-2 py-1 text-xs" />
      </div>
      <div className="flex flex-col gap-0.5 text-xs text-slate-700">
        <label htmlFor={`${id}-to`}>to</label>
        <input id={`${id}-to`} type="date" value={filters.to} onChange={set('to')} className="rounded border border-slate-300 px-2 py-1 text-xs" />
      </div>
      {select('source', 'Source', options?.sources, (v) => describeSource(v.startsWith('(') ? null : v))}
      {select('campaign', 'Campaign', options?.campaigns)}
      {select('rep', 'Rep', options?.reps)}
      {select('version', 'SQL definition version', options?.definitionVersions, (v) => describeVersion(v))}
      <div className="flex flex-col gap-0.5 text-xs text-slate-700">
        <label htmlFor={`${id}-deal`}>Average deal value (blank: won deals)</label>
        <input id={`${id}-deal`} inputMode="decimal" value={filters.dealValue} onChange={set('dealValue')} placeholder="e.g. 30000" className="w-40 rounded border border-slate-300 px-2 py-1 text-xs" />
      </div>
      <button type="button" onClick={() => onChange(NO_PAGE_FILTERS)} className="rounded border border-slate-300 px-2 py-1 text-xs text-slate-800 hover:bg-slate-50">
        Clear filters
      </button>
    </form>
  );
}

/** The report under the filters: notes on a partial read, the key figures, then one section per question. */
function Report({ result }: { result: InsightsResult }) {
  const { report, read } = result;
  const partial = read.sync.state === 'reading';
  if (read.records === 0 && !partial) {
    return (
      <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700">
        No leads were handed off or dispositioned between {new Date(read.from).toLocaleDateString()} and {new Date(read.to).toLocaleDateString()}. Once reps record dispositions in Baton's panel, they appear here.
      </p>
    );
  }
  return (
    <div className="space-y-4">
      {partial && (
        <p role="note" data-partial="true" className="rounded border border-sky-300 bg-sky-50 px-3 py-2 text-xs text-sky-900">
          <span className="font-semibold">Partial figures:</span> these cover the {formatCount(read.records)} leads read so far; they update as the read goes on.
        </p>
      )}
      {read.warnings.length > 0 && (
        <div role="note" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-xs text-amber-900">
          <p className="font-semibold">Partial data</p>
          <ul className="list-disc pl-4">
            {read.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      )}
      <KeyFiguresSection totals={report.totals} partial={partial} />
      <OutcomesByCampaignSection report={report} />
      <ReasonsByCampaignSection report={report} />
      <OutcomesBySourceSection report={report} />
      <OutcomesByChannelSection report={report} />
      <DispositionsByWeekSection report={report} />
      <FollowUpCoverageSection report={report} />
      <ObjectionsSection report={report} />
      <SpeedToLeadSection report={report} />
      <ResponseSlaSection report={report} />
      <HandoffFunnelSection report={report} />
      <DefinitionVersionsSection report={report} />
    </div>
  );
}
