import { CheckboxField, FieldErrors, FormSection, TextField, listAt, textAt, useRulesForm } from './form-controls';
import type { FieldPath } from '../../../lib/rules-editor/form-state';
import { SMALL_BUTTON, focusSoon } from './list-fields';
import { VersionFields } from './version-fields';

const TH = 'px-1 py-0.5 text-left text-xs font-medium text-slate-600';
const TD = 'px-1 py-0.5 align-top';

/**
 * Reasons or objection tags as a table: one row each, the columns labelled once (each control
 * still has its own accessible name: "No budget: short name").
 */
function ItemTable({ path, noun, blank, withOutcomes }: { path: FieldPath; noun: 'reason' | 'objection tag'; blank: () => unknown; withOutcomes: boolean }) {
  const { form, set, idFor } = useRulesForm();
  const items = listAt(form, path);
  const Noun = noun.charAt(0).toUpperCase() + noun.slice(1);
  return (
    <div>
      <table className="w-full border-collapse text-[13px]">
        <caption className="sr-only">{Noun}s</caption>
        <thead>
          <tr className="border-b border-slate-200">
            <th scope="col" className={TH}>{Noun}</th>
            <th scope="col" className={`${TH} w-40`}>Short name <span className="font-normal text-slate-500">(never changes once used)</span></th>
            {withOutcomes ? <th scope="col" className={`${TH} w-16`}>Recycle</th> : null}
            {withOutcomes ? <th scope="col" className={`${TH} w-14`}>Reject</th> : null}
            {withOutcomes ? <th scope="col" className={`${TH} w-24`}>After the attempts</th> : null}
            <th scope="col" className={`${TH} w-20`}>Reps can choose</th>
            <th scope="col" className={`${TH} w-16`}><span className="sr-only">Remove</span></th>
          </tr>
        </thead>
        <tbody>
          {items.map((_, i) => {
            const p = [...path, i];
            const name = textAt(form, [...p, 'label']) || `${Noun} ${i + 1}`;
            const applies = listAt(form, [...p, 'appliesTo']);
            const toggle = (outcome: string, on: boolean) => set([...p, 'appliesTo'], on ? [...applies, outcome] : applies.filter((a) => a !== outcome));
            return (
              <tr key={i} className="border-b border-slate-100">
                <td className={TD}><TextField path={[...p, 'label']} label={`${Noun} ${i + 1}`} hideLabel /></td>
                <td className={TD}><TextField path={[...p, 'id']} label={`${name}: short name`} hideLabel /></td>
                {withOutcomes ? (
                  <>
                    {(['recycled', 'rejected'] as const).map((outcome) => (
                      <td key={outcome} className={`${TD} text-center`}>
                        <input type="checkbox" aria-label={`${name}: used to ${outcome === 'recycled' ? 'recycle' : 'reject'}`} checked={applies.includes(outcome)} onChange={(e) => toggle(outcome, e.target.checked)} className="mt-1" />
                      </td>
                    ))}
                    <td className={`${TD} text-center`}><CheckboxField path={[...p, 'requiresAttempts']} label={`${name}: only after the required contact attempts`} hideLabel className="mt-0.5" /></td>
                  </>
                ) : null}
                <td className={`${TD} text-center`}><CheckboxField path={[...p, 'active']} label={`${name}: reps can choose it`} hideLabel className="mt-0.5" /></td>
                <td className={TD}>
                  <button
                    type="button"
                    className={SMALL_BUTTON}
                    onClick={() => {
                      set(path, items.filter((_, j) => j !== i));
                      focusSoon(idFor(path, 'add'));
                    }}
                  >
                    Remove<span className="sr-only"> {name}</span>
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {items.map((_, i) => <FieldErrors key={i} path={[...path, i, 'appliesTo']} />)}
      <FieldErrors path={path} />
      <button
        id={idFor(path, 'add')}
        type="button"
        className={`${SMALL_BUTTON} mt-1`}
        onClick={() => {
          set(path, [...items, blank()]);
          focusSoon(idFor([...path, items.length, 'label']));
        }}
      >
        Add {noun === 'reason' ? 'a reason' : 'an objection tag'}
      </button>
    </div>
  );
}

/** The reasons reps choose when they recycle or reject a lead, and the objection tags. */
export function DispositionReasonsForm() {
  const { form } = useRulesForm();
  const reasons = listAt(form, ['reasons']);
  const tags = listAt(form, ['objectionTags']);
  return (
    <div className="grid gap-2">
      <VersionFields versionIsNumber entryDate="date" nameField={false} />
      <FormSection title="Reasons" summary={`${reasons.length} reasons. Retire a reason (untick “Reps can choose”) rather than remove it: old dispositions keep their meaning.`}>
        <ItemTable path={['reasons']} noun="reason" withOutcomes blank={() => ({ id: '', label: '', appliesTo: ['rejected'], requiresAttempts: false, active: true })} />
      </FormSection>
      <FormSection title="Objection tags" summary={`${tags.length} tags`} open={false}>
        <ItemTable path={['objectionTags']} noun="objection tag" withOutcomes={false} blank={() => ({ id: '', label: '', active: true })} />
      </FormSection>
    </div>
  );
}
