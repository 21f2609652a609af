import { keepPreviousData, queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useId, useRef } from 'react';
import { STALE_AFTER_MS } from '../../lib/domain/insights/aggregate-insights';
import { NO_PAGE_FILTERS, parseDay, parseDealValue } from '../../lib/domain/insights/insight-url-filters';
import type { PageFilters } from '../../lib/domain/insights/insight-url-filters';
import type { CoverageRow, CountRow, FunnelStage, InsightFiltersInput, InsightsReport, OutcomeRow, SlaRow, VersionRow, WeekRow } from '../../lib/domain/insights/aggregate-insights';
import { insightsResultSchema } from '../../lib/messaging/insights-protocol';
import type { InsightsResult } from '../../lib/messaging/insights-protocol';
import { sendRequest } from '../../lib/messaging/send-request';
import { BacktestSection, shouldAutoRunBacktest } from './backtest-section';
import { BarChart } from './bar-chart';
import type { BarRow } from './bar-chart';
import { InsightSection, InsightTable } from './insight-table';
import type { Column } from './insight-table';
import { describeChannel, describeSource, formatCount, formatMinutes, formatMoney, formatRate, STAGE_LABELS } from './insights-format';
import { useUrlFilters } from './use-url-filters';

/** Recharts is most of this page's script: loaded apart, so the figures and tables paint first. */
const WeekChart = lazy(() => import('./week-chart'));

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
  };

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
      {query.data && <Report result={query.data} />}
      <BacktestSection autoRun={shouldAutoRunBacktest(query.data?.read ?? null)} />
    </main>
  );
}

