import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { decodeQualificationInputs } from '../../../lib/domain/qualification/qualification-inputs';
import type { CriterionResult } from '../../../lib/domain/qualification/evaluate-definition';
import { parseSqlDefinition } from '../../../lib/domain/qualification/sql-definition';
import { rulesTestResultSchema } from '../../../lib/messaging/rules-test-protocol';
import { sendRequest } from '../../../lib/messaging/send-request';
import { compareOnLead, describeVerdict } from '../../../lib/rules-editor/compare-on-lead';
import type { LeadComparison } from '../../../lib/rules-editor/compare-on-lead';
import { CRITERION_WORDS } from '../../../lib/rules-editor/rule-words';
import { OptionsButton } from '../options-button';

const STATUS_WORDS: Record<CriterionResult['status'], string> = { met: 'Met', unmet: 'Not met', unknown: 'Unknown' };
const STATUS_TONE: Record<CriterionResult['status'], string> = { met: 'text-emerald-800', unmet: 'text-red-800', unknown: 'text-slate-600' };

function Cell({ result }: { result: CriterionResult | null }) {
  if (!result) return <td className="px-1.5 py-1 align-top text-slate-500">Not checked</td>;
  return (
    <td className="px-1.5 py-1 align-top">
      <span className={`font-medium ${STATUS_TONE[result.status]}`}>{STATUS_WORDS[result.status]}</span>
      {result.decidedBy === 'rep' ? <span className="text-slate-500"> (rep)</span> : null}
      <span className="block text-slate-600">{result.explanation}</span>
    </td>
  );
}

type State =
  | { phase: 'idle' }
  | { phase: 'reading' }
  | { phase: 'failed'; message: string }
  | { phase: 'done'; name: string; comparison: LeadComparison; decidedAt: number | null };

/**
 * "Test against a lead": paste a lead's CRM address; the background reads it as the panel does and
 * this page evaluates the definition in force and the draft on it, criterion by criterion.
 */
