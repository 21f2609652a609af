import { useCallback, useId, useMemo } from 'react';
import type { ReactNode } from 'react';
import { fromFormState, pathKey, setIn, toFormState } from '../../../lib/rules-editor/form-state';
import type { FieldPath, RulesEditorKind } from '../../../lib/rules-editor/form-state';
import { errorsByPath, validateRules } from '../../../lib/rules-editor/validate-rules';
import { fieldWords } from '../../../lib/rules-editor/field-words';
import type { AdminSettingError } from '../../../lib/storage/admin-setting-errors';
import { formatAdminSettingJson, parseJsonText } from '../../../lib/storage/admin-setting-json';
import { DispositionReasonsForm } from './disposition-reasons-form';
import { RulesFormContext } from './form-controls';
import type { RulesFormApi } from './form-controls';
import { SlaPolicyForm } from './sla-policy-form';
import { SqlDefinitionForm } from './sql-definition-form';

export interface RulesFormProps {
  kind: RulesEditorKind;
  /** The draft as JSON text: the same draft the JSON view edits. */
  text: string;
  onText(text: string): void;
  /** What is in force now (the stored value), for the lead test and the review note. */
  current?: unknown;
}

/**
 * The structured editor of one rule set: value in (the draft's JSON text), change out (new JSON
 * text). Problems show at their fields as the admin types, from the same schema Save checks.
 */
export function RulesForm({ kind, text, onText, current }: RulesFormProps) {
  const baseId = useId();
  const json = useMemo(() => parseJsonText(text), [text]);
  const value = json.ok ? json.value : null;
  const form = useMemo(() => (value && typeof value === 'object' && !Array.isArray(value) ? toFormState(value) : null), [value]);
  const errors = useMemo<AdminSettingError[]>(() => (form ? validateRules(kind, value) : []), [kind, value, form]);
  const byPath = useMemo(() => errorsByPath(errors), [errors]);

  const idFor = useCallback((path: FieldPath, suffix?: string) => `${baseId}-${pathKey(path).replace(/[^A-Za-z0-9_-]/g, '_')}${suffix ? `-${suffix}` : ''}`, [baseId]);
  const api = useMemo<RulesFormApi | null>(
    () =>
      form && {
        form,
        set: (path, next) => onText(formatAdminSettingJson(fromFormState(kind, setIn(form, path, next)))),
        errorsAt: (path) => byPath.get(pathKey(path)) ?? [],
        idFor,
      },
    [form, kind, onText, byPath, idFor],
  );

  if (!api) {
    return (
      <p role="alert" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">
        The form needs a JSON document to work on: {json.ok ? 'this one is not an object.' : json.error.message}. Fix it in the JSON view (or Discard changes).
      </p>
    );
  }

  let body: ReactNode;
  if (kind === 'sql-definition') body = <SqlDefinitionForm current={current} draft={value} />;
  else if (kind === 'sla-policy') body = <SlaPolicyForm />;
  else body = <DispositionReasonsForm />;

  return (
    <RulesFormContext.Provider value={api}>
      <div className="mt-1.5 grid gap-2">
        {errors.length ? (
          <div className="rounded border border-red-200 bg-red-50 px-2 py-1 text-xs text-red-900">
            <p className="font-medium">{errors.length === 1 ? '1 problem' : `${errors.length} problems`} to fix before saving:</p>
            <ul className="mt-0.5 grid gap-0.5">
              {errors.slice(0, 8).map((e, i) => (
                <li key={`${e.path}-${i}`}>
                  <button
                    type="button"
                    className="text-left underline hover:no-underline focus-visible:outline-2 focus-visible:outline-amber-500"
                    onClick={() => {
                      const path = e.path === '(root)' ? [] : e.path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
                      const field = document.getElementById(idFor(path)) ?? document.getElementById(idFor(path, 'add')) ?? document.getElementById(idFor(path, 'toggle'));
                      const section = field?.closest('details');
                      if (section && !section.open) section.open = true;
                      field?.focus();
                    }}
                  >
                    {fieldWords(e.path)}
                  </button>
                  : {e.message}
                </li>
              ))}
              {errors.length > 8 ? <li>…and {errors.length - 8} more.</li> : null}
            </ul>
          </div>
        ) : null}
        {body}
      </div>
    </RulesFormContext.Provider>
  );
}
