import { CONVERSION_FIELDS, ESCALATION_ACTIONS, SLA_DURATION_UNITS } from '../../../lib/domain/sla/sla-vocabulary';
import { CLOCK_START_WORDS, ESCALATION_WORDS, TOUCH_WORDS, optionsOf } from '../../../lib/rules-editor/rule-words';
import { getIn } from '../../../lib/rules-editor/form-state';
import type { FieldPath } from '../../../lib/rules-editor/form-state';
import { CheckboxField, ChoiceListField, FormSection, NumberField, SelectField, TextField, listAt, textAt, useRulesForm } from './form-controls';
import { RecordList, SMALL_BUTTON, TextListField } from './list-fields';

const UNIT_WORDS = { minutes: 'minutes', hours: 'hours', days: 'days' } as const satisfies Record<(typeof SLA_DURATION_UNITS)[number], string>;
const BASIS_WORDS = [['business', 'business time'], ['wall', 'around the clock']] as [string, string][];
const CONVERSION_WORDS = { recent: 'most recent', first: 'first', either: 'first or most recent' } as const satisfies Record<(typeof CONVERSION_FIELDS)[number], string>;
const ACTION_OPTIONS = ESCALATION_ACTIONS.map((a) => [a, ESCALATION_WORDS[a]] as [string, string]);

function Duration({ path, label }: { path: FieldPath; label: string }) {
  return (
    <div className="flex items-end gap-1">
      <NumberField path={[...path, 'amount']} label={label} />
      <SelectField path={[...path, 'unit']} label="Unit" options={optionsOf(UNIT_WORDS)} />
      <SelectField path={[...path, 'basis']} label="Counted in" options={BASIS_WORDS} />
    </div>
  );
}

function TierRule({ path, name }: { path: FieldPath; name: string }) {
  const { form, set } = useRulesForm();
  const segmentIds = listAt(form, ['segments']).map((_, i) => [textAt(form, ['segments', i, 'id']), textAt(form, ['segments', i, 'label']) || textAt(form, ['segments', i, 'id'])] as [string, string]);
  if (getIn(form, path) === undefined) {
    return (
      <p className="text-xs text-slate-600">
        Applies to every lead.{' '}
        <button type="button" className={SMALL_BUTTON} onClick={() => set(path, { conversion: 'recent' })}>
          Limit it<span className="sr-only"> ({name})</span>
        </button>
      </p>
    );
  }
  return (
    <fieldset className="grid gap-1.5 rounded border border-dashed border-slate-300 px-2 py-1">
      <legend className="px-1 text-xs font-medium text-slate-700">Applies when all of these hold</legend>
      <div className="grid grid-cols-2 gap-2">
        <TextListField path={[...path, 'triggers']} optional label="The form or event name contains" itemLabel={`${name} trigger`} />
        <SelectField path={[...path, 'conversion']} label="Reading the lead’s conversion" options={optionsOf(CONVERSION_WORDS)} />
        <TextListField path={[...path, 'sources']} optional label="Lead source is" itemLabel={`${name} source`} />
        <TextListField path={[...path, 'lifecycleStages']} optional label="Lifecycle stage is" itemLabel={`${name} lifecycle stage`} />
      </div>
      {segmentIds.length ? <ChoiceListField path={[...path, 'segments']} optional label="Company segment is" options={segmentIds} /> : null}
      <p>
        <button type="button" className={SMALL_BUTTON} onClick={() => set(path, undefined)}>
          Apply to every lead<span className="sr-only"> ({name})</span>
        </button>
      </p>
    </fieldset>
  );
}

