import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { computeSlaStatus } from '../../lib/domain/sla/compute-sla-status';
import { dispositionSaveResultSchema, type OutcomeView, type SlaInputs } from '../../lib/messaging/panel-protocol';
import { sendRequest } from '../../lib/messaging/send-request';
import { leadStateQueries } from '../../lib/queries/lead-state-queries';
import { Button } from '../ui/panel-states';
import { useVisibilityGuard } from '../ui/use-visibility-guard';
import { humanizeEnum } from '../../lib/format/format-time';
import { draftIdFor } from './draft-id';
import { outcomeWarnings } from './outcome-warnings';

/** Outcome choices as a rep thinks of them; accepted splits into its two stages. */
const CHOICES = [
  { id: 'working', outcome: 'accepted', acceptedStage: 'working', label: 'Accept — working it' },
  { id: 'opportunity', outcome: 'accepted', acceptedStage: 'opportunity_created', label: 'Accept — opportunity created' },
  { id: 'recycled', outcome: 'recycled', acceptedStage: null, label: 'Recycle to nurture' },
  { id: 'rejected', outcome: 'rejected', acceptedStage: null, label: 'Reject' },
] as const;
type ChoiceId = (typeof CHOICES)[number]['id'];

const SLA_LABELS: Record<string, string> = { on_track: 'On track', at_risk: 'At risk', breached: 'Breached', met: 'Met', met_late: 'Met late', not_started: 'Not started' };

/**
 * Records what happened: outcome, structured reason, recycle date, objections heard, note — then a
 * confirm step showing exactly what will be written to the CRM. Saving writes to the durable
 * outbox first; the status list below shows "saved to CRM", "queued" or the CRM's error.
 *
 * The draft carries only what the rep decides, and its id: created once per draft (draft-id.ts),
 * so a second click, a resend after a lost answer or the same draft from another tab on this lead
 * is one disposition. The background records with it what the rep was shown (checklist, verdict,
 * SLA outcome, brief), computed from what it knows at save time.
 *
 * `draftKey` names the lead (e.g. `hubspot:51`): drafts for it share their id across tabs.
 */
