import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { evidencePutResultSchema, type CriterionView, type LeadViewResult, type QualificationView } from '../../lib/messaging/panel-protocol';
import { sendRequest } from '../../lib/messaging/send-request';
import { leadQueries } from '../../lib/queries/lead-queries';

type CriterionGroup = CriterionView['group'];
type CriterionResult = CriterionView;

const GROUP_TITLES: Record<CriterionGroup, string> = { bant: 'BANT', fit: 'Fit', engagement: 'Engagement signal', disqualifier: 'Disqualifiers' };
/** BANT always takes the rep's evidence; anything the data could not decide does too. */
const isRepDecidable = (c: CriterionResult) => c.group === 'bant' || c.status === 'unknown' || c.decidedBy === 'rep';

/**
 * The shared SQL definition applied to this lead: verdict first, disqualifiers prominent, then
 * each criterion with where its answer came from. The rep ticks what only a conversation can
 * establish, with the evidence the definition asks for.
 */
export function QualificationChecklist({ qualification: evaluation, navigation }: { qualification: QualificationView; navigation: number }) {
  const fired = evaluation.criteria.filter((c) => c.group === 'disqualifier' && c.status === 'unmet');
  const groups = (['bant', 'fit', 'engagement', 'disqualifier'] as const).map((group) => ({
    group,
    items: evaluation.criteria.filter((c) => c.group === group && !(group === 'disqualifier' && c.status === 'unmet')),
  }));
  return (
    <div className="space-y-3 px-4 py-3">
      <VerdictBanner evaluation={evaluation} />
      {fired.length > 0 ? (
        <section aria-label="Disqualifiers that apply" className="rounded-md border border-red-300 bg-red-50 px-3 py-2">
          {fired.map((c) => (
            <p key={c.id} className="text-red-900">
              <span className="font-semibold">{c.label}</span> — {c.explanation}
            </p>
          ))}
        </section>
      ) : null}
      {groups.map(({ group, items }) =>
        items.length === 0 ? null : (
          <section key={group} aria-labelledby={`group-${group}`}>
            <h2 id={`group-${group}`} className="mb-1 text-[11px] font-semibold uppercase tracking-wide text-slate-500">
              {GROUP_TITLES[group]}
            </h2>
            <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
              {items.map((criterion) => (
                <CriterionRow key={criterion.id} criterion={criterion} navigation={navigation} />
              ))}
            </ul>
          </section>
        ),
      )}
      <p className="text-[11px] text-slate-500">
        {evaluation.definitionName} · version {String(evaluation.definitionVersion)}
      </p>
    </div>
  );
}

function VerdictBanner({ evaluation }: { evaluation: QualificationView }) {
  const { verdict } = evaluation;
  const labels = new Map(evaluation.criteria.map((c) => [c.id, c.label]));
  if (verdict.kind === 'sales_qualified') {
    return <p role="status" className="rounded-md bg-emerald-700 px-3 py-2 font-semibold text-white">Sales-qualified</p>;
  }
  if (verdict.kind === 'disqualified') {
    return (
      <p role="status" className="rounded-md bg-red-700 px-3 py-2 text-white">
        <span className="font-semibold">Disqualified</span> — {verdict.reason}
      </p>
    );
  }
  return (
    <p role="status" className="rounded-md bg-amber-100 px-3 py-2 text-amber-950">
      <span className="font-semibold">Not yet sales-qualified</span> — missing {verdict.missing.map((id) => labels.get(id) ?? id).join(', ')}
    </p>
  );
}

const STATUS_MARK: Record<CriterionResult['status'], { mark: string; className: string; spoken: string }> = {
  met: { mark: '✓', className: 'bg-emerald-100 text-emerald-800', spoken: 'met' },
  unmet: { mark: '✗', className: 'bg-red-100 text-red-800', spoken: 'not met' },
  unknown: { mark: '?', className: 'bg-slate-100 text-slate-600', spoken: 'unknown' },
};

function CriterionRow({ criterion, navigation }: { criterion: CriterionResult; navigation: number }) {
  const [editing, setEditing] = useState(false);
  const status = STATUS_MARK[criterion.status];
  return (
    <li className="px-2 py-1.5" data-criterion={criterion.id} data-status={criterion.status}>
      <div className="flex items-start gap-2">
        <span aria-hidden="true" className={`mt-0.5 inline-flex h-4 w-4 shrink-0 items-center justify-center rounded text-[11px] font-bold ${status.className}`}>
          {status.mark}
        </span>
        <div className="min-w-0 flex-1">
          <p className="text-slate-900">
            <span className="sr-only">{status.spoken}: </span>
            {criterion.label}
            <span className="ml-1 text-[11px] text-slate-500">{criterion.decidedBy === 'rep' ? '· confirmed by rep' : criterion.source ? `· ${criterion.source}` : '· auto'}</span>
          </p>
          <p className="break-words text-xs text-slate-600">{criterion.explanation}</p>
        </div>
        {isRepDecidable(criterion) ? (
          <button
            type="button"
            aria-expanded={editing}
            aria-label={`${editing ? 'Close' : 'Record'} evidence for ${criterion.label}`}
            onClick={() => setEditing((v) => !v)}
            className="shrink-0 rounded border border-slate-300 px-1.5 py-0.5 text-[11px] text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-amber-500"
          >
            {editing ? 'Close' : 'Evidence'}
          </button>
        ) : null}
      </div>
      {editing ? <EvidenceForm criterion={criterion} navigation={navigation} onDone={() => setEditing(false)} /> : null}
    </li>
  );
}

