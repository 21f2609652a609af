import { getIn } from '../../../lib/rules-editor/form-state';
import { FormSection, TextField, listAt, textAt, useRulesForm } from './form-controls';
import { RecordList, SMALL_BUTTON, TextListField } from './list-fields';
import { HoursBlocks } from './sla-week-fields';

/** Holidays: a date each, closed all day unless it has reduced hours, optionally only in some regions. */
export function SlaHolidayFields() {
  const { form, set } = useRulesForm();
  const holidays = listAt(form, ['calendar', 'holidays']);
  const upcoming = holidays.map((_, i) => textAt(form, ['calendar', 'holidays', i, 'date'])).filter((d) => d >= new Date().toISOString().slice(0, 10)).sort();
  return (
    <FormSection title="Holidays" summary={`${holidays.length} listed${upcoming[0] ? `, next ${upcoming[0]}` : ''}`} open={false}>
      <RecordList
        path={['calendar', 'holidays']}
        itemName={(i) => `holiday ${i + 1}${textAt(form, ['calendar', 'holidays', i, 'name']) ? ` (${textAt(form, ['calendar', 'holidays', i, 'name'])})` : ''}`}
        addLabel="Add a holiday"
        blank={() => ({ date: new Date().toISOString().slice(0, 10) })}
        firstFieldOf={(p) => [...p, 'date']}
        render={(p, i) => {
          const name = textAt(form, [...p, 'name']) || `Holiday ${i + 1}`;
          const hours = getIn(form, [...p, 'hours']);
          return (
            <div className="grid gap-1.5 pr-16">
              <div className="grid grid-cols-[9.5rem_1fr] gap-2">
                <TextField path={[...p, 'date']} type="date" label="Date" />
                <TextField path={[...p, 'name']} optional label="Name" />
              </div>
              <div className="flex flex-wrap items-center gap-2">
                {hours === undefined ? (
                  <>
                    <span className="text-xs text-slate-600">Closed all day.</span>
                    <button type="button" className={SMALL_BUTTON} onClick={() => set([...p, 'hours'], [{ start: '09:00', end: '13:00' }])}>
                      Open reduced hours<span className="sr-only"> on {name}</span>
                    </button>
                  </>
                ) : (
                  <>
                    <span className="text-xs text-slate-600">Reduced hours:</span>
                    <HoursBlocks path={[...p, 'hours']} dayName={name} bar={false} />
                    <button type="button" className={SMALL_BUTTON} onClick={() => set([...p, 'hours'], undefined)}>
                      Close all day<span className="sr-only"> on {name}</span>
                    </button>
                  </>
                )}
              </div>
              <TextListField path={[...p, 'regions']} optional label="Only in regions" itemLabel={`${name} region`} hint="None: everywhere." />
            </div>
          );
        }}
      />
    </FormSection>
  );
}
