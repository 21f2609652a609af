import { queryOptions, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { SqlDefinition } from '../../lib/domain/qualification/sql-definition';
import { STRICT_SQL_DEFINITION } from '../../lib/domain/qualification/strict-sql-definition';
import { BACKTEST_PERIOD_DAYS, BACKTEST_PERIODS, backtestResultSchema } from '../../lib/messaging/backtest-protocol';
import type { BacktestFlip, BacktestOk, BacktestResult, BacktestScores } from '../../lib/messaging/backtest-protocol';
import { sendRequest } from '../../lib/messaging/send-request';
import { readPublishedSqlDefinitions, readSqlDefinitionInForce } from '../../lib/storage/published-definitions';
import type { AdminSettingError } from '../../lib/storage/admin-setting-errors';
import { importAdminSettingJson } from '../../lib/storage/admin-setting-json';
import { BarChart } from './bar-chart';
import { InsightSection, InsightTable } from './insight-table';
import type { Column } from './insight-table';
import { formatCount, formatRate } from './insights-format';

/*
 * "Backtest a definition": what would have happened over the last N months had sales been handed
 * the leads a candidate SQL definition passes, instead of the current one. The candidate is a
 * published version, the shipped strict sample, or a JSON file (checked with the definition's
 * own schema; errors name the field). The background replays the dispositioned leads from the
 * inputs recorded with each disposition and scores both against opportunities and wins.
 */

type Period = (typeof BACKTEST_PERIODS)[number];

interface Candidate {
  key: string;
  label: string;
  definition: SqlDefinition;
}

const backtestQueries = {
  candidates: () =>
    queryOptions({
      queryKey: ['backtest', 'candidates'] as const,
      queryFn: async () => ({ published: await readPublishedSqlDefinitions(), current: await readSqlDefinitionInForce() }),
      staleTime: 60_000,
    }),
  run: (candidate: Candidate, months: Period, refresh: () => boolean) =>
    queryOptions({
      queryKey: ['backtest', 'run', candidate.key, JSON.stringify(candidate.definition), months] as const,
      queryFn: (): Promise<BacktestResult> => sendRequest({ type: 'insights/backtest', candidate: candidate.definition, months, refresh: refresh() }, backtestResultSchema),
      staleTime: 60_000,
      retry: false,
    }),
};

/**
 * A backtest reads every disposition of the period again, with its inputs: about one search per
 * 100 leads, on the same per-portal search limit as Insights' own read. It starts by itself only
 * once that read is complete and small (the demo, a young portal); otherwise the marketer runs it.
 */
export const AUTO_RUN_MAX_LEADS = 2_000;

export function shouldAutoRunBacktest(read: { records: number; sync: { state: string } } | null): boolean {
  return read !== null && read.sync.state === 'idle' && read.records <= AUTO_RUN_MAX_LEADS;
}

const describeDefinition = (d: Pick<SqlDefinition, 'name' | 'version'>) => `${d.name} v${String(d.version)}`;

const VERDICT_LABELS: Record<BacktestFlip['from'], string> = { sales_qualified: 'Sales-qualified', not_yet: 'Not yet', disqualified: 'Disqualified' };
const CHANGE_LABELS: Record<BacktestFlip['change'], string> = { now_passes: 'Now passes', no_longer_passes: 'No longer passes', still_fails: 'Still fails (other reason)' };

export function BacktestSection({ autoRun = false }: { autoRun?: boolean }) {
  const id = useId();
  const stored = useQuery(backtestQueries.candidates());
  const [imported, setImported] = useState<Candidate | null>(null);
  const [importErrors, setImportErrors] = useState<AdminSettingError[]>([]);
  const [choice, setChoice] = useState<string | null>(null);
  const [months, setMonths] = useState<Period>(6);
  // Set by 'Run again from CRM' and consumed by the next request: other runs may reuse the background's recent read.
  const refreshNext = useRef(false);

  const candidates = useMemo<Candidate[]>(() => {
    const list: Candidate[] = [];
    const current = stored.data?.current;
    for (const d of stored.data?.published ?? []) {
      const isCurrent = current !== undefined && d.id === current.id && String(d.version) === String(current.version);
      list.push({ key: `published:${d.id}@${String(d.version)}`, label: `Published: ${describeDefinition(d)}${isCurrent ? ' (current)' : ''}`, definition: d });
    }
    list.push({ key: 'sample:strict', label: `Sample: ${describeDefinition(STRICT_SQL_DEFINITION)}`, definition: STRICT_SQL_DEFINITION });
    if (imported) list.push(imported);
    return list;
  }, [stored.data, imported]);

  // Until someone picks: the newest published version that is not the current one, else the strict sample.
  const fallback = useMemo(() => {
    const current = stored.data?.current;
    const others = candidates.filter((c) => c.key.startsWith('published:') && !(current && c.definition.id === current.id && String(c.definition.version) === String(current.version)));
    return others.at(-1) ?? candidates.find((c) => c.key === 'sample:strict');
  }, [candidates, stored.data]);
  const selected = candidates.find((c) => c.key === choice) ?? fallback ?? null;

  // Once started (by the marketer or by autoRun), changing the candidate or the period runs again.
  const [started, setStarted] = useState(false);
  useEffect(() => {
    if (autoRun) setStarted(true);
  }, [autoRun]);

  const run = useQuery({
    ...backtestQueries.run(selected ?? candidates[0]!, months, () => {
      const refresh = refreshNext.current;
      refreshNext.current = false;
      return refresh;
    }),
    enabled: started && selected !== null && stored.isSuccess,
  });

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const result = importAdminSettingJson('sql-definition', await file.text());
    if (!result.ok) {
      setImportErrors(result.errors);
      return;
    }
    setImportErrors([]);
    const candidate = { key: `file:${file.name}`, label: `File: ${file.name} (${describeDefinition(result.value)})`, definition: result.value };
    setImported(candidate);
    setChoice(candidate.key);
  };

  return (
    <InsightSection
      id="backtest"
      title="Backtest a definition"
      description="Replays the leads sales dispositioned in the period under the current SQL definition and a candidate, from what each definition would have seen when the rep decided, and scores both against what happened (opportunity created, won)."
    >
      <form className="flex flex-wrap items-end gap-3" aria-label="Backtest settings" onSubmit={(e) => e.preventDefault()}>
        <div className="flex flex-col gap-0.5 text-xs text-slate-700">
          <label htmlFor={`${id}-candidate`}>Candidate definition</label>
          <select id={`${id}-candidate`} value={selected?.key ?? ''} onChange={(e) => setChoice(e.target.value)} className="max-w-md rounded border border-slate-300 bg-white px-2 py-1 text-xs text-slate-900">
            {candidates.map((c) => (
              <option key={c.key} value={c.key}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-0.5 text-xs text-slate-700">
          <label htmlFor={`${id}-file`}>Or import a definition (JSON)</label>
          <input id={`${id}-file`} type="file" accept="application/json,.json" aria-describedby={importErrors.length ? `${id}-file-errors` : undefined} onChange={(e) => void onFile(e.target.files?.[0])} className="text-xs" />
        </div>
        <div className="flex flex-col gap-0.5 text-xs text-slate-700">
          <label htmlFor={`${id}-period`}>Dispositioned in</label>
          <select id={`${id}-period`} value={months} onChange={(e) => setMonths(Number(e.target.value) as Period)} className="rounded border border-slate-300 bg-white px-2 py-1 text-xs text-slate-900">
            {BACKTEST_PERIODS.map((m) => (
              <option key={m} value={m}>
                the last {m} months ({BACKTEST_PERIOD_DAYS[m]} days)
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          onClick={() => {
            if (!started) {
              setStarted(true);
              return;
            }
            refreshNext.current = true;
            void run.refetch();
          }}
          disabled={selected === null || run.isFetching}
          className="rounded bg-sky-700 px-3 py-1.5 text-xs font-medium text-white hover:bg-sky-800 disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700"
        >
          {run.isFetching ? 'Running…' : started ? 'Run again from CRM' : 'Run backtest'}
        </button>
      </form>

      {importErrors.length > 0 && (
        <div id={`${id}-file-errors`} role="alert" className="mt-3 rounded border border-rose-300 bg-rose-50 px-3 py-2 text-xs text-rose-900">
          <p className="font-semibold">That file is not a valid SQL definition:</p>
          <ul className="list-disc pl-4">
            {importErrors.map((e, i) => (
              <li key={i}>
                <code>{e.path}</code>: {e.message}
                {e.line ? ` (line ${e.line}, column ${e.column ?? 1})` : ''}
              </li>
            ))}
          </ul>
        </div>
      )}

      <div role="status" aria-live="polite" className="mt-3 text-xs text-slate-700">
        {stored.isError
          ? 'The published definitions could not be read.'
          : !started
            ? 'Choose a candidate and a period, then run the backtest: it reads the period\'s dispositions from the CRM again (about one request per 100 leads).'
            : run.isPending && run.fetchStatus !== 'idle'
              ? 'Replaying dispositioned leads…'
              : run.data?.status === 'ok'
                ? describeRun(run.data)
                : ''}
      </div>
      {run.isError && (
        <p role="alert" className="mt-2 rounded border border-rose-300 bg-rose-50 px-3 py-2 text-sm text-rose-900">
          {run.error.message}
        </p>
      )}
      {run.data?.status === 'invalid_candidate' && (
        <div role="alert" className="mt-2 rounded border border-rose-300 bg-rose-50 px-3 py-2 text-xs text-rose-900">
          <p className="font-semibold">The candidate is not a valid SQL definition:</p>
          <ul className="list-disc pl-4">
            {run.data.errors.map((e, i) => (
              <li key={i}>
                <code>{e.path}</code>: {e.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {run.data?.status === 'ok' && <BacktestReport result={run.data} />}
    </InsightSection>
  );
}

function describeRun(r: BacktestOk): string {
  const period = `${new Date(r.period.from).toLocaleDateString()} – ${new Date(Math.min(r.period.to, r.readAt)).toLocaleDateString()}`;
  return `Replayed ${formatCount(r.replayed)} of ${formatCount(r.dispositioned)} leads dispositioned in the last ${r.period.months} months (${period}), in ${Math.round(r.replayMs)} ms after ${r.requests} CRM requests.`;
}

interface MeasureRow {
  key: string;
  measure: string;
  base: string;
  candidate: string;
  change: string;
}

// Changes in words ("28 fewer", "5.8 pts higher"), not "+28": a CSV cell starting with + or -
// is guarded against spreadsheet formulas (to-csv.ts), and the file must say what the table says.
function rateChange(a: number | null, b: number | null): string {
  if (a === null || b === null) return '—';
  const points = Math.round((b - a) * 1000) / 10;
  return points === 0 ? 'no change' : `${Math.abs(points).toFixed(1)} pts ${points > 0 ? 'higher' : 'lower'}`;
}

function countChange(a: number, b: number): string {
  return b === a ? 'no change' : `${formatCount(Math.abs(b - a))} ${b > a ? 'more' : 'fewer'}`;
}

const scoreCell = (s: BacktestScores, kind: 'precision' | 'recall') => `${formatRate(s[kind])} (${formatCount(s.tp)} of ${formatCount(kind === 'precision' ? s.tp + s.fp : s.tp + s.fn)})`;

function BacktestReport({ result }: { result: BacktestOk }) {
  const b = result.baseSummary;
  const c = result.candidateSummary;
  const skippedTotal = result.skipped.noInputs + result.skipped.unreadableInputs;
  if (result.dispositioned === 0) {
    return <p className="mt-3 rounded bg-slate-50 px-3 py-2 text-xs text-slate-700">No leads were dispositioned in the last {result.period.months} months, so there is nothing to replay. Try a longer period.</p>;
  }
  const rows: MeasureRow[] = [
    { key: 'passed', measure: 'Leads that pass (sales-qualified)', base: formatCount(b.passed), candidate: formatCount(c.passed), change: countChange(b.passed, c.passed) },
    { key: 'not-yet', measure: 'Not yet qualified', base: formatCount(b.notYet), candidate: formatCount(c.notYet), change: countChange(b.notYet, c.notYet) },
    { key: 'disqualified', measure: 'Disqualified', base: formatCount(b.disqualified), candidate: formatCount(c.disqualified), change: countChange(b.disqualified, c.disqualified) },
    { key: 'opp-precision', measure: 'Precision vs opportunity (passed leads that became one)', base: scoreCell(b.opportunity, 'precision'), candidate: scoreCell(c.opportunity, 'precision'), change: rateChange(b.opportunity.precision, c.opportunity.precision) },
    { key: 'opp-recall', measure: 'Recall vs opportunity (opportunities the definition passed)', base: scoreCell(b.opportunity, 'recall'), candidate: scoreCell(c.opportunity, 'recall'), change: rateChange(b.opportunity.recall, c.opportunity.recall) },
    { key: 'won-precision', measure: `Precision vs won (settled leads: ${formatCount(b.won.n)})`, base: scoreCell(b.won, 'precision'), candidate: scoreCell(c.won, 'precision'), change: rateChange(b.won.precision, c.won.precision) },
    { key: 'won-recall', measure: 'Recall vs won (won deals the definition passed)', base: scoreCell(b.won, 'recall'), candidate: scoreCell(c.won, 'recall'), change: rateChange(b.won.recall, c.won.recall) },
  ];
  const baseLabel = `Current: ${describeDefinition(result.base)}`;
  const candidateLabel = `Candidate: ${describeDefinition(result.candidate)}`;
  const columns: Column<MeasureRow>[] = [
    { header: 'Measure', cell: (r) => r.measure },
    { header: baseLabel, cell: (r) => r.base, numeric: true },
    { header: candidateLabel, cell: (r) => r.candidate, numeric: true },
    { header: 'Change', cell: (r) => r.change, numeric: true },
  ];
  const flipColumns: Column<BacktestFlip>[] = [
    { header: 'Lead', cell: (f) => f.name },
    { header: 'Company', cell: (f) => f.company ?? '—' },
    { header: 'Campaign', cell: (f) => f.campaign ?? '(no campaign)' },
    { header: 'Current verdict', cell: (f) => VERDICT_LABELS[f.from] },
    { header: 'Candidate verdict', cell: (f) => VERDICT_LABELS[f.to] },
    { header: 'Change', cell: (f) => CHANGE_LABELS[f.change] },
    { header: 'Opportunity', cell: (f) => (f.opportunity ? 'Yes' : 'No') },
    { header: 'Won', cell: (f) => (f.won === null ? 'Open' : f.won ? 'Yes' : 'No') },
  ];
  const bar = (key: string, label: string, s: typeof b) => ({
    key,
    label,
    segments: [
      { series: 'accepted', value: s.passed },
      { series: 'recycled', value: s.notYet },
      { series: 'rejected', value: s.disqualified },
    ],
    note: `${formatCount(s.passed)} pass`,
  });
  return (
    <div className="mt-3 space-y-3">
      {skippedTotal > 0 && (
        <div role="note" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-xs text-amber-900">
          <p className="font-semibold">
            {formatCount(skippedTotal)} of {formatCount(result.dispositioned)} dispositioned leads were skipped
          </p>
          <ul className="list-disc pl-4">
            {result.skipped.noInputs > 0 && (
              <li>
                {formatCount(result.skipped.noInputs)} have no recorded inputs: they were dispositioned before Baton recorded what the definition saw (or outside Baton), so they cannot be replayed without guessing.
              </li>
            )}
            {result.skipped.unreadableInputs > 0 && (
              <li>
                {formatCount(result.skipped.unreadableInputs)} have inputs Baton cannot read (changed in the CRM, or written by a newer Baton){result.skipped.unreadableExample ? `, e.g. ${result.skipped.unreadableExample}` : ''}.
              </li>
            )}
          </ul>
        </div>
      )}
      {result.approximate > 0 && (
        <p role="note" className="text-xs text-slate-700">
          {formatCount(result.approximate)} replayed leads had inputs shortened to fit the CRM (oldest events left out) or rep evidence today&apos;s rules refuse: their verdicts are approximate.
        </p>
      )}
      {result.replayed === 0 ? (
        <p className="rounded bg-slate-50 px-3 py-2 text-xs text-slate-700">No lead in this period can be replayed yet: Baton records the inputs with every new disposition.</p>
      ) : (
        <>
          <BarChart rows={[bar('base', baseLabel, b), bar('candidate', candidateLabel, c)]} series={[{ id: 'accepted', label: 'Pass' }, { id: 'recycled', label: 'Not yet' }, { id: 'rejected', label: 'Disqualified' }]} />
          <InsightTable open caption="Backtest: current definition and candidate" fileName="backtest-summary" columns={columns} rows={rows} rowKey={(r) => r.key} />
          <h3 className="pt-2 text-xs font-semibold text-slate-900">
            Leads whose verdict changes ({formatCount(result.flipsTotal)}
            {result.flipsTotal > result.flips.length ? `, the first ${formatCount(result.flips.length)} listed` : ''})
          </h3>
          {result.flips.length ? (
            <InsightTable caption="Backtest: leads whose verdict changes" fileName="backtest-flipped-leads" columns={flipColumns} rows={result.flips} rowKey={(f) => f.contactId} />
          ) : (
            <p className="rounded bg-slate-50 px-3 py-2 text-xs text-slate-700">No lead would get a different verdict.</p>
          )}
        </>
      )}
    </div>
  );
}
