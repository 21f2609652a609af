// @vitest-environment happy-dom
import { act, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DISPOSITION_REASONS } from '../../../../lib/domain/disposition/disposition-reasons';
import { DEFAULT_SQL_DEFINITION } from '../../../../lib/domain/qualification/default-sql-definition';
import { defaultSlaPolicy } from '../../../../lib/domain/sla/default-sla-policy';
import type { RulesEditorKind } from '../../../../lib/rules-editor/form-state';
import { formatAdminSettingJson } from '../../../../lib/storage/admin-setting-json';
// The form's sections ask the background nothing here; the mock keeps the real messaging out.
import '../../../support/messaging/mocked-send-request';
import { render as renderIntoDocument } from '../../../support/react/render-into-document';

const { RulesForm } = await import('../../../../components/options/rules-editor/rules-form');

/** The form with the card's part played by a text state: the draft is JSON text both ways. */
function render(kind: RulesEditorKind, value: unknown) {
  const latest = { text: formatAdminSettingJson(value) };
  function Harness() {
    const [text, setText] = useState(latest.text);
    return <RulesForm kind={kind} text={text} current={value} onText={(t) => { latest.text = t; setText(t); }} />;
  }
  return { el: renderIntoDocument(<Harness />), json: () => JSON.parse(latest.text) as any };
}

function field(el: HTMLElement, name: string): HTMLInputElement {
  const byLabel = [...el.querySelectorAll('label')].find((l) => l.textContent === name && l.htmlFor);
  const found = byLabel ? el.querySelector<HTMLInputElement>(`#${CSS.escape(byLabel.htmlFor)}`) : el.querySelector<HTMLInputElement>(`[aria-label="${name}"]`);
  if (!found) throw new Error(`no field "${name}"`);
  return found;
}

