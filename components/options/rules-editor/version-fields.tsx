import { FormSection, NumberField, TextField, listAt, textAt, useRulesForm } from './form-controls';
import { RecordList } from './list-fields';

/**
 * A rule set's name, version and change log. The definitions date entries by day ("date"), the
 * SLA policy by instant ("at"); the definition's version may be a number or "1.2.0".
 */
export function VersionFields({ versionIsNumber, entryDate, nameField = true, stampField }: {
  versionIsNumber: boolean;
  entryDate: 'date' | 'at';
  nameField?: boolean;
  /** "publishedAt" / "updatedAt": when this version took effect (ISO date-time). */
  stampField?: string;
}) {
  const { form } = useRulesForm();
  const log = listAt(form, ['changeLog']);
  const last = log.length ? textAt(form, ['changeLog', log.length - 1, 'summary']) : '';
  const Version = versionIsNumber ? NumberField : TextField;
  return (
    <FormSection title="Version and change log" summary={`v${textAt(form, ['version'])}${last ? ` — ${last}` : ''}`} open={false}>
      <div className="grid grid-cols-[repeat(auto-fill,minmax(11rem,1fr))] gap-2">
        {nameField ? <TextField path={['name']} label="Name" /> : null}
        <Version path={['version']} label="Version" hint="Raise it for every change." />
        {stampField ? <TextField path={[stampField]} label="In force from" hint="Date and time, e.g. 2026-11-01T00:00:00Z" /> : null}
        {nameField ? <TextField path={['id']} label="Identifier" hint="Stays the same across versions." /> : null}
      </div>
      <RecordList
        path={['changeLog']}
        itemName={(i) => `change-log entry ${i + 1}`}
        addLabel="Add a change-log entry"
        blank={() => ({ version: textAt(form, ['version']), [entryDate]: entryDate === 'date' ? new Date().toISOString().slice(0, 10) : new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'), author: '', summary: '' })}
        firstFieldOf={(p) => [...p, 'summary']}
        render={(p) => (
          <div className="grid grid-cols-[6rem_9rem_9rem_1fr] gap-2 pr-16">
            {versionIsNumber ? <NumberField path={[...p, 'version']} label="Version" /> : <TextField path={[...p, 'version']} label="Version" />}
            <TextField path={[...p, entryDate]} label={entryDate === 'date' ? 'Date' : 'When'} type={entryDate === 'date' ? 'date' : 'text'} />
            <TextField path={[...p, 'author']} label="Author" optional={entryDate === 'at'} />
            <TextField path={[...p, 'summary']} label="What changed" />
          </div>
        )}
      />
    </FormSection>
  );
}
