import { reviewState } from '../../../lib/rules-editor/review-due';
import { FormSection, TextField } from './form-controls';
import { DraftBacktest } from './draft-backtest';
import { LeadTestPanel } from './lead-test-panel';
import { SqlCriteriaFields } from './sql-criteria-fields';
import { SqlDisqualifierFields, SqlRequiredField } from './sql-disqualifier-fields';
import { SqlEngagementFields, SqlFitFields } from './sql-fit-fields';
import { VersionFields } from './version-fields';

/** The SQL definition's form: name, criteria, fit, signals, disqualifiers, the required set; then testing it. */
export function SqlDefinitionForm({ current, draft }: { current: unknown; draft: unknown }) {
  const review = current && typeof current === 'object' ? reviewState(current as { publishedAt?: unknown; changeLog?: unknown }, Date.now()) : null;
  return (
    <div className="grid gap-2">
      {review?.due ? (
        <p className="rounded border border-amber-300 bg-amber-50 px-2 py-1 text-xs text-amber-950">
          <strong>Review due.</strong> The definition in force was last changed on {review.lastChanged} ({review.days} days ago). Marketing and sales review it each quarter: test it against recent leads below and backtest the draft.
        </p>
      ) : null}
      <FormSection title="Name and purpose">
        <div className="grid grid-cols-[1fr_2fr_10rem] gap-2">
          <TextField path={['name']} label="Name" />
          <TextField path={['description']} optional label="What it is for" />
          <TextField path={['id']} label="Identifier" hint="Stays the same across versions." />
        </div>
      </FormSection>
      <SqlCriteriaFields />
      <SqlFitFields />
      <SqlEngagementFields />
      <SqlDisqualifierFields />
      <SqlRequiredField />
      <VersionFields versionIsNumber={false} entryDate="date" stampField="publishedAt" nameField={false} />
      {current ? <LeadTestPanel current={current} draft={draft} /> : null}
      <DraftBacktest draft={draft} />
    </div>
  );
}
