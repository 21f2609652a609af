import { ENGAGEMENT_WORDS, FUNCTION_WORDS, SENIORITY_WORDS, optionsOf } from '../../../lib/rules-editor/rule-words';
import { getIn } from '../../../lib/rules-editor/form-state';
import { ChoiceListField, FormSection, NumberField, PatternField, TextField, listAt, useRulesForm } from './form-controls';
import { RecordList, SMALL_BUTTON, TextListField } from './list-fields';

/** Fit: company size, industry, title and country rules; each is only checked when set. */
export function SqlFitFields() {
  const { form, set } = useRulesForm();
  const employees = getIn(form, ['fit', 'employees']);
  return (
    <FormSection title="Fit" summary="Who we sell to: size, industry, title, country">
      {employees === undefined ? (
        <div>
          <button type="button" className={SMALL_BUTTON} onClick={() => set(['fit', 'employees'], {})}>Check company size</button>
        </div>
      ) : (
        <div className="flex items-end gap-2">
          <NumberField path={['fit', 'employees', 'min']} label="Employees, at least" />
          <NumberField path={['fit', 'employees', 'max']} label="Employees, at most" />
          <button type="button" className={`${SMALL_BUTTON} mb-0.5`} onClick={() => set(['fit', 'employees'], undefined)}>Don’t check size</button>
        </div>
      )}
      <TextListField path={['fit', 'industries']} optional label="Industries we sell to" itemLabel="Industry" hint="Compared ignoring case and punctuation. None: any industry." />
      <ChoiceListField path={['fit', 'titleSeniorities']} optional label="Seniorities we sell to (any function)" options={optionsOf(SENIORITY_WORDS)} />
      <ChoiceListField path={['fit', 'titleFunctions']} optional label="Functions we sell to" options={optionsOf(FUNCTION_WORDS)} hint="Read from the title across phrasings (“Dir. Ops” is operations)." />
      <TextListField path={['fit', 'titlePatterns']} optional label="Job titles we sell to (patterns)" itemLabel="Title pattern" tryAs="pattern" example="VP Sales" />
      <div className="grid grid-cols-2 gap-2">
        <TextListField path={['fit', 'allowedCountries']} optional label="Countries we sell to" itemLabel="Allowed country" hint="Codes (US) or names (United States). None: anywhere not blocked." />
        <TextListField path={['fit', 'blockedCountries']} optional label="Countries we never sell to" itemLabel="Blocked country" />
      </div>
    </FormSection>
  );
}

/** Engagement: buying signals, any one of which meets the criterion. */
export function SqlEngagementFields() {
  const { form } = useRulesForm();
  const count = listAt(form, ['engagement', 'signals']).length;
  return (
    <FormSection title="Engagement signals" summary={count ? `${count} signal${count === 1 ? '' : 's'}, any one counts` : 'none: not checked'} open={false}>
      <TextField path={['engagement', 'label']} label="Engagement: label the rep reads" />
      <RecordList
        path={['engagement', 'signals']}
        itemName={(i) => `signal ${i + 1}`}
        addLabel="Add a signal"
        blank={() => ({ id: `signal_${count + 1}`, label: '', eventKinds: ['page_view'], minCount: '1' })}
        firstFieldOf={(p) => [...p, 'label']}
        render={(p) => (
          <div className="grid gap-1.5 pr-16">
            <div className="grid grid-cols-[1fr_9rem_7rem_7rem] gap-2">
              <TextField path={[...p, 'label']} label="Signal" />
              <TextField path={[...p, 'id']} label="Short name" hint="Letters, digits, _ . -" />
              <NumberField path={[...p, 'minCount']} label="At least" suffix="times" />
              <NumberField path={[...p, 'withinDays']} label="In the last" suffix="days" />
            </div>
            <ChoiceListField path={[...p, 'eventKinds']} label="Counts these activities" options={optionsOf(ENGAGEMENT_WORDS)} />
            <div className="grid grid-cols-2 gap-2">
              <PatternField path={[...p, 'titlePattern']} label="Page or e-mail title matches" explanation="Empty: any title." example="Pricing" />
              <PatternField path={[...p, 'urlPattern']} label="Address matches" explanation="Empty: any address." example="https://example.com/pricing" />
            </div>
          </div>
        )}
      />
    </FormSection>
  );
}
