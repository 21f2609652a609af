import type { ReactNode } from 'react';
import { optionsOf, FUNCTION_WORDS, SENIORITY_WORDS } from '../../../lib/rules-editor/rule-words';
import { getIn } from '../../../lib/rules-editor/form-state';
import { ChoiceListField, FormSection, NumberField, PatternField, TextField, useRulesForm } from './form-controls';
import { TextListField, SMALL_BUTTON } from './list-fields';

/** The four BANT criteria of the SQL definition: each one's label and the evidence rules Baton checks by itself. */
export function SqlCriteriaFields() {
  const { form, set, idFor } = useRulesForm();
  const minimum = getIn(form, ['bant', 'budget', 'minimum']);
  return (
    <FormSection title="Criteria (BANT)" summary="What a lead must show: budget, authority, need, timeline">
      <Criterion title="Budget" labelPath={['bant', 'budget', 'label']}>
        <div className="flex flex-wrap items-start gap-x-4 gap-y-2">
          {minimum === undefined ? (
            <div>
              <span className="block text-xs font-medium text-slate-700">Minimum deal size</span>
              <button id={idFor(['bant', 'budget', 'minimum'], 'toggle')} type="button" className={`${SMALL_BUTTON} mt-0.5`} onClick={() => set(['bant', 'budget', 'minimum'], { amount: '', currency: 'USD' })}>
                Set a minimum deal size
              </button>
            </div>
          ) : (
            <div className="flex items-end gap-1.5">
              <NumberField path={['bant', 'budget', 'minimum', 'amount']} label="Minimum deal size" />
              <TextField path={['bant', 'budget', 'minimum', 'currency']} label="Currency" className="w-16" />
              <button type="button" className={`${SMALL_BUTTON} mb-0.5 whitespace-nowrap`} onClick={() => set(['bant', 'budget', 'minimum'], undefined)}>
                No minimum
              </button>
            </div>
          )}
          <TextField path={['bant', 'budget', 'defaultCurrency']} optional label="Currency when a form gives none" hint='Three letters, e.g. "USD".' className="w-52" />
        </div>
        <PatternField path={['bant', 'budget', 'formQuestionPattern']} label="Form question that states a budget" explanation="A form answer under a question matching this is read as the budget. Empty: the rep records it." example="What is your budget?" />
      </Criterion>
      <Criterion title="Authority" labelPath={['bant', 'authority', 'label']}>
        <ChoiceListField path={['bant', 'authority', 'decisionMakerSeniorities']} optional label="Seniorities that decide" options={optionsOf(SENIORITY_WORDS)} hint="Read from the job title however it is written (“CFO”, “Chief Financial Officer”)." />
        <ChoiceListField path={['bant', 'authority', 'decisionMakerFunctions']} optional label="…only in these functions" options={optionsOf(FUNCTION_WORDS)} hint="None ticked: any function. Owners and chief executives always decide." />
        <TextListField path={['bant', 'authority', 'decisionMakerTitlePatterns']} label="Job titles that decide (patterns)" itemLabel="Decision-maker title pattern" tryAs="pattern" example="Chief Revenue Officer" hint="A lead whose title matches any of these is the decision maker." />
      </Criterion>
      <Criterion title="Need" labelPath={['bant', 'need', 'label']}>
        <PatternField path={['bant', 'need', 'formQuestionPattern']} label="Form question that states the problem" explanation="A form answer under a matching question is read as the need." example="What is your biggest challenge?" />
      </Criterion>
      <Criterion title="Timeline" labelPath={['bant', 'timeline', 'label']}>
        <NumberField path={['bant', 'timeline', 'withinDays']} label="Target date within" suffix="days from today" hint="Empty: any date counts." />
        <PatternField path={['bant', 'timeline', 'formQuestionPattern']} label="Form question that states a timeline" explanation="A form answer under a matching question is read as the target date." example="When do you want to start?" />
      </Criterion>
    </FormSection>
  );
}

function Criterion({ title, labelPath, children }: { title: string; labelPath: readonly string[]; children: ReactNode }) {
  return (
    <div className="grid gap-1.5 rounded border border-slate-200 px-2 py-1.5">
      <h5 className="text-xs font-semibold tracking-wide text-slate-600 uppercase">{title}</h5>
      <TextField path={labelPath} label={`${title}: label the rep reads`} />
      {children}
    </div>
  );
}