function type(input: HTMLInputElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  act(() => {
    setter.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const button = (el: HTMLElement, name: string) => {
  const found = [...el.querySelectorAll('button')].find((b) => b.textContent === name);
  if (!found) throw new Error(`no button "${name}"`);
  return found;
};
const click = (b: HTMLElement) => act(() => b.click());

describe('SQL definition form', () => {
  it('edits a criterion: its label and its evidence pattern, which the example box checks as it is typed', () => {
    const { el, json } = render('sql-definition', DEFAULT_SQL_DEFINITION);
    type(field(el, 'Budget: label the rep reads'), 'Budget: an amount the buyer stated');
    expect(json().bant.budget.label).toBe('Budget: an amount the buyer stated');

    const pattern = field(el, 'Form question that states a budget');
    type(pattern, 'budget|spend');
    expect(json().bant.budget.formQuestionPattern).toBe('budget|spend');
    const tryBox = el.querySelector<HTMLInputElement>(`#${CSS.escape(pattern.id.replace(/$/, '-try'))}`)!;
    type(tryBox, 'Annual spend?');
    expect(el.querySelector(`#${CSS.escape(`${tryBox.id}-result`)}`)!.textContent).toBe('Matches (“spend”)');
    type(tryBox, 'Team size');
    expect(el.querySelector(`#${CSS.escape(`${tryBox.id}-result`)}`)!.textContent).toBe('Doesn’t match');

    // A number typed as text becomes a number in the document; emptied, an optional one is left out.
    type(field(el, 'Target date within'), '120');
    expect(json().bant.timeline.withinDays).toBe(120);
    type(field(el, 'Target date within'), '');
    expect(json().bant.timeline).not.toHaveProperty('withinDays');
    // Everything else is as it was.
    const { bant, ...rest } = json();
    const { bant: defaultBant, ...defaultRest } = JSON.parse(formatAdminSettingJson(DEFAULT_SQL_DEFINITION));
    expect(rest).toEqual(defaultRest);
    expect(bant.authority).toEqual(defaultBant.authority);
  });

  it('a broken pattern shows its problem at the field, with the field marked invalid', () => {
    const { el } = render('sql-definition', DEFAULT_SQL_DEFINITION);
    const pattern = field(el, 'Form question that states the problem');
    type(pattern, 'challenge(');
    expect(pattern.getAttribute('aria-invalid')).toBe('true');
    const error = el.querySelector(`#${CSS.escape(pattern.getAttribute('aria-describedby')!.split(' ')[0]!)}`)!;
    expect(error.textContent).toBe('not a valid regular expression');
  });
});

describe('SLA policy form', () => {
  it('adds a second block of business hours to a day', () => {
    const policy = defaultSlaPolicy;
    const { el, json } = render('sla-policy', policy);
    const before = json().calendar.weeklyHours.mon as { start: string; end: string }[];
    click(button(el, 'Add hours on Monday'));
    const after = json().calendar.weeklyHours.mon as { start: string; end: string }[];
    expect(after).toHaveLength(before.length + 1);
    expect(after.slice(0, -1)).toEqual(before);
    // The new block's times are inputs of their own, named for the day.
    const opens = field(el, `Monday block ${after.length} opens`);
    type(opens, '18:00');
    type(field(el, `Monday block ${after.length} closes`), '20:00');
    expect(json().calendar.weeklyHours.mon.at(-1)).toEqual({ start: '18:00', end: '20:00' });
    expect(json().calendar.weeklyHours.tue).toEqual(policy.calendar.weeklyHours.tue);
  });

  it('adds a holiday with its date', () => {
    const { el, json } = render('sla-policy', defaultSlaPolicy);
    const count = json().calendar.holidays.length;
    click(button(el, 'Add a holiday'));
    const dates = [...el.querySelectorAll<HTMLInputElement>('input[type="date"]')];
    type(dates.at(-1)!, '2026-12-24');
    const holidays = json().calendar.holidays;
    expect(holidays).toHaveLength(count + 1);
    expect(holidays.at(-1)).toEqual({ date: '2026-12-24' });
    click(button(el, 'Open reduced hours on Holiday ' + (count + 1)));
    expect(json().calendar.holidays.at(-1)).toEqual({ date: '2026-12-24', hours: [{ start: '09:00', end: '13:00' }] });
  });

  it('shows a schema error next to the field it is about', () => {
    const { el } = render('sla-policy', defaultSlaPolicy);
    const amount = field(el, 'First touch within');
    type(amount, '-5');
    expect(amount.getAttribute('aria-invalid')).toBe('true');
    const errorId = amount.getAttribute('aria-describedby')!.split(' ')[0]!;
    const error = el.querySelector(`#${CSS.escape(errorId)}`)!;
    expect(error.textContent).toBe('must be 0 or more');
    // Right under the input, not only in a list at the top.
    expect(amount.closest('div')!.contains(error)).toBe(true);
    type(amount, '30');
    expect(amount.hasAttribute('aria-invalid')).toBe(false);
  });
});

describe('disposition reasons form', () => {
  it('retires a reason instead of removing it', () => {
    const { el, json } = render('disposition-reasons', DEFAULT_DISPOSITION_REASONS);
    const first = DEFAULT_DISPOSITION_REASONS.reasons[0]!.label;
    const active = [...el.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].find((c) => c.closest('label')?.textContent === `${first}: reps can choose it`)!;
    expect(active.checked).toBe(true);
    click(active);
    expect(json().reasons[0].active).toBe(false);
    expect(json().reasons).toHaveLength(DEFAULT_DISPOSITION_REASONS.reasons.length);
  });
});

describe('a draft the form cannot show', () => {
  it('says to fix the JSON first, and where', () => {
    const host = renderIntoDocument(<RulesForm kind="sla-policy" text={'{ "tiers": [ '} onText={() => {}} />);
    const alert = host.querySelector('[role="alert"]')!;
    expect(alert.textContent).toMatch(/^The form needs a JSON document to work on: not valid JSON: .* at line 1, column \d+\. Fix it in the JSON view/);
    expect(host.querySelector('input')).toBeNull();
  });
});

describe('review due', () => {
  it('says so above the SQL definition form when the definition in force is more than a quarter old', () => {
    const old = { ...DEFAULT_SQL_DEFINITION, publishedAt: '2020-01-01T00:00:00Z', changeLog: [{ ...DEFAULT_SQL_DEFINITION.changeLog[0]!, date: '2020-01-01' }] };
    const { el } = render('sql-definition', old);
    expect(el.textContent).toContain('Review due. The definition in force was last changed on 2020-01-01');
  });
  it('not for a recent one', () => {
    const recent = { ...DEFAULT_SQL_DEFINITION, publishedAt: new Date().toISOString(), changeLog: [{ ...DEFAULT_SQL_DEFINITION.changeLog[0]!, date: new Date().toISOString().slice(0, 10) }] };
    const { el } = render('sql-definition', recent);
    expect(el.textContent).not.toContain('Review due');
  });
});
