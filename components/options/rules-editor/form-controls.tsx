import { createContext, useContext, useId, useState } from 'react';
import type { ReactNode } from 'react';
import { getIn, pathKey } from '../../../lib/rules-editor/form-state';
import type { FieldPath } from '../../../lib/rules-editor/form-state';
import { tryPattern } from '../../../lib/rules-editor/try-pattern';

/**
 * The rules editor's fields. Each is bound to a path of the form state through the context the
 * rule set's form provides; each is labelled, shows the schema's errors for its path next to it
 * (aria-invalid + aria-describedby), and edits text (the form state holds numbers as text).
 */

export interface RulesFormApi {
  form: unknown;
  set(path: FieldPath, value: unknown): void;
  errorsAt(path: FieldPath): readonly string[];
  /** A stable element id for a path (unique per form). */
  idFor(path: FieldPath, suffix?: string): string;
}

export const RulesFormContext = createContext<RulesFormApi | null>(null);

export function useRulesForm(): RulesFormApi {
  const api = useContext(RulesFormContext);
  if (!api) throw new Error('rules editor fields must be inside a rules form');
  return api;
}

export function textAt(form: unknown, path: FieldPath): string {
  const v = getIn(form, path);
  return typeof v === 'string' ? v : v === undefined || v === null ? '' : JSON.stringify(v);
}

export function listAt(form: unknown, path: FieldPath): unknown[] {
  const v = getIn(form, path);
  return Array.isArray(v) ? v : [];
}

const INPUT = 'rounded border bg-white px-1.5 py-0.5 text-[13px] text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-amber-500';
const inputClass = (invalid: boolean) => `${INPUT} ${invalid ? 'border-red-500' : 'border-slate-300'}`;
export const LABEL = 'block text-xs font-medium text-slate-700';
export const HINT = 'mt-0.5 text-xs text-slate-500';

/** The errors the schema reports for one path, with an id a control points at. */
export function FieldErrors({ path }: { path: FieldPath }) {
  const { errorsAt, idFor } = useRulesForm();
  const errors = errorsAt(path);
  if (!errors.length) return null;
  return (
    <p id={idFor(path, 'error')} className="mt-0.5 text-xs font-medium text-red-700">
      {errors.join('; ')}
    </p>
  );
}

function useFieldAria(path: FieldPath, hintId?: string) {
  const { errorsAt, idFor } = useRulesForm();
  const invalid = errorsAt(path).length > 0;
  const describedBy = [invalid ? idFor(path, 'error') : null, hintId ?? null].filter(Boolean).join(' ') || undefined;
  return { invalid, 'aria-invalid': invalid || undefined, 'aria-describedby': describedBy } as const;
}

interface FieldProps {
  path: FieldPath;
  label: string;
  hint?: ReactNode;
  className?: string;
}

/** A text field; `optional`: left empty, the field is left out of the document. */
export function TextField({ path, label, hint, className = '', optional = false, placeholder, type = 'text', hideLabel = false }: FieldProps & { optional?: boolean; placeholder?: string; type?: 'text' | 'date' | 'time'; hideLabel?: boolean }) {
  const { form, set, idFor } = useRulesForm();
  const id = idFor(path);
  const hintId = hint ? `${id}-hint` : undefined;
  const { invalid, ...aria } = useFieldAria(path, hintId);
  return (
    <div className={className}>
      <label htmlFor={id} className={hideLabel ? 'sr-only' : LABEL}>{label}</label>
      <input
        id={id}
        type={type}
        value={textAt(form, path)}
        placeholder={placeholder}
        onChange={(e) => set(path, optional && e.target.value === '' ? undefined : e.target.value)}
        className={`${hideLabel ? '' : 'mt-0.5'} block w-full ${inputClass(invalid)}`}
        {...aria}
      />
      {hint ? <p id={hintId} className={HINT}>{hint}</p> : null}
      <FieldErrors path={path} />
    </div>
  );
}

