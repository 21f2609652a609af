import { describe, expect, test } from 'vitest';
import { DEFAULT_SQL_DEFINITION } from '../../lib/domain/qualification/default-sql-definition';
import { evaluateDefinition } from '../../lib/domain/qualification/evaluate-definition';
import { buildQualificationInputs, decodeQualificationInputs, encodeQualificationInputs } from '../../lib/domain/qualification/qualification-inputs';
import { compareOnLead, describeVerdict } from '../../lib/rules-editor/compare-on-lead';
import { NOW, makeLead } from '../domain/qualification/make-lead';

/** A lead's inputs as the options page gets them: encoded by the background, decoded by the page. */
function inputsOf(lead = makeLead({ employees: 12 })) {
  const encoded = encodeQualificationInputs(buildQualificationInputs({ lead, events: [], evaluatedAt: NOW }));
  const decoded = decodeQualificationInputs(encoded, lead.ref);
  if (!decoded.ok) throw new Error(decoded.detail);
  return decoded.inputs;
}

describe('compareOnLead', () => {
  test('the definition in force gives what the panel gives; the draft is lined up beside it', () => {
    const inputs = inputsOf();
    const draft = JSON.parse(JSON.stringify(DEFAULT_SQL_DEFINITION));
    draft.fit.employees.min = 10;
    const result = compareOnLead(DEFAULT_SQL_DEFINITION, draft, inputs);
    expect(result.current).toEqual(evaluateDefinition(DEFAULT_SQL_DEFINITION, { lead: inputs.lead, events: inputs.events, now: inputs.evaluatedAt }));
    const size = result.rows.find((r) => r.id === 'fit.employees')!;
    expect(size.current!.status).toBe('unmet');
    expect(size.draft!.status).toBe('met');
    expect(size.changed).toBe(true);
    expect(result.rows.filter((r) => r.changed).map((r) => r.id)).toEqual(['fit.employees']);
    expect(result.draftErrors).toEqual([]);
  });

  test('a criterion only the draft checks shows as new; an invalid draft is reported, not evaluated', () => {
    const inputs = inputsOf();
    const draft = JSON.parse(JSON.stringify(DEFAULT_SQL_DEFINITION));
    draft.fit.industries = ['Retail'];
    const added = compareOnLead(DEFAULT_SQL_DEFINITION, draft, inputs).rows.find((r) => r.id === 'fit.industry')!;
    expect(added.current).toBeNull();
    expect(added.draft!.status).toBe('unmet');
    expect(added.changed).toBe(true);

    draft.bant.need.formQuestionPattern = 'challenge(';
    const broken = compareOnLead(DEFAULT_SQL_DEFINITION, draft, inputs);
    expect(broken.draft).toBeNull();
    expect(broken.draftErrors.map((e) => e.path)).toEqual(['bant.need.formQuestionPattern']);
    expect(broken.rows.every((r) => !r.changed)).toBe(true);
  });

  test('verdicts in words', () => {
    expect(describeVerdict({ kind: 'sales_qualified' }, String)).toBe('Sales-qualified');
    expect(describeVerdict({ kind: 'not_yet', missing: ['need', 'fit.title'] }, (id) => ({ need: 'Need', 'fit.title': 'Job title' })[id]!)).toBe('Not yet: missing Need, Job title');
  });
});