function describeRead(result: InsightsResult): string {
  const { read } = result;
  const crm = read.crm === 'sandbox' ? 'the sandbox CRM' : 'HubSpot';
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
  const select = (key: 'source' | 'campaign' | 'rep' | 'version', label: string, list: { value: string; label: string }[] | undefined, describe: (v: string, l: string) => string = (_v, l) => l) => (
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
      {select('version', 'SQL definition version', options?.definitionVersions)}
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

const outcomeSeries = [
  { id: 'accepted', label: 'Accepted' },
  { id: 'recycled', label: 'Recycled' },
  { id: 'rejected', label: 'Rejected' },
  { id: 'undecided', label: 'No disposition' },
];

function outcomeBars(rows: OutcomeRow[], label: (row: OutcomeRow) => string): BarRow[] {
  return rows.map((row) => ({
    key: row.key,
    label: label(row),
    segments: [
      { series: 'accepted', value: row.accepted },
      { series: 'recycled', value: row.recycled },
      { series: 'rejected', value: row.rejected },
      { series: 'undecided', value: Math.max(0, row.handedOff - row.dispositioned) },
    ],
    note: row.acceptanceRate === null ? 'no dispositions' : `${formatRate(row.acceptanceRate)} accepted`,
  }));
}

function outcomeColumns(first: string, label: (row: OutcomeRow) => string): Column<OutcomeRow>[] {
  return [
    { header: first, cell: label },
    { header: 'Handed off', cell: (r) => formatCount(r.handedOff), numeric: true },
    { header: 'Dispositioned', cell: (r) => formatCount(r.dispositioned), numeric: true },
    { header: 'Accepted', cell: (r) => formatCount(r.accepted), numeric: true },
    { header: 'Recycled', cell: (r) => formatCount(r.recycled), numeric: true },
    { header: 'Rejected', cell: (r) => formatCount(r.rejected), numeric: true },
    { header: 'Acceptance rate', cell: (r) => formatRate(r.acceptanceRate), numeric: true },
  ];
}

const countColumns = (group: string, item: string, groupLabel: (row: CountRow) => string = (r) => r.groupLabel): Column<CountRow>[] => [
  { header: group, cell: groupLabel },
  { header: item, cell: (r) => r.label },
  { header: 'Leads', cell: (r) => formatCount(r.count), numeric: true },
];

function countBars(rows: CountRow[], groupLabel: (row: CountRow) => string = (r) => r.groupLabel): BarRow[] {
  return [...rows].sort((a, b) => b.count - a.count).map((r) => ({ key: `${r.group}|${r.key}`, label: `${groupLabel(r)}: ${r.label}`, segments: [{ series: 'value', value: r.count }], note: formatCount(r.count) }));
}

const coverageColumns = (first: string): Column<CoverageRow>[] => [
  { header: first, cell: (r) => r.label },
  { header: 'Handed off', cell: (r) => formatCount(r.handedOff), numeric: true },
  { header: 'Touched', cell: (r) => formatCount(r.touched), numeric: true },
  { header: 'Touched rate', cell: (r) => formatRate(r.touchedRate), numeric: true },
  { header: 'With disposition', cell: (r) => formatCount(r.dispositioned), numeric: true },
  { header: 'Disposition rate', cell: (r) => formatRate(r.dispositionedRate), numeric: true },
  { header: 'No disposition after 7 days', cell: (r) => formatCount(r.staleWithoutDisposition), numeric: true },
];

const slaColumns = (first: string): Column<SlaRow>[] => [
  { header: first, cell: (r) => r.label },
  { header: 'SLA known', cell: (r) => formatCount(r.decided), numeric: true },
  { header: 'Met', cell: (r) => formatCount(r.met), numeric: true },
  { header: 'Share met', cell: (r) => formatRate(r.complianceRate), numeric: true },
  { header: 'Responses', cell: (r) => formatCount(r.responses), numeric: true },
  { header: 'Median response (business)', cell: (r) => formatMinutes(r.medianMinutes), numeric: true },
  { header: '90th percentile (business)', cell: (r) => formatMinutes(r.p90Minutes), numeric: true },
];

function Report({ result }: { result: InsightsResult }) {
  const { report, read } = result;
  const t = report.totals;
  const partial = read.sync.state === 'reading';
  const sourceLabel = (r: { key: string }) => describeSource(r.key.startsWith('(') ? null : r.key);
  const channelLabel = (r: { key: string }) => describeChannel(r.key);
  const sourceGroup = (r: CountRow) => describeSource(r.group.startsWith('(') ? null : r.group);
  if (read.records === 0 && !partial) {
    return (
      <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700">
        No leads were handed off or dispositioned between {new Date(read.from).toLocaleDateString()} and {new Date(read.to).toLocaleDateString()}. Once reps record dispositions in Baton's panel, they appear here.
      </p>
    );
  }
  const funnelColumns: Column<FunnelStage>[] = [
    { header: 'Stage', cell: (s) => STAGE_LABELS[s.stage] ?? s.stage },
    { header: 'Leads', cell: (s) => formatCount(s.count), numeric: true },
    { header: 'Conversion from previous', cell: (s) => formatRate(s.conversionFromPrevious), numeric: true },
    { header: 'Lost from previous', cell: (s) => formatCount(s.lostFromPrevious), numeric: true },
    { header: 'Revenue at stake', cell: (s) => formatMoney(s.revenueAtStake), numeric: true },
    { header: 'Deal amount', cell: (s) => formatMoney(s.amount), numeric: true },
  ];
  const versionColumns: Column<VersionRow>[] = [
    { header: 'SQL definition version', cell: (v) => v.version },
    { header: 'Dispositioned', cell: (v) => formatCount(v.dispositioned), numeric: true },
    { header: 'Accepted', cell: (v) => formatCount(v.accepted), numeric: true },
    { header: 'Acceptance rate', cell: (v) => formatRate(v.acceptanceRate), numeric: true },
    { header: 'Opportunities', cell: (v) => formatCount(v.opportunities), numeric: true },
    { header: 'Won', cell: (v) => formatCount(v.won), numeric: true },
    { header: 'Won per disposition', cell: (v) => formatRate(v.conversionRate), numeric: true },
  ];
  const weekColumns: Column<WeekRow>[] = [
    { header: 'Week of', cell: (w) => w.weekStart },
    { header: 'Accepted', cell: (w) => formatCount(w.accepted), numeric: true },
    { header: 'Recycled', cell: (w) => formatCount(w.recycled), numeric: true },
    { header: 'Rejected', cell: (w) => formatCount(w.rejected), numeric: true },
  ];
  const leak = report.funnel.biggestLeak;
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
      <section aria-label={partial ? 'Key figures (partial)' : 'Key figures'} className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Figure label="Handed off" value={formatCount(t.handedOff)} />
        <Figure label="Acceptance rate" value={formatRate(t.acceptanceRate)} detail={`${formatCount(t.accepted)} of ${formatCount(t.dispositioned)} dispositions`} />
        <Figure label="Touched at all" value={formatRate(t.handedOff ? t.touched / t.handedOff : null)} detail={`${formatCount(t.touched)} of ${formatCount(t.handedOff)} handed off`} />
        <Figure label="No disposition after 7 days" value={formatCount(t.staleWithoutDisposition)} detail={t.staleWithoutDisposition ? `${formatCount(t.staleWithoutDisposition)} leads have no disposition after ${STALE_AFTER_MS / DAY} days` : 'Every lead older than a week has a disposition'} tone={t.staleWithoutDisposition ? 'warn' : 'ok'} />
      </section>

      <InsightSection id="campaigns" title="Outcomes by campaign" description="Acceptance rate = accepted ÷ dispositioned; the counts behind every rate are in the table." empty={report.outcomesByCampaign.length ? null : 'No leads match these filters.'}>
        <BarChart rows={outcomeBars(report.outcomesByCampaign, (r) => r.label)} series={outcomeSeries} />
        <InsightTable caption="Outcomes by campaign" fileName="outcomes-by-campaign" columns={outcomeColumns('Campaign', (r) => r.label)} rows={report.outcomesByCampaign} rowKey={(r) => r.key} />
      </InsightSection>

      <InsightSection id="reasons-campaign" title="Why leads were recycled or rejected, by campaign" empty={report.reasonsByCampaign.length ? null : 'No recycled or rejected leads match these filters.'}>
        <BarChart rows={countBars(report.reasonsByCampaign)} series={[{ id: 'value', label: 'Leads' }]} />
        <InsightTable caption="Reasons by campaign" fileName="reasons-by-campaign" columns={countColumns('Campaign', 'Reason')} rows={report.reasonsByCampaign} rowKey={(r) => `${r.group}|${r.key}`} />
      </InsightSection>

      <InsightSection id="sources" title="Outcomes by original source" empty={report.outcomesBySource.length ? null : 'No leads match these filters.'}>
        <BarChart rows={outcomeBars(report.outcomesBySource, sourceLabel)} series={outcomeSeries} />
        <InsightTable caption="Outcomes by source" fileName="outcomes-by-source" columns={outcomeColumns('Source', sourceLabel)} rows={report.outcomesBySource} rowKey={(r) => r.key} />
      </InsightSection>

      <InsightSection id="channels" title="Outcomes and reasons by channel" empty={report.outcomesByChannel.length ? null : 'No leads match these filters.'}>
        <BarChart rows={outcomeBars(report.outcomesByChannel, channelLabel)} series={outcomeSeries} />
        <InsightTable caption="Outcomes by channel" fileName="outcomes-by-channel" columns={outcomeColumns('Channel', channelLabel)} rows={report.outcomesByChannel} rowKey={(r) => r.key} />
        <InsightTable caption="Reasons by channel" fileName="reasons-by-channel" columns={countColumns('Channel', 'Reason', (r) => describeChannel(r.group))} rows={report.reasonsByChannel} rowKey={(r) => `${r.group}|${r.key}`} />
      </InsightSection>

      <InsightSection id="weeks" title="Dispositions over time (by week of the decision)" empty={report.outcomesByWeek.length ? null : 'No dispositions in this range.'}>
        {/* The chart library loads on its own, after the figures have painted. */}
        <Suspense fallback={<div aria-hidden="true" className="mb-3 h-[198px] rounded bg-slate-50" />}>
          <WeekChart weeks={report.outcomesByWeek} />
        </Suspense>
        <InsightTable caption="Dispositions by week" fileName="dispositions-by-week" columns={weekColumns} rows={report.outcomesByWeek} rowKey={(r) => r.weekStart} />
      </InsightSection>

      <InsightSection id="coverage" title="Follow-up coverage" description="Of the leads handed to sales: how many were touched at all, and how many got a disposition." empty={report.coverageByRep.length ? null : 'No handed-off leads match these filters.'}>
        <BarChart rows={report.coverageByRep.map((r) => ({ key: r.key, label: r.label, segments: [{ series: 'touched', value: r.dispositioned }, { series: 'undecided', value: r.handedOff - r.dispositioned }], note: `${formatRate(r.dispositionedRate)} with disposition` }))} series={[{ id: 'touched', label: 'With disposition' }, { id: 'undecided', label: 'Without' }]} />
        <InsightTable caption="Follow-up coverage by rep" fileName="coverage-by-rep" columns={coverageColumns('Rep')} rows={report.coverageByRep} rowKey={(r) => r.key} />
        <InsightTable caption="Follow-up coverage by source" fileName="coverage-by-source" columns={coverageColumns('Source').map((c, i) => (i === 0 ? { ...c, cell: sourceLabel } : c))} rows={report.coverageBySource} rowKey={(r) => r.key} />
      </InsightSection>

      <InsightSection id="objections" title="Objections heard, by campaign and source" description="What content sales is missing." empty={report.objectionsByCampaign.length ? null : 'No objections were recorded for these leads.'}>
        <BarChart rows={countBars(report.objectionsByCampaign)} series={[{ id: 'value', label: 'Leads' }]} />
        <InsightTable caption="Objections by campaign" fileName="objections-by-campaign" columns={countColumns('Campaign', 'Objection')} rows={report.objectionsByCampaign} rowKey={(r) => `${r.group}|${r.key}`} />
        <InsightTable caption="Objections by source" fileName="objections-by-source" columns={countColumns('Source', 'Objection', sourceGroup)} rows={report.objectionsBySource} rowKey={(r) => `${r.group}|${r.key}`} />
      </InsightSection>

      <InsightSection id="sla" title="Response SLA" description={`Overall: ${formatRate(report.sla.complianceRate)} met (${formatCount(report.sla.met)} of ${formatCount(report.sla.decided)}), median ${formatMinutes(report.sla.medianMinutes)}, 90th percentile ${formatMinutes(report.sla.p90Minutes)} in business time.`} empty={report.slaByRep.length ? null : 'No dispositions with an SLA outcome match these filters.'}>
        <BarChart rows={report.slaByRep.map((r) => ({ key: r.key, label: r.label, segments: [{ series: 'accepted', value: r.met }, { series: 'rejected', value: r.decided - r.met }], note: `${formatRate(r.complianceRate)} met` }))} series={[{ id: 'accepted', label: 'Met' }, { id: 'rejected', label: 'Late' }]} />
        <InsightTable caption="SLA by rep" fileName="sla-by-rep" columns={slaColumns('Rep')} rows={report.slaByRep} rowKey={(r) => r.key} />
        {/* By tier: each tier has its own target (5 business minutes for a demo request, a day for an MQL), so compliance is compared within a tier. */}
        <h3 className="mt-4 text-xs font-semibold text-slate-900">By SLA tier</h3>
        <BarChart rows={report.slaByTier.map((r) => ({ key: r.key, label: r.label, segments: [{ series: 'accepted', value: r.met }, { series: 'rejected', value: r.decided - r.met }], note: `${formatRate(r.complianceRate)} met` }))} series={[{ id: 'accepted', label: 'Met' }, { id: 'rejected', label: 'Late' }]} />
        <InsightTable caption="SLA by tier" fileName="sla-by-tier" columns={slaColumns('Tier')} rows={report.slaByTier} rowKey={(r) => r.key} />
      </InsightSection>

      <InsightSection
        id="funnel"
        title="Handoff funnel"
        description={`Revenue at stake = leads lost at a stage × ${report.funnel.averageDealValueFrom === 'configured' ? 'the deal value you entered' : 'the average won deal'} (${formatMoney(report.funnel.averageDealValue)}).${leak ? ` Biggest leak: ${STAGE_LABELS[leak]}.` : ''}`}
      >
        <BarChart rows={report.funnel.stages.map((s) => ({ key: s.stage, label: STAGE_LABELS[s.stage] ?? s.stage, segments: [{ series: s.stage === leak ? 'lost' : 'value', value: s.count }], note: formatCount(s.count) }))} series={[{ id: 'value', label: 'Leads' }]} />
        <InsightTable caption="Handoff funnel" fileName="handoff-funnel" columns={funnelColumns} rows={report.funnel.stages} rowKey={(s) => s.stage} />
      </InsightSection>

      <InsightSection id="versions" title="SQL definition versions side by side" empty={report.versions.length ? null : 'No dispositions match these filters.'}>
        <InsightTable caption="Definition versions" fileName="definition-versions" columns={versionColumns} rows={report.versions} rowKey={(v) => v.version} />
      </InsightSection>
    </div>
  );
}

function Figure({ label, value, detail, tone }: { label: string; value: string; detail?: string; tone?: 'ok' | 'warn' }) {
  return (
    <div className={`rounded-lg border bg-white p-3 ${tone === 'warn' ? 'border-amber-400' : 'border-slate-200'}`}>
      <p className="text-xs text-slate-600">{label}</p>
      <p className="text-xl font-semibold text-slate-900">{value}</p>
      {detail && <p className="text-xs text-slate-600">{detail}</p>}
    </div>
  );
}