export function LeadTestPanel({ current, draft }: { current: unknown; draft: unknown }) {
  const id = useId();
  const [url, setUrl] = useState('');
  const [state, setState] = useState<State>({ phase: 'idle' });
  const inForce = parseSqlDefinition(current);

  const run = async (e: FormEvent) => {
    e.preventDefault();
    if (!inForce.ok) return setState({ phase: 'failed', message: 'The definition in force could not be read.' });
    if (!url.trim()) return setState({ phase: 'failed', message: 'Paste the address of a lead or contact record from your CRM, or the lead’s e-mail address.' });
    setState({ phase: 'reading' });
    try {
      const result = await sendRequest({ type: 'rules/test-lead', query: url }, rulesTestResultSchema);
      if (result.status === 'not_a_lead_url') return setState({ phase: 'failed', message: 'That is neither an e-mail address nor a lead or contact record in a CRM Baton knows. Open the lead in your CRM and copy the address from the address bar.' });
      if (result.status === 'not_found') return setState({ phase: 'failed', message: `No lead with that e-mail address was dispositioned in the last 12 months (${result.searched} leads searched). Paste the address of its record page instead.` });
      const decoded = decodeQualificationInputs(result.inputs, result.ref);
      if (!decoded.ok) return setState({ phase: 'failed', message: `Baton could not read the lead's data (${decoded.detail}).` });
      setState({ phase: 'done', name: result.name, comparison: compareOnLead(inForce.value, draft, decoded.inputs), decidedAt: result.source === 'disposition' ? decoded.inputs.evaluatedAt : null });
    } catch (err) {
      setState({ phase: 'failed', message: (err as Error).message });
    }
  };

  const labelOf = (cid: string) => CRITERION_WORDS[cid] ?? cid;
  const draftVersion = draft && typeof draft === 'object' ? String((draft as { version?: unknown }).version ?? '') : '';

  return (
    <section aria-labelledby={`${id}-h`} className="rounded border border-slate-200 px-2 py-1.5">
      <h4 id={`${id}-h`} className="text-[13px] font-semibold text-slate-900">Test against a lead</h4>
      <form onSubmit={(e) => void run(e)} className="mt-1 flex flex-wrap items-end gap-1.5">
        <div className="min-w-0 flex-1">
          <label htmlFor={`${id}-url`} className="block text-xs font-medium text-slate-700">Lead’s CRM address or e-mail</label>
          <input id={`${id}-url`} type="text" inputMode="url" autoComplete="off" spellCheck={false} value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://… (the lead’s record page) or name@company.com" aria-describedby={`${id}-hint`} className="mt-0.5 block w-full rounded border border-slate-300 px-1.5 py-0.5 text-[13px] focus-visible:outline-2 focus-visible:outline-amber-500" />
        </div>
        <OptionsButton type="submit" aria-busy={state.phase === 'reading' || undefined}>Test</OptionsButton>
      </form>
      <p id={`${id}-hint`} className="mt-0.5 text-xs text-slate-500">A record address: Baton reads the lead now, as the panel does (with any evidence a rep recorded in this browser). An e-mail: the lead as it was when a rep dispositioned it (last 12 months). Then it checks it with the definition in force and with this draft.</p>
      <div role="status" aria-live="polite" className="text-xs">
        {state.phase === 'reading' ? <p className="mt-1 text-slate-600">Reading the lead…</p> : null}
        {state.phase === 'failed' ? <p className="mt-1 text-red-800">{state.message}</p> : null}
        {state.phase === 'done' ? <p className="mt-1 text-slate-700">Tested {state.name}{state.decidedAt !== null ? `, as recorded when a rep dispositioned the lead on ${new Date(state.decidedAt).toISOString().slice(0, 10)}` : ''}.</p> : null}
      </div>
      {state.phase === 'done' ? (
        <div className="mt-1 overflow-x-auto">
          <table className="w-full border-collapse text-xs">
            <caption className="sr-only">How the definition in force and the draft read {state.name}, criterion by criterion</caption>
            <thead>
              <tr className="border-b border-slate-200 text-left text-slate-600">
                <th scope="col" className="w-40 px-1.5 py-1 font-medium">Criterion</th>
                <th scope="col" className="px-1.5 py-1 font-medium">In force (v{String(state.comparison.current.definitionVersion)})</th>
                <th scope="col" className="px-1.5 py-1 font-medium">Draft{draftVersion ? ` (v${draftVersion})` : ''}</th>
              </tr>
            </thead>
            <tbody>
              <tr className="border-b border-slate-200 bg-slate-50">
                <th scope="row" className="px-1.5 py-1 text-left font-semibold">Verdict</th>
                <td className="px-1.5 py-1 font-semibold">{describeVerdict(state.comparison.current.verdict, labelOf)}</td>
                <td className="px-1.5 py-1 font-semibold">
                  {state.comparison.draft ? describeVerdict(state.comparison.draft.verdict, labelOf) : `The draft has ${state.comparison.draftErrors.length} problem${state.comparison.draftErrors.length === 1 ? '' : 's'} to fix first.`}
                </td>
              </tr>
              {state.comparison.rows.map((row) => (
                <tr key={row.id} className={`border-b border-slate-100 ${row.changed ? 'bg-amber-50' : ''}`}>
                  <th scope="row" className="px-1.5 py-1 text-left align-top font-medium text-slate-800">
                    {row.label}
                    {row.changed ? <span className="block font-normal text-amber-900">Changes with the draft</span> : null}
                  </th>
                  <Cell result={row.current} />
                  {state.comparison.draft ? <Cell result={row.draft} /> : <td className="px-1.5 py-1 text-slate-500">—</td>}
                </tr>
              ))}
            </tbody>
          </table>
          {state.comparison.evidenceNotes.map((n) => <p key={n} className="mt-1 text-xs text-amber-900">{n}</p>)}
        </div>
      ) : null}
    </section>
  );
}
