import { useId, useState } from 'react';
import { BACKTEST_PERIODS, backtestResultSchema } from '../../../lib/messaging/backtest-protocol';
import type { BacktestResult } from '../../../lib/messaging/backtest-protocol';
import { sendRequest } from '../../../lib/messaging/send-request';
import { OptionsButton } from '../options-button';

type Period = (typeof BACKTEST_PERIODS)[number];

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)}%`);

/**
 * "Backtest this draft": the Insights backtest (the same background run) on the draft, from the
 * options page, with the headline numbers; the lead-by-lead list stays on Insights.
 */
export function DraftBacktest({ draft }: { draft: unknown }) {
  const id = useId();
  const [months, setMonths] = useState<Period>(6);
  const [state, setState] = useState<{ phase: 'idle' } | { phase: 'running' } | { phase: 'failed'; message: string } | { phase: 'done'; result: BacktestResult }>({ phase: 'idle' });

  const run = async () => {
    setState({ phase: 'running' });
    try {
      setState({ phase: 'done', result: await sendRequest({ type: 'insights/backtest', candidate: draft, months, refresh: false }, backtestResultSchema) });
    } catch (err) {
      setState({ phase: 'failed', message: (err as Error).message });
    }
  };

  const result = state.phase === 'done' ? state.result : null;
  return (
    <section aria-labelledby={`${id}-h`} className="rounded border border-slate-200 px-2 py-1.5">
      <div className="flex flex-wrap items-center gap-1.5">
        <h4 id={`${id}-h`} className="text-[13px] font-semibold text-slate-900">Backtest this draft</h4>
        <label htmlFor={`${id}-months`} className="ml-auto text-xs text-slate-700">Leads dispositioned in the last</label>
        <select id={`${id}-months`} value={months} onChange={(e) => setMonths(Number(e.target.value) as Period)} className="rounded border border-slate-300 bg-white px-1 py-0.5 text-xs">
          {BACKTEST_PERIODS.map((m) => <option key={m} value={m}>{m} months</option>)}
        </select>
        <OptionsButton onClick={() => void run()} aria-busy={state.phase === 'running' || undefined}>Backtest this draft</OptionsButton>
      </div>
      <div role="status" aria-live="polite" className="text-xs">
        {state.phase === 'running' ? <p className="mt-1 text-slate-600">Replaying the period’s leads…</p> : null}
        {state.phase === 'failed' ? <p className="mt-1 text-red-800">{state.message}</p> : null}
        {result?.status === 'invalid_candidate' ? <p className="mt-1 text-red-800">Fix the draft’s {result.errors.length} problem{result.errors.length === 1 ? '' : 's'} first.</p> : null}
        {result?.status === 'ok' ? (
          <p className="mt-1 text-slate-800">
            Of {result.replayed} leads replayed, the definition in force passes {result.baseSummary.passed} and the draft {result.candidateSummary.passed}
            {' '}({result.flips.filter((f) => f.change === 'now_passes').length} now pass, {result.flips.filter((f) => f.change === 'no_longer_passes').length} no longer pass).
            {' '}Of those passed, opportunities: {pct(result.baseSummary.opportunity.precision)} in force, {pct(result.candidateSummary.opportunity.precision)} with the draft.
            {result.skipped.noInputs ? ` ${result.skipped.noInputs} leads had no recorded inputs and were skipped.` : ''}
          </p>
        ) : null}
      </div>
      <p className="mt-0.5 text-xs text-slate-500">
        The lead-by-lead comparison is in <a href="/insights.html" target="_blank" rel="noopener" className="text-sky-800 underline">Insights’ backtest</a> (export this draft and import the file there).
      </p>
    </section>
  );
}
