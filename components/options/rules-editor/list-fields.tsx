import { useState } from 'react';
import type { ReactNode } from 'react';
import type { FieldPath } from '../../../lib/rules-editor/form-state';
import { tryDomains, tryPatterns } from '../../../lib/rules-editor/try-pattern';
import { FieldErrors, HINT, LABEL, TryIt, Verdict, listAt, textAt, useRulesForm } from './form-controls';

/** Moves focus to an element once React has rendered it (after "Add", to the new entry). */
export function focusSoon(id: string) {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

const SMALL_BUTTON = 'rounded border border-slate-300 bg-white px-1.5 py-0.5 text-xs font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-amber-500';
export { SMALL_BUTTON };

/**
 * A list of short texts (domains, countries, industries, title patterns), one input each.
 * `optional`: emptied, the list is left out (the schema's "no such rule").
 * `tryAs`: a box to try an example against the whole list, as the evaluator reads it.
 */
export function TextListField({ path, label, itemLabel, hint, optional = false, tryAs, example = '', className = '' }: {
  path: FieldPath;
  label: string;
  /** "Domain", "Country": the accessible name of each entry ("Domain 2"). */
  itemLabel: string;
  hint?: ReactNode;
  optional?: boolean;
  tryAs?: 'pattern' | 'domain';
  example?: string;
  className?: string;
}) {
  const { form, set, idFor, errorsAt } = useRulesForm();
  const [sample, setSample] = useState(example);
  const items = listAt(form, path);
  const texts = items.map((_, i) => textAt(form, [...path, i]));
  const hintId = hint ? idFor(path, 'hint') : undefined;
  const setList = (next: unknown[]) => set(path, optional && next.length === 0 ? undefined : next);

  let result: ReactNode = null;
  if (tryAs === 'pattern') {
    const hit = sample.trim() ? tryPatterns(texts, sample) : undefined;
    result = hit === undefined ? <Verdict ok={null}>Type an example to check it.</Verdict>
      : hit && hit.trial.status === 'matches' ? <Verdict ok>Matches entry {hit.index + 1} (“{hit.trial.matched}”)</Verdict>
        : <Verdict ok={false}>Doesn’t match any entry</Verdict>;
  } else if (tryAs === 'domain') {
    const hit = tryDomains(texts, sample);
    result = hit === 'empty' ? <Verdict ok={null}>Type an e-mail or domain to check it.</Verdict>
      : hit ? <Verdict ok>Matches “{hit}”</Verdict>
        : <Verdict ok={false}>Doesn’t match any entry</Verdict>;
  }

  return (
    <fieldset className={className} aria-describedby={hintId}>
      <legend className={LABEL}>{label}</legend>
      {hint ? <p id={hintId} className={HINT}>{hint}</p> : null}
      <ul className="mt-0.5 flex flex-wrap gap-1">
        {texts.map((value, i) => {
          const itemPath = [...path, i];
          const invalid = errorsAt(itemPath).length > 0;
          return (
            <li key={i} className="flex flex-col">
              <span className="flex items-center">
                <input
                  id={idFor(itemPath)}
                  aria-label={`${itemLabel} ${i + 1}`}
                  value={value}
                  onChange={(e) => set(itemPath, e.target.value)}
                  aria-invalid={invalid || undefined}
                  aria-describedby={invalid ? idFor(itemPath, 'error') : undefined}
                  className={`${tryAs === 'pattern' ? 'w-44' : 'w-32'} rounded-l border px-1.5 py-0.5 font-mono text-xs text-slate-900 focus-visible:outline-2 focus-visible:outline-amber-500 ${invalid ? 'border-red-500' : 'border-slate-300'}`}
                />
                <button
                  type="button"
                  aria-label={`Remove ${itemLabel.toLowerCase()} ${i + 1}${value ? ` (${value})` : ''}`}
                  onClick={() => {
                    setList(items.filter((_, j) => j !== i));
                    focusSoon(idFor(path, 'add'));
                  }}
                  className="rounded-r border border-l-0 border-slate-300 px-1 py-0.5 text-xs text-slate-600 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-amber-500"
                >
                  ×
                </button>
              </span>
              <FieldErrors path={itemPath} />
            </li>
          );
        })}
        <li>
          <button
            id={idFor(path, 'add')}
            type="button"
            className={SMALL_BUTTON}
            onClick={() => {
              setList([...items, '']);
              focusSoon(idFor([...path, items.length]));
            }}
          >
            Add<span className="sr-only"> {itemLabel.toLowerCase()} to {label.toLowerCase()}</span>
          </button>
        </li>
      </ul>
      <FieldErrors path={path} />
      {tryAs ? <TryIt id={idFor(path, 'try')} label="Try an example" sample={sample} onSample={setSample} result={result} /> : null}
    </fieldset>
  );
}

/**
 * A list of records (signals, tiers, holidays, reasons): each drawn by `render` with a Remove
 * button, plus an Add button that appends `blank`.
 */
export function RecordList({ path, itemName, blank, render, addLabel, className = '', firstFieldOf }: {
  path: FieldPath;
  /** "Signal", "Tier": names the entry in its Remove button. */
  itemName: (index: number) => string;
  blank: () => unknown;
  render: (itemPath: FieldPath, index: number) => ReactNode;
  addLabel: string;
  className?: string;
  /** The field of a new entry to focus after Add. */
  firstFieldOf?: (itemPath: FieldPath) => FieldPath;
}) {
  const { form, set, idFor } = useRulesForm();
  const items = listAt(form, path);
  return (
    <div className={`grid gap-1.5 ${className}`}>
      {items.map((_, i) => (
        <div key={i} className="relative rounded border border-slate-200 bg-slate-50/60 px-2 py-1.5">
          {render([...path, i], i)}
          <button
            type="button"
            className={`${SMALL_BUTTON} absolute top-1 right-1`}
            onClick={() => {
              set(path, items.filter((_, j) => j !== i));
              focusSoon(idFor(path, 'add'));
            }}
          >
            Remove<span className="sr-only"> {itemName(i)}</span>
          </button>
        </div>
      ))}
      <div>
        <button
          id={idFor(path, 'add')}
          type="button"
          className={SMALL_BUTTON}
          onClick={() => {
            set(path, [...items, blank()]);
            if (firstFieldOf) focusSoon(idFor(firstFieldOf([...path, items.length])));
          }}
        >
          {addLabel}
        </button>
      </div>
      <FieldErrors path={path} />
    </div>
  );
}