/**
 * A number typed as text. While it has focus it shows what was typed ("1.0" stays "1.0" although
 * the document stores 1), so typing is never rewritten under the caret.
 */
export function NumberField({ path, label, hint, className = '', suffix }: FieldProps & { suffix?: string }) {
  const { form, set, idFor } = useRulesForm();
  const [typing, setTyping] = useState<string | null>(null);
  const id = idFor(path);
  const hintId = hint ? `${id}-hint` : undefined;
  const { invalid, ...aria } = useFieldAria(path, hintId);
  return (
    <div className={className}>
      <label htmlFor={id} className={`${LABEL} whitespace-nowrap`}>{label}</label>
      <span className="mt-0.5 flex items-center gap-1">
        <input
          id={id}
          inputMode="decimal"
          value={typing ?? textAt(form, path)}
          onChange={(e) => {
            setTyping(e.target.value);
            set(path, e.target.value);
          }}
          onBlur={() => setTyping(null)}
          className={`${inputClass(invalid)} w-20 tabular-nums`}
          {...aria}
        />
        {suffix ? <span className="text-xs text-slate-600">{suffix}</span> : null}
      </span>
      {hint ? <p id={hintId} className={HINT}>{hint}</p> : null}
      <FieldErrors path={path} />
    </div>
  );
}

/** A yes/no field. `optionalWhenOff`: unticked, the field is left out (the schema's "omitted" meaning). */
export function CheckboxField({ path, label, hint, className = '', optionalWhenOff = false, hideLabel = false }: FieldProps & { optionalWhenOff?: boolean; hideLabel?: boolean }) {
  const { form, set, idFor } = useRulesForm();
  const id = idFor(path);
  const hintId = hint ? `${id}-hint` : undefined;
  const { invalid, ...aria } = useFieldAria(path, hintId);
  return (
    <div className={className}>
      <label htmlFor={id} className={`flex items-start gap-1.5 text-[13px] ${invalid ? 'text-red-800' : 'text-slate-800'}`}>
        <input id={id} type="checkbox" checked={getIn(form, path) === true} onChange={(e) => set(path, e.target.checked ? true : optionalWhenOff ? undefined : false)} className="mt-0.5" {...aria} />
        <span className={hideLabel ? 'sr-only' : ''}>{label}</span>
      </label>
      {hint ? <p id={hintId} className={`${HINT} ml-5`}>{hint}</p> : null}
      <FieldErrors path={path} />
    </div>
  );
}

export function SelectField<V extends string>({ path, label, hint, className = '', options }: FieldProps & { options: readonly [V, string][] }) {
  const { form, set, idFor } = useRulesForm();
  const id = idFor(path);
  const hintId = hint ? `${id}-hint` : undefined;
  const { invalid, ...aria } = useFieldAria(path, hintId);
  const current = textAt(form, path);
  return (
    <div className={className}>
      <label htmlFor={id} className={LABEL}>{label}</label>
      <select id={id} value={current} onChange={(e) => set(path, e.target.value)} className={`mt-0.5 block w-full ${inputClass(invalid)}`} {...aria}>
        {options.some(([v]) => v === current) ? null : <option value={current}>{current || '(choose)'}</option>}
        {options.map(([value, words]) => (
          <option key={value} value={value}>{words}</option>
        ))}
      </select>
      {hint ? <p id={hintId} className={HINT}>{hint}</p> : null}
      <FieldErrors path={path} />
    </div>
  );
}

/**
 * Tick-boxes for a list of fixed values. `optional`: with nothing ticked the list is left out
 * (the schema's "any"); otherwise an empty list is kept.
 */