function Escalations({ path, name }: { path: FieldPath; name: string }) {
  const { form, set } = useRulesForm();
  return (
    <RecordList
      path={path}
      itemName={(i) => `${name} escalation ${i + 1}`}
      addLabel={`Add an escalation step`}
      blank={() => ({ id: `step_${listAt(form, path).length + 1}`, label: '', action: 'notify_owner', after: { share: '1' } })}
      firstFieldOf={(p) => [...p, 'label']}
      render={(p) => {
        const byShare = getIn(form, [...p, 'after', 'share']) !== undefined;
        return (
          <div className="grid grid-cols-[1fr_12rem] items-end gap-2 pr-16">
            <TextField path={[...p, 'label']} label="Step" />
            <SelectField path={[...p, 'action']} label="Action" options={ACTION_OPTIONS} />
            <div className="col-span-2 flex flex-wrap items-end gap-2">
              <label className="text-xs text-slate-700">
                When
                <select
                  className="ml-1 rounded border border-slate-300 px-1 py-0.5 text-[13px]"
                  value={byShare ? 'share' : 'duration'}
                  onChange={(e) => set([...p, 'after'], e.target.value === 'share' ? { share: '1' } : { amount: '1', unit: 'hours', basis: 'business' })}
                >
                  <option value="share">a share of the target has passed</option>
                  <option value="duration">a fixed time has passed</option>
                </select>
              </label>
              {byShare ? <NumberField path={[...p, 'after', 'share']} label="Share of the target" suffix="(1 = at the deadline)" /> : <Duration path={[...p, 'after']} label="After" />}
              <TextField path={[...p, 'id']} label="Short name" className="w-28" />
            </div>
          </div>
        );
      }}
    />
  );
}

/** Tiers (the first matching one sets the deadline), company segments, the fallback tier and what stops the clock. */
export function SlaTierFields() {
  const { form } = useRulesForm();
  const tierOptions = listAt(form, ['tiers']).map((_, i) => [textAt(form, ['tiers', i, 'id']), textAt(form, ['tiers', i, 'label']) || textAt(form, ['tiers', i, 'id'])] as [string, string]);
  return (
    <>
      <FormSection title="Tiers" summary={`${tierOptions.length} tiers; the first that applies sets the deadline`}>
        <RecordList
          path={['tiers']}
          itemName={(i) => `tier ${i + 1}${textAt(form, ['tiers', i, 'label']) ? ` (${textAt(form, ['tiers', i, 'label'])})` : ''}`}
          addLabel="Add a tier"
          blank={() => ({ id: `tier_${tierOptions.length + 1}`, label: '', target: { amount: '1', unit: 'hours', basis: 'business' }, atRiskShare: '0.75', escalations: [], nextStep: '' })}
          firstFieldOf={(p) => [...p, 'label']}
          render={(p, i) => {
            const name = textAt(form, [...p, 'label']) || `Tier ${i + 1}`;
            return (
              <div className="grid gap-1.5 pr-16">
                <div className="grid grid-cols-[1fr_1fr_8rem] gap-2">
                  <TextField path={[...p, 'label']} label="Tier" />
                  <TextField path={[...p, 'nextStep']} label="Agreed next step" />
                  <TextField path={[...p, 'id']} label="Short name" />
                </div>
                <div className="flex flex-wrap items-end gap-3">
                  <Duration path={[...p, 'target']} label="First touch within" />
                  <NumberField path={[...p, 'atRiskShare']} label="At risk after" suffix="of the target (0.75 = 75%)" />
                </div>
                <TierRule path={[...p, 'when']} name={name} />
                <Escalations path={[...p, 'escalations']} name={name} />
              </div>
            );
          }}
        />
        <SelectField path={['defaultTierId']} label="Leads no tier applies to get" options={tierOptions} className="w-72" />
      </FormSection>
      <FormSection title="Segments and clock" summary="Company-size segments; what starts and stops the clock" open={false}>
        <RecordList
          path={['segments']}
          itemName={(i) => `segment ${i + 1}`}
          addLabel="Add a segment"
          blank={() => ({ id: `segment_${listAt(form, ['segments']).length + 1}`, label: '' })}
          firstFieldOf={(p) => [...p, 'label']}
          render={(p) => (
            <div className="grid grid-cols-[1fr_8rem_8rem_8rem] gap-2 pr-16">
              <TextField path={[...p, 'label']} label="Segment" />
              <TextField path={[...p, 'id']} label="Short name" />
              <NumberField path={[...p, 'minEmployees']} label="Employees from" />
              <NumberField path={[...p, 'maxEmployees']} label="Employees to" />
            </div>
          )}
        />
        <SelectField path={['clock', 'start']} label="The clock starts when" options={optionsOf(CLOCK_START_WORDS)} className="w-72" />
        <ChoiceListField path={['clock', 'countingTouchKinds']} label="Touches that stop the clock" options={optionsOf(TOUCH_WORDS)} />
        <CheckboxField path={['clock', 'ownerOnly']} label="Only a touch by the lead’s owner stops it" />
      </FormSection>
    </>
  );
}
