import { WEEKDAYS } from '../../../lib/domain/sla/calendar-vocabulary';
import { WEEKDAY_WORDS } from '../../../lib/rules-editor/rule-words';
import { barSegments, nextBlock, openHours } from '../../../lib/rules-editor/week-layout';
import type { FieldPath } from '../../../lib/rules-editor/form-state';
import { FieldErrors, FormSection, NumberField, TextField, listAt, textAt, useRulesForm } from './form-controls';
import { SMALL_BUTTON, focusSoon } from './list-fields';

const HOUR_MARKS = [0, 6, 12, 18, 24];

/** A day's (or a holiday's) blocks of hours: a bar to see them and a pair of times per block. */
export function HoursBlocks({ path, dayName, bar = true }: { path: FieldPath; dayName: string; bar?: boolean }) {
  const { form, set, idFor } = useRulesForm();
  const blocks = listAt(form, path) as { start?: unknown; end?: unknown }[];
  const segments = barSegments(blocks);
  return (
    <div className="flex min-w-0 flex-1 flex-wrap items-center gap-x-2 gap-y-1">
      {bar ? (
        <div className="relative h-4 w-56 shrink-0 rounded-sm bg-slate-100" aria-hidden="true">
          {HOUR_MARKS.slice(1, -1).map((h) => (
            <span key={h} className="absolute top-0 h-full border-l border-slate-300" style={{ left: `${(h / 24) * 100}%` }} />
          ))}
          {segments.map((s, i) => (
            <span key={i} title={s.label} className="absolute top-0.5 h-3 rounded-sm bg-emerald-600" style={{ left: `${s.left}%`, width: `${s.width}%` }} />
          ))}
        </div>
      ) : null}
      {blocks.length === 0 ? <span className="text-xs text-slate-500">Closed</span> : null}
      {blocks.map((_, i) => (
        <span key={i} className="flex items-start gap-0.5">
          <TimeInput path={[...path, i, 'start']} label={`${dayName} block ${i + 1} opens`} />
          <span className="pt-0.5 text-xs text-slate-500">–</span>
          <TimeInput path={[...path, i, 'end']} label={`${dayName} block ${i + 1} closes`} />
          <button
            type="button"
            aria-label={`Remove ${dayName} block ${i + 1}`}
            className="px-0.5 py-0.5 text-xs leading-4 text-slate-600 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-amber-500"
            onClick={() => {
              set(path, blocks.filter((_, j) => j !== i));
              focusSoon(idFor(path, 'add'));
            }}
          >
            ×
          </button>
        </span>
      ))}
      <button
        id={idFor(path, 'add')}
        type="button"
        className={SMALL_BUTTON}
        onClick={() => {
          set(path, [...blocks, nextBlock(blocks)]);
          focusSoon(idFor([...path, blocks.length, 'start']));
        }}
      >
        Add hours<span className="sr-only"> on {dayName}</span>
      </button>
      <div className="basis-full">
        <FieldErrors path={path} />
      </div>
    </div>
  );
}

function TimeInput({ path, label }: { path: FieldPath; label: string }) {
  const { form, set, idFor, errorsAt } = useRulesForm();
  const id = idFor(path);
  const errors = errorsAt(path);
  const value = textAt(form, path);
  return (
    <span className="flex flex-col">
      <input
        id={id}
        aria-label={label}
        value={value}
        placeholder="HH:MM"
        onChange={(e) => set(path, e.target.value)}
        aria-invalid={errors.length ? true : undefined}
        aria-describedby={errors.length ? idFor(path, 'error') : undefined}
        className={`w-14 rounded border px-1 py-0.5 text-center text-xs tabular-nums focus-visible:outline-2 focus-visible:outline-amber-500 ${errors.length ? 'border-red-500' : 'border-slate-300'}`}
      />
      <FieldErrors path={path} />
    </span>
  );
}

/** The calendar's zone and the visual week of business hours. */
export function SlaWeekFields() {
  const { form } = useRulesForm();
  const total = WEEKDAYS.reduce((sum, d) => sum + openHours(listAt(form, ['calendar', 'weeklyHours', d]) as never[]), 0);
  return (
    <FormSection title="Business hours" summary={`${Math.round(total * 10) / 10} open hours a week`}>
      <div className="grid grid-cols-[repeat(auto-fill,minmax(12rem,1fr))] gap-2">
        <TextField path={['calendar', 'timeZone']} label="Time zone" hint='e.g. "America/New_York", "Europe/Berlin"' />
        <TextField path={['calendar', 'region']} optional label="Region" hint="Picks regional holidays, e.g. US, DE-BY." />
        <NumberField path={['calendar', 'hoursPerBusinessDay']} label="A business day is" suffix="hours" />
      </div>
      <div role="group" aria-label="Business hours each day" className="grid gap-1">
        <div className="ml-24 flex w-56 justify-between text-[10px] text-slate-500" aria-hidden="true">
          {HOUR_MARKS.map((h) => <span key={h}>{String(h).padStart(2, '0')}</span>)}
        </div>
        {WEEKDAYS.map((day) => (
          <div key={day} className="flex items-start gap-2">
            <span className="w-22 shrink-0 pt-0.5 text-[13px] font-medium text-slate-800">{WEEKDAY_WORDS[day]}</span>
            <HoursBlocks path={['calendar', 'weeklyHours', day]} dayName={WEEKDAY_WORDS[day]} />
          </div>
        ))}
        <FieldErrors path={['calendar', 'weeklyHours']} />
      </div>
    </FormSection>
  );
}