export function DispositionForm({
  outcome,
  sla,
  attemptsMade,
  navigation,
  draftKey,
  disqualifiedBecause = null,
}: {
  outcome: OutcomeView;
  sla: SlaInputs;
  attemptsMade: number;
  navigation: number;
  draftKey: string;
  /** The SQL definition's reason when it disqualifies the lead: accepting it asks for a second look. */
  disqualifiedBecause?: string | null;
}) {
  const context = { reasons: outcome, attemptsMade, unreachableAfterAttempts: outcome.unreachableAfterAttempts };
  const id = useId();
  const queryClient = useQueryClient();
  const [choice, setChoice] = useState<ChoiceId | null>(null);
  const [reasonId, setReasonId] = useState('');
  const [recycleDate, setRecycleDate] = useState('');
  const [objectionTags, setObjectionTags] = useState<string[]>([]);
  const [objectionText, setObjectionText] = useState('');
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [errors, setErrors] = useState<{ path: string; message: string }[]>([]);
  // Clickjacking: Save is refused while the page hides or covers the panel (use-visibility-guard.ts).
  const visibility = useVisibilityGuard();
  // The confirm step takes the focus when it opens, so a keyboard or screen-reader user lands on it.
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (confirming) confirmHeading.current?.focus();
  }, [confirming]);

  const selected = CHOICES.find((c) => c.id === choice) ?? null;
  const reasons = selected && selected.outcome !== 'accepted' ? context.reasons.reasons.filter((r) => r.active && r.appliesTo.includes(selected.outcome)) : [];
  const reason = context.reasons.reasons.find((r) => r.id === reasonId) ?? null;

  const draft = () => ({
    outcome: selected?.outcome,
    acceptedStage: selected?.acceptedStage ?? null,
    reasonId: selected?.outcome === 'accepted' ? null : reasonId || null,
    recycleAt: selected?.outcome === 'recycled' && recycleDate ? Date.parse(`${recycleDate}T09:00:00`) : null,
    objections: { tags: objectionTags, text: objectionText.trim() || null },
    note: note.trim() || null,
  });

  const save = useMutation({
    mutationFn: async () => {
      await visibility.confirmVisible();
      const decided = draft();
      return sendRequest({ type: 'disposition/save', draft: { ...decided, id: draftIdFor(draftKey, decided) } }, dispositionSaveResultSchema);
    },
    onSuccess: (result) => {
      if (!result.ok) {
        setErrors(result.errors);
        setConfirming(false);
        return;
      }
      setErrors([]);
      setConfirming(false);
      setChoice(null);
      setReasonId('');
      setRecycleDate('');
      setObjectionTags([]);
      setObjectionText('');
      setNote('');
      void queryClient.invalidateQueries({ queryKey: leadStateQueries.all });
    },
  });

  const localErrors = (): { path: string; message: string }[] => {
    const found: { path: string; message: string }[] = [];
    if (!selected) found.push({ path: 'outcome', message: 'Choose an outcome.' });
    if (selected && selected.outcome !== 'accepted' && !reasonId) found.push({ path: 'reasonId', message: `A ${selected.outcome} lead needs a reason.` });
    if (selected?.outcome === 'recycled' && !recycleDate) found.push({ path: 'recycleAt', message: 'Choose when marketing should hand it back.' });
    if (reason?.requiresAttempts && context.attemptsMade < context.unreachableAfterAttempts) {
      found.push({ path: 'reasonId', message: `"Unreachable" needs ${context.unreachableAfterAttempts} logged attempts; ${context.attemptsMade} so far.` });
    }
    return found;
  };

  const review = (e: FormEvent) => {
    e.preventDefault();
    const found = localErrors();
    setErrors(found);
    if (found.length === 0) setConfirming(true);
  };

  const errorFor = (path: string) => errors.filter((e) => e.path === path || e.path.startsWith(`${path}.`)).map((e) => e.message).join(' ');
  const otherErrors = errors.filter((e) => !['outcome', 'reasonId', 'recycleAt'].some((p) => e.path === p || e.path.startsWith(`${p}.`)));

  if (confirming && selected) {
    const leadStatus = leadStatusFor(outcome, selected.outcome, selected.acceptedStage, reasonId || null);
    const warnings = outcomeWarnings({ outcome: selected.outcome, disqualifiedBecause, attemptsMade, touches: sla.touches });
    // What the SLA engine says now; the background computes the recorded outcome the same way on save.
    const slaState = computeSlaStatus({ ...sla, now: Date.now() }).state;
    return (
      <section ref={visibility.ref} aria-labelledby={`${id}-confirm`} className="space-y-2 rounded-md border border-slate-300 bg-slate-50 p-3">
        <h2 id={`${id}-confirm`} ref={confirmHeading} tabIndex={-1} className="font-semibold text-slate-900 focus:outline-none">Write this to the CRM?</h2>
        {warnings.length > 0 ? (
          // Said before the summary and tied to Save: the rep confirms knowing why Baton asks.
          <div id={`${id}-warnings`} role="alert" className="rounded border border-amber-300 bg-amber-50 px-2 py-1.5 text-xs text-amber-950">
            <p className="font-semibold">Check before you save</p>
            <ul className="mt-0.5 list-disc space-y-0.5 pl-4">
              {warnings.map((w) => (
                <li key={w.id} data-warning={w.id}>{w.text}</li>
              ))}
            </ul>
            <p className="mt-1">Save to CRM records it anyway; Back lets you change it.</p>
          </div>
        ) : null}
        <p className="text-xs text-slate-800">
          Will set lead status to <strong className="font-semibold text-slate-900">{leadStatus.label}</strong>
        </p>
        <dl className="grid grid-cols-[7rem_1fr] gap-x-2 gap-y-0.5 text-xs">
          <dt className="text-slate-500">Disposition</dt>
          <dd className="text-slate-900">{selected.label}{reason ? ` — ${reason.label}` : ''}</dd>
          {selected.outcome === 'recycled' ? (
            <>
              <dt className="text-slate-500">Recycle on</dt>
              <dd className="text-slate-900">{recycleDate}</dd>
            </>
          ) : null}
          <dt className="text-slate-500">Objections</dt>
          <dd className="text-slate-900">{[...objectionTags.map((t) => context.reasons.objectionTags.find((o) => o.id === t)?.label ?? t), objectionText.trim()].filter(Boolean).join(', ') || 'none'}</dd>
          <dt className="text-slate-500">SLA outcome</dt>
          <dd className="text-slate-900">{SLA_LABELS[slaState] ?? slaState}</dd>
          <dt className="text-slate-500">Definition</dt>
          <dd className="text-slate-900">{outcome.definitionLabel}</dd>
          <dt className="text-slate-500">Note</dt>
          <dd className="text-slate-900">A note on the contact with your reason, the checklist evidence and the brief{note.trim() ? ', plus your note' : ''}.</dd>
        </dl>
        <div className="flex gap-2">
          <Button variant="primary" onClick={() => save.mutate()} disabled={save.isPending} unavailable={visibility.settling} describedBy={warnings.length > 0 ? `${id}-warnings` : undefined}>
            {save.isPending ? 'Saving…' : 'Save to CRM'}
          </Button>
          <Button onClick={() => setConfirming(false)}>Back</Button>
        </div>
        {save.isError ? (
          <p role="alert" className="text-xs text-red-700">
            {save.error.message}
          </p>
        ) : null}
      </section>
    );
  }

  return (
    <form onSubmit={review} noValidate className="space-y-2.5" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="text-[11px] font-semibold uppercase tracking-wide text-slate-500">Record the outcome</h2>
      <fieldset aria-describedby={errorFor('outcome') ? `${id}-outcome-error` : undefined}>
        <legend className="sr-only">Outcome</legend>
        <div className="grid grid-cols-2 gap-1.5">
          {CHOICES.map((c) => (
            <label key={c.id} className={`flex cursor-pointer items-center gap-1.5 rounded border px-2 py-1.5 text-xs ${choice === c.id ? 'border-slate-800 bg-slate-800 text-white' : 'border-slate-300 text-slate-800 hover:bg-slate-50'}`}>
              <input type="radio" name={`${id}-outcome`} value={c.id} checked={choice === c.id} onChange={() => { setChoice(c.id); setReasonId(''); }} className="accent-slate-800" />
              {c.label}
            </label>
          ))}
        </div>
        <FieldError id={`${id}-outcome-error`} message={errorFor('outcome')} />
        {selected ? (
          <p className="mt-1 text-xs text-slate-600" aria-live="polite">
            Will set lead status to <span className="font-medium text-slate-900">{leadStatusFor(outcome, selected.outcome, selected.acceptedStage, reasonId || null).label}</span>
          </p>
        ) : null}
      </fieldset>

      {reasons.length > 0 ? (
        <div>
          <label htmlFor={`${id}-reason`} className="block text-xs font-medium text-slate-700">Reason</label>
          <select id={`${id}-reason`} value={reasonId} onChange={(e) => setReasonId(e.target.value)} aria-invalid={errorFor('reasonId') ? true : undefined} aria-describedby={errorFor('reasonId') ? `${id}-reason-error` : undefined} className="mt-0.5 w-full rounded border border-slate-300 bg-white px-1.5 py-1">
            <option value="">Choose a reason…</option>
            {reasons.map((r) => (
              <option key={r.id} value={r.id}>
                {r.label}
              </option>
            ))}
          </select>
          <FieldError id={`${id}-reason-error`} message={errorFor('reasonId')} />
        </div>
      ) : null}

      {selected?.outcome === 'recycled' ? (
        <div>
          <label htmlFor={`${id}-recycle`} className="block text-xs font-medium text-slate-700">Hand back to sales on</label>
          <input id={`${id}-recycle`} type="date" value={recycleDate} onChange={(e) => setRecycleDate(e.target.value)} aria-invalid={errorFor('recycleAt') ? true : undefined} aria-describedby={errorFor('recycleAt') ? `${id}-recycle-error` : undefined} className="mt-0.5 rounded border border-slate-300 px-1.5 py-1" />
          <FieldError id={`${id}-recycle-error`} message={errorFor('recycleAt')} />
        </div>
      ) : null}

      <fieldset>
        <legend className="text-xs font-medium text-slate-700">Objections heard</legend>
        <div className="mt-0.5 flex flex-wrap gap-1">
          {context.reasons.objectionTags.filter((t) => t.active).map((tag) => {
            const on = objectionTags.includes(tag.id);
            return (
              <label key={tag.id} className={`flex cursor-pointer items-center gap-1 rounded-full border px-2 py-0.5 text-[11px] ${on ? 'border-sky-700 bg-sky-50 text-sky-900' : 'border-slate-300 text-slate-700'}`}>
                <input type="checkbox" checked={on} onChange={() => setObjectionTags((tags) => (on ? tags.filter((t) => t !== tag.id) : [...tags, tag.id]))} className="accent-sky-700" />
                {tag.label}
              </label>
            );
          })}
        </div>
        <label htmlFor={`${id}-objection-text`} className="sr-only">Other objections</label>
        <input id={`${id}-objection-text`} value={objectionText} onChange={(e) => setObjectionText(e.target.value)} placeholder="Other objections, in their words" className="mt-1 w-full rounded border border-slate-300 px-1.5 py-1" />
      </fieldset>

      <div>
        <label htmlFor={`${id}-note`} className="block text-xs font-medium text-slate-700">Note</label>
        <textarea id={`${id}-note`} value={note} onChange={(e) => setNote(e.target.value)} rows={2} className="mt-0.5 w-full rounded border border-slate-300 px-1.5 py-1" />
      </div>

      {otherErrors.length > 0 ? (
        <ul role="alert" className="list-disc pl-4 text-xs text-red-700">
          {otherErrors.map((e) => (
            <li key={`${e.path}-${e.message}`}>{e.message}</li>
          ))}
        </ul>
      ) : null}
      <Button type="submit" variant="primary">Review and save</Button>
    </form>
  );
}

function FieldError({ id, message }: { id: string; message: string }) {
  if (!message) return null;
  return (
    <p id={id} role="alert" className="mt-0.5 text-xs text-red-700">
      {message}
    </p>
  );
}

/**
 * The CRM lead status this choice writes, as the background's mapping said (reason first, then the
 * outcome alone), by the CRM's own label; the value in words when the CRM's labels are not known.
 */
function leadStatusFor(view: OutcomeView, outcome: string, acceptedStage: string | null, reasonId: string | null): { value: string; label: string } {
  const match = (r: string | null) => view.leadStatuses.find((s) => s.outcome === outcome && s.acceptedStage === acceptedStage && s.reasonId === r);
  const found = match(reasonId) ?? match(null);
  if (!found) return { value: '', label: 'unchanged' };
  return { value: found.leadStatus, label: found.leadStatusLabel ?? humanizeEnum(found.leadStatus) };
}
