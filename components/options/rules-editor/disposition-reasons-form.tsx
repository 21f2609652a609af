import { CheckboxField, ChoiceListField, FormSection, TextField, listAt, textAt, useRulesForm } from './form-controls';
import { RecordList } from './list-fields';
import { VersionFields } from './version-fields';

const OUTCOME_OPTIONS: [string, string][] = [['recycled', 'Recycle'], ['rejected', 'Reject']];

/** The reasons reps choose when they recycle or reject a lead, and the objection tags. */
export function DispositionReasonsForm() {
  const { form } = useRulesForm();
  const reasons = listAt(form, ['reasons']);
  const tags = listAt(form, ['objectionTags']);
  return (
    <div className="grid gap-2">
      <VersionFields versionIsNumber entryDate="date" nameField={false} />
      <FormSection title="Reasons" summary={`${reasons.length} reasons. Retire a reason rather than remove it: old dispositions keep their meaning.`}>
        <RecordList
          path={['reasons']}
          itemName={(i) => `reason ${i + 1}${textAt(form, ['reasons', i, 'label']) ? ` (${textAt(form, ['reasons', i, 'label'])})` : ''}`}
          addLabel="Add a reason"
          blank={() => ({ id: '', label: '', appliesTo: ['rejected'], requiresAttempts: false, active: true })}
          firstFieldOf={(p) => [...p, 'label']}
          render={(p) => (
            <div className="grid grid-cols-[1fr_10rem_9rem] items-start gap-2 pr-16">
              <TextField path={[...p, 'label']} label="Reason" />
              <TextField path={[...p, 'id']} label="Short name" hint="Never changes once used." />
              <ChoiceListField path={[...p, 'appliesTo']} label="Used to" options={OUTCOME_OPTIONS} />
              <CheckboxField path={[...p, 'requiresAttempts']} label="Only after the required contact attempts" className="col-span-2" />
              <CheckboxField path={[...p, 'active']} label="Reps can choose it" />
            </div>
          )}
        />
      </FormSection>
      <FormSection title="Objection tags" summary={`${tags.length} tags`} open={false}>
        <RecordList
          path={['objectionTags']}
          itemName={(i) => `objection tag ${i + 1}`}
          addLabel="Add an objection tag"
          blank={() => ({ id: '', label: '', active: true })}
          firstFieldOf={(p) => [...p, 'label']}
          render={(p) => (
            <div className="grid grid-cols-[1fr_10rem_9rem] items-end gap-2 pr-16">
              <TextField path={[...p, 'label']} label="Objection" />
              <TextField path={[...p, 'id']} label="Short name" />
              <CheckboxField path={[...p, 'active']} label="Reps can choose it" />
            </div>
          )}
        />
      </FormSection>
    </div>
  );
}
