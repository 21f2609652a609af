import { configuredCriterionIds } from '../../../lib/domain/qualification/sql-definition';
import type { SqlDefinition } from '../../../lib/domain/qualification/sql-definition';
import { CRITERION_WORDS } from '../../../lib/rules-editor/rule-words';
import { getIn } from '../../../lib/rules-editor/form-state';
import type { FieldPath } from '../../../lib/rules-editor/form-state';
import { CheckboxField, ChoiceListField, FieldErrors, FormSection, HINT, LABEL, listAt, useRulesForm } from './form-controls';
import { TextListField } from './list-fields';

/** On / off / "automatic" (the field left out: the schema decides from the lists). */
function AutoSwitch({ path, label, automatic }: { path: FieldPath; label: string; automatic: string }) {
  const { form, set, idFor, errorsAt } = useRulesForm();
  const v = getIn(form, path);
  const id = idFor(path);
  const invalid = errorsAt(path).length > 0;
  return (
    <div>
      <label htmlFor={id} className={LABEL}>{label}</label>
      <select
        id={id}
        value={v === true ? 'on' : v === false ? 'off' : 'auto'}
        onChange={(e) => set(path, e.target.value === 'on' ? true : e.target.value === 'off' ? false : undefined)}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? idFor(path, 'error') : undefined}
        className="mt-0.5 rounded border border-slate-300 bg-white px-1.5 py-0.5 text-[13px] focus-visible:outline-2 focus-visible:outline-amber-500"
      >
        <option value="auto">{automatic}</option>
        <option value="on">On</option>
        <option value="off">Off</option>
      </select>
      <FieldErrors path={path} />
    </div>
  );
}

/** Disqualifiers: a lead that trips one is out, whatever else it shows. */
export function SqlDisqualifierFields() {
  return (
    <FormSection title="Disqualifiers" summary="Always apply: competitors, personal e-mail, students, deal size, geography">
      <TextListField path={['disqualifiers', 'competitorDomains']} label="Competitors’ domains" itemLabel="Competitor domain" tryAs="domain" example="jo@rival.com" hint='"rival.com" also covers its subdomains; "*.edu" any domain ending in .edu.' />
      <div className="grid grid-cols-[1fr_14rem] gap-2">
        <TextListField path={['disqualifiers', 'personalEmailDomains']} label="Personal e-mail domains" itemLabel="Personal e-mail domain" tryAs="domain" example="sam@gmail.com" />
        <AutoSwitch path={['disqualifiers', 'builtInPersonalEmailDomains']} label="Also Baton’s list of free e-mail providers" automatic="When the list has a domain" />
      </div>
      <div className="grid grid-cols-[1fr_14rem] gap-2">
        <TextListField path={['disqualifiers', 'studentEmailDomains']} label="Student e-mail domains" itemLabel="Student e-mail domain" tryAs="domain" example="kim@uni.edu" />
        <AutoSwitch path={['disqualifiers', 'builtInStudentSignals']} label="Also student titles and universities" automatic="When the list has a domain" />
      </div>
      <CheckboxField path={['disqualifiers', 'belowMinimumDealSize']} label="Below the minimum deal size" hint="Needs a minimum deal size under Budget." />
      <CheckboxField path={['disqualifiers', 'wrongGeography']} label="Outside the countries we sell to" hint="Needs countries under Fit." />
    </FormSection>
  );
}

/** The criteria that must all be met for "sales-qualified", among those the definition configures. */
export function SqlRequiredField() {
  const { form } = useRulesForm();
  let configured: string[] = [];
  try {
    const def = form as SqlDefinition;
    configured = configuredCriterionIds({
      bant: def.bant,
      fit: def.fit ?? {},
      engagement: { label: '', signals: listAt(form, ['engagement', 'signals']) as SqlDefinition['engagement']['signals'] },
      disqualifiers: { ...def.disqualifiers, competitorDomains: listAt(form, ['disqualifiers', 'competitorDomains']) as string[], personalEmailDomains: listAt(form, ['disqualifiers', 'personalEmailDomains']) as string[], studentEmailDomains: listAt(form, ['disqualifiers', 'studentEmailDomains']) as string[] },
    }).filter((id) => !id.startsWith('disq.'));
  } catch {
    configured = ['budget', 'authority', 'need', 'timeline'];
  }
  // Ids already required but not configured stay listed, so they can be unticked.
  const required = listAt(form, ['required']).filter((r): r is string => typeof r === 'string');
  const ids = [...configured, ...required.filter((r) => !configured.includes(r))];
  return (
    <FormSection title="Required for sales-qualified" summary={required.map((r) => CRITERION_WORDS[r] ?? r).join(', ')}>
      <ChoiceListField path={['required']} label="A lead is sales-qualified when all of these are met (and no disqualifier applies)" options={ids.map((id) => [id, CRITERION_WORDS[id] ?? id] as [string, string])} />
      <p className={HINT}>Only criteria this definition checks can be required. Disqualifiers always apply.</p>
    </FormSection>
  );
}