type EvidenceFields = Record<string, string>;

const FIELD_SPECS: Record<string, { key: string; label: string; type: string; placeholder?: string }[]> = {
  budget: [
    { key: 'amount', label: 'Amount', type: 'number', placeholder: '25000' },
    { key: 'currency', label: 'Currency', type: 'text', placeholder: 'USD' },
  ],
  authority: [
    { key: 'name', label: 'Decision maker', type: 'text', placeholder: 'Dana Kim' },
    { key: 'role', label: 'Role', type: 'text', placeholder: 'VP Sales' },
  ],
  need: [{ key: 'problem', label: 'Stated problem', type: 'text', placeholder: 'In their words' }],
  timeline: [{ key: 'date', label: 'Decision date', type: 'date' }],
};
const NOTE_FIELDS = [{ key: 'note', label: 'Why', type: 'text', placeholder: 'What you learned' }];

function toEvidence(criterionId: string, fields: EvidenceFields): Record<string, unknown> {
  if (criterionId === 'budget') return { amount: fields.amount === '' || fields.amount === undefined ? undefined : Number(fields.amount), currency: (fields.currency ?? '').trim().toUpperCase() };
  const specs = FIELD_SPECS[criterionId] ?? NOTE_FIELDS;
  return Object.fromEntries(specs.map((s) => [s.key, (fields[s.key] ?? '').trim()]));
}

function EvidenceForm({ criterion, navigation, onDone }: { criterion: CriterionResult; navigation: number; onDone: () => void }) {
  const id = useId();
  const queryClient = useQueryClient();
  const specs = FIELD_SPECS[criterion.id] ?? NOTE_FIELDS;
  const initial = Object.fromEntries(specs.map((s) => [s.key, criterion.decidedBy === 'rep' && criterion.evidence?.[s.key] !== undefined ? String(criterion.evidence[s.key]) : '']));
  const [fields, setFields] = useState<EvidenceFields>(initial);
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (entry: { status: 'met' | 'unmet'; evidence?: Record<string, unknown> } | null) =>
      sendRequest({ type: 'evidence/put', criterionId: criterion.id, entry }, evidencePutResultSchema),
    onSuccess: ({ qualification }) => {
      // The background answers with the checklist re-evaluated with this evidence: show it at
      // once. If it could not read the lead to do so, ask for the whole view again.
      const key = leadQueries.current(navigation).queryKey;
      if (qualification) queryClient.setQueryData(key, (old: LeadViewResult | undefined) => (old?.status === 'ok' ? { ...old, view: { ...old.view, qualification } } : old));
      else void queryClient.invalidateQueries({ queryKey: key });
      onDone();
    },
    onError: (err) => setError(err.message),
  });

  const submit = (status: 'met' | 'unmet') => (e?: FormEvent) => {
    e?.preventDefault();
    const evidence = toEvidence(criterion.id, fields);
    const hasAny = Object.values(evidence).some((v) => v !== '' && v !== undefined);
    // Only whether every field is filled is checked here; the background checks the evidence
    // against the definition's rules (an ISO currency, a real date...) and says what is wrong.
    const complete = Object.values(evidence).every((v) => v !== '' && v !== undefined && !Number.isNaN(v));
    if (status === 'met' && !complete) return setError(`To mark this met, give ${criterion.needs}.`);
    setError(null);
    // "Not met" may carry a reason, but only a complete one; half-filled fields are dropped.
    save.mutate(status === 'met' || (hasAny && complete) ? { status, evidence } : { status });
  };

  return (
    <form onSubmit={submit('met')} className="mt-1.5 space-y-1.5 rounded bg-slate-50 p-2" aria-label={`Evidence for ${criterion.label}`}>
      <div className="flex flex-wrap gap-2">
        {specs.map((spec) => (
          <label key={spec.key} className="flex min-w-0 flex-1 flex-col text-[11px] text-slate-700">
            {spec.label}
            <input
              type={spec.type}
              value={fields[spec.key] ?? ''}
              placeholder={spec.placeholder}
              onChange={(e) => setFields((f) => ({ ...f, [spec.key]: e.target.value }))}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              className="mt-0.5 rounded border border-slate-300 bg-white px-1.5 py-1 text-[13px] text-slate-900"
            />
          </label>
        ))}
      </div>
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-xs text-red-700">
          {error}
        </p>
      ) : null}
      <div className="flex gap-1.5">
        <button type="submit" disabled={save.isPending} className="rounded bg-emerald-700 px-2 py-1 text-xs font-medium text-white hover:bg-emerald-800 focus-visible:outline-2 focus-visible:outline-amber-500">
          Met
        </button>
        <button type="button" onClick={() => submit('unmet')()} disabled={save.isPending} className="rounded bg-red-700 px-2 py-1 text-xs font-medium text-white hover:bg-red-800 focus-visible:outline-2 focus-visible:outline-amber-500">
          Not met
        </button>
        {criterion.decidedBy === 'rep' ? (
          <button type="button" onClick={() => save.mutate(null)} disabled={save.isPending} className="rounded border border-slate-300 px-2 py-1 text-xs text-slate-700 hover:bg-white focus-visible:outline-2 focus-visible:outline-amber-500">
            Clear my answer
          </button>
        ) : null}
      </div>
    </form>
  );
}