export function ChoiceListField<V extends string>({ path, label, hint, className = '', options, optional = false }: FieldProps & { options: readonly [V, string][]; optional?: boolean }) {
  const { form, set, idFor } = useRulesForm();
  const chosen = listAt(form, path);
  const hintId = hint ? `${idFor(path)}-hint` : undefined;
  const { invalid } = useFieldAria(path, hintId);
  const toggle = (value: V, on: boolean) => {
    const next = on ? [...chosen, value] : chosen.filter((c) => c !== value);
    set(path, optional && next.length === 0 ? undefined : next);
  };
  return (
    <fieldset className={className} aria-describedby={[invalid ? idFor(path, 'error') : '', hintId ?? ''].join(' ').trim() || undefined}>
      <legend className={LABEL}>{label}</legend>
      <div className="mt-0.5 flex flex-wrap gap-x-3 gap-y-0.5">
        {options.map(([value, words]) => (
          <label key={value} className="flex items-center gap-1 text-[13px] text-slate-800">
            <input type="checkbox" checked={chosen.includes(value)} onChange={(e) => toggle(value, e.target.checked)} />
            {words}
          </label>
        ))}
      </div>
      {hint ? <p id={hintId} className={HINT}>{hint}</p> : null}
      <FieldErrors path={path} />
    </fieldset>
  );
}

/** A "try it" box: the admin types an example and sees at once whether it matches. */
export function TryIt({ label, sample, onSample, result, id }: { label: string; sample: string; onSample: (s: string) => void; result: ReactNode; id: string }) {
  return (
    <div className="mt-1 flex items-center gap-2 rounded bg-slate-50 px-1.5 py-0.5">
      <label htmlFor={id} className="shrink-0 text-xs text-slate-600">{label}</label>
      <input id={id} value={sample} onChange={(e) => onSample(e.target.value)} className={`${INPUT} w-56 min-w-0 border-slate-300`} aria-describedby={`${id}-result`} />
      <output id={`${id}-result`} htmlFor={id} aria-live="polite" className="text-xs">
        {result}
      </output>
    </div>
  );
}

export function Verdict({ ok, children }: { ok: boolean | null; children: ReactNode }) {
  const tone = ok === null ? 'text-slate-500' : ok ? 'text-emerald-800' : 'text-amber-900';
  return <span className={`font-medium ${tone}`}>{children}</span>;
}

/**
 * A pattern (a case-insensitive regular expression kept as text): a plain input, one line on what
 * it matches, and a box to try an example against it.
 */
export function PatternField({ path, label, explanation, example = '', className = '', optional = true }: { path: FieldPath; label: string; explanation: string; example?: string; className?: string; optional?: boolean }) {
  const { form, idFor } = useRulesForm();
  const [sample, setSample] = useState(example);
  const trial = tryPattern(textAt(form, path), sample);
  return (
    <div className={className}>
      <TextField path={path} label={label} optional={optional} hint={`${explanation} "|" means "or"; case is ignored.`} />
      <TryIt
        id={idFor(path, 'try')}
        label="Try an example"
        sample={sample}
        onSample={setSample}
        result={
          trial.status === 'empty' ? <Verdict ok={null}>Type an example to check it.</Verdict>
            : trial.status === 'invalid' ? <Verdict ok={false}>Not a valid pattern: {trial.message}</Verdict>
              : trial.status === 'matches' ? <Verdict ok>Matches (“{trial.matched}”)</Verdict>
                : <Verdict ok={false}>Doesn’t match</Verdict>
        }
      />
    </div>
  );
}

/** A section of a rule set's form: a titled group that can be folded away to keep the page short. */
export function FormSection({ title, summary, children, open = true }: { title: string; summary?: string; children: ReactNode; open?: boolean }) {
  const id = useId();
  return (
    <details open={open} className="group rounded border border-slate-200">
      <summary className="flex cursor-pointer items-baseline gap-2 px-2 py-1 text-[13px] font-semibold text-slate-900 focus-visible:outline-2 focus-visible:outline-amber-500">
        <span id={id} className="shrink-0">{title}</span>
        {summary ? <span className="truncate text-xs font-normal text-slate-500">{summary}</span> : null}
      </summary>
      <div role="group" aria-labelledby={id} className="grid gap-2 border-t border-slate-100 px-2 py-2">
        {children}
      </div>
    </details>
  );
}
